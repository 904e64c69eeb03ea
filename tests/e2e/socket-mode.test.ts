/**
 * Socket Mode through the wire: the real bot started with SLACK_APP_TOKEN opens its
 * WebSocket through apps.connections.open on the stand-in, and gets what Slack sends as
 * envelopes on it. Checked as over HTTP: /socialvs answered in its acknowledgement, a
 * mention answered once in its thread, a button answered through its response_url; and
 * what only Socket Mode has: Slack asking for a reconnect (with an event redelivered on
 * the new connection), apps.connections.open failing for a while, and a stop with an
 * answer under way.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_USER_ID, type RecordedCall, type SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { buttonsOf, type FoundButton, headerOf, titleOf } from '../support/cards.js';
import { BOT_TOKEN } from '../support/harness.js';
import { APP_TOKEN, type SocketHarness, startSocketHarness } from '../support/socket-harness.js';

let clock = 1_700_200_000;
const nextTs = () => `${++clock}.000100`;

function mention(text: string, extra: Record<string, unknown> = {}) {
  const ts = nextTs();
  return {
    type: 'app_mention',
    user: 'UASKER',
    text: `<@${BOT_USER_ID}> ${text}`,
    ts,
    event_ts: ts,
    channel: 'C0MARKETING',
    ...extra,
  };
}

/** The chat.postMessage calls answering in the thread `threadTs`. */
function answersIn(standIn: SlackStandIn, threadTs: string): RecordedCall[] {
  return standIn.callsOf('chat.postMessage').filter((call) => call.args.thread_ts === threadTs);
}

/** Sends a mention and resolves with its one answer. */
async function ask(h: SocketHarness, text: string, extra: Record<string, unknown> = {}) {
  const event = mention(text, extra);
  await h.socket.event(event);
  const [answer] = await h.standIn.waitFor(
    () => answersIn(h.standIn, event.ts).length > 0 && answersIn(h.standIn, event.ts),
    15_000,
  );
  return answer as RecordedCall;
}

/** Resolves when a call to `method` reaches the stand-in (before it is answered). */
function arriving(standIn: SlackStandIn, method: string): Promise<RecordedCall> {
  return new Promise((resolve) => {
    const listener = (call: RecordedCall) => {
      if (call.method !== method) return;
      standIn.off('request', listener);
      resolve(call);
    };
    standIn.on('request', listener);
  });
}

