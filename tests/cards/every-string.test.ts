/**
 * Every UI string, and every card the bot builds, in every language, read as a user would:
 * each key in all four languages with its placeholders filled, nothing left as {name}, no
 * id/de/fr text still its English version (product terms, emoji and commands aside), language
 * names in the sentence's own language (the language buttons keep each language's own
 * name), and no internal words (setting names, cron).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_IDS } from '../../src/cards/actions.js';
import type { Block, Card } from '../../src/cards/blocks.js';
import { helpCard } from '../../src/cards/help-card.js';
import { homeView } from '../../src/cards/home-view.js';
import { listCard } from '../../src/cards/list-card.js';
import { noMatchCard } from '../../src/cards/no-match-card.js';
import { quizCard, quizResultCard } from '../../src/cards/quiz-card.js';
import { statsCard } from '../../src/cards/stats-card.js';
import { tipCard } from '../../src/cards/tip-card.js';
import { topicCard } from '../../src/cards/topic-card.js';
import { answerQuestion, createCore } from '../../src/core/answer.js';
import { type ChannelContext, Responder } from '../../src/core/responder.js';
import { LANGUAGE_NAMES, LANGUAGES, type Language, languageNameIn } from '../../src/knowledge/languages.js';
import { DEFAULT_DATA_DIR } from '../../src/knowledge/load.js';
import { translate, UI_KEYS, type UiKey } from '../../src/knowledge/ui-strings.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { UsageReport } from '../../src/store/store.js';
import type { Poster } from '../../src/tips/poster.js';
import { TipSubscriptions } from '../../src/tips/subscriptions.js';

const core = createCore();
const { kb } = core;
const OTHERS = LANGUAGES.filter((language) => language !== 'en');

/**
 * Keys whose id/de/fr text may read as the English one does (compared ignoring case): only
 * product terms. German keeps Social Networking / Social Media as the terms its topic texts
 * use; SocialVS is the product's name.
 */
const SAME_AS_ENGLISH: Partial<Record<UiKey, readonly Language[]>> = {
  'home.header': ['id', 'de', 'fr'],
  'card.networking': ['de'],
  'card.media': ['de'],
  'quiz.answer_networking': ['de'],
  'quiz.answer_media': ['de'],
};

/** Words that stay as they are in every language. */
const PRODUCT_TERMS = /SocialVS|Slack|Social Networking|Social Media|ROI|Quiz/g;

/**
 * Common English words that are no word of Indonesian, German or French ("question" is
 * French, "Channel" is German as Slack writes it).
 */
const ENGLISH_WORDS =
  /(?<!\p{L})(the|and|your|you|with|this|that|is|are|of|for|here|try|ask|tomorrow|today|yesterday|topic|daily|every)(?!\p{L})/iu;

