/**
 * The listeners as Bolt registers them: a real Bolt App with registerListeners, fed
 * requests the way a receiver feeds them (App.processEvent, which resolves once every
 * listener has finished). Each button reaches exactly one listener; a button nobody
 * registered reaches only the unknown-button listener; a request the listeners cannot read
 * stops before them.
 */
import { App, type Receiver } from '@slack/bolt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_IDS, CALLBACK_IDS, encodeQuizValue, encodeValue } from '../../src/cards/actions.js';
import { browseModal, SHARE_BLOCK_ID } from '../../src/cards/browse-modal.js';
import { registerListeners } from '../../src/listeners/index.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { fetchWithTimeout } from '../../src/slack/create-app.js';
import { isStaleCard } from '../support/button-press.js';
import { headerOf, kb, titleOf } from '../support/cards.js';
import { world } from '../support/listeners.js';

/** A receiver that only hands Bolt what the test gives it. */
class TestReceiver implements Receiver {
  init(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

let standIn: SlackStandIn;
let app: App;
let lines: string[];

beforeAll(async () => {
  standIn = await SlackStandIn.start();
  const w = world();
  lines = w.lines;
  app = new App({
    token: 'xoxb-register-test',
    botId: 'B0SOCIALVS',
    botUserId: 'U0SOCIALVS',
    receiver: new TestReceiver(),
    clientOptions: { slackApiUrl: standIn.apiUrl, fetch: fetchWithTimeout(5_000) },
    logger: w.deps.logger,
  });
  registerListeners(app, w.deps);
});
afterAll(async () => {
  await standIn.close();
});

/** Presses a button on an ephemeral card; resolves with every post to its response_url and the acks. */
async function pressButton(actions: unknown[]) {
  const responseUrl = standIn.responseUrl();
  const acks: unknown[] = [];
  await app.processEvent({
    body: {
      type: 'block_actions',
      user: { id: 'UCLICK', username: 'clicker', name: 'clicker', team_id: 'T0SANDBOX' },
      team: { id: 'T0SANDBOX', domain: 'sandbox' },
      api_app_id: 'A0SOCIALVS',
      container: {
        type: 'message',
        message_ts: '1700000000.000001',
        channel_id: 'C0GENERAL',
        is_ephemeral: true,
      },
      channel: { id: 'C0GENERAL', name: 'general' },
      response_url: responseUrl,
      actions,
    },
    ack: async (response?: unknown) => {
      acks.push(response);
    },
  });
  return { posts: standIn.responsesTo(responseUrl).map((post) => post.body), acks };
}

function button(actionId: string, value?: string) {
  return {
    type: 'button',
    action_id: actionId,
    block_id: 'block',
    text: { type: 'plain_text', text: 'button' },
    ...(value === undefined ? {} : { value }),
    action_ts: '1700000000.000200',
  };
}

describe('buttons registered with Bolt', () => {
  it('Next ▶ is answered once, by the topic listener alone', async () => {
    const { posts, acks } = await pressButton([
      button(ACTION_IDS.next, encodeValue({ topic: 'roi', language: 'en' })),
    ]);
    expect(acks).toHaveLength(1);
    expect(posts).toHaveLength(1);
    // The button's value names the topic it leads to.
    expect(headerOf(posts[0] ?? {})).toBe(titleOf('roi', 'en'));
    expect(posts.some((post) => isStaleCard(post, 'en'))).toBe(false);
  });

  it('a language button is answered once, in that language', async () => {
    const { posts } = await pressButton([
      button(`${ACTION_IDS.languagePrefix}de`, encodeValue({ topic: 'roi', language: 'de' })),
    ]);
    expect(posts).toHaveLength(1);
    expect(headerOf(posts[0] ?? {})).toBe(titleOf('roi', 'de'));
  });

  it('each quiz answer is answered once, privately, by the quiz listener alone', async () => {
    const item = kb.quiz[0];
    if (!item) throw new Error('no quiz items');
    for (const answer of ['networking', 'media', 'both']) {
      const { posts, acks } = await pressButton([
        button(
          `quiz_answer_${answer}`,
          encodeQuizValue({ item: item.key, language: 'en', quiz: `preg${answer}` }),
        ),
      ]);
      expect(acks).toHaveLength(1);
      expect(posts).toHaveLength(1);
      expect(posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
      expect(String(posts[0]?.text)).toContain(item.explanation.en);
    }
  });

  it('a quiz share and a quiz result’s "open the topic" each reach their own listener only', async () => {
    const item = kb.quiz[0];
    if (!item) throw new Error('no quiz items');
    const shared = await pressButton([
      button(ACTION_IDS.quizShare, encodeQuizValue({ item: item.key, language: 'en', quiz: 'pregshare' })),
    ]);
    expect(shared.posts.map((post) => post.response_type ?? post.delete_original)).toEqual([
      'in_channel',
      true,
    ]);
    const opened = await pressButton([
      button(ACTION_IDS.quizOpen, encodeValue({ topic: item.topicId, language: 'en' })),
    ]);
    expect(opened.posts).toHaveLength(1);
    expect(headerOf(opened.posts[0] ?? {})).toBe(titleOf(item.topicId, 'en'));
    expect(opened.posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });

  it('a button no listener is registered for gets the topic list once, from the unknown-button listener', async () => {
    const { posts, acks } = await pressButton([
      button('topic_bookmark', encodeValue({ topic: 'roi', language: 'en' })),
    ]);
    expect(acks).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(isStaleCard(posts[0] ?? {}, 'en')).toBe(true);
  });

  it('a press that carries no button stops before the listeners, with the topic list and one log line', async () => {
    const before = lines.length;
    const { posts, acks } = await pressButton([]);
    expect(acks).toHaveLength(1);
    expect(posts).toHaveLength(1);
    expect(isStaleCard(posts[0] ?? {}, 'en')).toBe(true);
    expect(lines.slice(before).filter((line) => line.includes('malformed'))).toHaveLength(1);
  });
});

describe('the shortcuts and the modal registered with Bolt', () => {
  const user = { id: 'UCLICK', username: 'clicker', name: 'clicker', team_id: 'T0SANDBOX' };
  const team = { id: 'T0SANDBOX', domain: 'sandbox' };

  async function deliver(body: Record<string, unknown>) {
    const acks: unknown[] = [];
    await app.processEvent({
      body: { api_app_id: 'A0SOCIALVS', team, user, ...body },
      ack: async (response?: unknown) => {
        acks.push(response);
      },
    });
    return acks;
  }

  it('"Explain with SocialVS" is answered once, through its response_url, by the explain listener', async () => {
    const responseUrl = standIn.responseUrl();
    const acks = await deliver({
      type: 'message_action',
      callback_id: CALLBACK_IDS.explainMessage,
      trigger_id: `${Date.now()}.1.trigger`,
      channel: { id: 'C0GENERAL', name: 'general' },
      message: { type: 'message', text: 'ROI of networking vs media?', ts: '1700000000.000009' },
      response_url: responseUrl,
    });
    expect(acks).toHaveLength(1);
    const posts = standIn.responsesTo(responseUrl).map((post) => post.body);
    expect(posts).toHaveLength(1);
    expect(headerOf(posts[0] ?? {})).toBe(titleOf('roi', 'en'));
  });

  it('"Browse SocialVS topics" opens the topic browser, and a press in it updates that modal only', async () => {
    const opensBefore = standIn.callsOf('views.open').length;
    const acks = await deliver({
      type: 'shortcut',
      callback_id: CALLBACK_IDS.browseShortcut,
      trigger_id: `${Date.now()}.2.trigger`,
    });
    expect(acks).toHaveLength(1);
    const opened = standIn.callsOf('views.open').slice(opensBefore);
    expect(opened.map((call) => call.outcome)).toEqual(['ok']);
    const id = String((opened[0]?.result?.view as { id?: string } | undefined)?.id);
    const hash = String((opened[0]?.result?.view as { hash?: string } | undefined)?.hash);

    const updatesBefore = standIn.callsOf('views.update').length;
    const responseUrl = standIn.responseUrl();
    const pressAcks = await deliver({
      type: 'block_actions',
      container: { type: 'view', view_id: id },
      view: { ...browseModal(kb, { language: 'en' }), id, hash },
      trigger_id: `${Date.now()}.3.trigger`,
      response_url: responseUrl,
      actions: [button(`${ACTION_IDS.browseOpenPrefix}roi`, encodeValue({ topic: 'roi', language: 'en' }))],
    });
    expect(pressAcks).toHaveLength(1);
    const updates = standIn.callsOf('views.update').slice(updatesBefore);
    expect(updates.map((call) => [call.args.view_id, call.args.hash, call.outcome])).toEqual([
      [id, hash, 'ok'],
    ]);
    expect(headerOf(updates[0]?.args.view as Record<string, unknown>)).toBe(titleOf('roi', 'en'));
    // Not the unknown-button listener's topic list.
    expect(standIn.responsesTo(responseUrl)).toHaveLength(0);
  });

  it("the modal's submission reaches the share listener: no conversation's response_url, an error beside the field", async () => {
    const view = browseModal(kb, { language: 'en', topic: 'roi' });
    const acks = await deliver({
      type: 'view_submission',
      view: { ...view, id: 'V0SUBMIT', hash: '1.x', state: { values: {} } },
      response_urls: [],
    });
    expect(acks).toEqual([{ response_action: 'errors', errors: { [SHARE_BLOCK_ID]: expect.any(String) } }]);
  });
});

describe('the slash command registered with Bolt', () => {
  it('/socialvs answers in its acknowledgement', async () => {
    const acks: unknown[] = [];
    await app.processEvent({
      body: {
        command: '/socialvs',
        text: 'What is the ROI difference between social media and social networking?',
        user_id: 'UASK',
        channel_id: 'C0GENERAL',
        team_id: 'T0SANDBOX',
        response_url: standIn.responseUrl(),
      },
      ack: async (response?: unknown) => {
        acks.push(response);
      },
    });
    expect(acks).toHaveLength(1);
    expect(headerOf((acks[0] ?? {}) as Record<string, unknown>)).toBe(titleOf('roi', 'en'));
  });

  it('another command is left alone', async () => {
    const acks: unknown[] = [];
    await app.processEvent({
      body: {
        command: '/other',
        text: 'ROI',
        user_id: 'UASK',
        channel_id: 'C0GENERAL',
        team_id: 'T0SANDBOX',
      },
      ack: async (response?: unknown) => {
        acks.push(response);
      },
    });
    expect(acks).toHaveLength(0);
  });
});

describe("the benchmark's copy of the listener set", () => {
  it('registers as many listeners of each kind as the bot does, so its cost is measured', async () => {
    const registered = { command: 0, event: 0, action: 0, shortcut: 0, view: 0 };
    const counting = {
      use: () => undefined,
      command: () => void registered.command++,
      event: () => void registered.event++,
      action: () => void registered.action++,
      shortcut: () => void registered.shortcut++,
      view: () => void registered.view++,
    } as unknown as App;
    registerListeners(counting, world().deps);
    // @ts-expect-error: a plain .mjs file of the benchmark, without types
    const { BOT_LISTENERS } = (await import('../../bench/bot-listeners.mjs')) as {
      BOT_LISTENERS: Record<'events' | 'actions' | 'shortcuts' | 'views', unknown[]>;
    };
    expect(registered).toEqual({
      command: 1,
      event: BOT_LISTENERS.events.length,
      action: BOT_LISTENERS.actions.length,
      shortcut: BOT_LISTENERS.shortcuts.length,
      view: BOT_LISTENERS.views.length,
    });
  });
});
