/**
 * The quiz through the wire (signed HTTP against the Slack stand-in): `/socialvs quiz` is
 * shown to the asker alone; an answer reaches only whoever pressed it (ephemeral, never
 * replacing the quiz), and only their first answer counts; a shared quiz keeps its
 * question for the channel; on QUIZ_DAY the tip job posts a quiz instead of a tip, once per
 * channel per day and rotating with no repeats, and that post shows counts (no names) after
 * answers; the usage report has the quiz figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeQuizValue, postedQuizId } from '../../src/cards/actions.js';
import { LANGUAGES } from '../../src/knowledge/languages.js';
import type { TopicQuizItem } from '../../src/knowledge/load.js';
import { QUIZ_ANSWERS, type QuizAnswer } from '../../src/knowledge/schema.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { localDay, localWeekday } from '../../src/tips/day.js';
import { blocksOf, buttonsOf, type FoundButton, headerOf, kb } from '../support/cards.js';
import { BOT_TOKEN, type Harness, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

const ADMIN = 'U0QUIZADMIN';
const EVERY_TWO_SECONDS = '*/2 * * * * *';
const NEVER_TODAY = '0 0 1 1 *';
const QUIZ_HEADER = translate(kb.ui, 'en', 'quiz.header');
const QUIZ_HEADERS = new Set(LANGUAGES.map((language) => translate(kb.ui, language, 'quiz.header')));

let dir: string;
let standIn: SlackStandIn;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-quiz-'));
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string> = {}): Promise<Harness> {
  return startHarness({ ADMIN_USER_IDS: ADMIN, TIP_CRON: NEVER_TODAY, ...env }, standIn);
}

const itemOf = (button: FoundButton | undefined): TopicQuizItem => {
  const value = decodeQuizValue(button?.value);
  const item = kb.quiz.find((candidate) => candidate.key === value?.item);
  if (!item) throw new Error(`no quiz item in ${button?.value}`);
  return item;
};
const answerButton = (card: Record<string, unknown>, answer: QuizAnswer) =>
  buttonsOf(card).find((button) => button.action_id === `quiz_answer_${answer}`) as FoundButton;
const wrongFor = (item: TopicQuizItem) => QUIZ_ANSWERS.find((answer) => answer !== item.answer) as QuizAnswer;

/** Presses `button` as `userId` on a message in `channelId`; resolves with every post to its response_url. */
async function press(
  h: Harness,
  button: FoundButton,
  who: { userId: string; userName?: string },
  where: { channelId: string; messageTs: string; ephemeral: boolean },
) {
  const responseUrl = standIn.responseUrl();
  const sent = await h.slack.blockAction({
    actionId: button.action_id,
    ...(button.value === undefined ? {} : { value: button.value }),
    userId: who.userId,
    ...(who.userName ? { userName: who.userName } : {}),
    channelId: where.channelId,
    responseUrl,
    container: { type: 'message', messageTs: where.messageTs, isEphemeral: where.ephemeral },
  });
  expect(sent.status).toBe(200);
  await standIn.waitFor(() => standIn.responsesTo(responseUrl)[0]);
  return { responseUrl, posts: () => standIn.responsesTo(responseUrl).map((post) => post.body) };
}

/** Every Web API call and response_url post the bot made from here on. */
function sentSince() {
  const calls = standIn.calls.length;
  const responses = standIn.responses.length;
  return {
    calls: () => standIn.calls.slice(calls),
    responses: () => standIn.responses.slice(responses),
  };
}

