/**
 * Feedback and the usage report through the wire: 👍 / 👎 on answer cards, one vote per
 * user per answer, the admins' report with known figures, and the retention purge.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { blocksOf, buttonsOf, type FoundButton, headerOf, kb, titleOf } from '../support/cards.js';
import { BOT_TOKEN, type Harness, PINGS, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

const ADMIN = 'U0ADMIN';
let dir: string;
let standIn: SlackStandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-feedback-'));
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  await standIn.close();
  rmSync(dir, { recursive: true, force: true });
});

async function command(h: Harness, text: string, userId = 'U0ASKER', channelId = 'C0GENERAL') {
  return (await slashReply(h.slack, standIn, { text, userId, channelId })).body;
}

async function press(h: Harness, button: FoundButton, userId: string) {
  const responseUrl = standIn.responseUrl();
  await h.slack.blockAction({
    actionId: button.action_id,
    ...(button.value === undefined ? {} : { value: button.value }),
    userId,
    channelId: 'C0GENERAL',
    responseUrl,
    container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: true },
  });
  return (await standIn.waitFor(() => standIn.responsesTo(responseUrl)[0])).body;
}

const find = (card: Record<string, unknown>, actionId: string) =>
  buttonsOf(card).find((button) => button.action_id === actionId) as FoundButton;

describe('👍 / 👎', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ ADMIN_USER_IDS: ADMIN }, standIn);
  });
  afterAll(async () => {
    await h.close();
  });

  it('a vote is stored and acknowledged on the same card, which keeps its content', async () => {
    const card = await command(h, 'what is the ROI difference? <!channel>');
    const voted = await press(h, find(card, 'feedback_up'), 'U0VOTER');
    expect(voted.replace_original).toBe(true);
    expect(headerOf(voted)).toBe(titleOf('roi', 'en'));
    // Same sides, sources and question as before the vote...
    const content = (body: Record<string, unknown>) =>
      JSON.stringify(blocksOf(body).filter((block) => ['section', 'header'].includes(block.type)));
    expect(content(voted)).toBe(content(card));
    expect(JSON.stringify(voted)).toContain('what is the ROI difference?');
    // ...plus the thanks; and nothing that pings, even from the echoed question.
    expect(JSON.stringify(voted)).toContain(translate(kb.ui, 'en', 'feedback.up'));
    expect(JSON.stringify(voted)).not.toMatch(PINGS);
    const report = await h.bot.store.usageReport(undefined);
    expect(report.votes).toEqual([{ topic: 'roi', up: 1, down: 0 }]);
  });

  it('one vote per user per answer: voting again changes it, another user adds theirs', async () => {
    const card = await command(h, 'two-way communication');
    await press(h, find(card, 'feedback_up'), 'U0CHANGER');
    const changed = await press(h, find(card, 'feedback_down'), 'U0CHANGER');
    expect(JSON.stringify(changed)).toContain(translate(kb.ui, 'en', 'feedback.down'));
    await press(h, find(card, 'feedback_up'), 'U0OTHER');
    const report = await h.bot.store.usageReport(undefined);
    expect(report.votes.find((row) => row.topic === 'communication-style')).toEqual({
      topic: 'communication-style',
      up: 1,
      down: 1,
    });
  });

  it('cards reached by next / previous are answers too, with their own votes', async () => {
    const card = await command(h, 'similarities');
    const next = await press(h, find(card, 'topic_next'), 'U0NAV');
    expect(headerOf(next)).toBe(titleOf('marketer-takeaway', 'en'));
    await press(h, find(next, 'feedback_down'), 'U0NAV');
    const report = await h.bot.store.usageReport(undefined);
    expect(report.votes.find((row) => row.topic === 'marketer-takeaway')?.down).toBe(1);
  });
});

describe('the usage report', () => {
  it('is refused, politely, to someone who is not an admin', async () => {
    const h = await startHarness({ ADMIN_USER_IDS: ADMIN }, standIn);
    const body = await command(h, 'stats', 'U0NOTADMIN');
    expect(JSON.stringify(body)).toContain(translate(kb.ui, 'en', 'stats.refused'));
    await h.close();
  });

  it('shows the right figures for a known set of questions', async () => {
    const h = await startHarness({ ADMIN_USER_IDS: ADMIN }, standIn);
    for (const question of [
      'what is the ROI difference?',
      'ROI',
      'Was ist der ROI von Social Media?',
      'similarities',
    ]) {
      await command(h, question);
    }
    // Three spellings of one unanswered question, by three people, are one line of the
    // report, counted as three; one person asking another question three times counts once.
    for (const [question, userId] of [
      ['order pizza for the team', 'U0PIZZA1'],
      ['Order  PIZZA for the team', 'U0PIZZA2'],
      ['order pizza for the team ', 'U0PIZZA3'],
    ] as const) {
      await command(h, question, userId);
    }
    for (let i = 0; i < 3; i++) await command(h, 'book a meeting room');
    const ts = '1700000100.000100';
    await h.slack.event({
      type: 'app_mention',
      user: 'U0M',
      channel: 'C0GENERAL',
      text: '<@U0SOCIALVS> ROI',
      ts,
      event_ts: ts,
    });
    await standIn.waitFor(() =>
      standIn.callsOf('chat.postMessage').find((call) => call.args.thread_ts === ts),
    );

    const report = await h.bot.store.usageReport(undefined);
    expect(report.asked).toBe(11);
    expect(report.answered).toBe(5);
    expect(report.topTopics).toEqual([
      { topic: 'roi', count: 4 },
      { topic: 'similarities', count: 1 },
    ]);
    expect(report.unanswered.map((row) => row.count)).toEqual([3, 1]);
    expect(report.unanswered[0]?.text.toLowerCase().replace(/\s+/g, ' ').trim()).toBe(
      'order pizza for the team',
    );
    expect(report.languages).toEqual([
      { language: 'en', asked: 10, answered: 4 },
      { language: 'de', asked: 1, answered: 1 },
    ]);

    const card = await command(h, 'stats all', ADMIN);
    const text = JSON.stringify(card);
    expect(headerOf(card)).toBe(
      translate(kb.ui, 'en', 'stats.header', { period: translate(kb.ui, 'en', 'stats.period_all') }),
    );
    expect(text).toContain('*11* questions asked, *5* answered (45%)');
    expect(text).toContain(`4 × ${titleOf('roi', 'en')}`);
    expect(text).toContain('👥 3 · “');
    expect(text).toContain('👥 1 · “');
    await h.close();
  });

  it('appears on the App Home of admins only', async () => {
    const h = await startHarness({ ADMIN_USER_IDS: ADMIN }, standIn);
    for (const user of [ADMIN, 'U0PLAIN']) {
      await h.slack.event({
        type: 'app_home_opened',
        user,
        channel: 'D0HOME',
        tab: 'home',
        event_ts: `${Date.now() / 1000}`,
      });
    }
    const views = await standIn.waitFor(() => {
      const calls = standIn
        .callsOf('views.publish')
        .filter((call) => [ADMIN, 'U0PLAIN'].includes(String(call.args.user_id)));
      return calls.length >= 2 && calls;
    });
    const admin = JSON.stringify(views.find((call) => call.args.user_id === ADMIN)?.args.view);
    const plain = JSON.stringify(views.find((call) => call.args.user_id === 'U0PLAIN')?.args.view);
    expect(admin).toContain('stats_totals');
    expect(plain).not.toContain('stats_totals');
    await h.close();
  });

  it('with QUESTION_LOG off, keeps outcomes but no question text', async () => {
    const h = await startHarness({ ADMIN_USER_IDS: ADMIN, QUESTION_LOG: 'off' }, standIn);
    await command(h, 'order pizza for the team');
    await command(h, 'ROI');
    const report = await h.bot.store.usageReport(undefined);
    expect(report.asked).toBe(2);
    expect(report.unanswered).toEqual([]);
    expect(JSON.stringify(await command(h, 'stats', ADMIN))).toContain(
      translate(kb.ui, 'en', 'stats.log_off'),
    );
    await h.close();
  });
});

describe('retention', () => {
  it('purges questions, votes and quiz answers older than QUESTION_RETENTION_DAYS, keeps newer ones', async () => {
    const database = `sqlite:${join(dir, 'retention.db')}`;
    let h = await startHarness(
      { ADMIN_USER_IDS: ADMIN, DATABASE_URL: database, QUESTION_RETENTION_DAYS: '30' },
      standIn,
    );
    const day = 24 * 60 * 60 * 1000;
    const old = new Date(Date.now() - 45 * day);
    await h.bot.store.recordQuestion({
      askedAt: old,
      surface: 'command',
      language: 'en',
      topic: null,
      text: 'old',
      normalized: 'old',
    });
    await h.bot.store.recordVote({
      answerId: 'a1',
      userId: 'U1',
      topic: 'roi',
      language: 'en',
      vote: 1,
      at: old,
    });
    for (const [userId, at] of [
      ['U1', old],
      ['U2', new Date()],
    ] as const) {
      await h.bot.store.recordQuizAnswer({
        quiz: 'pold',
        itemKey: 'roi-quiz',
        userId,
        answer: 'media',
        correct: true,
        at,
      });
    }
    await command(h, 'ROI');
    expect((await h.bot.store.usageReport(undefined)).asked).toBe(2);
    await h.close();

    // The purge runs at start (and daily): the 45-day-old records are gone, today's stays.
    h = await startHarness(
      { ADMIN_USER_IDS: ADMIN, DATABASE_URL: database, QUESTION_RETENTION_DAYS: '30' },
      standIn,
    );
    const report = await h.bot.store.usageReport(undefined);
    expect(report.asked).toBe(1);
    expect(report.votes).toEqual([]);
    expect(report.quiz.answered).toBe(1);
    expect(
      h.logs.some((line) =>
        line.includes('purged 3 question, vote and quiz answer records older than 30 days'),
      ),
    ).toBe(true);
    await h.close();
  });
});
