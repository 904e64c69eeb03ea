import { describe, expect, it } from 'vitest';
import { ACTION_IDS, decodeValue } from '../../src/cards/actions.js';
import {
  type ActionsBlock,
  type Block,
  type Button,
  blockKitProblems,
  type ContextBlock,
  type HeaderBlock,
  type SectionBlock,
} from '../../src/cards/blocks.js';
import { helpCard } from '../../src/cards/help-card.js';
import { listCard } from '../../src/cards/list-card.js';
import { escapeMrkdwn, quoteUserText, truncate } from '../../src/cards/mrkdwn.js';
import { noMatchCard } from '../../src/cards/no-match-card.js';
import { tipCard } from '../../src/cards/tip-card.js';
import { type Surface, topicCard } from '../../src/cards/topic-card.js';
import { answerQuestion, createCore } from '../../src/core/answer.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../src/knowledge/languages.js';
import { translate } from '../../src/knowledge/ui-strings.js';

const core = createCore();
const { kb } = core;
const SURFACES: Surface[] = ['ephemeral', 'message'];

const headers = (blocks: Block[]) => blocks.filter((b): b is HeaderBlock => b.type === 'header');
const sections = (blocks: Block[]) => blocks.filter((b): b is SectionBlock => b.type === 'section');
const contexts = (blocks: Block[]) => blocks.filter((b): b is ContextBlock => b.type === 'context');
const buttons = (blocks: Block[]): Button[] =>
  blocks.flatMap((b) =>
    b.type === 'actions' ? b.elements : b.type === 'section' && b.accessory ? [b.accessory] : [],
  );
const buttonById = (blocks: Block[], actionId: string) =>
  buttons(blocks).find((b) => b.action_id === actionId);
const actionsById = (blocks: Block[], blockId: string) =>
  blocks.find((b): b is ActionsBlock => b.type === 'actions' && b.block_id === blockId);

const topicCases = kb.topics.flatMap((topic, index) =>
  LANGUAGES.flatMap((language) => SURFACES.map((surface) => [topic.id, language, surface, index] as const)),
);

