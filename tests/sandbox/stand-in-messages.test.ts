/**
 * The stand-in keeps the channels' messages as Slack would: what chat.postMessage and a
 * response_url's in_channel post put there, what replace_original, delete_original,
 * chat.update and chat.delete do to them; and, as real Slack does, it refuses chat.update
 * (cant_update_message) on a message posted through a response_url in a channel the bot
 * has not joined, while one the bot posted itself, or one in a channel it is in, can be edited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

let standIn: SlackStandIn;

beforeEach(async () => {
  standIn = await SlackStandIn.start();
  standIn.channels.set('C0JOINED', { name: 'joined', isMember: true });
  standIn.channels.set('C0OUTSIDE', { name: 'outside', isMember: false });
});
afterEach(async () => {
  await standIn.close();
});

async function api(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await fetch(`${standIn.apiUrl}${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer xoxb-test' },
    body: JSON.stringify(args),
  });
  return (await response.json()) as Record<string, unknown>;
}

async function respond(responseUrl: string, body: Record<string, unknown>): Promise<number> {
  const response = await fetch(responseUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  await response.text();
  return response.status;
}

/** A card shared in `channel` through a response_url, as the Share button does; its ts. */
async function shareIn(channel: string, text: string): Promise<string> {
  const before = standIn.messagesIn(channel).length;
  await respond(standIn.responseUrl({ channel }), {
    response_type: 'in_channel',
    replace_original: false,
    text,
  });
  const shared = standIn.messagesIn(channel);
  expect(shared).toHaveLength(before + 1);
  return shared[shared.length - 1]?.ts ?? '';
}

describe('messages in the stand-in', () => {
  it('refuses chat.update on a message shared through a response_url where the bot is not a member', async () => {
    const ts = await shareIn('C0OUTSIDE', 'shared card');
    expect(standIn.message('C0OUTSIDE', ts)).toMatchObject({
      postedVia: 'response_url',
      text: 'shared card',
    });
    const answer = await api('chat.update', { channel: 'C0OUTSIDE', ts, text: 'edited' });
    expect(answer).toEqual({ ok: false, error: 'cant_update_message' });
    expect(standIn.callsOf('chat.update')[0]?.outcome).toBe('cant_update_message');
    expect(standIn.message('C0OUTSIDE', ts)?.text).toBe('shared card');
  });

  it('lets the bot edit a message it shared where it is a member, and one it posted itself', async () => {
    const shared = await shareIn('C0JOINED', 'shared card');
    expect((await api('chat.update', { channel: 'C0JOINED', ts: shared, text: 'edited' })).ok).toBe(true);
    expect(standIn.message('C0JOINED', shared)?.text).toBe('edited');

    const posted = await api('chat.postMessage', { channel: 'C0JOINED', text: 'tip' });
    const ts = String(posted.ts);
    expect(standIn.message('C0JOINED', ts)).toMatchObject({ postedVia: 'api', text: 'tip' });
    expect((await api('chat.update', { channel: 'C0JOINED', ts, text: 'counts' })).ok).toBe(true);
    expect(standIn.message('C0JOINED', ts)?.text).toBe('counts');
    expect((await api('chat.delete', { channel: 'C0JOINED', ts })).ok).toBe(true);
    expect(standIn.message('C0JOINED', ts)).toBeUndefined();
  });

  it('a press’s response_url replaces or deletes the message the button was on; an ephemeral post changes nothing', async () => {
    const ts = String((await api('chat.postMessage', { channel: 'C0JOINED', text: 'card' })).ts);
    const onCard = () => standIn.responseUrl({ channel: 'C0JOINED', messageTs: ts });
    await respond(onCard(), { response_type: 'ephemeral', replace_original: false, text: 'just for you' });
    expect(standIn.messagesIn('C0JOINED').map((message) => message.text)).toEqual(['card']);
    await respond(onCard(), { replace_original: true, text: 'replaced' });
    expect(standIn.message('C0JOINED', ts)?.text).toBe('replaced');
    await respond(onCard(), { delete_original: true });
    expect(standIn.message('C0JOINED', ts)).toBeUndefined();
  });

  it('a response_url can be told to refuse a post, which then changes nothing', async () => {
    standIn.fault('response_url', { status: 404 });
    const url = standIn.responseUrl({ channel: 'C0JOINED' });
    expect(await respond(url, { response_type: 'in_channel', text: 'card' })).toBe(404);
    expect(standIn.responsesTo(url)).toEqual([]);
    expect(standIn.messagesIn('C0JOINED')).toEqual([]);
    expect(await respond(url, { response_type: 'in_channel', text: 'card' })).toBe(200);
    expect(standIn.messagesIn('C0JOINED')).toHaveLength(1);
  });
});
