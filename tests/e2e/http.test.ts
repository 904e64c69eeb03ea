/**
 * The HTTP edge: only requests signed with the signing secret reach the listeners;
 * /healthz answers for load balancers; a slash command is acknowledged before any
 * Slack call it needs, so Slack's 3-second limit can't depend on Slack's own speed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageInAck, slackSignature } from '../../src/sandbox/signed-requests.js';
import { headerOf, titleOf } from '../support/cards.js';
import { type Harness, SIGNING_SECRET, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

describe('request signing', () => {
  it('rejects a forged signature with 401 and answers nothing', async () => {
    const url = h.standIn.responseUrl();
    const sent = await h.slack.slashCommand(
      { text: 'ROI', userId: 'U1', channelId: 'C1', responseUrl: url },
      { signature: 'v0=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
    );
    expect(sent.status).toBe(401);
    expect(h.standIn.responsesTo(url)).toHaveLength(0);
  });

  it('rejects a request without a signature with 401', async () => {
    const sent = await h.slack.slashCommand(
      { text: 'ROI', userId: 'U1', channelId: 'C1', responseUrl: h.standIn.responseUrl() },
      { signature: null },
    );
    expect(sent.status).toBe(401);
  });

  it('rejects a correctly signed request whose timestamp is 10 minutes old (replay)', async () => {
    const sent = await h.slack.slashCommand(
      { text: 'ROI', userId: 'U1', channelId: 'C1', responseUrl: h.standIn.responseUrl() },
      { timestamp: Math.floor(Date.now() / 1000) - 600 },
    );
    expect(sent.status).toBe(401);
  });

  it('rejects a signature written in upper-case hex, as Bolt does', async () => {
    const body = new URLSearchParams({
      command: '/socialvs',
      text: 'ROI',
      user_id: 'U1',
      channel_id: 'C1',
      response_url: h.standIn.responseUrl(),
    }).toString();
    const timestamp = Math.floor(Date.now() / 1000);
    const [scheme, hex] = slackSignature(SIGNING_SECRET, timestamp, body).split('=');
    const sent = await h.slack.send(body, 'application/x-www-form-urlencoded', {
      timestamp,
      signature: `${scheme}=${hex?.toUpperCase()}`,
    });
    expect(sent.status).toBe(401);
  });

  it('refuses an unsigned request to the events path however its URL is written', async () => {
    for (const path of ['/slack/events?retry=1', '/slack/events#x', '/./slack/events']) {
      const response = await fetch(`${h.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ command: '/socialvs', text: 'ROI', user_id: 'U1', channel_id: 'C1' }),
      });
      expect(response.status, path).toBe(401);
    }
  });

  it("answers Slack's unsigned SSL check with 200 and runs nothing else it carries", async () => {
    const url = h.standIn.responseUrl();
    const response = await fetch(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        ssl_check: '1',
        command: '/socialvs',
        text: 'ROI',
        user_id: 'U1',
        channel_id: 'C1',
        response_url: url,
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(h.standIn.responsesTo(url)).toHaveLength(0);
  });

  it('answers an unsigned SSL check alone, its name percent-encoded, with 200 and runs nothing', async () => {
    const before = h.standIn.calls.length;
    const response = await fetch(`${h.baseUrl}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'ssl%5Fcheck=1',
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    expect(h.standIn.calls.length).toBe(before);
  });

  it('refuses a signed request over the 4 MB body limit with 413', async () => {
    const sent = await h.slack.slashCommand({
      text: 'x'.repeat(4 * 1024 * 1024 + 1),
      userId: 'U1',
      channelId: 'C1',
      responseUrl: h.standIn.responseUrl(),
    });
    expect(sent.status).toBe(413);
  });

  it('accepts a correctly signed request', async () => {
    const reply = await slashReply(h.slack, h.standIn, { text: 'ROI', userId: 'U1', channelId: 'C1' });
    expect(reply.status).toBe(200);
    expect(headerOf(reply.body)).toBe(titleOf('roi', 'en'));
  });
});

describe('health', () => {
  it('GET /healthz answers 200', async () => {
    const response = await fetch(`${h.baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });
});

describe('acknowledgement', () => {
  it('carries the answer itself when it is ready at once', async () => {
    const url = h.standIn.responseUrl();
    const sent = await h.slack.slashCommand({ text: 'ROI', userId: 'U1', channelId: 'C1', responseUrl: url });
    expect(sent.status).toBe(200);
    const inAck = messageInAck(sent);
    expect(inAck?.response_type).toBe('ephemeral');
    expect(headerOf(inAck ?? {})).toBe(titleOf('roi', 'en'));
  });

  it('acknowledges /socialvs before the Slack call it waits on has answered', async () => {
    // "ROI" has no language of its own and U-SLOW saved none, so the answer needs the
    // user's locale from users.info, which hangs past the time an answer may take to
    // ride on the ack. The ack must not wait for it.
    h.standIn.users.set('USLOW', { name: 'slow', locale: 'de-DE' });
    h.standIn.fault('users.info', { hangMs: 2500 });
    const url = h.standIn.responseUrl();
    const sent = await h.slack.slashCommand({
      text: 'ROI',
      userId: 'USLOW',
      channelId: 'C1',
      responseUrl: url,
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toBe('');
    // When the ack arrived, the answer had not been sent yet...
    expect(h.standIn.responsesTo(url)).toHaveLength(0);
    // ...and it follows through the response_url, in the locale's language.
    const post = await h.standIn.waitFor(() => h.standIn.responsesTo(url)[0]);
    expect(JSON.stringify(post.body)).toContain('Return on Investment');
  });
});