describe('topicCard', () => {
  it.each(LANGUAGES)(
    'its text (what notifications and screen readers read) says what the card says, in %s',
    (language) => {
      for (const topic of kb.topics) {
        const { text } = topicCard(kb, topic, language, { surface: 'ephemeral' });
        const t = topic.text[language];
        const plain = (mrkdwn: string | undefined) =>
          (mrkdwn ?? '').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
        expect(text).toContain(t.title);
        expect(text).toContain(plain(t.summary));
        if (topic.kind === 'similarity') expect(text).toContain(plain(t.both));
        else {
          expect(text).toContain(plain(t.networking));
          expect(text).toContain(plain(t.media));
        }
        expect(text.length).toBeLessThanOrEqual(3000);
      }
    },
  );

  it('previous / next buttons say only that, short enough that Slack never cuts them', () => {
    for (const language of LANGUAGES) {
      for (const topic of kb.topics) {
        const { blocks } = topicCard(kb, topic, language, { surface: 'ephemeral' });
        for (const actionId of [ACTION_IDS.previous, ACTION_IDS.next]) {
          const label = buttonById(blocks, actionId)?.text.text ?? '';
          expect(label.length, `${topic.id} ${language} ${actionId}`).toBeGreaterThan(0);
          expect(label.length).toBeLessThanOrEqual(30);
        }
      }
    }
  });

  it('a vote is never styled danger, which Slack keeps for destructive actions', () => {
    const topic = kb.byId.get('roi');
    if (!topic) throw new Error('no topic roi');
    for (const vote of ['up', 'down'] as const) {
      const { blocks } = topicCard(kb, topic, 'en', { surface: 'ephemeral', answerId: 'a1', vote });
      expect(JSON.stringify(blocks)).not.toContain('"danger"');
    }
  });

  it("keeps each asker's question, vote and sharer on their own card, however many cards share a topic", () => {
    const topic = kb.byId.get('roi');
    if (!topic) throw new Error('no topic roi');
    const first = topicCard(kb, topic, 'en', {
      surface: 'ephemeral',
      question: 'first asker',
      answerId: 'a1',
    });
    const second = topicCard(kb, topic, 'en', {
      surface: 'ephemeral',
      question: 'second asker',
      answerId: 'a2',
      vote: 'up',
    });
    const shared = topicCard(kb, topic, 'en', { surface: 'ephemeral', sharedBy: 'Dana' });
    const context = (blocks: Block[]) =>
      contexts(blocks).flatMap((block) => block.elements.map((e) => e.text));
    expect(context(first.blocks).join(' ')).toContain('first asker');
    expect(context(first.blocks).join(' ')).not.toMatch(/second asker|Dana|Thanks/);
    expect(context(second.blocks).join(' ')).toContain('second asker');
    expect(context(second.blocks).join(' ')).toContain('Thanks');
    expect(context(shared.blocks).join(' ')).toContain('Dana');
    expect(context(shared.blocks).join(' ')).not.toMatch(/asker/);
    expect(buttonById(first.blocks, ACTION_IDS.helpful)?.style).toBeUndefined();
    expect(buttonById(second.blocks, ACTION_IDS.helpful)?.style).toBe('primary');
    expect(decodeValue(buttonById(first.blocks, ACTION_IDS.helpful)?.value)?.answer).toBe('a1');
    // Share carries the card's own answer, so the shared card's votes count for it.
    expect(decodeValue(buttonById(first.blocks, ACTION_IDS.share)?.value)).toEqual({
      topic: 'roi',
      language: 'en',
      answer: 'a1',
    });
    expect(decodeValue(buttonById(second.blocks, ACTION_IDS.share)?.value)?.answer).toBe('a2');
    expect(decodeValue(buttonById(shared.blocks, ACTION_IDS.share)?.value)?.answer).toBeUndefined();
    // What every card shares can't be changed through one of them.
    const header = headers(first.blocks)[0];
    expect(() => {
      if (header) header.text.text = 'changed';
    }).toThrow(TypeError);
    expect(headers(second.blocks)[0]?.text.text).toBe(topic.text.en.title);
  });

  it('covers every topic × language × surface', () => {
    expect(topicCases.length).toBe(kb.topics.length * 4 * 2);
  });

  it.each(topicCases)('%s in %s on %s', (id, language, surface, index) => {
    const topic = kb.byId.get(id);
    if (!topic) throw new Error(`no topic ${id}`);
    const text = topic.text[language];
    const card = topicCard(kb, topic, language, { surface });
    const { blocks } = card;

    expect(blockKitProblems(blocks)).toEqual([]);
    expect(card.text.trim()).not.toBe('');
    expect(card.text).toContain(text.title);

    // Header with the title.
    expect(headers(blocks).map((h) => h.text.text)).toEqual([text.title]);

    // The two sides, or what both share.
    if (topic.kind === 'similarity') {
      const both = sections(blocks).find((s) => s.block_id === 'topic_both');
      expect(both?.text?.text).toContain(text.both as string);
      expect(both?.text?.text).toContain(translate(kb.ui, language, 'card.both'));
      expect(sections(blocks).some((s) => s.fields !== undefined)).toBe(false);
    } else {
      const sides = sections(blocks).find((s) => s.fields !== undefined);
      expect(sides?.fields).toHaveLength(2);
      expect(sides?.fields?.[0]?.text).toContain(text.networking as string);
      expect(sides?.fields?.[0]?.text).toContain(translate(kb.ui, language, 'card.networking'));
      expect(sides?.fields?.[1]?.text).toContain(text.media as string);
      expect(sides?.fields?.[1]?.text).toContain(translate(kb.ui, language, 'card.media'));
    }

    // A context naming the sources.
    const contextText = contexts(blocks)
      .flatMap((c) => c.elements.map((e) => e.text))
      .join('\n');
    expect(topic.sources.length).toBeGreaterThan(0);
    if (topic.sources.length <= 3) {
      for (const source of topic.sources) expect(contextText).toContain(escapeMrkdwn(source.short));
    } else {
      expect(contextText).toContain(
        translate(kb.ui, language, 'card.sources_all', {
          count: topic.sources.length,
          languages: [...new Set(topic.sources.map((source) => source.language))].join(', '),
        }),
      );
    }
    // One short line: at most about 150 visible characters.
    const sourcesLine = contexts(blocks)
      .flatMap((c) => c.elements.map((e) => e.text))
      .find((line) => line.startsWith(translate(kb.ui, language, 'card.sources', { sources: '' }).trim()));
    expect(sourcesLine, 'a sources line').toBeDefined();
    expect([...(sourcesLine ?? '').replace(/[*_]/g, '')].length).toBeLessThanOrEqual(150);

    // Previous / next, wrapping around at the ends.
    const count = kb.topics.length;
    const previous = kb.topics[(index - 1 + count) % count];
    const next = kb.topics[(index + 1) % count];
    const previousButton = buttonById(blocks, ACTION_IDS.previous);
    const nextButton = buttonById(blocks, ACTION_IDS.next);
    expect(decodeValue(previousButton?.value)).toEqual({ topic: previous?.id, language });
    expect(decodeValue(nextButton?.value)).toEqual({ topic: next?.id, language });

    // The three other languages.
    const others = LANGUAGES.filter((other) => other !== language);
    const languageButtons = buttons(blocks).filter((b) => b.action_id.startsWith(ACTION_IDS.languagePrefix));
    expect(languageButtons.map((b) => b.action_id)).toEqual(
      others.map((other) => `${ACTION_IDS.languagePrefix}${other}`),
    );
    languageButtons.forEach((b, i) => {
      const other = others[i] as Language;
      expect(b.text.text).toBe(LANGUAGE_NAMES[other]);
      expect(decodeValue(b.value)).toEqual({ topic: topic.id, language: other });
    });

    // Share only where the card is not in the channel already.
    const share = buttonById(blocks, ACTION_IDS.share);
    if (surface === 'ephemeral') expect(decodeValue(share?.value)).toEqual({ topic: topic.id, language });
    else expect(share).toBeUndefined();
  });

  it('wraps previous from the first topic to the last and next from the last to the first', () => {
    const first = kb.topics[0];
    const last = kb.topics[kb.topics.length - 1];
    if (!first || !last) throw new Error('no topics');
    const firstCard = topicCard(kb, first, 'en', { surface: 'message' });
    const lastCard = topicCard(kb, last, 'en', { surface: 'message' });
    expect(decodeValue(buttonById(firstCard.blocks, ACTION_IDS.previous)?.value)?.topic).toBe(last.id);
    expect(decodeValue(buttonById(lastCard.blocks, ACTION_IDS.next)?.value)?.topic).toBe(first.id);
  });

  it('shows the question back, escaped, and who shared it', () => {
    const topic = kb.byId.get('roi');
    if (!topic) throw new Error('no roi');
    const card = topicCard(kb, topic, 'en', {
      surface: 'message',
      question: 'ROI <b> & more',
      sharedBy: '<@U999> Ann',
    });
    const json = JSON.stringify(card.blocks);
    expect(json).toContain('ROI &lt;b&gt; &amp; more');
    expect(json).toContain('&lt;@U999&gt; Ann');
    expect(json).not.toContain('<@');
    expect(blockKitProblems(card.blocks)).toEqual([]);
  });
});

