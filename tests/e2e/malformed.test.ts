/**
 * Requests that carry a valid signature but are malformed, sent through the real bot:
 * bodies that don't decode, envelopes without their event, fields of the wrong type, a
 * slash command without its text, user or a usable response_url, button presses without
 * their action or with a value of the wrong type, unknown buttons, cards whose topic is
 * gone. For each one the bot answers Slack without a server error, keeps serving, tells
 * the user something where it can (a response_url), and logs the problem once, without a
 * stack trace. Then 1,000 mentions arriving at once are each answered exactly once.
 *
 * Each malformed request gets a bot of its own, so every log line of that bot is about
 * that one request (and the cases can run side by side).
 */
import { afterAll, beforeAll, describe, type ExpectStatic, expect, it } from 'vitest';
import { messageInAck } from '../../src/sandbox/signed-requests.js';
import { BOT_USER_ID, TEAM_ID } from '../../src/sandbox/slack-stand-in.js';
import { headerOf, kb, titleOf } from '../support/cards.js';
import { type Harness, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const ASKER = 'UASKER';
/** A question with a language of its own, so answering it needs no users.info. */
const ROI_QUESTION = 'What is the ROI difference between social media and social networking?';
/**
 * Bolt answers a request nobody acknowledged after 3,001 ms (and logs it then, even when an
 * error answered it earlier): a request's log is complete only once that much has passed.
 */
const BOLT_NO_ACK_MS = 3_001;
const STALE_NOTICE = kb.ui['error.stale_card'].en;

/** A log line at WARN or ERROR level: what an operator reads. */
const PROBLEM_LINE = /^\S+ (WARN|ERROR) /;
const STACK_LINE = /^\s+at /m;

async function newHarness(): Promise<Harness> {
  const h = await startHarness();
  h.standIn.users.set(ASKER, { name: 'asker', locale: 'en-US' });
  return h;
}

function eventEnvelope(fields: Record<string, unknown>): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    api_app_id: 'A0SOCIALVS',
    type: 'event_callback',
    event_id: 'Ev0MALFORMED1',
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    ...fields,
  });
}

/** A /socialvs form as Slack sends it; a field set to undefined is left out. */
function commandForm(fields: Record<string, string | undefined>): string {
  const all: Record<string, string | undefined> = {
    token: 'legacy-verification-token',
    team_id: TEAM_ID,
    team_domain: 'sandbox',
    channel_id: 'C0GENERAL',
    channel_name: 'general',
    user_id: ASKER,
    user_name: 'asker',
    command: '/socialvs',
    text: ROI_QUESTION,
    api_app_id: 'A0SOCIALVS',
    is_enterprise_install: 'false',
    trigger_id: '1700000000.trigger',
    ...fields,
  };
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(all)) if (value !== undefined) form.set(key, value);
  return form.toString();
}

