/**
 * Properties over hostile input: whatever a user types (arbitrary Unicode, control
 * characters, Slack broadcast and mention markup, entities, mrkdwn marks, topic words in
 * the four languages, emoji, up to 10,000 characters), the command parser, the search,
 * the answer and every card built from that text hold: nothing throws, the cards pass
 * Block Kit's limits, and nothing the bot would send can ping anyone. Each property runs
 * with a fixed seed, so a failure reproduces exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ButtonValue,
  decodeQuizValue,
  decodeValue,
  encodeQuizValue,
  encodeValue,
} from '../../src/cards/actions.js';
import { type Block, blockKitProblems, type Card, LIMITS } from '../../src/cards/blocks.js';
import { helpCard, noticeCard } from '../../src/cards/help-card.js';
import { homeView } from '../../src/cards/home-view.js';
import { listCard } from '../../src/cards/list-card.js';
import { noMatchCard } from '../../src/cards/no-match-card.js';
import { quizCard, quizResultCard } from '../../src/cards/quiz-card.js';
import { statsCard } from '../../src/cards/stats-card.js';
import { tipCard } from '../../src/cards/tip-card.js';
import { type Surface, topicCard } from '../../src/cards/topic-card.js';
import { answerQuestion, createCore } from '../../src/core/answer.js';
import { type Command, parseCommand } from '../../src/core/command.js';
import { isLanguage, LANGUAGES } from '../../src/knowledge/languages.js';
import { MAX_QUERY_CHARS } from '../../src/knowledge/normalize.js';
import { QUIZ_ANSWERS } from '../../src/knowledge/schema.js';
import { UI_KEYS } from '../../src/knowledge/ui-strings.js';
import type { UsageReport } from '../../src/store/store.js';

const core = createCore();
const { kb } = core;
const topicIds = kb.topics.map((topic) => topic.id);
const SURFACES: Surface[] = ['ephemeral', 'message'];

/** Fixed seeds: a failure names its counterexample and replays the same way every run. */
const RUNS = { numRuns: 250 } as const;
const settings = (seed: number) => ({ ...RUNS, seed });

// ---------------------------------------------------------------------------------------
// What users type
// ---------------------------------------------------------------------------------------

const MAX_TEXT = 10_000;

const SLACK_MARKUP = [
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S123|@team>',
  '<@U123>',
  '<#C123>',
  '<https://evil.example|click>',
  '&amp;',
  '&lt;',
  '&gt;',
  '*',
  '_',
  '~',
  '`',
  '```',
  '@channel',
  '@here',
  '<',
  '>',
  '|',
  '&',
];

/** Topic titles and aliases of the concept base in all four languages, plus the words people use. */
const TOPIC_WORDS = [
  ...new Set([
    ...kb.topics.flatMap((topic) =>
      LANGUAGES.flatMap((language) => [topic.text[language].title, ...topic.text[language].aliases]),
    ),
    'social networking',
    'social media',
    'vs',
    'difference',
    'ROI',
    'soziale Netzwerke',
    'Unterschied',
    'jejaring sosial',
    'perbedaan',
    'apa itu',
    'réseaux sociaux',
    'médias sociaux',
    "qu'est-ce que",
    'différence',
    // Subcommands, so the parser's branches are reached too.
    'help',
    'list',
    'tip',
    'lang',
    'lang de',
    'subscribe',
    'subscribe fr',
    'unsubscribe',
    'status',
    'stats',
    'stats 7d',
    'stats all',
    '?',
  ]),
];

const EMOJI = [
  '😀',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇩🇪',
  '🏳️‍🌈',
  '❤️',
  ':tada:',
  ':+1:',
  '🤷‍♀️',
  '\u{1F9D1}\u200D\u{1F4BB}',
];

const controlChar = fc
  .oneof(
    fc.integer({ min: 0, max: 0x1f }),
    fc.integer({ min: 0x7f, max: 0x9f }),
    fc.constantFrom(0x200b, 0x200d, 0x2028, 0x2029, 0x202e, 0x2066, 0xfeff, 0xfffd, 0xd800, 0xdfff),
  )
  .map((code) => String.fromCharCode(code));

