/**
 * The Slack stand-in answers only the bot: a web page the user opens (it sends an Origin)
 * or a DNS-rebinding page (a foreign Host) cannot post as the bot or as Slack, and what it
 * tried is not recorded. The bot's own calls (no Origin, the loopback Host) still work.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

const TOKEN = 'xoxb-stand-in-security-test';
let standIn: SlackStandIn;
let port: number;

beforeAll(async () => {
  standIn = await SlackStandIn.start({ expectedToken: TOKEN });
  port = Number(new URL(standIn.url).port);
});
afterAll(async () => {
  await standIn.close();
});

/** A POST with exactly these headers (node:http: fetch chooses the Host itself). */
function post(path: string, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers, setHost: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const message = JSON.stringify({ channel: 'C0GENERAL', text: 'hello' });
const json = { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` };

describe('the Slack stand-in', () => {
  it('takes the bot’s own Web API call and response_url post', async () => {
    expect(await post('/api/chat.postMessage', { ...json, host: `127.0.0.1:${port}` }, message)).toBe(200);
    const url = standIn.responseUrl();
    expect(await post(new URL(url).pathname, { ...json, host: `localhost:${port}` }, message)).toBe(200);
    expect(standIn.callsOf('chat.postMessage')).toHaveLength(1);
    expect(standIn.responsesTo(url)).toHaveLength(1);
  });

  it('refuses a web page’s post (an Origin), and records nothing of it', async () => {
    standIn.reset();
    const url = standIn.responseUrl();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${port}`, 'null']) {
      const headers = { ...json, host: `127.0.0.1:${port}`, origin };
      expect(await post('/api/chat.postMessage', headers, message), origin).toBe(403);
      expect(await post(new URL(url).pathname, { ...headers, 'content-type': 'text/plain' }, message)).toBe(
        403,
      );
    }
    expect(standIn.calls).toHaveLength(0);
    expect(standIn.responsesTo(url)).toHaveLength(0);
  });

  it('refuses a foreign Host (DNS rebinding), and records nothing of it', async () => {
    standIn.reset();
    const url = standIn.responseUrl();
    for (const host of [`evil.example:${port}`, 'evil.example', `127.0.0.1:${port + 1}`]) {
      expect(await post('/api/chat.postMessage', { ...json, host }, message), host).toBe(403);
      expect(await post(new URL(url).pathname, { ...json, host }, message)).toBe(403);
    }
    expect(standIn.calls).toHaveLength(0);
    expect(standIn.responsesTo(url)).toHaveLength(0);
  });

  it('hands out response_urls nobody can guess from the last one', () => {
    const ids = Array.from(
      { length: 50 },
      () => new URL(standIn.responseUrl()).pathname.split('/').pop() ?? '',
    );
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });
});
