import { describe, expect, it } from 'vitest';
import { blockKitProblems } from '../../src/cards/blocks.js';
import { statsCard } from '../../src/cards/stats-card.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import type { UsageReport } from '../../src/store/store.js';
import { kb } from '../support/cards.js';
import { PINGS } from '../support/harness.js';

const huge: UsageReport = {
  asked: 100_000,
  answered: 99_999,
  topTopics: kb.topics.slice(0, 5).map((topic, i) => ({ topic: topic.id, count: 1000 - i })),
  unanswered: Array.from({ length: 5 }, (_, i) => ({
    text: `<!channel> ${'x'.repeat(5000)} ${i}`,
    count: 50 - i,
  })),
  votes: kb.topics.map((topic) => ({ topic: topic.id, up: 12_345, down: 6_789 })),
  languages: LANGUAGES.map((language) => ({ language, asked: 25_000, answered: 24_999 })),
  quiz: {
    answered: 100_000,
    right: 77_777,
    mostMissed: { itemKey: '<!channel>', missed: 50_000, answered: 99_999 },
  },
};

describe('the usage report card', () => {
  it('stays inside Block Kit limits, in every language, even with huge and hostile figures', () => {
    for (const language of LANGUAGES) {
      for (const days of [7, undefined]) {
        const card = statsCard(kb, huge, language, { days, questionLog: true });
        expect(blockKitProblems(card.blocks)).toEqual([]);
        expect(JSON.stringify(card)).not.toMatch(PINGS);
      }
    }
  });

  it('says "nothing yet" for an empty report and explains a switched-off question log', () => {
    const empty: UsageReport = {
      asked: 0,
      answered: 0,
      topTopics: [],
      unanswered: [],
      votes: [],
      languages: [],
      quiz: { answered: 0, right: 0, mostMissed: undefined },
    };
    const card = statsCard(kb, empty, 'de', { days: 30, questionLog: false });
    const text = JSON.stringify(card);
    expect(text).toContain('noch nichts');
    // Why the list is empty, in words an admin reads (not the setting's name).
    expect(card.text).toContain(translate(kb.ui, 'de', 'stats.log_off'));
    expect(text).not.toContain('QUESTION_LOG');
    expect(blockKitProblems(card.blocks)).toEqual([]);
  });

  it('lists unanswered questions by how many people asked, saying so in every language', () => {
    const report: UsageReport = {
      asked: 53,
      answered: 0,
      topTopics: [],
      unanswered: [
        { text: 'book a room', count: 2 },
        { text: 'free pizza?', count: 1 },
      ],
      votes: [],
      languages: [{ language: 'en', asked: 53, answered: 0 }],
      quiz: { answered: 0, right: 0, mostMissed: undefined },
    };
    for (const language of LANGUAGES) {
      const text = JSON.stringify(statsCard(kb, report, language, { days: 30, questionLog: true }));
      expect(text).toContain(JSON.stringify(translate(kb.ui, language, 'stats.unanswered')).slice(1, -1));
      expect(text).toContain('👥 2 · “book a room”\\n👥 1 · “free pizza?”');
      expect(text).not.toContain('× “');
    }
  });

  it('adds the quiz: first answers, the share right, and the most missed item by its prompt, shortened', () => {
    const item = kb.quiz[0];
    if (!item) throw new Error('no quiz items');
    const report: UsageReport = {
      asked: 0,
      answered: 0,
      topTopics: [],
      unanswered: [],
      votes: [],
      languages: [],
      quiz: { answered: 8, right: 6, mostMissed: { itemKey: item.key, missed: 2, answered: 5 } },
    };
    for (const language of LANGUAGES) {
      const card = statsCard(kb, report, language, { days: 30, questionLog: true });
      expect(blockKitProblems(card.blocks)).toEqual([]);
      const text = JSON.stringify(card);
      const expected = translate(kb.ui, language, 'stats.quiz', { answered: 8, right: 6, share: '75%' });
      expect(text).toContain(JSON.stringify(expected).slice(1, -1));
      expect(text).toContain(JSON.stringify(item.prompt[language].slice(0, 60)).slice(1, -1));
      expect(text).toContain('(2 ');
    }
    const none = JSON.stringify(
      statsCard(kb, { ...report, quiz: { answered: 0, right: 0, mostMissed: undefined } }, 'en', {
        days: 30,
        questionLog: true,
      }),
    );
    expect(none).toContain(translate(kb.ui, 'en', 'stats.quiz', { answered: 0, right: 0, share: '–' }));
    expect(none).not.toContain(translate(kb.ui, 'en', 'stats.quiz_missed').slice(0, 12));
  });
});

describe("the usage report's text (notifications, screen readers)", () => {
  it.each(LANGUAGES)(
    'names its figures as the card does, in %s, within a few thousand characters',
    (language) => {
      const card = statsCard(kb, huge, language, { days: 30, questionLog: true });
      expect(card.text).toContain(
        translate(kb.ui, language, 'stats.asked', {
          asked: huge.asked,
          answered: huge.answered,
          share: '100%',
        }),
      );
      expect(card.text).toContain(translate(kb.ui, language, 'stats.votes'));
      expect(card.text).toContain(translate(kb.ui, language, 'stats.languages'));
      expect(card.text.length).toBeLessThanOrEqual(3000);
      expect(card.text).not.toMatch(PINGS);
    },
  );
});
