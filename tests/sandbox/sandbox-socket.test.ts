/**
 * The sandbox with its bot in Socket Mode (SANDBOX_TRANSPORT=socket): the page's API is
 * driven as the page drives it (JSON posts to /api/send and /api/action, the state read
 * from /api/state), and the bot, connected to the stand-in over a WebSocket, answers a
 * /socialvs, a button on its card and a DM, each of which reached it as an envelope.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.js';
import type { SandboxMessage, SandboxState } from '../../src/sandbox/workspace.js';
import { buttonsOf, headerOf, titleOf } from '../support/cards.js';

const GENERAL = 'C0SANDBOXGEN';
const DM = 'D0SANDBOXDM';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox(
    { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn', SANDBOX_TRANSPORT: 'socket' },
    { port: 0, write: () => undefined },
  );
});
afterAll(async () => {
  await sandbox?.stop();
});

/** A POST as the page makes it. */
async function post(path: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(new URL(path, sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

async function state(): Promise<SandboxState> {
  return (await (await fetch(new URL('/api/state', sandbox.url))).json()) as SandboxState;
}

/** The bot's last message in `channel` whose card is headed `title`, once there is one. */
async function botCard(channel: string, title: string): Promise<SandboxMessage> {
  let found: SandboxMessage | undefined;
  await expect
    .poll(async () => {
      found = (await state()).messages
        .filter(
          (m) => m.channel === channel && m.author === 'bot' && headerOf({ blocks: m.blocks }) === title,
        )
        .at(-1);
      return found !== undefined;
    })
    .toBe(true);
  return found as SandboxMessage;
}

describe('the sandbox in Socket Mode', () => {
  it('runs the bot connected over a WebSocket, not over HTTP', () => {
    expect(sandbox.transport).toBe('socket');
    expect(sandbox.bot.port).toBeUndefined();
    expect(sandbox.standIn.socketMode.connections).toBe(1);
    expect(sandbox.standIn.callsOf('apps.connections.open').map((call) => call.outcome)).toEqual(['ok']);
  });

  it('answers /socialvs with the card, visible only to me, sent as a slash_commands envelope', async () => {
    expect(await post('/api/send', { channel: GENERAL, text: '/socialvs what is the ROI difference?' })).toBe(
      200,
    );
    const card = await botCard(GENERAL, titleOf('roi', 'en'));
    expect(card.ephemeral).toBe(true);
    expect(card.command).toBe('/socialvs what is the ROI difference?');
    const envelope = sandbox.standIn.socketMode.sent.find(
      (sent) =>
        sent.envelope.type === 'slash_commands' &&
        sent.envelope.payload.text === 'what is the ROI difference?',
    );
    expect(headerOf(envelope?.ackPayload ?? {})).toBe(titleOf('roi', 'en'));
  });

  it('answers a button on that card in place, sent as an interactive envelope', async () => {
    const card = await botCard(GENERAL, titleOf('roi', 'en'));
    const next = buttonsOf({ blocks: card.blocks }).find((button) => button.action_id === 'topic_next');
    expect(
      await post('/api/action', { messageId: card.id, actionId: next?.action_id, value: next?.value }),
    ).toBe(200);
    await expect
      .poll(async () => {
        const now = (await state()).messages.find((m) => m.id === card.id);
        return headerOf({ blocks: now?.blocks });
      })
      .toBe(titleOf('ask-or-tell', 'en'));
    expect(sandbox.standIn.socketMode.sent.some((sent) => sent.envelope.type === 'interactive')).toBe(true);
  });

  it('answers a direct message in the DM, sent as an events_api envelope', async () => {
    expect(await post('/api/send', { channel: DM, text: 'Was ist ein soziales Netzwerk?' })).toBe(200);
    const card = await botCard(DM, titleOf('definition', 'de'));
    expect(card.ephemeral).toBe(false);
    const delivered = sandbox.standIn.socketMode.sent.filter((sent) => sent.envelope.type === 'events_api');
    expect(delivered.map((sent) => (sent.envelope.payload.event as { channel?: string }).channel)).toContain(
      DM,
    );
  });

  it('takes both shortcuts and the modal as interactive envelopes: explain, browse, open a topic, share', async () => {
    const card = await botCard(GENERAL, titleOf('ask-or-tell', 'en'));
    expect(await post('/api/explain', { messageId: card.id })).toBe(200);
    expect(await post('/api/shortcut', { callbackId: 'browse_topics' })).toBe(200);
    await expect.poll(async () => (await state()).modal?.view.callback_id).toBe('browse_topics_modal');
    expect(
      await post('/api/action', {
        view: 'modal',
        actionId: 'browse_open_roi',
        value: '{"t":"roi","l":"en"}',
      }),
    ).toBe(200);
    await expect.poll(async () => headerOf((await state()).modal?.view ?? {})).toBe(titleOf('roi', 'en'));
    expect(
      await post('/api/modal/submit', {
        conversations: { browse_share: { actionId: 'browse_share_conversation', channel: DM } },
      }),
    ).toBe(200);
    expect((await state()).modal).toBeNull();
    const shared = await botCard(DM, titleOf('roi', 'en'));
    expect(shared.ephemeral).toBe(false);
    const types = sandbox.standIn.socketMode.sent
      .filter((sent) => sent.envelope.type === 'interactive')
      .map((sent) => sent.envelope.payload.type);
    expect(types).toEqual(
      expect.arrayContaining(['message_action', 'shortcut', 'block_actions', 'view_submission']),
    );
  });

  it('refuses an unknown SANDBOX_TRANSPORT, naming it', async () => {
    await expect(
      startSandbox({ SANDBOX_DATABASE_URL: 'sqlite::memory:', SANDBOX_TRANSPORT: 'pigeon' }, { port: 0 }),
    ).rejects.toThrow(/SANDBOX_TRANSPORT is not valid: expected http or socket \(got "pigeon"\)/);
  });
});