/** A block_actions payload from an ephemeral card in a channel; `fields` replace or add to it. */
function actionForm(fields: Record<string, unknown>): string {
  const payload = {
    type: 'block_actions',
    user: { id: ASKER, username: 'asker', name: 'asker', team_id: TEAM_ID },
    api_app_id: 'A0SOCIALVS',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: '1700000000.000100',
      channel_id: 'C0GENERAL',
      is_ephemeral: true,
    },
    trigger_id: '1700000000.trigger',
    team: { id: TEAM_ID, domain: 'sandbox' },
    channel: { id: 'C0GENERAL', name: 'general' },
    ...fields,
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

function button(actionId: string, value: unknown): Record<string, unknown> {
  return {
    type: 'button',
    action_id: actionId,
    block_id: 'topic_navigation',
    text: { type: 'plain_text', text: 'Next', emoji: true },
    value,
    action_ts: '1700000000.000200',
  };
}

interface Case {
  name: string;
  /** The body, given the response_url handed out for this request. */
  body: (responseUrl: string) => string;
  contentType: string;
  status: number;
  /** What the user must get through the response_url, when the request carries a usable one. */
  answer?: (post: Record<string, unknown>, check: ExpectStatic) => void;
}

const anyPlainAnswer = (post: Record<string, unknown>, check: ExpectStatic) => {
  check.soft(typeof post.text === 'string' && post.text.length > 0, 'a text the user can read').toBe(true);
};
const staleNotice = (post: Record<string, unknown>, check: ExpectStatic) => {
  check.soft(post.text).toBe(STALE_NOTICE);
};

const CASES: Case[] = [
  {
    name: 'an event body that is not JSON',
    body: () => '{"type": "event_callback", "event": {"type": "app_mention", ',
    contentType: JSON_TYPE,
    status: 400,
  },
  {
    name: 'an event_callback without its event',
    body: () => eventEnvelope({}),
    contentType: JSON_TYPE,
    status: 200,
  },
  {
    name: 'an app_mention whose text is a number',
    body: () =>
      eventEnvelope({
        event: {
          type: 'app_mention',
          user: ASKER,
          text: 42,
          ts: '1700000000.000300',
          event_ts: '1700000000.000300',
          channel: 'C0GENERAL',
        },
      }),
    contentType: JSON_TYPE,
    status: 200,
  },
  {
    name: 'a direct message whose text is a number',
    body: () =>
      eventEnvelope({
        event: {
          type: 'message',
          channel_type: 'im',
          user: ASKER,
          text: 42,
          ts: '1700000000.000400',
          event_ts: '1700000000.000400',
          channel: 'D0ASKER',
        },
      }),
    contentType: JSON_TYPE,
    status: 200,
  },
  {
    name: 'an event_callback whose event is a string',
    body: () => eventEnvelope({ event: 'app_mention' }),
    contentType: JSON_TYPE,
    status: 200,
  },
  {
    name: 'a slash command without text',
    body: (url) => commandForm({ text: undefined, response_url: url }),
    contentType: FORM,
    status: 200,
    // Nothing asked: the overview, as for an empty /socialvs.
    answer: (post, check) => check.soft(headerOf(post)).toBe(titleOf('overview', 'en')),
  },
  {
    name: 'a slash command without user_id',
    body: (url) => commandForm({ user_id: undefined, response_url: url }),
    contentType: FORM,
    status: 200,
    answer: anyPlainAnswer,
  },
  {
    name: 'a slash command whose response_url is not a URL',
    body: () => commandForm({ response_url: 'not a url' }),
    contentType: FORM,
    status: 200,
  },
  {
    name: 'a payload= that is not JSON',
    body: () => `payload=${encodeURIComponent('{"type": "block_actions", actions: [')}`,
    contentType: FORM,
    status: 400,
  },
  {
    // Without `actions`, Bolt cannot tell what kind of request this is, so no middleware or
    // listener sees it: acknowledged and logged, with nobody to answer.
    name: 'a block_actions payload without actions',
    body: (url) => actionForm({ response_url: url }),
    contentType: FORM,
    status: 200,
  },
  {
    name: 'a block_actions payload with no action in actions',
    body: (url) => actionForm({ response_url: url, actions: [] }),
    contentType: FORM,
    status: 200,
    answer: anyPlainAnswer,
  },
  {
    name: 'a button press whose value is a number',
    body: (url) => actionForm({ response_url: url, actions: [button('topic_next', 42)] }),
    contentType: FORM,
    status: 200,
    answer: staleNotice,
  },
  {
    name: 'a button this version does not know',
    body: (url) =>
      actionForm({ response_url: url, actions: [button('mystery_button', '{"t":"roi","l":"en"}')] }),
    contentType: FORM,
    status: 200,
    answer: staleNotice,
  },
  {
    name: 'a button on an old card whose topic no longer exists',
    body: (url) =>
      actionForm({ response_url: url, actions: [button('topic_next', '{"t":"retired","l":"en"}')] }),
    contentType: FORM,
    status: 200,
    answer: staleNotice,
  },
];

describe.concurrent('a signed but malformed request', () => {
  it.for(CASES)(
    '$name: answered without a 5xx, the bot keeps serving, logged once',
    { timeout: 30_000 },
    async (c, { expect }) => {
      const h = await newHarness();
      try {
        const before = h.logs.length;
        const started = Date.now();
        const url = h.standIn.responseUrl();
        const sent = await h.slack.send(c.body(url), c.contentType);
        expect.soft(sent.status, 'not a server error').toBeLessThan(500);
        expect.soft(sent.status).toBe(c.status);

        if (c.answer) {
          const answer =
            messageInAck(sent) ??
            (await h.standIn
              .waitFor(() => h.standIn.responsesTo(url)[0], 5_000)
              .then((post) => post.body)
              .catch(() => undefined));
          expect.soft(answer, 'an answer in the ack or through the response_url').toBeDefined();
          if (answer) c.answer(answer, expect);
        }

        // Still serving: a normal /socialvs gets its card.
        const normal = await slashReply(
          h.slack,
          h.standIn,
          { text: ROI_QUESTION, userId: ASKER, channelId: 'C0GENERAL' },
          { timeoutMs: 10_000 },
        );
        expect(normal.status).toBe(200);
        expect(headerOf(normal.body)).toBe(titleOf('roi', 'en'));

        // The request's log is complete once Bolt's no-ack timer has had its turn.
        const wait = started + BOLT_NO_ACK_MS + 200 - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const lines = h.logs.slice(before);
        expect
          .soft(
            lines.filter((line) => STACK_LINE.test(line)),
            'stack trace lines',
          )
          .toEqual([]);
        const problems = lines.filter((line) => PROBLEM_LINE.test(line));
        expect
          .soft(problems.length, `problem mentioned more than once:\n${problems.join('\n')}`)
          .toBeLessThanOrEqual(1);
      } finally {
        await h.close();
      }
    },
  );
});

describe('1,000 mentions at once', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await newHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  const QUESTIONS = [
    ROI_QUESTION,
    'Who should my target audience be on social media?',
    'Was ist ein soziales Netzwerk?',
    'apa perbedaan jejaring sosial dan media sosial?',
    'Quel est le public cible des medias sociaux ?',
    'two-way communication',
    'something nobody asked about',
  ];
  const CHANNEL = 'C0CROWD';
  const COUNT = 1_000;

  it('answers each of 1,000 simultaneous mentions exactly once, in its own thread', async () => {
    const events = Array.from({ length: COUNT }, (_, i) => {
      const ts = `${1_800_000_000 + i}.000100`;
      return {
        event: {
          type: 'app_mention',
          user: ASKER,
          text: `<@${BOT_USER_ID}> ${QUESTIONS[i % QUESTIONS.length]}`,
          ts,
          event_ts: ts,
          channel: CHANNEL,
        },
        eventId: `Ev0CROWD${String(i).padStart(5, '0')}`,
      };
    });
    const sent = await Promise.all(events.map(({ event, eventId }) => h.slack.event(event, { eventId })));
    expect(sent.filter((response) => response.status !== 200)).toEqual([]);

    const answers = () =>
      h.standIn.callsOf('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
    await h.standIn.waitFor(() => answers().length >= COUNT, 60_000);

    // Anything still on its way has arrived once a mention sent after all of them is answered.
    const markerTs = '1899999999.000100';
    await h.slack.event({
      type: 'app_mention',
      user: ASKER,
      text: `<@${BOT_USER_ID}> ROI`,
      ts: markerTs,
      event_ts: markerTs,
      channel: 'C0MARKER',
    });
    await h.standIn.waitFor(
      () => h.standIn.callsOf('chat.postMessage').find((call) => call.args.thread_ts === markerTs),
      10_000,
    );

    const byThread = new Map<string, number>();
    for (const call of answers()) {
      const thread = String(call.args.thread_ts);
      byThread.set(thread, (byThread.get(thread) ?? 0) + 1);
    }
    const expected = new Map(events.map(({ event }) => [event.ts, 1]));
    expect(byThread).toEqual(expected);
    expect(answers().filter((call) => call.outcome !== 'ok')).toEqual([]);
    expect(h.logs.filter((line) => STACK_LINE.test(line))).toEqual([]);
  }, 120_000);
});