describe('/socialvs quiz and its answers', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await start();
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows a quiz to the asker only, with three answer buttons and a share button', async () => {
    const since = sentSince();
    const reply = await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQASK', channelId: 'C0QUIZ' });
    expect(reply.body.response_type).toBe('ephemeral');
    expect(headerOf(reply.body)).toBe(QUIZ_HEADER);
    expect(buttonsOf(reply.body).map((button) => button.action_id)).toEqual([
      'quiz_answer_networking',
      'quiz_answer_media',
      'quiz_answer_both',
      'quiz_share',
    ]);
    const item = itemOf(buttonsOf(reply.body)[0]);
    expect(JSON.stringify(blocksOf(reply.body))).toContain(JSON.stringify(item.prompt.en).slice(1, -1));
    // Nothing went to the channel.
    expect(since.calls().filter((call) => call.method.startsWith('chat.'))).toEqual([]);
  });

  it('an answer reaches only the presser (ephemeral, not replacing the quiz), right or wrong with the explanation', async () => {
    const quiz = (await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQONE', channelId: 'C0QUIZ' }))
      .body;
    const item = itemOf(buttonsOf(quiz)[0]);
    const since = sentSince();
    const right = await press(
      h,
      answerButton(quiz, item.answer),
      { userId: 'UQONE' },
      {
        channelId: 'C0QUIZ',
        messageTs: '1764000000.000001',
        ephemeral: true,
      },
    );
    const [reply] = right.posts();
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(reply?.text)).toContain(translate(kb.ui, 'en', 'quiz.right', { answer: '' }).slice(0, 8));
    expect(String(reply?.text)).toContain(item.explanation.en);
    expect(buttonsOf(reply ?? {}).map((button) => button.action_id)).toEqual(['quiz_open']);
    // The reply is the only thing sent: no channel message, no update, nothing replaced.
    expect(since.calls().filter((call) => call.method.startsWith('chat.'))).toEqual([]);
    expect(since.responses().map((post) => post.body.replace_original)).toEqual([false]);

    const other = (await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQTWO', channelId: 'C0QUIZ' }))
      .body;
    const otherItem = itemOf(buttonsOf(other)[0]);
    const wrong = await press(
      h,
      answerButton(other, wrongFor(otherItem)),
      { userId: 'UQTWO' },
      {
        channelId: 'C0QUIZ',
        messageTs: '1764000000.000002',
        ephemeral: true,
      },
    );
    const [wrongReply] = wrong.posts();
    expect(wrongReply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(String(wrongReply?.text)).toContain('❌');
    expect(String(wrongReply?.text)).toContain(otherItem.explanation.en);
  });

  it('the result’s "open the topic" answers privately too', async () => {
    const quiz = (await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQOPEN', channelId: 'C0QUIZ' }))
      .body;
    const item = itemOf(buttonsOf(quiz)[0]);
    const where = { channelId: 'C0QUIZ', messageTs: '1764000000.000003', ephemeral: true };
    const [result] = (await press(h, answerButton(quiz, item.answer), { userId: 'UQOPEN' }, where)).posts();
    const [opened] = (
      await press(h, buttonsOf(result ?? {})[0] as FoundButton, { userId: 'UQOPEN' }, where)
    ).posts();
    expect(opened).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(headerOf(opened ?? {})).toBe(kb.byId.get(item.topicId)?.text.en.title);
  });

  it('a second press by the same person is answered but not counted: the first answer counts', async () => {
    const quiz = (
      await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQTWICE', channelId: 'C0QUIZ' })
    ).body;
    const item = itemOf(buttonsOf(quiz)[0]);
    const quizId = decodeQuizValue(buttonsOf(quiz)[0]?.value)?.quiz ?? '';
    const where = { channelId: 'C0QUIZ', messageTs: '1764000000.000004', ephemeral: true };
    const [first] = (
      await press(h, answerButton(quiz, wrongFor(item)), { userId: 'UQTWICE' }, where)
    ).posts();
    expect(JSON.stringify(first)).not.toContain(translate(kb.ui, 'en', 'quiz.repeat'));
    const [second] = (await press(h, answerButton(quiz, item.answer), { userId: 'UQTWICE' }, where)).posts();
    expect(second).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(JSON.stringify(second)).toContain(translate(kb.ui, 'en', 'quiz.repeat'));
    // Shown right, but stored as it was first: one answer, wrong.
    expect(String(second?.text)).toContain('✅');
    expect(await h.bot.store.quizCounts(quizId)).toEqual({ answered: 1, right: 0 });
  });

  it('a shared quiz is public, and keeps its question for everyone after another person’s press', async () => {
    const quiz = (
      await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQSHARE', channelId: 'C0QUIZ' })
    ).body;
    const share = buttonsOf(quiz).find((button) => button.action_id === 'quiz_share') as FoundButton;
    const shared = await press(
      h,
      share,
      { userId: 'UQSHARE', userName: 'ana' },
      {
        channelId: 'C0QUIZ',
        messageTs: '1764000000.000005',
        ephemeral: true,
      },
    );
    const posted = await standIn.waitFor(() => {
      const posts = shared.posts();
      return posts.length >= 2 && posts;
    });
    const inChannel = posted.find((post) => post.response_type === 'in_channel') ?? {};
    expect(posted.some((post) => post.delete_original === true)).toBe(true);
    expect(headerOf(inChannel)).toBe(QUIZ_HEADER);
    expect(JSON.stringify(inChannel)).toContain('Shared by ana');
    expect(buttonsOf(inChannel).map((button) => button.action_id)).not.toContain('quiz_share');

    // Someone else answers on the channel's message: only they see the result.
    const item = itemOf(buttonsOf(inChannel)[0]);
    const since = sentSince();
    const answered = await press(
      h,
      answerButton(inChannel, wrongFor(item)),
      { userId: 'UQREADER' },
      {
        channelId: 'C0QUIZ',
        messageTs: '1764000000.000006',
        ephemeral: false,
      },
    );
    const [reply] = answered.posts();
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    // The channel's message is left as it was: nothing replaced, deleted or updated.
    expect(
      since.responses().filter((post) => post.body.replace_original === true || post.body.delete_original),
    ).toEqual([]);
    expect(since.calls().filter((call) => call.method.startsWith('chat.'))).toEqual([]);
  });

  it('a quiz shared where the bot has not joined is never edited: answers reach only the presser', async () => {
    // Slack refuses chat.update there (cant_update_message); the stand-in does too.
    standIn.channels.set('C0QOUTSIDE', { name: 'quiz-outside', isMember: false });
    const quiz = (
      await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQOUTSIDE', channelId: 'C0QOUTSIDE' })
    ).body;
    /** Presses `button` on a message the stand-in keeps track of; resolves with the press's posts. */
    const pressOn = async (button: FoundButton, userId: string, messageTs: string, ephemeral: boolean) => {
      const responseUrl = standIn.responseUrl({ channel: 'C0QOUTSIDE', messageTs });
      await h.slack.blockAction({
        actionId: button.action_id,
        ...(button.value === undefined ? {} : { value: button.value }),
        userId,
        userName: userId.toLowerCase(),
        channelId: 'C0QOUTSIDE',
        responseUrl,
        container: { type: 'message', messageTs, isEphemeral: ephemeral },
      });
      await standIn.waitFor(() => standIn.responsesTo(responseUrl)[0]);
      return standIn.responsesTo(responseUrl).map((post) => post.body);
    };
    const share = buttonsOf(quiz).find((button) => button.action_id === 'quiz_share') as FoundButton;
    await pressOn(share, 'UQOUTSIDE', '1764000000.000007', true);
    const [shared] = await standIn.waitFor(() => {
      const messages = standIn.messagesIn('C0QOUTSIDE');
      return messages.length > 0 && messages;
    });
    expect(shared?.postedVia).toBe('response_url');
    const before = standIn.message('C0QOUTSIDE', shared?.ts ?? '');
    const card = { text: before?.text, blocks: before?.blocks };
    const item = itemOf(buttonsOf(card)[0]);

    const since = sentSince();
    const [right] = await pressOn(answerButton(card, item.answer), 'UQOUTREADER1', shared?.ts ?? '', false);
    const [wrong] = await pressOn(
      answerButton(card, wrongFor(item)),
      'UQOUTREADER2',
      shared?.ts ?? '',
      false,
    );
    for (const reply of [right, wrong]) {
      expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    }
    expect(await h.bot.store.quizCounts(decodeQuizValue(buttonsOf(card)[0]?.value)?.quiz ?? '')).toEqual({
      answered: 2,
      right: 1,
    });
    // The channel's quiz is exactly as it was, and the bot never tried to edit it.
    expect(standIn.message('C0QOUTSIDE', shared?.ts ?? '')).toEqual(before);
    expect(since.calls().filter((call) => call.method === 'chat.update')).toEqual([]);
  });

  it('"quiz" in a DM gets a quiz in the DM', async () => {
    const ts = `${Math.floor(Date.now() / 1000)}.000777`;
    await h.slack.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0QUIZ',
      user: 'UQDM',
      text: 'Quiz',
      ts,
      event_ts: ts,
    });
    const call = await standIn.waitFor(() =>
      standIn.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0QUIZ'),
    );
    expect(headerOf(call.args)).toBe(QUIZ_HEADER);
    expect(buttonsOf(call.args).map((button) => button.action_id)).not.toContain('quiz_share');
  });
});