describe('which word means which side', () => {
  it.each([
    ['overview', 'fr'],
    ['definition', 'fr'],
    ['overview', 'de'],
    ['definition', 'de'],
  ] as const)(
    'the %s card in %s says what everyday "réseaux sociaux" / "soziale Netzwerke" mean',
    (id, language) => {
      const topic = kb.byId.get(id);
      if (!topic) throw new Error(`no topic ${id}`);
      const { blocks } = topicCard(kb, topic, language, { surface: 'ephemeral' });
      const context = contexts(blocks)
        .flatMap((c) => c.elements.map((e) => e.text))
        .join('\n');
      const everyday = language === 'fr' ? /réseaux sociaux/i : /soziale Netzwerke/i;
      expect(context).toMatch(everyday);
      expect(context).toContain(language === 'fr' ? 'réseautage social' : 'Social Networking');
    },
  );
});

describe('noMatchCard', () => {
  const ids = kb.topics.map((topic) => topic.id);

  it.each(LANGUAGES.flatMap((language) => [0, 1, 2, 3].map((n) => [n, language] as const)))(
    'with %i suggestion(s) in %s',
    (n, language) => {
      const suggestions = ids.slice(2, 2 + n);
      const card = noMatchCard(kb, 'what about the printer?', language, suggestions);
      expect(blockKitProblems(card.blocks)).toEqual([]);
      expect(card.text.trim()).not.toBe('');
      const offer = actionsById(card.blocks, 'nomatch_topics');
      const offered = offer?.elements.map((b) => decodeValue(b.value)) ?? [];
      if (n === 0) {
        // With nothing close, every topic is offered.
        expect(offered).toEqual(kb.topics.map((topic) => ({ topic: topic.id, language })));
      } else {
        expect(offered).toEqual(suggestions.map((topic) => ({ topic, language })));
      }
      expect(JSON.stringify(card.blocks)).toContain('what about the printer?');
    },
  );

  it('offers at most 3 suggestions and ignores unknown ids', () => {
    const card = noMatchCard(kb, 'x', 'en', ['no-such-topic', ...ids.slice(0, 5)]);
    const offer = actionsById(card.blocks, 'nomatch_topics');
    expect(offer?.elements.map((b) => decodeValue(b.value)?.topic)).toEqual(ids.slice(0, 3));
    expect(blockKitProblems(card.blocks)).toEqual([]);
  });

  it('is still valid for an empty question', () => {
    const card = noMatchCard(kb, '', 'fr', []);
    expect(blockKitProblems(card.blocks)).toEqual([]);
    expect(card.text.trim()).not.toBe('');
  });
});

