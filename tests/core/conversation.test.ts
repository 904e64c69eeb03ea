/**
 * A DM or a mention in the core (Responder.converse), on an in-memory store: greetings and
 * thanks get a short reply in their language with example questions that lead to their
 * topics; subcommand words do what /socialvs does (the channel's tips and the usage figures
 * stay with the slash command after a mention); a refusal after a mention stays short.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeValue } from '../../src/cards/actions.js';
import { blockKitProblems, LIMITS } from '../../src/cards/blocks.js';
import { EXAMPLE_QUESTIONS, greetingCard } from '../../src/cards/greeting-card.js';
import { noticeCard } from '../../src/cards/help-card.js';
import { MAX_SHORT_SUGGESTIONS, shortNoMatchCard } from '../../src/cards/no-match-card.js';
import { createCore } from '../../src/core/answer.js';
import { type ChannelContext, Responder, type TipCommands } from '../../src/core/responder.js';
import { LANGUAGES, type Language } from '../../src/knowledge/languages.js';
import { translate, type UiKey } from '../../src/knowledge/ui-strings.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { blocksOf, buttonsOf, headerOf, kb } from '../support/cards.js';

const core = createCore(kb);
const dm: ChannelContext = { userId: 'UDM', channelId: 'D0DM', isDirectMessage: true };
const mention: ChannelContext = { userId: 'UDM', channelId: 'C0GENERAL', isDirectMessage: false };
const asRecord = (card: unknown) => card as Record<string, unknown>;
const ui = (language: Language, key: UiKey, vars?: Record<string, string>) =>
  translate(kb.ui, language, key, vars);
const sectionTexts = (card: unknown) =>
  blocksOf(asRecord(card)).flatMap((block) =>
    block.type === 'section' && block.text ? [block.text.text] : [],
  );

/** The tip commands, answering which channel they were asked about. */
const tips: TipCommands = {
  subscribe: async (context) => noticeCard(`subscribed ${context.channelId}`),
  unsubscribe: async (context) => noticeCard(`unsubscribed ${context.channelId}`),
  status: async (context, language) => noticeCard(`status ${context.channelId} ${language}`),
};

function world() {
  const store = SqliteStore.open(':memory:');
  const responder = new Responder(core, store, { defaultLanguage: 'en', tips, admins: ['UADMIN'] });
  return { store, responder };
}

describe('greetings and thanks', () => {
  it('"hi" in a DM: one short line in English and the example questions, not every topic', async () => {
    const card = await world().responder.converse('hi', dm);
    expect(sectionTexts(card)).toEqual([ui('en', 'greeting.hello')]);
    const buttons = buttonsOf(asRecord(card));
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    expect(buttons.length).toBeLessThanOrEqual(3);
    expect(headerOf(asRecord(card))).toBeUndefined();
  });

  it.each([
    ['Guten Morgen!', 'greeting.hello', 'de'],
    ['selamat pagi', 'greeting.hello', 'id'],
    ['merci !', 'greeting.thanks', 'fr'],
    ['Vielen Dank', 'greeting.thanks', 'de'],
    ['thanks!', 'greeting.thanks', 'en'],
  ] as const)('%j gets %s in its own language (%s), after a mention too', async (text, key, language) => {
    const { responder } = world();
    for (const where of [dm, mention]) {
      expect(sectionTexts(await responder.converse(text, where))).toEqual([ui(language, key)]);
    }
  });

  it('a lone emoji is answered in the asker’s language; a word shared by languages in theirs when it is one', async () => {
    const { responder, store } = world();
    await store.setUserLanguage('UDM', 'fr');
    expect(sectionTexts(await responder.converse('👋', dm))).toEqual([ui('fr', 'greeting.hello')]);
    expect(sectionTexts(await responder.converse(':pray:', dm))).toEqual([ui('fr', 'greeting.thanks')]);
    // "hi" is said in German too, but not in French: an English hello.
    expect(sectionTexts(await responder.converse('hi', dm))).toEqual([ui('en', 'greeting.hello')]);
    await store.setUserLanguage('UDM', 'de');
    expect(sectionTexts(await responder.converse('hi', dm))).toEqual([ui('de', 'greeting.hello')]);
  });

  it('a greeting followed by a question is a question: the overview card', async () => {
    const card = await world().responder.converse('hi, is social media the same as social networking?', dm);
    expect(headerOf(asRecord(card))).toBe(kb.byId.get('overview')?.text.en.title);
  });

  it('a greeting is not recorded as a question (nor counted unanswered)', async () => {
    const { responder, store } = world();
    await responder.converse('hi', dm);
    await responder.converse('merci', mention);
    expect((await store.usageReport(undefined)).asked).toBe(0);
  });

  it.each(LANGUAGES)(
    'each example question in %s opens its topic with the question, and search agrees',
    (language) => {
      const card = greetingCard(kb, 'greeting', language);
      expect(blockKitProblems(card.blocks)).toEqual([]);
      const buttons = buttonsOf(asRecord(card));
      expect(buttons.map((button) => button.action_id)).toEqual(
        EXAMPLE_QUESTIONS.map((example) => `topic_open_${example.topic}`),
      );
      for (const [index, example] of EXAMPLE_QUESTIONS.entries()) {
        const question = ui(language, example.key);
        expect(buttons[index]?.text.text).toBe(question);
        expect(decodeValue(buttons[index]?.value)).toEqual({ topic: example.topic, language, question });
        // Typed rather than pressed, the same question gets the same topic, in the same language.
        const result = core.index.search(question);
        expect([result.topic, result.language]).toEqual([example.topic, language]);
        expect(card.text).toContain(question);
      }
    },
  );
});