const fragment: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.array(controlChar, { maxLength: 6 }).map((chars) => chars.join('')) },
  { weight: 3, arbitrary: fc.constantFrom(...SLACK_MARKUP) },
  { weight: 3, arbitrary: fc.constantFrom(...TOPIC_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...EMOJI) },
  { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\n', '\t', '\r\n', '\u00a0', '\u3000') },
);

/** Any text up to 10,000 characters: mostly short, often past the 500 the search reads, sometimes the maximum. */
const userText: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join('')) },
  {
    weight: 2,
    arbitrary: fc
      .array(fragment, { maxLength: 800, size: 'max' })
      .map((parts) => parts.join('').slice(0, MAX_TEXT)),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fragment, { minLength: 1, maxLength: 8 })
      .map((parts) => parts.join('') || '<!channel>')
      .map((unit) => unit.repeat(Math.ceil(MAX_TEXT / unit.length)).slice(0, MAX_TEXT)),
  },
);

const language = fc.constantFrom(...LANGUAGES);
const surface = fc.constantFrom(...SURFACES);
const topicId = fc.constantFrom(...topicIds);

// ---------------------------------------------------------------------------------------
// What must hold of anything the bot sends
// ---------------------------------------------------------------------------------------

/** Broadcasts and user mentions: the concept base has none, so any in a card came from the user. */
const PING = /<!channel>|<!here>|<!everyone>|<!subteam\^|<@/;

function expectSendable(card: Card, maxBlocks: number = LIMITS.blocksPerMessage): void {
  expect(blockKitProblems(card.blocks, maxBlocks)).toEqual([]);
  expect(card.text.length).toBeGreaterThan(0);
  expect(card.text.length).toBeLessThanOrEqual(LIMITS.messageText);
  expect(JSON.stringify({ text: card.text, blocks: card.blocks })).not.toMatch(PING);
}

function expectQuietBlocks(blocks: Block[], maxBlocks: number): void {
  expect(blockKitProblems(blocks, maxBlocks)).toEqual([]);
  expect(JSON.stringify(blocks)).not.toMatch(PING);
}

const KINDS = new Set<Command['kind']>([
  'empty',
  'help',
  'list',
  'tip',
  'quiz',
  'lang',
  'subscribe',
  'unsubscribe',
  'status',
  'stats',
  'question',
]);

// ---------------------------------------------------------------------------------------

describe('parseCommand, for any text', () => {
  it('never throws and returns a known kind with a well-formed argument', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const command = parseCommand(text);
        expect(KINDS.has(command.kind)).toBe(true);
        switch (command.kind) {
          case 'question':
            expect(command.text.length).toBeGreaterThan(0);
            expect(command.text).toBe(command.text.trim());
            break;
          case 'lang':
          case 'subscribe':
            expect(command.language === undefined || isLanguage(command.language)).toBe(true);
            break;
          case 'stats':
            expect(command.days === undefined || (Number.isInteger(command.days) && command.days >= 1)).toBe(
              true,
            );
            break;
        }
      }),
      settings(0x5eed01),
    );
  });
});

describe('index.search, for any text', () => {
  it('never throws, names an existing topic or none, and a language of ours or none', () => {
    fc.assert(
      fc.property(userText, (text) => {
        const result = core.index.search(text);
        expect(result.topic === null || kb.byId.has(result.topic)).toBe(true);
        expect(
          result.language === undefined || (LANGUAGES as readonly string[]).includes(result.language),
        ).toBe(true);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(1);
        for (const id of result.suggestions) expect(kb.byId.has(id)).toBe(true);
      }),
      settings(0x5eed02),
    );
  });

  it(`reads at most the first ${MAX_QUERY_CHARS} characters: what follows can't change the result`, () => {
    // A structural proof that the work per question is bounded, whatever its length:
    // two questions that share their first MAX_QUERY_CHARS characters get the same answer.
    fc.assert(
      fc.property(userText, fragment, userText, (text, filler, anything) => {
        let long = text;
        while (long.length < MAX_QUERY_CHARS) long += filler || ' social media ';
        const head = long.slice(0, MAX_QUERY_CHARS);
        expect(core.index.search(head + anything)).toEqual(core.index.search(long));
      }),
      settings(0x5eed03),
    );
  });
});