describe('the quiz day', () => {
  /** Quiz cards Slack accepted in a channel. */
  const quizzesIn = (channelId: string) =>
    standIn
      .callsOf('chat.postMessage')
      .filter(
        (call) =>
          call.args.channel === channelId &&
          call.outcome === 'ok' &&
          QUIZ_HEADERS.has(headerOf(call.args) ?? ''),
      );
  const postsIn = (channelId: string) =>
    standIn
      .callsOf('chat.postMessage')
      .filter((call) => call.args.channel === channelId && call.outcome === 'ok');

  /** Waits until the job has run at least once more and found nothing to do for `channels`. */
  async function settledRun(h: Harness, channels: number) {
    const before = h.logs.length;
    const pattern = new RegExp(`tips for \\d{4}-\\d{2}-\\d{2}: 0 posted, ${channels} already done`);
    for (;;) {
      await h.waitForLog(pattern, 15_000);
      if (h.logs.slice(before).some((line) => pattern.test(line))) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  // Today is the quiz day (in TIP_TIMEZONE), whatever weekday the suite runs on.
  const today = () => ({ QUIZ_DAY: localWeekday(new Date(), 'UTC'), TIP_TIMEZONE: 'UTC' });

  it('posts a quiz instead of a tip, once per channel per day across restarts, rotating with no repeats', async () => {
    standIn.channels.set('C0QDAYA', { name: 'quiz-a', isMember: true });
    standIn.channels.set('C0QDAYB', { name: 'quiz-b', isMember: true });
    const database = `sqlite:${join(dir, 'quiz-day.db')}`;
    const env = { DATABASE_URL: database, TIP_CHANNELS: 'C0QDAYA,C0QDAYB:de', ...today() };
    // C0QDAYA has already had every quiz item but one on earlier days (and a tip): the
    // rotation owes it that one.
    let h = await start(env);
    const owed = kb.quiz[kb.quiz.length - 1] as TopicQuizItem;
    const earlier = kb.quiz.filter((item) => item !== owed).map((item) => item.key);
    for (const [index, key] of [...earlier, kb.tips[0]?.key ?? ''].entries()) {
      const day = `2020-01-${String(index + 1).padStart(2, '0')}`;
      await h.bot.store.withTipClaim(
        { channelId: 'C0QDAYA', day, tipKey: key, language: 'en' },
        async () => ({
          outcome: 'posted',
          messageTs: `1577836800.${String(index).padStart(6, '0')}`,
        }),
      );
    }
    await h.close();

    h = await start({ ...env, TIP_CRON: EVERY_TWO_SECONDS });
    await standIn.waitFor(() => quizzesIn('C0QDAYA').length > 0 && quizzesIn('C0QDAYB').length > 0, 15_000);
    await settledRun(h, 2);
    await h.close();
    h = await start({ ...env, TIP_CRON: EVERY_TWO_SECONDS });
    await settledRun(h, 2);
    await h.close();

    expect(postsIn('C0QDAYA')).toHaveLength(1);
    expect(postsIn('C0QDAYB')).toHaveLength(1);
    const [a] = quizzesIn('C0QDAYA');
    expect(itemOf(buttonsOf(a?.args ?? {})[0])).toBe(owed);
    expect(decodeQuizValue(buttonsOf(a?.args ?? {})[0]?.value)?.quiz).toBe(
      postedQuizId('C0QDAYA', localDay(new Date(), 'UTC')),
    );
    const [b] = quizzesIn('C0QDAYB');
    expect(decodeQuizValue(buttonsOf(b?.args ?? {})[0]?.value)?.language).toBe('de');
    expect(headerOf(b?.args ?? {})).toBe(translate(kb.ui, 'de', 'quiz.header'));
  });

  it('with QUIZ_DAY on another weekday, the same run posts a tip', async () => {
    standIn.channels.set('C0QTIP', { name: 'quiz-tip', isMember: true });
    const weekday = localWeekday(new Date(Date.now() + 24 * 60 * 60 * 1000), 'UTC');
    const h = await start({ TIP_CHANNELS: 'C0QTIP', QUIZ_DAY: weekday, TIP_CRON: EVERY_TWO_SECONDS });
    await standIn.waitFor(() => postsIn('C0QTIP').length > 0, 15_000);
    await h.close();
    expect(headerOf(postsIn('C0QTIP')[0]?.args ?? {})).toBe(translate(kb.ui, 'en', 'tip.header'));
  });

  it('the bot’s own quiz post shows counts only after answers (no ids, no names), and keeps its question', async () => {
    standIn.channels.set('C0QCOUNT', { name: 'quiz-count', isMember: true });
    const h = await start({ TIP_CHANNELS: 'C0QCOUNT', TIP_CRON: EVERY_TWO_SECONDS, ...today() });
    await standIn.waitFor(() => quizzesIn('C0QCOUNT').length > 0, 15_000);
    const post = quizzesIn('C0QCOUNT')[0];
    const card = post?.args ?? {};
    const ts = String(post?.result?.ts ?? '');
    expect(ts).not.toBe('');
    const item = itemOf(buttonsOf(card)[0]);
    const where = { channelId: 'C0QCOUNT', messageTs: ts, ephemeral: false };
    const since = sentSince();

    const [reply] = (
      await press(h, answerButton(card, item.answer), { userId: 'UQSECRET1', userName: 'carol' }, where)
    ).posts();
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    const firstUpdate = await standIn.waitFor(() =>
      standIn.callsOf('chat.update').find((c) => c.args.ts === ts),
    );
    expect(firstUpdate.args.channel).toBe('C0QCOUNT');
    expect(JSON.stringify(firstUpdate.args)).toContain(
      translate(kb.ui, 'en', 'quiz.counts', { answered: 1, share: '100%' }),
    );

    await press(h, answerButton(card, wrongFor(item)), { userId: 'UQSECRET2', userName: 'dave' }, where);
    await standIn.waitFor(() => standIn.callsOf('chat.update').filter((c) => c.args.ts === ts).length >= 2);
    // A repeat press changes no counts: no third update.
    await press(h, answerButton(card, item.answer), { userId: 'UQSECRET2', userName: 'dave' }, where);
    await h.close();

    const updates = standIn.callsOf('chat.update').filter((c) => c.args.ts === ts);
    expect(updates).toHaveLength(2);
    const last = updates[1]?.args ?? {};
    expect(JSON.stringify(last)).toContain(
      translate(kb.ui, 'en', 'quiz.counts', { answered: 2, share: '50%' }),
    );
    // The question and its answers stay; nobody is named.
    expect(headerOf(last)).toBe(QUIZ_HEADER);
    expect(JSON.stringify(blocksOf(last))).toContain(JSON.stringify(item.prompt.en).slice(1, -1));
    expect(buttonsOf(last).map((button) => button.action_id)).toEqual(
      buttonsOf(card).map((b) => b.action_id),
    );
    expect(JSON.stringify(updates)).not.toMatch(/UQSECRET|carol|dave/);
    // The channel's message was only ever updated, never replaced through a response_url.
    expect(
      since.responses().filter((p) => p.body.replace_original === true || p.body.delete_original),
    ).toEqual([]);
  });

  it('status says which day brings the quiz, and its last tip is a tip, not the quiz after it', async () => {
    standIn.channels.set('C0QSTATUS', { name: 'quiz-status', isMember: true });
    const h = await start({ TIP_CHANNELS: 'C0QSTATUS:fr', QUIZ_DAY: 'friday' });
    const tip = kb.tips[0];
    const item = kb.quiz[0];
    if (!tip || !item) throw new Error('no tips or quiz items');
    for (const [day, key] of [
      ['2026-11-26', tip.key],
      ['2026-11-27', item.key],
    ] as const) {
      await h.bot.store.withTipClaim(
        { channelId: 'C0QSTATUS', day, tipKey: key, language: 'fr' },
        async () => ({
          outcome: 'posted',
          messageTs: '1764000000.000200',
        }),
      );
    }
    const status = await slashReply(h.slack, standIn, {
      text: 'status',
      userId: 'UQST',
      channelId: 'C0QSTATUS',
    });
    await h.close();
    const text = JSON.stringify(status.body);
    expect(text).toContain(translate(kb.ui, 'en', 'quiz.status_day', { day: 'Friday' }));
    expect(text).toContain(JSON.stringify(tip.text.fr.slice(0, 40)).slice(1, -1));
    expect(text).not.toContain(JSON.stringify(item.prompt.fr.slice(0, 40)).slice(1, -1));
  });
});

describe('the usage report', () => {
  it('/socialvs stats and the admins’ App Home show quiz answers, the share right and the most missed item', async () => {
    const h = await start({ DATABASE_URL: `sqlite:${join(dir, 'quiz-stats.db')}` });
    const quiz = (await slashReply(h.slack, standIn, { text: 'quiz', userId: 'UQS1', channelId: 'C0QSTATS' }))
      .body;
    const item = itemOf(buttonsOf(quiz)[0]);
    const where = { channelId: 'C0QSTATS', messageTs: '1764000000.000100', ephemeral: true };
    await press(h, answerButton(quiz, wrongFor(item)), { userId: 'UQS1' }, where);
    await press(h, answerButton(quiz, item.answer), { userId: 'UQS1' }, where); // not counted
    await press(h, answerButton(quiz, item.answer), { userId: 'UQS2' }, where);

    const expected = translate(kb.ui, 'en', 'stats.quiz', { answered: 2, right: 1, share: '50%' });
    const stats = JSON.stringify(
      (await slashReply(h.slack, standIn, { text: 'stats', userId: ADMIN, channelId: 'C0QSTATS' })).body,
    );
    expect(stats).toContain(expected);
    expect(stats).toContain(JSON.stringify(item.prompt.en.slice(0, 60)).slice(1, -1));
    expect(stats).not.toMatch(/UQS[12]/);

    await h.slack.event({
      type: 'app_home_opened',
      user: ADMIN,
      channel: 'D0QHOME',
      tab: 'home',
      event_ts: `${Date.now() / 1000}`,
    });
    const home = await standIn.waitFor(() =>
      standIn
        .callsOf('views.publish')
        .filter((call) => call.args.user_id === ADMIN)
        .find((call) => JSON.stringify(call.args.view).includes('stats_quiz')),
    );
    expect(JSON.stringify(home.args.view)).toContain(expected);
    await h.close();
  });
});