describe('in Socket Mode', () => {
  let h: SocketHarness;
  beforeAll(async () => {
    h = await startSocketHarness({ DEFAULT_LANGUAGE: 'en' });
    h.standIn.users.set('UEN', { name: 'ana', locale: 'en-US' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('connects with the app-level token, once, and calls the Web API with the bot token', async () => {
    expect(h.standIn.callsOf('apps.connections.open').map((call) => [call.token, call.outcome])).toEqual([
      [APP_TOKEN, 'ok'],
    ]);
    expect(h.socket.connections).toBe(1);
    const answer = await ask(h, 'ROI');
    expect(answer.token).toBe(BOT_TOKEN);
  });

  it('answers /socialvs <question> in its acknowledgement, only to the asker', async () => {
    const responseUrl = h.standIn.responseUrl();
    const card = await h.socket.slashCommand({
      text: 'what is the ROI difference?',
      userId: 'UEN',
      channelId: 'C0GENERAL',
      responseUrl,
    });
    expect(card?.response_type).toBe('ephemeral');
    expect(headerOf(card ?? {})).toBe(titleOf('roi', 'en'));
    expect(buttonsOf(card ?? {}).map((button) => button.action_id)).toContain('topic_share');
  });

  it('answers an app_mention once, in the thread of the mention', async () => {
    const event = mention('how do they differ in ROI?');
    const { ack } = await h.socket.event(event);
    // An event is acknowledged bare; the answer is a message of its own.
    expect(ack).toBeUndefined();
    const [call] = await h.standIn.waitFor(
      () => answersIn(h.standIn, event.ts)[0] && answersIn(h.standIn, event.ts),
    );
    expect(call?.args.channel).toBe('C0MARKETING');
    expect(headerOf(call?.args ?? {})).toBe(titleOf('roi', 'en'));
    // Everything sent before this marker has been handled once it is answered.
    await ask(h, 'similarities');
    expect(answersIn(h.standIn, event.ts)).toHaveLength(1);
  });

  it('answers a direct message in the DM', async () => {
    const ts = nextTs();
    await h.socket.event({
      type: 'message',
      channel_type: 'im',
      channel: 'D0SOCKETDM',
      user: 'UASKER',
      text: 'Was ist ein soziales Netzwerk?',
      ts,
      event_ts: ts,
    });
    const call = await h.standIn.waitFor(() =>
      h.standIn.callsOf('chat.postMessage').find((c) => c.args.channel === 'D0SOCKETDM'),
    );
    expect(headerOf(call.args)).toBe(titleOf('definition', 'de'));
  });

  it('answers a button press through its response_url, replacing the card', async () => {
    const card = await h.socket.slashCommand({
      text: 'ROI',
      userId: 'UEN',
      channelId: 'C0GENERAL',
      responseUrl: h.standIn.responseUrl(),
    });
    const next = buttonsOf(card ?? {}).find((button) => button.action_id === 'topic_next') as FoundButton;
    expect(next).toBeDefined();
    const responseUrl = h.standIn.responseUrl();
    await h.socket.blockAction({
      actionId: next.action_id,
      ...(next.value === undefined ? {} : { value: next.value }),
      userId: 'UEN',
      channelId: 'C0GENERAL',
      responseUrl,
      container: { type: 'message', messageTs: '1700000000.000001', isEphemeral: true },
    });
    const post = await h.standIn.waitFor(() => h.standIn.responsesTo(responseUrl)[0]);
    expect(post.body.replace_original).toBe(true);
    expect(headerOf(post.body)).toBe(titleOf('ask-or-tell', 'en'));
  });

  it('reconnects when Slack asks it to, and answers an event redelivered there once', async () => {
    const event = mention('two-way communication');
    const first = await h.socket.event(event);
    await h.standIn.waitFor(() => answersIn(h.standIn, event.ts)[0]);

    const reconnected = h.socket.nextConnection(30_000);
    h.socket.disconnect('refresh_requested');
    await reconnected;
    // A new URL for the new connection, and the old connection closed.
    expect(h.standIn.callsOf('apps.connections.open').map((call) => call.outcome)).toEqual(['ok', 'ok']);
    await h.socket.waitForConnections(1);

    // Slack delivers the event again on the new connection, as it does when an ack was lost.
    await h.socket.event(event, { eventId: first.eventId, retryAttempt: 1, retryReason: 'timeout' });
    const answer = await ask(h, 'what are the similarities?');
    expect(headerOf(answer.args)).toBe(titleOf('similarities', 'en'));
    expect(answersIn(h.standIn, event.ts)).toHaveLength(1);
  }, 60_000);
});

describe('in Socket Mode, when apps.connections.open fails for a while', () => {
  let h: SocketHarness;
  beforeAll(async () => {
    h = await startSocketHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('keeps trying, and answers again once Slack is back', async () => {
    // Five answers in a row that are HTTP 500, then Slack is fine again.
    h.standIn.fault('apps.connections.open', { status: 500 }, 5);
    const reconnected = h.socket.nextConnection(40_000);
    h.socket.disconnect('refresh_requested');
    await reconnected;
    const outcomes = h.standIn.callsOf('apps.connections.open').map((call) => call.outcome);
    expect(outcomes.filter((outcome) => outcome === 'http_500')).toHaveLength(5);
    expect(outcomes.at(-1)).toBe('ok');
    const answer = await ask(h, 'ROI');
    expect(headerOf(answer.args)).toBe(titleOf('roi', 'en'));
  }, 60_000);
});

describe('in Socket Mode, stopping', () => {
  let h: SocketHarness;
  beforeAll(async () => {
    h = await startSocketHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('finishes the answer under way, then closes its connection', async () => {
    h.standIn.users.set('U0SLOWLOCALE', { name: 'slow', locale: 'de-DE' });
    // Slack takes its time to take the answer: the answer is under way when the stop begins.
    h.standIn.fault('chat.postMessage', { hangMs: 1500 });
    const event = mention('ROI', { user: 'U0SLOWLOCALE' });
    const posting = arriving(h.standIn, 'chat.postMessage');
    await h.socket.event(event);
    await posting;

    await h.bot.stop();
    // stop() returned only once the answer had reached Slack.
    const answers = answersIn(h.standIn, event.ts);
    expect(answers.map((call) => call.outcome)).toEqual(['ok']);
    expect(headerOf(answers[0]?.args ?? {})).toBe(titleOf('roi', 'de'));
    // And its connection is closed.
    await h.socket.waitForConnections(0);
  });
});
