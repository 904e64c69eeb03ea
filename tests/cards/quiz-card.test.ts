/**
 * The quiz card and the private result, on their own: three answers in every language, a
 * quiz that never gives its answer away, counts without names, and a result that says
 * right or wrong, why, and which topic to open.
 */
import { describe, expect, it } from 'vitest';
import { ACTION_IDS, decodeQuizValue, decodeValue } from '../../src/cards/actions.js';
import { blockKitProblems } from '../../src/cards/blocks.js';
import { quizCard, quizResultCard } from '../../src/cards/quiz-card.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import type { TopicQuizItem } from '../../src/knowledge/load.js';
import { QUIZ_ANSWERS } from '../../src/knowledge/schema.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { buttonsOf, kb } from '../support/cards.js';
import { PINGS } from '../support/harness.js';

const item = kb.quiz[0] as TopicQuizItem;
const wrongAnswer = QUIZ_ANSWERS.find((answer) => answer !== item.answer) ?? 'both';

describe('the quiz card', () => {
  it('asks the prompt with three answers, in every language, for every item, inside Block Kit limits', () => {
    expect(kb.quiz.length).toBeGreaterThan(0);
    for (const language of LANGUAGES) {
      for (const each of kb.quiz) {
        const card = quizCard(kb, each, language, { quiz: 'p0123456789ab', surface: 'message' });
        expect(blockKitProblems(card.blocks)).toEqual([]);
        expect(JSON.stringify(card.blocks)).toContain(JSON.stringify(each.prompt[language]).slice(1, -1));
        const buttons = buttonsOf(card as unknown as Record<string, unknown>);
        expect(buttons.map((button) => button.action_id)).toEqual([
          'quiz_answer_networking',
          'quiz_answer_media',
          'quiz_answer_both',
        ]);
        expect(buttons.map((button) => button.text.text)).toEqual([
          translate(kb.ui, language, 'quiz.answer_networking'),
          translate(kb.ui, language, 'quiz.answer_media'),
          translate(kb.ui, language, 'quiz.answer_both'),
        ]);
        for (const button of buttons) {
          expect(decodeQuizValue(button.value)).toEqual({ item: each.key, language, quiz: 'p0123456789ab' });
        }
      }
    }
  });

  it('never gives the answer away: no explanation, and every answer button looks the same', () => {
    for (const language of LANGUAGES) {
      const card = quizCard(kb, item, language, { quiz: 'p1', surface: 'ephemeral' });
      const text = JSON.stringify(card);
      expect(text).not.toContain(item.explanation[language]);
      const answers = buttonsOf(card as unknown as Record<string, unknown>).filter((button) =>
        button.action_id.startsWith(ACTION_IDS.quizAnswerPrefix),
      );
      expect(new Set(answers.map((button) => button.value)).size).toBe(1);
      expect(answers.every((button) => !('style' in button))).toBe(true);
    }
  });

  it('a private quiz can be shared; one in a channel or a DM cannot', () => {
    const ids = (surface: 'ephemeral' | 'message') =>
      buttonsOf(quizCard(kb, item, 'en', { quiz: 'p1', surface }) as unknown as Record<string, unknown>).map(
        (button) => button.action_id,
      );
    expect(ids('ephemeral')).toContain(ACTION_IDS.quizShare);
    expect(ids('message')).not.toContain(ACTION_IDS.quizShare);
  });

  it('shows counts only (how many answered, the share right), and only once someone answered', () => {
    const none = JSON.stringify(
      quizCard(kb, item, 'en', {
        quiz: 'c:C1:2026-12-04',
        surface: 'message',
        counts: { answered: 0, right: 0 },
      }),
    );
    expect(none).not.toContain('answered');
    const some = JSON.stringify(
      quizCard(kb, item, 'en', {
        quiz: 'c:C1:2026-12-04',
        surface: 'message',
        counts: { answered: 12, right: 9 },
      }),
    );
    expect(some).toContain('12 answered · 75% right');
    for (const language of LANGUAGES) {
      const card = quizCard(kb, item, language, {
        quiz: 'c:C1:2026-12-04',
        surface: 'message',
        counts: { answered: 3, right: 1 },
      });
      expect(JSON.stringify(card)).toContain(
        JSON.stringify(translate(kb.ui, language, 'quiz.counts', { answered: 3, share: '33%' })).slice(1, -1),
      );
    }
  });

  it('names who shared it, escaped', () => {
    const card = quizCard(kb, item, 'en', { quiz: 'p1', surface: 'message', sharedBy: '<!channel> & co' });
    const text = JSON.stringify(card);
    expect(text).toContain('Shared by &lt;!channel&gt; &amp; co');
    expect(text).not.toMatch(PINGS);
  });
});

describe('the quiz result', () => {
  it('says right, with the explanation and a button that opens the topic', () => {
    for (const language of LANGUAGES) {
      const card = quizResultCard(kb, item, language, { chosen: item.answer, counted: true });
      expect(blockKitProblems(card.blocks)).toEqual([]);
      const text = JSON.stringify(card);
      expect(text).toContain(item.explanation[language]);
      expect(card.text.startsWith(translate(kb.ui, language, 'quiz.right').slice(0, 2))).toBe(true);
      expect(text).not.toContain(JSON.stringify(translate(kb.ui, language, 'quiz.repeat')).slice(1, -1));
      const [open] = buttonsOf(card as unknown as Record<string, unknown>);
      expect(open?.action_id).toBe(ACTION_IDS.quizOpen);
      expect(decodeValue(open?.value)).toEqual({ topic: item.topicId, language });
    }
  });

  it('says wrong, naming the chosen and the right answer', () => {
    const card = quizResultCard(kb, item, 'en', { chosen: wrongAnswer, counted: true });
    const expected = translate(kb.ui, 'en', 'quiz.wrong', {
      chosen: translate(kb.ui, 'en', `quiz.answer_${wrongAnswer}`),
      answer: translate(kb.ui, 'en', `quiz.answer_${item.answer}`),
    });
    expect(card.text).toContain(expected);
    expect(card.text).toContain(item.explanation.en);
  });

  it('says that only the first answer counts, when this one did not', () => {
    for (const language of LANGUAGES) {
      const card = quizResultCard(kb, item, language, { chosen: item.answer, counted: false });
      expect(JSON.stringify(card)).toContain(
        JSON.stringify(translate(kb.ui, language, 'quiz.repeat')).slice(1, -1),
      );
    }
  });
});
