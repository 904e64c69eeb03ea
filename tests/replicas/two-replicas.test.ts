/**
 * Two replicas of the real bot (two processes on two ports) sharing one PostgreSQL
 * database and one Slack stand-in, as behind a load balancer:
 * - every event is delivered to both, as when Slack's retry reaches the other replica,
 *   and is answered once;
 * - a language saved through one replica is used by the other at once;
 * - channels subscribed through either replica get one tip each from the schedule that
 *   fires in both, even when one replica is killed (SIGKILL) in the middle of that run;
 * - after the kill, events delivered to both reach the survivor and are answered once.
 *
 * The replicas carry different bot tokens only so that the test can tell whose call
 * reached the stand-in (and kill that one); everything else is the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackRequestSender } from '../../src/sandbox/signed-requests.js';
import { BOT_USER_ID, type RecordedCall, SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { localDay } from '../../src/tips/day.js';
import { headerOf, titleOf } from '../support/cards.js';
import { ChildBot } from '../support/child-bot.js';
import { SIGNING_SECRET } from '../support/harness.js';
import { freshPostgresDatabase, type TestDatabase } from '../support/postgres.js';
import { slashReply } from '../support/slash.js';

const TOKENS = { a: 'xoxb-replica-a-0000000000-secret', b: 'xoxb-replica-b-0000000000-secret' } as const;
type Replica = keyof typeof TOKENS;
const CHANNELS = Array.from({ length: 12 }, (_, index) => `C0REPL${String(index).padStart(2, '0')}`);
const TIME_ZONE = 'Europe/Berlin';

let database: TestDatabase;
let standIn: SlackStandIn;
const bots = {} as Record<Replica, ChildBot>;
const senders = {} as Record<Replica, SlackRequestSender>;

beforeAll(async () => {
  database = await freshPostgresDatabase();
  standIn = await SlackStandIn.start();
  for (const channel of CHANNELS)
    standIn.channels.set(channel, { name: channel.toLowerCase(), isMember: true });
  const start = (replica: Replica) =>
    ChildBot.start({
      SLACK_BOT_TOKEN: TOKENS[replica],
      SLACK_API_URL: standIn.apiUrl,
      DATABASE_URL: database.url,
      // The schedule fires every two seconds in both replicas; nothing is subscribed yet.
      TIP_CRON: '*/2 * * * * *',
      TIP_TIMEZONE: TIME_ZONE,
      TIP_POSTS_PER_SECOND: '5',
      LOG_LEVEL: 'debug',
    });
  [bots.a, bots.b] = await Promise.all([start('a'), start('b')]);
  for (const replica of ['a', 'b'] as const) {
    senders[replica] = new SlackRequestSender(`${bots[replica].url}/slack/events`, SIGNING_SECRET);
  }
}, 90_000);

afterAll(async () => {
  await Promise.all(Object.values(bots).map((bot) => bot.stop()));
  await standIn?.close();
  await database?.drop();
});

let tsCounter = 0;
function mention(text: string, user = 'UASKER') {
  tsCounter += 1;
  const ts = `1763800000.${String(tsCounter).padStart(6, '0')}`;
  return {
    type: 'app_mention',
    user,
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    event_ts: ts,
    channel: 'C0QUESTIONS',
  };
}

const whose = (call: RecordedCall): Replica | undefined =>
  call.token === TOKENS.a ? 'a' : call.token === TOKENS.b ? 'b' : undefined;

/** The answers Slack accepted in the thread of the message with this ts. */
const answersTo = (ts: string) =>
  standIn.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === ts && call.outcome === 'ok');

/** Tip cards Slack accepted in a channel (not the subscription announcement). */
const tipsIn = (channel: string) =>
  standIn
    .callsOf('chat.postMessage')
    .filter(
      (call) => call.args.channel === channel && call.outcome === 'ok' && headerOf(call.args) !== undefined,
    );

/** Log lines saying a duplicate delivery was skipped, across the replicas given. */
const skippedDeliveries = (replicas: Replica[]) =>
  replicas.reduce(
    (sum, replica) => sum + (bots[replica].stderr.match(/already handled; ignoring/g) ?? []).length,
    0,
  );

/** Sends the same event to both replicas at once; a replica that is gone just refuses. */
async function deliverToBoth(event: Record<string, unknown>, eventId: string): Promise<Replica[]> {
  const reached = await Promise.all(
    (['a', 'b'] as const).map((replica) =>
      senders[replica].event(event, { eventId }).then(
        (response) => (response.status === 200 ? replica : undefined),
        () => undefined,
      ),
    ),
  );
  return reached.filter((replica): replica is Replica => replica !== undefined);
}

/**
 * `/socialvs <text>` through `replica`, or through the other one when it is gone or gave
 * no answer, as a load balancer (and a user typing it again) would.
 */
async function command(
  replica: Replica,
  text: string,
  channelId: string,
  userId = 'UADMIN',
): Promise<string> {
  const other: Replica = replica === 'a' ? 'b' : 'a';
  for (const target of [replica, other]) {
    if (!bots[target].running) continue;
    try {
      return JSON.stringify((await slashReply(senders[target], standIn, { text, userId, channelId })).body);
    } catch {
      // Killed meanwhile: try the other replica.
    }
  }
  throw new Error(`no replica answered /socialvs ${text}`);
}