describe('subcommand words', () => {
  it('"help" in a DM gets the help in the asker’s language; "Hilfe" gets it in German', async () => {
    const { responder } = world();
    expect(headerOf(asRecord(await responder.converse('help', dm)))).toBe(ui('en', 'help.header'));
    expect(headerOf(asRecord(await responder.converse('Hilfe!', mention)))).toBe(ui('de', 'help.header'));
    expect(headerOf(asRecord(await responder.converse('aide', dm)))).toBe(ui('fr', 'help.header'));
    expect(headerOf(asRecord(await responder.converse('daftar', dm)))).toBe(ui('id', 'list.header'));
  });

  it('"lang de" in a DM saves the language, as /socialvs lang de does', async () => {
    const { responder, store } = world();
    const card = await responder.converse('Sprache Deutsch', dm);
    expect(card.text).toBe(ui('de', 'lang.saved', { language: 'Deutsch' }));
    expect(await store.getUserLanguage('UDM')).toBe('de');
  });

  it('"status" after a mention is that channel’s tip status; in a DM, that tips are per channel', async () => {
    const { responder } = world();
    expect((await responder.converse('status', mention)).text).toBe('status C0GENERAL en');
    expect((await responder.converse('status', dm)).text).toBe(ui('en', 'subscribe.dm'));
  });

  it('subscribe and unsubscribe after a mention point to the slash command; nothing is subscribed', async () => {
    const { responder } = world();
    expect((await responder.converse('subscribe de', mention)).text).toBe(
      ui('en', 'mention.tips_command', { subcommand: 'subscribe de' }),
    );
    expect((await responder.converse('unsubscribe', mention)).text).toBe(
      ui('en', 'mention.tips_command', { subcommand: 'unsubscribe' }),
    );
    expect((await responder.converse('subscribe', dm)).text).toBe(ui('en', 'subscribe.dm'));
  });

  it('stats after a mention point to /socialvs stats, even for an admin; in an admin’s DM they are shown', async () => {
    const { responder } = world();
    const admin = { ...mention, userId: 'UADMIN' };
    expect((await responder.converse('stats', admin)).text).toBe(ui('en', 'mention.stats'));
    const inDm = await responder.converse('stats 7d', { ...dm, userId: 'UADMIN' });
    expect(headerOf(asRecord(inDm))).toContain(ui('en', 'stats.header', { period: '' }).trim());
    expect((await responder.converse('stats', dm)).text).toBe(ui('en', 'stats.refused'));
  });
});

describe('a refusal after a mention', () => {
  it('is one line and at most three topics; in a DM it stays the full no-match card', async () => {
    const { responder } = world();
    const short = await responder.converse('what is the weather in Jakarta today?', mention);
    expect(sectionTexts(short)).toEqual([ui('en', 'nomatch.short')]);
    expect(buttonsOf(asRecord(short)).length).toBeGreaterThan(0);
    expect(buttonsOf(asRecord(short)).length).toBeLessThanOrEqual(MAX_SHORT_SUGGESTIONS);
    const full = await responder.converse('what is the weather in Jakarta today?', dm);
    expect(headerOf(asRecord(full))).toBe(ui('en', 'nomatch.header'));
  });

  it.each(LANGUAGES)('fits Slack’s limits and names what it offers, in %s', (language) => {
    for (const suggestions of [[], ['roi', 'focus', 'platforms', 'timely-response'], ['no-such-topic']]) {
      const card = shortNoMatchCard(kb, language, suggestions);
      expect(blockKitProblems(card.blocks)).toEqual([]);
      const titles = buttonsOf(asRecord(card)).map((button) => button.text.text);
      expect(titles.length).toBeGreaterThan(0);
      expect(titles.length).toBeLessThanOrEqual(MAX_SHORT_SUGGESTIONS);
      for (const title of titles) expect(card.text).toContain(title);
    }
  });
});

describe('whatever is typed in a DM or after a mention', () => {
  /** Words of greetings, thanks, subcommands and questions, emoji, Slack markup and noise, in any mix. */
  const piece = fc.oneof(
    fc.constantFrom(
      'hi',
      'Hallo',
      'merci',
      'terima kasih',
      'help',
      'Hilfe',
      'lang',
      'de',
      'status',
      'subscribe',
    ),
    fc.constantFrom(
      'stats',
      'quiz',
      'ROI',
      'what is',
      'social media',
      '?',
      '!',
      ' ',
      ', ',
      '👋',
      ':wave:',
      '🙏',
    ),
    fc.constantFrom(
      '<!channel>',
      '<@U0BOSS>',
      '<https://evil.example|click>',
      '&lt;b&gt;',
      '\u202e',
      '*',
      '`',
    ),
    fc.string({ maxLength: 12 }),
  );
  const typed = fc.array(piece, { maxLength: 12 }).map((pieces) => pieces.join(' '));

  it('gets a card Slack accepts, that pings no one', async () => {
    const { responder } = world();
    await fc.assert(
      fc.asyncProperty(typed, fc.boolean(), async (text, inDm) => {
        const card = await responder.converse(text, inDm ? dm : mention);
        expect(blockKitProblems(card.blocks)).toEqual([]);
        expect(card.text.length).toBeGreaterThan(0);
        expect(card.text.length).toBeLessThanOrEqual(LIMITS.messageText);
        expect(JSON.stringify(card)).not.toMatch(/<!(channel|here|everyone)|<@U|<https?:/);
      }),
      { numRuns: 200, seed: 2020 },
    );
  });
});
