/** Reading a block_actions payload: the button, where its card is, and who pressed it. */
import type { BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import {
  type ButtonValue,
  decodeQuizValue,
  decodeValue,
  type QuizButtonValue,
  quizAnswerOf,
  SHARED_CARD_BLOCK_ID,
} from '../../cards/actions.js';
import type { Surface } from '../../cards/topic-card.js';
import type { QuizAnswer } from '../../knowledge/schema.js';

export interface PressedButton {
  value: ButtonValue | undefined;
  surface: Surface;
  /** The card sits in the App Home tab (no response_url there). */
  inHome: boolean;
  /**
   * Others see the card too: a message in a channel or a thread (a shared card, a reply to a
   * mention, a tip), not a reply only the presser sees nor one in their own DM with the bot.
   * Such a card is never changed by one person's press.
   */
  seenByOthers: boolean;
  userId: string;
  userName: string;
  channelId: string | undefined;
}

/** Who pressed, where (channel and message), and what the container says about the card. */
function pressOf(body: BlockAction) {
  const container = body.container as
    | { type?: string; is_ephemeral?: boolean; channel_id?: string; message_ts?: string }
    | undefined;
  return {
    container,
    userId: body.user.id,
    userName: body.user.name ?? body.user.username ?? body.user.id,
    channelId: body.channel?.id ?? container?.channel_id,
  };
}

function isSharedCard(body: BlockAction): boolean {
  const blocks = (body.message as { blocks?: Array<{ block_id?: string }> } | undefined)?.blocks;
  return blocks?.some((block) => block.block_id === SHARED_CARD_BLOCK_ID) ?? false;
}

export function readButton({ body, action }: SlackActionMiddlewareArgs<BlockAction>): PressedButton {
  const { container, userId, userName, channelId } = pressOf(body);
  const inHome = container?.type === 'view';
  const ephemeral = container?.is_ephemeral === true;
  return {
    value: decodeValue((action as ButtonAction).value),
    surface: ephemeral ? 'ephemeral' : 'message',
    inHome,
    // D… is a one-to-one DM: the bot's own with the presser, unless the card was shared
    // there (a /socialvs answer shared in a DM between two people).
    seenByOthers: !inHome && !ephemeral && (!channelId?.startsWith('D') || isSharedCard(body)),
    userId,
    userName,
    channelId,
  };
}

export interface PressedQuizButton {
  value: QuizButtonValue | undefined;
  /** The answer the button stands for (undefined for the share button). */
  chosen: QuizAnswer | undefined;
  userId: string;
  userName: string;
  channelId: string | undefined;
  /** The ts of the message the quiz is in. */
  messageTs: string | undefined;
}

export function readQuizButton(args: SlackActionMiddlewareArgs<BlockAction>): PressedQuizButton {
  const { body, action } = args;
  const { container, userId, userName, channelId } = pressOf(body);
  const button = action as ButtonAction;
  return {
    value: decodeQuizValue(button.value),
    chosen: quizAnswerOf(button.action_id),
    userId,
    userName,
    channelId,
    messageTs: body.message?.ts ?? container?.message_ts,
  };
}
