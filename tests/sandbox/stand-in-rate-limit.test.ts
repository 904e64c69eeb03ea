/**
 * The stand-in's optional rate-limit mode for chat.postMessage (the benchmark's tip
 * fan-out uses it): a workspace-wide and a per-channel budget, answered 429 with
 * Retry-After in whole seconds; off by default. Rates here are slow enough that no
 * budget refills while the test runs.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

let standIn: SlackStandIn;

beforeEach(async () => {
  standIn = await SlackStandIn.start();
});
afterEach(async () => {
  await standIn.close();
});

async function post(channel: string): Promise<{ status: number; retryAfter: string | null }> {
  const response = await fetch(`${standIn.apiUrl}chat.postMessage`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
    body: JSON.stringify({ channel, text: 'tip' }),
  });
  await response.text();
  return { status: response.status, retryAfter: response.headers.get('retry-after') };
}

describe('stand-in rate limits', () => {
  it('are off by default', async () => {
    for (let i = 0; i < 5; i++) expect((await post('C1')).status).toBe(200);
  });

  it('answer 429 with Retry-After in whole seconds past the workspace budget', async () => {
    standIn.rateLimit({ workspacePerSecond: 0.5, workspaceBurst: 2, channelBurst: 10 });
    expect((await post('C1')).status).toBe(200);
    expect((await post('C2')).status).toBe(200);
    const limited = await post('C3');
    expect(limited.status).toBe(429);
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number.isInteger(Number(limited.retryAfter))).toBe(true);
    expect(standIn.callsOf('chat.postMessage').map((call) => call.outcome)).toEqual(['ok', 'ok', 'http_429']);
    standIn.rateLimit(undefined);
    expect((await post('C3')).status).toBe(200);
  });

  it('answer 429 past one channel budget while other channels still get through', async () => {
    standIn.rateLimit({ workspacePerSecond: 1000, channelPerSecond: 0.5, channelBurst: 1 });
    expect((await post('C1')).status).toBe(200);
    expect((await post('C1')).status).toBe(429);
    expect((await post('C2')).status).toBe(200);
  });
});