describe('answers and cards, for any text', () => {
  it('answerQuestion on both surfaces never throws and gives a sendable card that pings nobody', () => {
    fc.assert(
      fc.property(userText, fc.option(language, { nil: undefined }), (text, fallbackLanguage) => {
        for (const where of SURFACES) {
          const answer = answerQuestion(core, text, { surface: where, fallbackLanguage, answerId: '42' });
          expect(answer.topic === null || kb.byId.has(answer.topic)).toBe(true);
          expect(isLanguage(answer.language)).toBe(true);
          expectSendable(answer.card);
        }
      }),
      settings(0x5eed04),
    );
  });

  it('topicCard with the text as the question and as the sharer’s name', () => {
    fc.assert(
      fc.property(
        userText,
        userText,
        topicId,
        language,
        surface,
        fc.constantFrom(undefined, 'up', 'down'),
        (question, sharedBy, id, lang, where, vote) => {
          const topic = kb.byId.get(id);
          if (!topic) throw new Error(`no topic ${id}`);
          const card = topicCard(kb, topic, lang, {
            surface: where,
            question,
            sharedBy,
            answerId: 'n0123456789ab',
            ...(vote ? { vote } : {}),
          });
          expectSendable(card);
        },
      ),
      settings(0x5eed05),
    );
  });

  it('noMatchCard with the text as the question, with and without suggestions', () => {
    fc.assert(
      fc.property(
        userText,
        language,
        // As the search gives them: distinct ids (unknown ones too, from a changed concept base).
        fc.uniqueArray(fc.oneof(topicId, fc.string({ maxLength: 12 })), { maxLength: 5 }),
        (question, lang, suggestions) => {
          expectSendable(noMatchCard(kb, question, lang, suggestions));
        },
      ),
      settings(0x5eed06),
    );
  });

  it('statsCard with the text as unanswered questions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(userText, fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 5 }),
        language,
        fc.option(fc.integer({ min: 1, max: 9999 }), { nil: undefined }),
        (rows, lang, days) => {
          const report: UsageReport = {
            asked: 1_000_000,
            answered: 999_999,
            topTopics: kb.topics.slice(0, 5).map((topic, i) => ({ topic: topic.id, count: 100 - i })),
            unanswered: rows.map(([text, count]) => ({ text, count })),
            votes: kb.topics.map((topic) => ({ topic: topic.id, up: 3, down: 1 })),
            languages: LANGUAGES.map((code) => ({ language: code, asked: 10, answered: 9 })),
            // An item key no longer in data/ is shown as the key, escaped: rows hold what was written.
            quiz: {
              answered: 1_000_000,
              right: 3,
              mostMissed: { itemKey: rows[0]?.[0] ?? 'x', missed: 9, answered: 10 },
            },
          };
          expectSendable(statsCard(kb, report, lang, { days, questionLog: true }));
          expectSendable(statsCard(kb, report, lang, { days, questionLog: false }));
        },
      ),
      settings(0x5eed07),
    );
  });

  it('the cards that take no user text are sendable and ping nobody, in every language', () => {
    for (const lang of LANGUAGES) {
      expectSendable(helpCard(kb, lang));
      expectSendable(listCard(kb, lang));
      for (const tip of kb.tips) expectSendable(tipCard(kb, tip, lang));
      for (const item of kb.quiz) {
        for (const surface of SURFACES) {
          expectSendable(
            quizCard(kb, item, lang, {
              quiz: 'c:C0123ABCD:2026-12-04',
              surface,
              counts: { answered: 12, right: 9 },
            }),
          );
        }
        for (const chosen of QUIZ_ANSWERS) {
          expectSendable(quizResultCard(kb, item, lang, { chosen, counted: chosen !== 'both' }));
        }
      }
      for (const key of UI_KEYS) {
        const text = kb.ui[key][lang];
        if (text.trim()) expectSendable(noticeCard(text));
      }
      expectQuietBlocks(homeView(kb, lang).blocks, LIMITS.blocksPerView);
    }
  });
});

