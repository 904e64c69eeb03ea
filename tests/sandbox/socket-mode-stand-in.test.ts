/**
 * The stand-in's Socket Mode side, seen from a WebSocket client: apps.connections.open
 * only for the app-level token, single-use URLs, hello, envelopes and their acks,
 * Slack's disconnect message, and upgrades refused from a browser (an Origin header) or
 * through another host name (DNS rebinding). Also: response URLs nobody can guess.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

const APP_TOKEN = 'xapp-1-A0SOCIALVS-1-standintest';
const BOT_TOKEN = 'xoxb-standin-test';

let standIn: SlackStandIn;
let port: number;
beforeAll(async () => {
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN, expectedAppToken: APP_TOKEN });
  port = Number(new URL(standIn.url).port);
});
afterAll(async () => {
  await standIn.close();
});

async function openConnection(token = APP_TOKEN): Promise<Record<string, unknown>> {
  const response = await fetch(`${standIn.apiUrl}apps.connections.open`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
  });
  return (await response.json()) as Record<string, unknown>;
}

/** A client that keeps every message it gets; `next()` resolves with the next one. */
async function client(url: string) {
  const ws = new WebSocket(url);
  const messages: Array<Record<string, unknown>> = [];
  const waiting: Array<(message: Record<string, unknown>) => void> = [];
  ws.on('message', (data) => {
    const message = JSON.parse(data.toString()) as Record<string, unknown>;
    const waiter = waiting.shift();
    if (waiter) waiter(message);
    else messages.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return {
    ws,
    next: () =>
      new Promise<Record<string, unknown>>((resolve) => {
        const queued = messages.shift();
        if (queued) resolve(queued);
        else waiting.push(resolve);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        ws.once('close', () => resolve());
        ws.close();
      }),
  };
}

/**
 * A WebSocket handshake written by hand, so that any header can be set or left out.
 * Resolves with the status code and whether the server closed the connection.
 */
function handshake(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const lines = Object.entries({
      Host: `127.0.0.1:${port}`,
      Upgrade: 'websocket',
      Connection: 'Upgrade',
      'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
      'Sec-WebSocket-Version': '13',
      ...headers,
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    const status = () => Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer to the handshake; got ${JSON.stringify(received)}`));
    }, 5000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      if (status() === 101) {
        clearTimeout(timer);
        socket.destroy();
        resolve({ status: 101, closed: false });
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ status: status(), closed: true });
    });
    socket.on('error', () => undefined);
    socket.write(`GET ${path} HTTP/1.1\r\n${lines}\r\n`);
  });
}

function pathOf(url: unknown): string {
  return new URL(String(url)).pathname;
}

describe('apps.connections.open', () => {
  it('hands out a WebSocket URL on the stand-in for the app-level token, invalid_auth for any other', async () => {
    const opened = await openConnection();
    expect(opened.ok).toBe(true);
    expect(String(opened.url)).toMatch(
      new RegExp(`^ws://127\\.0\\.0\\.1:${port}/socket/[A-Za-z0-9_-]{20,}$`),
    );
    expect(await openConnection(BOT_TOKEN)).toEqual({ ok: false, error: 'invalid_auth' });
    expect(await openConnection('xapp-1-someone-else')).toEqual({ ok: false, error: 'invalid_auth' });
  });

  it('fails as told by fault(), then answers again', async () => {
    standIn.fault('apps.connections.open', { status: 500 }, 2);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${standIn.apiUrl}apps.connections.open`, {
        method: 'POST',
        headers: { authorization: `Bearer ${APP_TOKEN}` },
      });
      statuses.push(response.status);
    }
    expect(statuses).toEqual([500, 500, 200]);
  });
});

describe('a connection', () => {
  it('starts with hello, then carries envelopes and their acks both ways', async () => {
    const { url } = await openConnection();
    const bot = await client(String(url));
    expect(standIn.socketMode.connections).toBe(1);
    expect(await bot.next()).toMatchObject({
      type: 'hello',
      num_connections: 1,
      connection_info: { app_id: 'A0SOCIALVS' },
      debug_info: { host: expect.any(String) },
    });

    const responseUrl = standIn.responseUrl();
    const command = standIn.socketMode.slashCommand({
      text: 'ROI',
      userId: 'U1',
      channelId: 'C1',
      responseUrl,
    });
    const envelope = await bot.next();
    expect(envelope).toMatchObject({
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        command: '/socialvs',
        text: 'ROI',
        user_id: 'U1',
        channel_id: 'C1',
        response_url: responseUrl,
      },
    });
    bot.ws.send(JSON.stringify({ envelope_id: envelope.envelope_id, payload: { text: 'the answer' } }));
    expect(await command).toEqual({ text: 'the answer' });

    const event = standIn.socketMode.event(
      { type: 'app_mention', text: 'hi', ts: '1.000100', channel: 'C1', user: 'U1' },
      { eventId: 'Ev0REDELIVERED', retryAttempt: 1, retryReason: 'timeout' },
    );
    const delivery = await bot.next();
    expect(delivery).toMatchObject({
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: 'timeout',
      payload: { type: 'event_callback', event_id: 'Ev0REDELIVERED', event: { type: 'app_mention' } },
    });
    // A bare ack, as the client sends for events.
    bot.ws.send(JSON.stringify({ envelope_id: delivery.envelope_id, payload: {} }));
    expect(await event).toEqual({ eventId: 'Ev0REDELIVERED', ack: undefined });

    const press = standIn.socketMode.blockAction({
      actionId: 'topic_next',
      value: 'x',
      userId: 'U1',
      channelId: 'C1',
      responseUrl,
      container: { type: 'message', messageTs: '1.000100', isEphemeral: true },
    });
    const pressed = await bot.next();
    expect(pressed).toMatchObject({
      type: 'interactive',
      payload: { type: 'block_actions', actions: [{ action_id: 'topic_next', value: 'x' }] },
    });
    bot.ws.send(JSON.stringify({ envelope_id: pressed.envelope_id }));
    expect(await press).toBeUndefined();

    standIn.socketMode.disconnect('refresh_requested');
    expect(await bot.next()).toMatchObject({ type: 'disconnect', reason: 'refresh_requested' });
    await bot.close();
    await standIn.socketMode.waitForConnections(0);
  });

  it('rejects an envelope nobody acknowledges, or whose connection closes first', async () => {
    const { url } = await openConnection();
    const bot = await client(String(url));
    await bot.next();
    await expect(standIn.socketMode.send('events_api', { event: {} }, { ackTimeoutMs: 200 })).rejects.toThrow(
      /no ack/,
    );
    const unanswered = standIn.socketMode.send('events_api', { event: {} });
    await bot.next();
    await bot.close();
    await expect(unanswered).rejects.toThrow(/closed before the ack/);
  });

  it('takes each URL once', async () => {
    const { url } = await openConnection();
    const first = await client(String(url));
    expect(await handshake(pathOf(url), {})).toEqual({ status: 403, closed: true });
    await first.close();
    expect(await handshake('/socket/never-handed-out', {})).toEqual({ status: 403, closed: true });
  });
});

describe('refused upgrades', () => {
  it('a client without Origin on the stand-in address is let in (the control case)', async () => {
    expect(await handshake(pathOf((await openConnection()).url), {})).toEqual({ status: 101, closed: false });
    const viaLocalhost = await handshake(pathOf((await openConnection()).url), { Host: `localhost:${port}` });
    expect(viaLocalhost).toEqual({ status: 101, closed: false });
  });

  it('a request with an Origin header (a browser page) gets 403 and is disconnected', async () => {
    const { url } = await openConnection();
    expect(await handshake(pathOf(url), { Origin: 'http://127.0.0.1:3000' })).toEqual({
      status: 403,
      closed: true,
    });
    expect(await handshake(pathOf((await openConnection()).url), { Origin: 'null' })).toEqual({
      status: 403,
      closed: true,
    });
  });

  it('a request naming another host (DNS rebinding) gets 403 and is disconnected', async () => {
    for (const host of [`evil.example:${port}`, '127.0.0.1', `127.0.0.1:${port + 1}`]) {
      const { url } = await openConnection();
      expect(await handshake(pathOf(url), { Host: host })).toEqual({ status: 403, closed: true });
    }
  });
});

describe('response URLs', () => {
  it('are random and url-safe, and what is posted to one is found by it', async () => {
    const urls = Array.from({ length: 50 }, () => standIn.responseUrl());
    expect(new Set(urls).size).toBe(50);
    for (const url of urls) expect(url).toMatch(/\/response\/[A-Za-z0-9_-]{22,}$/);
    const [url] = urls as [string];
    await fetch(url, { method: 'POST', body: JSON.stringify({ text: 'posted' }) });
    expect(standIn.responsesTo(url).map((post) => post.body)).toEqual([{ text: 'posted' }]);
    expect(standIn.responsesTo(urls[1] as string)).toEqual([]);
  });
});
