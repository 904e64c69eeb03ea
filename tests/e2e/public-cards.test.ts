/**
 * A card others can see belongs to all of them, through the wire (signed HTTP against the
 * Slack stand-in, which keeps the channel's messages): another person's ▶ and 👍 on a reply
 * to a mention and on a shared card leave the channel's message exactly as it was and reach
 * that person alone (ephemeral, replace_original false); a shared card keeps the answer id it
 * was shared from, so its votes count for that answer; the asker's own ▶ on their private
 * /socialvs answer still changes it in place.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeValue } from '../../src/cards/actions.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { BOT_USER_ID, type StoredMessage } from '../../src/sandbox/slack-stand-in.js';
import { buttonsOf, type FoundButton, headerOf, kb, titleOf } from '../support/cards.js';
import { type Harness, startHarness } from '../support/harness.js';
import { slashReply } from '../support/slash.js';

/** A channel the bot is in: mentions are answered there with chat.postMessage. */
const JOINED = 'C0PUBJOINED';
/** A channel the bot has not joined: a card shared there arrives through a response_url. */
const OUTSIDE = 'C0PUBOUTSIDE';

let dir: string;
let database: string;
let h: Harness;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-public-cards-'));
  database = join(dir, 'votes.db');
  h = await startHarness({ DATABASE_URL: `sqlite:${database}` });
  h.standIn.channels.set(JOINED, { name: 'joined', isMember: true });
  h.standIn.channels.set(OUTSIDE, { name: 'outside', isMember: false });
});
afterAll(async () => {
  await h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A stored message as the card readers take it. */
const bodyOf = (message: StoredMessage) => ({ text: message.text, blocks: message.blocks });
const find = (card: Record<string, unknown>, actionId: string) =>
  buttonsOf(card).find((button) => button.action_id === actionId) as FoundButton;

/** Presses `button` on `message` as `userId`; resolves with every post to the press's response_url. */
async function pressOn(
  message: { channel: string; ts: string; ephemeral: boolean; text?: unknown; blocks?: unknown },
  button: FoundButton,
  who: { userId: string; userName: string },
) {
  const responseUrl = h.standIn.responseUrl({ channel: message.channel, messageTs: message.ts });
  const sent = await h.slack.blockAction({
    actionId: button.action_id,
    ...(button.value === undefined ? {} : { value: button.value }),
    ...who,
    channelId: message.channel,
    responseUrl,
    container: { type: 'message', messageTs: message.ts, isEphemeral: message.ephemeral },
    // Slack sends the message pressed on, except an ephemeral one.
    ...('blocks' in message && !message.ephemeral
      ? { message: { ts: message.ts, text: String(message.text ?? ''), blocks: message.blocks as unknown[] } }
      : {}),
  });
  expect(sent.status).toBe(200);
  await h.standIn.waitFor(() => h.standIn.responsesTo(responseUrl)[0]);
  return h.standIn.responsesTo(responseUrl).map((post) => post.body);
}

const BEN = { userId: 'U0PUBBEN', userName: 'ben' };
const ANA = { userId: 'U0PUBANA', userName: 'ana' };

/**
 * Ben presses `button` on the channel's `message`: resolves with what he alone got, after
 * checking that the channel's message is exactly as it was and nothing was edited.
 */
async function benPresses(message: StoredMessage, button: FoundButton) {
  const before = h.standIn.message(message.channel, message.ts);
  const updates = h.standIn.callsOf('chat.update').length;
  const posts = await pressOn({ ...message, ephemeral: false }, button, BEN);
  expect(posts).toHaveLength(1);
  expect(posts[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  expect(h.standIn.message(message.channel, message.ts)).toEqual(before);
  expect(h.standIn.callsOf('chat.update').length).toBe(updates);
  return posts[0] ?? {};
}

let clock = 1_765_000_000;

/** Ana mentions the bot in the joined channel; resolves with its reply as the channel keeps it. */
async function mentionReply(question: string): Promise<StoredMessage> {
  const ts = `${++clock}.000100`;
  await h.slack.event({
    type: 'app_mention',
    user: ANA.userId,
    text: `<@${BOT_USER_ID}> ${question}`,
    ts,
    event_ts: ts,
    channel: JOINED,
  });
  const call = await h.standIn.waitFor(() =>
    h.standIn.callsOf('chat.postMessage').find((c) => c.args.thread_ts === ts && c.outcome === 'ok'),
  );
  const stored = h.standIn.message(JOINED, String(call.result?.ts));
  if (!stored) throw new Error('the reply is not in the channel');
  return stored;
}

/** Ana asks privately in `channel` (one the bot has not joined), and shares the answer there. */
async function sharedCard(
  question: string,
  channel = OUTSIDE,
): Promise<{ shared: StoredMessage; answerId: string }> {
  const reply = (
    await slashReply(h.slack, h.standIn, { text: question, channelId: channel, userId: ANA.userId })
  ).body;
  const answerId = decodeValue(find(reply, 'feedback_up').value)?.answer ?? '';
  expect(answerId).not.toBe('');
  const before = h.standIn.messagesIn(channel).length;
  const ephemeral = { channel, ts: `${++clock}.000200`, ephemeral: true };
  await pressOn(ephemeral, find(reply, 'topic_share'), ANA);
  const messages = await h.standIn.waitFor(() => {
    const now = h.standIn.messagesIn(channel);
    return now.length > before && now;
  });
  const shared = messages[messages.length - 1] as StoredMessage;
  expect(shared.postedVia).toBe('response_url');
  return { shared, answerId };
}

function votesFor(answerId: string): Array<{ user_id: string; vote: number; topic: string }> {
  const db = new Database(database, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT user_id, vote, topic FROM votes WHERE answer_id = ? ORDER BY user_id')
      .all(answerId) as Array<{ user_id: string; vote: number; topic: string }>;
  } finally {
    db.close();
  }
}

describe('a reply to a mention', () => {
  it("another person's Next ▶ leaves the reply exactly as it was and reaches only them", async () => {
    const reply = await mentionReply('what is the ROI difference?');
    const private_ = await benPresses(reply, find(bodyOf(reply), 'topic_next'));
    expect(headerOf(private_)).toBe(titleOf('ask-or-tell', 'en'));
  });

  it("another person's 👍 leaves the reply exactly as it was, and only they are thanked", async () => {
    const reply = await mentionReply('two-way communication');
    const thanks = await benPresses(reply, find(bodyOf(reply), 'feedback_up'));
    expect(thanks.text).toBe(translate(kb.ui, 'en', 'feedback.up'));
    const answerId = decodeValue(find(bodyOf(reply), 'feedback_up').value)?.answer ?? '';
    expect(votesFor(answerId)).toEqual([{ user_id: BEN.userId, vote: 1, topic: 'communication-style' }]);
  });
});

describe('a shared card', () => {
  it('carries the answer it was shared from', async () => {
    const { shared, answerId } = await sharedCard('what is the ROI difference?');
    expect(headerOf(bodyOf(shared))).toBe(titleOf('roi', 'en'));
    expect(decodeValue(find(bodyOf(shared), 'feedback_up').value)?.answer).toBe(answerId);
    expect(JSON.stringify(shared.blocks)).toContain(
      translate(kb.ui, 'en', 'card.shared_by', { user: 'ana' }),
    );
  });

  it("another person's Next ▶ leaves the shared card exactly as it was and reaches only them", async () => {
    const { shared } = await sharedCard('ROI');
    const private_ = await benPresses(shared, find(bodyOf(shared), 'topic_next'));
    expect(headerOf(private_)).toBe(titleOf('ask-or-tell', 'en'));
  });

  it("another person's 👍 counts for the answer it was shared from, privately, and leaves the card as it was", async () => {
    const { shared, answerId } = await sharedCard('what is the ROI difference?');
    const thanks = await benPresses(shared, find(bodyOf(shared), 'feedback_up'));
    expect(thanks.text).toBe(translate(kb.ui, 'en', 'feedback.up'));
    expect(votesFor(answerId)).toEqual([{ user_id: BEN.userId, vote: 1, topic: 'roi' }]);
    // His 👎 on the same card is the same answer: it changes his vote, not adds one.
    await benPresses(shared, find(bodyOf(shared), 'feedback_down'));
    expect(votesFor(answerId)).toEqual([{ user_id: BEN.userId, vote: -1, topic: 'roi' }]);
  });
});

describe('a card shared in a DM between two people', () => {
  // Ana runs /socialvs in her DM with Ben (a D… channel, as the bot's own DMs are) and shares it.
  const ANA_AND_BEN = 'D0PUBANABEN';

  it("Ben's Next ▶ leaves the card both of them see as it was and reaches only him", async () => {
    h.standIn.channels.set(ANA_AND_BEN, { name: 'ana-ben', isMember: false });
    const { shared } = await sharedCard('ROI', ANA_AND_BEN);
    const private_ = await benPresses(shared, find(bodyOf(shared), 'topic_next'));
    expect(headerOf(private_)).toBe(titleOf('ask-or-tell', 'en'));
  });
});

describe('a private answer', () => {
  it("the asker's own ▶ on their /socialvs answer changes it in place", async () => {
    const reply = (
      await slashReply(h.slack, h.standIn, { text: 'ROI', channelId: OUTSIDE, userId: ANA.userId })
    ).body;
    const before = h.standIn.messagesIn(OUTSIDE);
    const ephemeral = { channel: OUTSIDE, ts: `${++clock}.000300`, ephemeral: true };
    const [next] = await pressOn(ephemeral, find(reply, 'topic_next'), ANA);
    expect(next?.replace_original).toBe(true);
    expect(next?.response_type).toBeUndefined();
    expect(headerOf(next ?? {})).toBe(titleOf('ask-or-tell', 'en'));
    // Still hers alone: nothing new in the channel.
    expect(h.standIn.messagesIn(OUTSIDE)).toEqual(before);
  });
});