describe('listCard, helpCard, tipCard', () => {
  it.each(LANGUAGES)('listCard in %s', (language) => {
    const card = listCard(kb, language);
    expect(blockKitProblems(card.blocks)).toEqual([]);
    expect(card.text.trim()).not.toBe('');
    const opened = buttons(card.blocks).map((b) => decodeValue(b.value));
    expect(opened).toEqual(kb.topics.map((topic) => ({ topic: topic.id, language })));
  });

  it.each(LANGUAGES)('helpCard in %s', (language) => {
    const card = helpCard(kb, language);
    expect(blockKitProblems(card.blocks)).toEqual([]);
    expect(card.text.trim()).not.toBe('');
  });

  const tipCases = kb.tips.flatMap((tip) => LANGUAGES.map((language) => [tip.key, language] as const));

  it.each(tipCases)('tipCard %s in %s', (key, language) => {
    const tip = kb.tips.find((t) => t.key === key);
    if (!tip) throw new Error(`no tip ${key}`);
    const card = tipCard(kb, tip, language);
    expect(blockKitProblems(card.blocks)).toEqual([]);
    expect(card.text.trim()).not.toBe('');
    expect(card.text).toContain(tip.text[language]);
    expect(decodeValue(buttonById(card.blocks, ACTION_IDS.tipOpen)?.value)).toEqual({
      topic: tip.topicId,
      language,
    });
  });
});

describe('user text echoed on a card cannot form Slack markup', () => {
  const markup =
    '<!channel> <!here> <!everyone> <@U123> <!subteam^S1> <https://evil.example|click> & <!subteam^S2|@team>';
  const questions: Array<[string, string, boolean]> = [
    ['a matching question', `${markup} social media vs social networking ROI`, true],
    ['a non-matching question', `${markup} who can fix the printer?`, false],
  ];

  it.each(questions)('%s', (_name, question, matches) => {
    for (const surface of SURFACES) {
      for (const fallbackLanguage of LANGUAGES) {
        const answer = answerQuestion(core, question, { surface, fallbackLanguage });
        if (matches) expect(answer.topic).toBe('roi');
        else expect(answer.topic).toBeNull();
        const json = JSON.stringify(answer.card.blocks);
        // The question is on the card, but only as text.
        expect(json).toContain('&lt;!channel&gt;');
        expect(json).toContain('&amp;');
        for (const danger of ['<!', '<@', '<http']) {
          expect(json).not.toContain(danger);
          expect(answer.card.text).not.toContain(danger);
        }
        expect(blockKitProblems(answer.card.blocks)).toEqual([]);
      }
    }
  });
});