describe('button values', () => {
  const raw: fc.Arbitrary<string> = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.jsonValue().map((value) => JSON.stringify(value)),
    fc
      .record(
        {
          t: fc.oneof(topicId, fc.jsonValue()),
          l: fc.oneof(language, fc.jsonValue()),
          a: fc.oneof(fc.string(), fc.jsonValue()),
          q: fc.oneof(userText, fc.jsonValue()),
        },
        { requiredKeys: [] },
      )
      .map((value) => JSON.stringify(value)),
    fc.constantFrom('', 'null', 'true', '[]', '{}', '"x"', '{"t":null}', '{"t":"roi","l":"xx"}', '{'),
  );

  it('decodeQuizValue never throws on any string, and gives undefined or a well-formed value', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          raw,
          fc
            .record(
              {
                k: fc.oneof(fc.string(), fc.jsonValue()),
                l: fc.oneof(language, fc.jsonValue()),
                z: fc.oneof(fc.string(), fc.jsonValue()),
              },
              { requiredKeys: [] },
            )
            .map((value) => JSON.stringify(value)),
        ),
        (text) => {
          const value = decodeQuizValue(text);
          if (value === undefined) return;
          expect(value.item).toMatch(/^[a-z0-9-]{1,80}$/);
          expect(isLanguage(value.language)).toBe(true);
          expect(value.quiz).toMatch(/^[A-Za-z0-9.:_-]{1,80}$/);
          expect(decodeQuizValue(encodeQuizValue(value))).toEqual(value);
        },
      ),
      settings(0x5eed0a),
    );
  });

  it('a quiz card in the sharer’s name pings nobody, whatever the name', () => {
    fc.assert(
      fc.property(userText, language, (name, lang) => {
        const item = kb.quiz[0];
        if (!item) throw new Error('no quiz items');
        expectSendable(quizCard(kb, item, lang, { quiz: 'pabc123', surface: 'message', sharedBy: name }));
      }),
      settings(0x5eed0b),
    );
  });

  it('decodeValue never throws on any string, and gives undefined or a value with string topic and language', () => {
    fc.assert(
      fc.property(raw, (text) => {
        const value = decodeValue(text);
        if (value === undefined) return;
        expect(typeof value.topic).toBe('string');
        expect(typeof value.language).toBe('string');
        expect(isLanguage(value.language)).toBe(true);
        expect(value.answer === undefined || typeof value.answer === 'string').toBe(true);
        expect(value.question === undefined || typeof value.question === 'string').toBe(true);
      }),
      settings(0x5eed08),
    );
  });

  it('encodeValue then decodeValue gives back topic, language, answer and the question cut to 150 characters', () => {
    fc.assert(
      fc.property(
        topicId,
        language,
        fc.option(fc.stringMatching(/^n?[0-9a-f]{1,24}$/), { nil: undefined }),
        fc.option(userText, { nil: undefined }),
        (topic, lang, answer, question) => {
          const value: ButtonValue = {
            topic,
            language: lang,
            ...(answer ? { answer } : {}),
            ...(question ? { question } : {}),
          };
          const encoded = encodeValue(value);
          expect(encoded).not.toMatch(/[<>]/);
          expect([...encoded].length).toBeLessThanOrEqual(LIMITS.buttonValue);
          const cut = question ? [...question].slice(0, 150).join('') : '';
          expect(decodeValue(encoded)).toEqual({
            topic,
            language: lang,
            ...(answer ? { answer } : {}),
            ...(cut ? { question: cut } : {}),
          });
        },
      ),
      settings(0x5eed09),
    );
  });
});