describe('two replicas sharing PostgreSQL', () => {
  it('answer each event once when both get every delivery', async () => {
    const events = Array.from({ length: 20 }, (_, index) => ({
      event: mention(index % 2 === 0 ? 'what is social media?' : 'networking vs media for B2B'),
      eventId: `EvBOTH${String(index).padStart(2, '0')}`,
    }));
    const reached = await Promise.all(events.map(({ event, eventId }) => deliverToBoth(event, eventId)));
    expect(reached.every((replicas) => replicas.length === 2)).toBe(true);
    // Settled: every event answered, and every duplicate delivery has seen the answer's claim.
    await expect.poll(() => skippedDeliveries(['a', 'b'])).toBe(events.length);
    for (const { event } of events) expect(answersTo(event.ts)).toHaveLength(1);
  });

  it('a language saved through one replica is used by the other at once', async () => {
    expect(await command('a', 'lang de', 'C0QUESTIONS', 'ULANG')).toContain('Deutsch');
    const event = mention('ROI', 'ULANG');
    const reached = await deliverToBoth(event, 'EvLANG');
    expect(reached).toHaveLength(2);
    await expect.poll(() => answersTo(event.ts).length).toBe(1);
    // Asked through replica B only, to be sure B read what A saved.
    const viaB = mention('ROI', 'ULANG');
    await senders.b.event(viaB, { eventId: 'EvLANGB' });
    const answer = await standIn.waitFor(() => answersTo(viaB.ts)[0]);
    expect(whose(answer)).toBe('b');
    expect(headerOf(answer.args)).toBe(titleOf('roi', 'de'));
    expect(headerOf((answersTo(event.ts)[0] as RecordedCall).args)).toBe(titleOf('roi', 'de'));
  });

  it('one tip per channel from the schedule in both, with the replica mid-post killed', async () => {
    // The first tip posted (by whichever replica, whenever the schedule first finds a
    // subscription) gets no answer; its replica is killed while waiting for it, holding
    // that channel's claim and whichever others its workers had taken.
    const isTip = (args: Record<string, unknown>) => headerOf(args) !== undefined;
    standIn.fault('chat.postMessage', { hangMs: 120_000 }, 1, isTip);
    const killed = new Promise<Replica>((resolve) => {
      const onRequest = (call: RecordedCall) => {
        if (call.method !== 'chat.postMessage' || !isTip(call.args)) return;
        standIn.off('request', onRequest);
        const replica = whose(call) ?? 'a';
        bots[replica].child.kill('SIGKILL');
        resolve(replica);
      };
      standIn.on('request', onRequest);
    });
    // Half the channels subscribed through each replica (the survivor, once one is gone).
    for (const [index, channel] of CHANNELS.entries()) {
      expect(await command(index % 2 === 0 ? 'a' : 'b', 'subscribe', channel)).not.toContain('error');
    }
    const victim = await killed;
    expect((await bots[victim].exited).signal).toBe('SIGKILL');
    const survivor: Replica = victim === 'a' ? 'b' : 'a';
    // Every subscription is in the shared database, whichever replica took it.
    const shared = await PostgresStore.open(database.url);
    try {
      expect((await shared.listSubscriptions()).map((subscription) => subscription.channelId)).toEqual(
        CHANNELS,
      );
    } finally {
      await shared.close();
    }

    // Every channel gets its tip, from whichever replica, exactly once.

    await standIn.waitFor(() => CHANNELS.every((channel) => tipsIn(channel).length > 0), 60_000);
    const settledFrom = bots[survivor].stderr.length;
    await bots[survivor].waitForLog(
      new RegExp(`tips for ${localDay(new Date(), TIME_ZONE)}: 0 posted, ${CHANNELS.length} already done`),
      settledFrom,
      30_000,
    );
    for (const channel of CHANNELS) expect(tipsIn(channel)).toHaveLength(1);
    // The killed replica's post never reached Slack, and its claim went with it.
    expect(
      standIn.callsOf('chat.postMessage').some((call) => whose(call) === victim && call.outcome !== 'ok'),
    ).toBe(false);
  }, 120_000);

  it('after the kill, events sent to both are answered once, by the survivor', async () => {
    const alive = (['a', 'b'] as const).filter((replica) => bots[replica].running);
    expect(alive).toHaveLength(1);
    const survivor = alive[0] as Replica;
    const events = Array.from({ length: 10 }, (_, index) => ({
      event: mention('does social media replace networking?'),
      eventId: `EvAFTER${index}`,
    }));
    for (const { event, eventId } of events) expect(await deliverToBoth(event, eventId)).toEqual([survivor]);
    for (const { event } of events) {
      const answer = await standIn.waitFor(() => answersTo(event.ts)[0]);
      expect(whose(answer)).toBe(survivor);
    }
    for (const { event } of events) expect(answersTo(event.ts)).toHaveLength(1);
  });
});
