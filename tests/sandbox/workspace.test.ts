/**
 * The sandbox's workspace as the page drives it, without a browser: two people (you and
 * Ben), whose ephemeral answers are marked for them alone, messages in the order and at the
 * time they were sent, and SANDBOX_ADMIN read strictly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminFrom, type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.js';
import { BEN, ME } from '../../src/sandbox/workspace.js';

const GENERAL = 'C0SANDBOXGEN';
const MY_DM = 'D0SANDBOXDM';
const BENS_DM = 'D0SANDBOXBEN';

let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox(
    { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' },
    { port: 0, write: () => undefined },
  );
});

afterAll(async () => {
  await sandbox?.stop();
});

/** A JSON post to the sandbox server, as the page makes it. */
async function post(
  path: string,
  body: unknown,
): Promise<{ status: number; body: { ok: boolean; error?: string } }> {
  const response = await fetch(new URL(path, sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: string } };
}

const messages = () => sandbox.workspace.state().messages;

describe('two people in the sandbox', () => {
  it('Ben’s /socialvs answer is for Ben alone', async () => {
    expect((await post('/api/send', { channel: GENERAL, text: '/socialvs help', as: 'ben' })).status).toBe(
      200,
    );
    const answer = () => messages().find((m) => m.command === '/socialvs help');
    await expect.poll(answer).toBeDefined();
    expect(answer()?.ephemeral).toBe(true);
    expect(answer()?.visibleTo).toBe(BEN.id);
  });

  it('a message Ben writes is his, and the bot answers him in his own DM', async () => {
    expect(
      (await post('/api/send', { channel: BENS_DM, text: 'what is the ROI difference?', as: 'ben' })).status,
    ).toBe(200);
    const question = messages().findLast((m) => m.channel === BENS_DM && m.author === 'ben');
    expect(question?.authorName).toBe(BEN.name);
    await expect.poll(() => messages().some((m) => m.channel === BENS_DM && m.author === 'bot')).toBe(true);
    expect(messages().some((m) => m.channel === MY_DM && m.author === 'bot')).toBe(false);
  });

  it('nobody writes in another person’s DM, and an unknown person is refused', async () => {
    const intoYours = await post('/api/send', { channel: MY_DM, text: 'hello', as: 'ben' });
    expect(intoYours.status).toBe(400);
    const stranger = await post('/api/send', { channel: GENERAL, text: 'hello', as: 'eve' });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error).toMatch(/unknown person/);
  });

  it('each person’s App Home is their own', async () => {
    expect((await post('/api/home/open', { as: 'ben' })).status).toBe(200);
    await expect.poll(() => sandbox.workspace.state().homes[BEN.id]).toBeDefined();
    expect(sandbox.workspace.state().homes[ME.id]).toBeUndefined();
  });
});

describe('messages keep their own time', () => {
  it('a mention’s reply comes after it, in ts order, and both carry the time they were sent', async () => {
    const sentAt = Math.floor(Date.now() / 1000);
    expect(
      (await post('/api/send', { channel: GENERAL, text: '@SocialVS two-way communication' })).status,
    ).toBe(200);
    const question = messages().findLast((m) => m.channel === GENERAL && m.author === 'me');
    await expect
      .poll(() => messages().find((m) => m.threadTs === question?.ts && m.author === 'bot'))
      .toBeDefined();
    const reply = messages().find((m) => m.threadTs === question?.ts && m.author === 'bot');
    expect(Number.parseFloat(question?.ts ?? '')).toBeGreaterThanOrEqual(sentAt);
    expect(Number.parseFloat(reply?.ts ?? '')).toBeGreaterThan(Number.parseFloat(question?.ts ?? ''));
    const all = messages().map((m) => m.ts);
    expect(all).toEqual([...all].sort((a, b) => Number.parseFloat(a) - Number.parseFloat(b)));
  });
});

describe('SANDBOX_ADMIN', () => {
  it('is on or off, and anything else is a mistake named as such', () => {
    for (const on of ['1', 'true', 'YES', 'on']) expect(adminFrom(on)).toBe(true);
    for (const off of [undefined, '', '0', 'false', 'no', 'off']) expect(adminFrom(off)).toBe(false);
    expect(() => adminFrom('maybe')).toThrow(/SANDBOX_ADMIN/);
  });
});