/** What users must never read: setting names, cron, the schedule's insides, unfilled values. */
const INTERNAL_WORDS = [
  /(?<![\p{L}_])[A-Z][A-Z0-9]*_[A-Z0-9_]+(?![\p{L}_])/u,
  /(?<!\p{L})cron(?!\p{L})/iu,
  /schedule never fires/i,
  // Not null: German for zero.
  /(?<!\p{L})(undefined|NaN)(?!\p{L})|\[object /u,
];

/** Slack's date tokens, whose {format} is Slack's to fill, not ours. */
const SLACK_DATE = /<!date\^\d+\^[^|>]*\|([^>]*)>/g;

/** Every name of every language, in every language and as each language calls itself. */
const LANGUAGE_NAME_FORMS = [
  ...new Set([
    ...Object.values(LANGUAGE_NAMES),
    ...LANGUAGES.flatMap((sentence) => LANGUAGES.map((language) => languageNameIn(sentence, language))),
  ]),
];

/** Names of languages in `text` that are not how a sentence in `language` names them. */
function foreignLanguageNames(text: string, language: Language): string[] {
  const allowed = new Set(LANGUAGES.map((named) => languageNameIn(language, named)));
  return LANGUAGE_NAME_FORMS.filter(
    (name) => !allowed.has(name) && new RegExp(`(?<!\\p{L})${name}(?!\\p{L})`, 'u').test(text),
  );
}

/** Whether `text` says anything beyond product terms, emoji, commands, numbers and punctuation. */
function hasWords(text: string): boolean {
  return /\p{L}/u.test(
    text
      .replace(SLACK_DATE, '')
      .replace(/`[^`]*`/g, '')
      .replace(/@SocialVS/g, '')
      .replace(PRODUCT_TERMS, ''),
  );
}

/** `text` with code, Slack dates, placeholders and product terms taken out: the words it says. */
function prose(text: string): string {
  return (
    text
      .replace(SLACK_DATE, '$1')
      // An article's title stays in its own language: _Title_ (en, 2021).
      .replace(/_[^_]+_ \((en|id|de|fr)\b[^)]*\)/g, ' ')
      .replace(/`[^`]*`/g, ' ')
      .replace(/\{\w+\}/g, ' ')
      .replace(PRODUCT_TERMS, ' ')
  );
}

/**
 * A code span is a command when it is `/socialvs` and a subcommand, a subcommand word alone
 * (as typed in a DM), or Slack's /invite.
 */
const COMMAND =
  /^((\/socialvs )?(help|list|tip|quiz|status|unsubscribe|stats|lang|subscribe)( \[?[a-z|]+\]?)?|\/socialvs|\/invite @SocialVS)$/;

/** Problems a reader of `language` would notice in one text the bot shows. */
function problems(text: string, language: Language): string[] {
  const found: string[] = [];
  const withoutDates = text.replace(SLACK_DATE, '$1');
  const unfilled = withoutDates.match(/\{\w+\}/g);
  if (unfilled) found.push(`unfilled ${unfilled.join(' ')}`);
  for (const pattern of INTERNAL_WORDS) {
    const internal = pattern.exec(withoutDates);
    if (internal) found.push(`internal word ${internal[0]}`);
  }
  const names = foreignLanguageNames(withoutDates, language);
  if (names.length) found.push(`language names ${names.join(', ')} in a ${language} sentence`);
  if (language !== 'en') {
    const english = ENGLISH_WORDS.exec(prose(text));
    if (english) found.push(`English word "${english[0]}"`);
  }
  return found;
}

/** A value for each placeholder, as the code fills it, in the sentence's language. */
function sampleVars(template: string, language: Language): Record<string, string | number> {
  const vars: Record<string, string | number> = {};
  for (const [, name] of template.matchAll(/\{(\w+)\}/g)) {
    if (!name) continue;
    vars[name] =
      name === 'language'
        ? languageNameIn(language, 'fr')
        : name === 'subcommand'
          ? 'subscribe'
          : name === 'share'
            ? '75%'
            : name === 'languages'
              ? 'en, de'
              : 7;
  }
  return vars;
}

const placeholders = (template: string) =>
  [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('every UI string in data/ui/strings.yml', () => {
  const file = parse(readFileSync(join(DEFAULT_DATA_DIR, 'ui', 'strings.yml'), 'utf8')) as Record<
    string,
    Record<string, unknown>
  >;

  it('exists in all four languages, and the code knows every key the file has', () => {
    expect(Object.keys(file).sort()).toEqual([...UI_KEYS].sort());
    for (const [key, texts] of Object.entries(file)) {
      expect(Object.keys(texts).sort(), key).toEqual([...LANGUAGES].sort());
      for (const language of LANGUAGES) {
        expect(
          typeof texts[language] === 'string' && texts[language].trim() !== '',
          `${key}.${language}`,
        ).toBe(true);
      }
    }
  });

  it('has, in each language, the placeholders the English string has, all filled when rendered', () => {
    for (const key of UI_KEYS) {
      const english = kb.ui[key].en;
      for (const language of LANGUAGES) {
        expect(placeholders(kb.ui[key][language]), `${key}.${language}`).toEqual(placeholders(english));
        const rendered = translate(kb.ui, language, key, sampleVars(english, language));
        expect(rendered, `${key}.${language}`).not.toMatch(/\{\w+\}/);
      }
    }
  });

  it('is, in id, de and fr, not its English version, unless it is only product terms', () => {
    const same: string[] = [];
    for (const key of UI_KEYS) {
      const english = translate(kb.ui, 'en', key, sampleVars(kb.ui[key].en, 'en'));
      for (const language of OTHERS) {
        const text = translate(kb.ui, language, key, sampleVars(kb.ui[key].en, 'en'));
        const allowed = SAME_AS_ENGLISH[key]?.includes(language) ?? false;
        if (text.toLowerCase() === english.toLowerCase() && !allowed && hasWords(text)) {
          same.push(`${key}.${language}`);
        }
      }
    }
    expect(same).toEqual([]);
  });

  it('keeps the allowlist honest: each key on it is the same as English and says only product terms', () => {
    for (const [key, languages] of Object.entries(SAME_AS_ENGLISH) as [UiKey, Language[]][]) {
      for (const language of languages) {
        expect(kb.ui[key][language].toLowerCase(), `${key}.${language}`).toBe(kb.ui[key].en.toLowerCase());
        expect(hasWords(kb.ui[key][language].replace(/social (networking|media)/i, '')), key).toBe(false);
      }
    }
  });

  it('names languages in the sentence’s own language, shows no internal words, and no English in id/de/fr', () => {
    const found: string[] = [];
    for (const key of UI_KEYS) {
      for (const language of LANGUAGES) {
        const text = translate(kb.ui, language, key, sampleVars(kb.ui[key].en, language));
        for (const problem of problems(text, language)) found.push(`${key}.${language}: ${problem}`);
      }
    }
    expect(found).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------
// The real cards, in every language.

interface AnyElement {
  type?: string;
  text?: string | { text?: string };
  action_id?: string;
  elements?: AnyElement[];
  fields?: AnyElement[];
  accessory?: AnyElement;
}

/** Every text a reader sees on blocks, except the language buttons (each language's own name). */
function textsOf(blocks: readonly (Block | AnyElement)[]): string[] {
  const texts: string[] = [];
  const visit = (element: AnyElement) => {
    if (element.action_id?.startsWith(ACTION_IDS.languagePrefix)) return;
    if (typeof element.text === 'string') texts.push(element.text);
    else if (element.text?.text) texts.push(element.text.text);
    for (const child of [...(element.elements ?? []), ...(element.fields ?? [])]) visit(child);
    if (element.accessory) visit(element.accessory);
  };
  for (const block of blocks) visit(block as AnyElement);
  return texts;
}

const cardTexts = (card: Card) => [card.text, ...textsOf(card.blocks)];

const REPORT: UsageReport = {
  asked: 12,
  answered: 9,
  topTopics: [{ topic: 'roi', count: 4 }],
  unanswered: [{ text: 'lorem ipsum', count: 2 }],
  votes: [{ topic: 'roi', up: 3, down: 1 }],
  languages: LANGUAGES.map((language) => ({ language, asked: 3, answered: 2 })),
  quiz: { answered: 5, right: 3, mostMissed: { itemKey: kb.quiz[0]?.key ?? 'none', missed: 2, answered: 5 } },
};

/** A question in each language that finds a topic, to show back under the card. */
const QUESTION: Record<Language, string> = {
  en: 'what is the ROI difference?',
  id: 'apa bedanya ROI keduanya?',
  de: 'Was ist der Unterschied beim ROI?',
  fr: 'quelle différence de ROI ?',
};

/** Every card the pure builders make, in `language`, with every option that adds text. */
function builtCards(language: Language): Array<[string, string[]]> {
  const item = kb.quiz[0];
  if (!item) throw new Error('no quiz item');
  const cards: Array<[string, string[]]> = [
    ['help', cardTexts(helpCard(kb, language))],
    ['home', textsOf(homeView(kb, language).blocks)],
    ['list', cardTexts(listCard(kb, language))],
    ['no-match (suggestions)', cardTexts(noMatchCard(kb, 'lorem ipsum', language, ['roi', 'platforms']))],
    ['no-match (all topics)', cardTexts(noMatchCard(kb, 'lorem ipsum', language, []))],
    ['quiz', cardTexts(quizCard(kb, item, language, { quiz: 'q1', surface: 'ephemeral' }))],
    [
      'quiz (posted, answered)',
      cardTexts(
        quizCard(kb, item, language, {
          quiz: 'q1',
          surface: 'message',
          sharedBy: 'Ana',
          counts: { answered: 4, right: 3 },
        }),
      ),
    ],
    ...(['networking', 'media', 'both'] as const).flatMap(
      (chosen): Array<[string, string[]]> => [
        [`quiz result ${chosen}`, cardTexts(quizResultCard(kb, item, language, { chosen, counted: true }))],
        [`quiz repeat ${chosen}`, cardTexts(quizResultCard(kb, item, language, { chosen, counted: false }))],
      ],
    ),
    ['stats', cardTexts(statsCard(kb, REPORT, language, { days: 30, questionLog: true }))],
    [
      'stats (no log, all time)',
      cardTexts(statsCard(kb, REPORT, language, { days: undefined, questionLog: false })),
    ],
  ];
  for (const tip of kb.tips) cards.push([`tip ${tip.key}`, cardTexts(tipCard(kb, tip, language))]);
  for (const topic of kb.topics) {
    for (const vote of [undefined, 'up', 'down'] as const) {
      const card = topicCard(kb, topic, language, {
        surface: 'message',
        question: QUESTION[language],
        sharedBy: 'Ana',
        answerId: 'a1',
        ...(vote ? { vote } : {}),
      });
      cards.push([`topic ${topic.id} ${vote ?? ''}`, cardTexts(card)]);
    }
  }
  return cards;
}

/** The replies to /socialvs subcommands, through the Responder and the tip subscriptions. */
async function commandReplies(language: Language): Promise<Array<[string, string[]]>> {
  const store = SqliteStore.open(':memory:');
  const reachable = new Set(['CSUB', 'CFIXED', 'CPAUSED', 'CGONE', 'CNEVER']);
  const poster: Poster = {
    post: async (channelId) =>
      reachable.has(channelId)
        ? { ok: true, ts: '1.1' }
        : { ok: false, kind: 'unreachable', code: channelId === 'CNOTIN' ? 'not_in_channel' : 'is_archived' },
  };
  const now = new Date('2026-12-07T14:00:00Z');
  const tipsAt = (next: Date | null) =>
    new TipSubscriptions({
      kb,
      store,
      poster,
      nextRun: () => next,
      timeZone: 'Europe/Berlin',
      now: () => now,
      quizDay: 'friday',
    });
  const responder = (next: Date | null = new Date('2026-12-08T08:00:00Z')) =>
    new Responder(core, store, {
      defaultLanguage: 'en',
      tips: tipsAt(next),
      admins: ['UADMIN'],
      questionLog: false,
      now: () => now,
    });
  const replies: Array<[string, string[]]> = [];
  const run = async (label: string, text: string, context: ChannelContext, next?: Date | null) =>
    replies.push([label, cardTexts(await responder(next).command(text, context))]);
  const user = (channelId: string, userId = 'UASK'): ChannelContext => ({
    userId,
    channelId,
    isDirectMessage: channelId.startsWith('D'),
  });

  await store.setUserLanguage('UASK', language);
  await store.setUserLanguage('UADMIN', language);
  await run('lang xx', 'lang xx', user('CSUB'));
  await run('subscribe xx', 'subscribe xx', user('CSUB'));
  await run('status (none)', 'status', user('CSUB'));
  await run('unsubscribe (none)', 'unsubscribe', user('CSUB'));
  await run('subscribe', `subscribe ${language}`, user('CSUB'));
  await run('subscribe fr', 'subscribe fr', user('CSUB'));
  await store.withTipClaim(
    { channelId: 'CSUB', day: '2026-12-04', tipKey: kb.tips[0]?.key ?? '', language: 'fr', now },
    async () => ({ outcome: 'posted', messageTs: '2.2' }),
  );
  await run('status (subscribed, last tip)', 'status', user('CSUB'));
  await run('subscribe (not in channel)', 'subscribe', user('CNOTIN'));
  await run('subscribe (archived)', 'subscribe', user('CARCHIVED'));
  await run('subscribe in a DM', 'subscribe', user('DME'));
  await run('subscribe (schedule never fires)', 'subscribe', user('CNEVER'), null);
  await run('status (schedule never fires)', 'status', user('CNEVER'), null);
  await store.subscribe({ channelId: 'CFIXED', language, source: 'config' });
  await run('status (set by the admin)', 'status', user('CFIXED'));
  await run('unsubscribe (set by the admin)', 'unsubscribe', user('CFIXED'));
  for (const [channelId, reason] of [
    ['CPAUSED', 'not_in_channel'],
    ['CGONE', 'channel_not_found'],
  ] as const) {
    await store.subscribe({ channelId, language, source: 'command' });
    await store.pauseSubscription(channelId, reason, now);
    await run(`status (paused: ${reason})`, 'status', user(channelId));
  }
  await run('unsubscribe', 'unsubscribe', user('CSUB'));
  await run('stats (refused)', 'stats', user('CSUB'));
  await run('stats', 'stats 30', user('CSUB', 'UADMIN'));
  await run('help', 'help', user('CSUB'));
  await run('list', 'list', user('CSUB'));
  await run('no match', 'lorem ipsum dolor', user('CSUB'));
  await run(`lang ${language}`, `lang ${language}`, user('CSUB'));
  await store.close();
  return replies;
}

describe('every card, in every language', () => {
  it.each(LANGUAGES)(
    'shows a %s reader no unfilled placeholder, foreign language name or internal word',
    async (language) => {
      const found: string[] = [];
      for (const [label, texts] of [...builtCards(language), ...(await commandReplies(language))]) {
        for (const text of texts) {
          for (const problem of problems(text, language))
            found.push(`${label}: ${problem} in “${text.slice(0, 120)}”`);
        }
      }
      expect(found).toEqual([]);
    },
  );

  it.each(OTHERS)(
    'shows a %s reader no text of the English card, and no English inside a command',
    async (language) => {
      const english = new Set(
        [...builtCards('en'), ...(await commandReplies('en'))].flatMap(([, texts]) => texts),
      );
      const englishCode = new Set([...english].flatMap((text) => text.match(/`[^`]+`/g) ?? []));
      const found: string[] = [];
      for (const [label, texts] of [...builtCards(language), ...(await commandReplies(language))]) {
        for (const text of texts) {
          if (english.has(text) && hasWords(text)) found.push(`${label}: “${text.slice(0, 120)}”`);
          for (const code of text.match(/`[^`]+`/g) ?? []) {
            if (englishCode.has(code) && !COMMAND.test(code.slice(1, -1)))
              found.push(`${label}: English ${code}`);
          }
        }
      }
      expect(found).toEqual([]);
    },
  );

  it.each(LANGUAGES)(
    'a paused channel’s status in %s says only that it is paused, why, and how to resume',
    async (language) => {
      const replies = new Map(await commandReplies(language));
      for (const reason of ['not_in_channel', 'channel_not_found'] as const) {
        const [text] = replies.get(`status (paused: ${reason})`) ?? [];
        const why = translate(
          kb.ui,
          language,
          reason === 'not_in_channel' ? 'reason.not_in_channel' : 'reason.channel_gone',
        );
        expect(text).toBe(translate(kb.ui, language, 'status.paused', { reason: why }));
        expect(text).toContain('`/socialvs subscribe`');
      }
    },
  );

  it.each(LANGUAGES)(
    'tells a %s reader that the admin set a channel’s tips, in those words',
    async (language) => {
      const replies = new Map(await commandReplies(language));
      expect(replies.get('status (set by the admin)')?.[0]).toContain(
        translate(kb.ui, language, 'status.by_admin'),
      );
      expect(replies.get('subscribe xx')?.[0]).toContain('`/socialvs subscribe de`');
    },
  );

  it.each([
    ['id', 'besok 9.00'],
    ['de', 'morgen 9:00'],
    ['fr', 'demain 9:00'],
  ] as const)(
    'writes the next tip’s date for clients that can’t render it in %s: %s',
    async (language, when) => {
      const replies = new Map(await commandReplies(language));
      for (const label of ['status (subscribed, last tip)', 'subscribe']) {
        expect(replies.get(label)?.[0], label).toContain(`|${when}>`);
      }
    },
  );

  it.each(LANGUAGES)(
    'the help card’s examples in %s are questions in that language that find a topic',
    (language) => {
      const examples = [...translate(kb.ui, language, 'help.examples').matchAll(/`\/socialvs ([^`]+)`/g)].map(
        (match) => match[1] ?? '',
      );
      expect(examples.length).toBeGreaterThanOrEqual(2);
      for (const example of examples) {
        const answer = answerQuestion(core, example, { surface: 'ephemeral' });
        expect(answer.topic, example).not.toBeNull();
        expect(answer.language, example).toBe(language);
      }
    },
  );

  it('German side headings are the terms German topic texts use', () => {
    const headings = ['card.networking', 'card.media'].map((key) =>
      translate(kb.ui, 'de', key as UiKey).replace(/^\P{L}+/u, ''),
    );
    const germanText = kb.topics.map((topic) => Object.values(topic.text.de).join(' ')).join(' ');
    for (const heading of headings) expect(germanText).toContain(heading);
    expect(germanText).not.toMatch(/Soziale (Netzwerke|Medien)/);
  });
});

describe('the checks themselves catch what users reported', () => {
  it.each([
    ['Tipp *auf English*', 'de', 'language names'],
    ['Tipp auf Français', 'de', 'language names'],
    ['un conseil en Français', 'fr', 'language names'],
    ['Tanyakan dalam bahasa Inggris, Deutsch, atau Français', 'id', 'language names'],
    ['Ask me in English, Bahasa Indonesia, Deutsch or Français', 'en', 'language names'],
    ['Nächster Tipp: Tomorrow 9:00 AM', 'de', 'English word'],
    ['Essayez : `/socialvs quiz` · what is the ROI difference?', 'fr', 'English word'],
    ['Kanal ini diatur admin (TIP_CHANNELS)', 'id', 'internal word'],
    ['not scheduled (the schedule never fires)', 'en', 'internal word'],
    ['Tipps laut cron-Zeitplan', 'de', 'internal word'],
    ['Nächster Tipp: {next}', 'de', 'unfilled'],
  ] as const)('“%s” in %s: %s', (text, language, problem) => {
    expect(problems(text, language).join(' ')).toContain(problem);
  });

  it('finds nothing in a sentence that names languages as its language does', () => {
    expect(
      problems(
        'Ich antworte Ihnen auf Französisch. Nächster Tipp: <!date^1^{date_short_pretty} {time}|morgen 9:00>.',
        'de',
      ),
    ).toEqual([]);
    expect(problems('dalam bahasa Prancis, bahasa Indonesia', 'id')).toEqual([]);
  });

  it('tells a command from text to translate inside code', () => {
    for (const command of [
      '/socialvs subscribe de',
      '/socialvs lang en|id|de|fr',
      '/socialvs subscribe [en|id|de|fr]',
      'quiz',
      '/invite @SocialVS',
    ]) {
      expect(COMMAND.test(command), command).toBe(true);
    }
    for (const text of [
      '/socialvs your question',
      '/socialvs what is the ROI difference?',
      '/socialvs similarities',
    ]) {
      expect(COMMAND.test(text), text).toBe(false);
    }
  });
});
