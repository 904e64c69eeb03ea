/**
 * The stand-in's modals and conversation response_urls, as Slack answers them: views.open
 * wants a fresh trigger and a modal within the limits (100 blocks, title, submit and close
 * of at most 24 characters); views.update wants an open view and its current hash; a
 * conversation can be told to refuse its response_urls, now or late, as Slack's hooks do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newTriggerId } from '../../src/sandbox/slack-payloads.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

let standIn: SlackStandIn;
beforeAll(async () => {
  standIn = await SlackStandIn.start();
});
afterAll(async () => {
  await standIn.close();
});

async function call(method: string, args: Record<string, unknown>) {
  const response = await fetch(`${standIn.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Record<string, unknown>;
}

const modal = (overrides: Record<string, unknown> = {}) => ({
  type: 'modal',
  callback_id: 'm',
  title: { type: 'plain_text', text: 'SocialVS topics' },
  close: { type: 'plain_text', text: 'Close' },
  blocks: [{ type: 'divider' }],
  ...overrides,
});

describe('views on the stand-in', () => {
  it('opens a modal with a fresh trigger; refuses a missing or stale trigger', async () => {
    const opened = await call('views.open', { trigger_id: newTriggerId(), view: modal() });
    expect(opened.ok).toBe(true);
    expect(opened.view).toMatchObject({ id: expect.any(String), hash: expect.any(String) });
    expect(await call('views.open', { view: modal() })).toMatchObject({
      ok: false,
      error: 'invalid_trigger_id',
    });
    const stale = `${Date.now() - 60_000}.1.trigger`;
    expect(await call('views.open', { trigger_id: stale, view: modal() })).toMatchObject({
      ok: false,
      error: 'expired_trigger_id',
    });
  });

  it('refuses a modal over the limits: 101 blocks, a 25-character title or submit, an input with no submit', async () => {
    const refused = async (view: Record<string, unknown>) =>
      (await call('views.open', { trigger_id: newTriggerId(), view })).error;
    expect(await refused(modal({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) }))).toBe(
      'invalid_arguments',
    );
    expect(await refused(modal({ title: { type: 'plain_text', text: 'x'.repeat(25) } }))).toBe(
      'invalid_arguments',
    );
    expect(await refused(modal({ submit: { type: 'plain_text', text: 'y'.repeat(25) } }))).toBe(
      'invalid_arguments',
    );
    expect(await refused(modal({ blocks: [{ type: 'input' }] }))).toBe('invalid_arguments');
    expect(await refused(modal({ title: { type: 'plain_text', text: 'x'.repeat(24) } }))).toBeUndefined();
  });

  it('updates an open view with its current hash; refuses an old hash and an unknown view', async () => {
    const opened = (await call('views.open', { trigger_id: newTriggerId(), view: modal() })).view as {
      id: string;
      hash: string;
    };
    const updated = await call('views.update', { view_id: opened.id, hash: opened.hash, view: modal() });
    expect(updated.ok).toBe(true);
    expect((updated.view as { hash: string }).hash).not.toBe(opened.hash);
    expect(
      await call('views.update', { view_id: opened.id, hash: opened.hash, view: modal() }),
    ).toMatchObject({
      error: 'hash_conflict',
    });
    expect(await call('views.update', { view_id: 'V0NONE', view: modal() })).toMatchObject({
      error: 'not_found',
    });
  });
});

describe("a conversation's response_urls", () => {
  it('land in that conversation, or are refused as Slack refuses them', async () => {
    const post = (url: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    const accepted = standIn.responseUrlFor('C0OPEN');
    expect((await post(accepted)).status).toBe(200);
    expect(standIn.channelOfResponse(accepted.slice(accepted.lastIndexOf('/') + 1))).toBe('C0OPEN');

    standIn.refuseResponses('C0GONE', 'channel_not_found');
    const refused = await post(standIn.responseUrlFor('C0GONE'));
    expect([refused.status, await refused.text()]).toEqual([404, 'channel_not_found']);
    standIn.refuseResponses('C0OLD', 'channel_is_archived');
    const archived = await post(standIn.responseUrlFor('C0OLD'));
    expect([archived.status, await archived.text()]).toEqual([410, 'channel_is_archived']);

    standIn.refuseResponses('C0GONE', undefined);
    expect((await post(standIn.responseUrlFor('C0GONE'))).status).toBe(200);
  });
});