describe('escapeMrkdwn', () => {
  it('turns &, < and > into entities', () => {
    expect(escapeMrkdwn('a & b <c> d')).toBe('a &amp; b &lt;c&gt; d');
    expect(escapeMrkdwn('<!channel>')).toBe('&lt;!channel&gt;');
    expect(escapeMrkdwn('<https://x.example|y>')).toBe('&lt;https://x.example|y&gt;');
  });

  it('escapes an entity the user typed, so it shows as typed', () => {
    expect(escapeMrkdwn('&lt;')).toBe('&amp;lt;');
  });

  it('defuses bare @channel, @here and @everyone', () => {
    for (const word of ['@channel', '@here', '@everyone', '@Channel']) {
      const escaped = escapeMrkdwn(`hey ${word}!`);
      expect(escaped).not.toContain(word);
      expect(escaped.replace('\u2060', '')).toBe(`hey ${word}!`);
    }
    expect(escapeMrkdwn('mail me @ home, @channels')).toBe('mail me @ home, @channels');
  });

  it('leaves plain text alone', () => {
    expect(escapeMrkdwn('Réseautage social 🤝 vs media')).toBe('Réseautage social 🤝 vs media');
  });
});

describe('truncate', () => {
  it('keeps short text and cuts long text with an ellipsis', () => {
    expect(truncate('hello', 5)).toBe('hello');
    expect(truncate('hello world', 5)).toBe('hell…');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(truncate('😀😀😀', 3)).toBe('😀😀😀');
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…');
  });
});

describe('quoteUserText', () => {
  it('escapes entities', () => {
    expect(quoteUserText('a <@U1> & b')).toBe('a &lt;@U1&gt; &amp; b');
  });

  it('cuts with an ellipsis and never splits an entity', () => {
    for (let pad = 142; pad <= 150; pad++) {
      const quoted = quoteUserText(`${'a'.repeat(pad)}&<>&<>&<>`, 150);
      expect(quoted.endsWith('…')).toBe(true);
      // Every & starts a whole entity.
      expect(quoted.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      const shown = quoted.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect([...shown].length).toBe(150);
    }
    expect(quoteUserText(`${'a'.repeat(148)}&&&`, 150)).toBe(`${'a'.repeat(148)}&amp;…`);
  });

  it('removes control characters and makes one line', () => {
    expect(quoteUserText('a\u0000b\u0007c\nd\r\ne\tf\u001b[0m g\u007f')).toBe('a b c d e f [0m g');
    expect(quoteUserText('  \n  padded \t ')).toBe('padded');
    expect(quoteUserText('\u0000\u0001')).toBe('');
  });

  it('drops direction overrides and zero-width characters, so a quote reads as it is', () => {
    // "‮" would show the rest reversed; zero-width characters hide inside words.
    expect(quoteUserText('roi \u202Egnirts desrever\u202C ok')).toBe('roi gnirts desrever ok');
    expect(quoteUserText('net\u200Bwork\u200Cing \u2066isolated\u2069 \uFEFFbom\u200E\u200F')).toBe(
      'networking isolated bom',
    );
    // What the bot adds itself to keep a typed @channel from pinging is still added.
    expect(quoteUserText('\u2060@channel')).toBe('@\u2060channel');
  });

  it('cuts a 10,000-character question', () => {
    const quoted = quoteUserText('x'.repeat(10_000));
    expect([...quoted].length).toBe(150);
    expect(quoted.endsWith('…')).toBe(true);
    expect([...quoteUserText('é'.repeat(10_000), 80)].length).toBe(80);
  });

  it('keeps a short question as it is', () => {
    expect(quoteUserText('What is ROI?')).toBe('What is ROI?');
  });
});

describe("a card's text, which notifications and screen readers read", () => {
  it.each(LANGUAGES)('help lists the commands, in %s', (language) => {
    const { text } = helpCard(kb, language);
    for (const command of [
      '/socialvs help',
      '/socialvs list',
      '/socialvs tip',
      '/socialvs lang',
      '/socialvs quiz',
    ]) {
      expect(text).toContain(command);
    }
  });

  it('the no-match card names what it suggests', () => {
    const answer = answerQuestion(core, 'order pizza for the team', { surface: 'ephemeral' });
    expect(answer.topic).toBeNull();
    const titles = buttons(answer.card.blocks)
      .filter((b) => b.action_id.startsWith('topic_open_'))
      .map((b) => b.text.text);
    expect(titles.length).toBeGreaterThan(0);
    for (const title of titles) expect(answer.card.text).toContain(title);
  });
});
