/**
 * Where the card a button leads to goes, for the topic, tip and vote buttons alike: from the
 * Home tab (which has no message to replace) as a new message in the presser's DM with the
 * bot; to the presser alone (a card others see is never changed by one person's press); or
 * in place of the card pressed, which only the presser sees. And what happens when a press
 * can't be answered: the presser is told, never left with silence.
 */
import type {
  AllMiddlewareArgs,
  BlockAction,
  RespondArguments,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { Card } from '../../cards/blocks.js';
import type { Language } from '../../knowledge/languages.js';
import { logSlackError, slackErrorCode } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';

export type Delivery = 'dm' | 'privately' | 'in-place';

type ActionArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;

/** Who pressed, where, and the language of the card pressed when it can be read. */
export interface Presser {
  userId: string;
  channelId: string | undefined;
  /** The card sits in the App Home tab (no response_url there). */
  inHome: boolean;
  language?: Language | undefined;
}

/** Slack refused to take what a press was answered with: which call it was, and Slack's error. */
export class RefusedBySlack extends Error {
  constructor(
    readonly method: string,
    readonly refusal: unknown,
  ) {
    super(`${method} refused`);
  }
}

/** Sends `card` as `delivery` says; throws RefusedBySlack when Slack won't take it. */
export async function showCard(
  args: ActionArgs,
  presser: Presser,
  card: Card,
  delivery: Delivery,
): Promise<void> {
  const message = { text: card.text, blocks: card.blocks };
  if (delivery === 'dm') {
    try {
      await args.client.chat.postMessage({ channel: presser.userId, ...message });
    } catch (error) {
      throw new RefusedBySlack('chat.postMessage', error);
    }
  } else if (delivery === 'privately') {
    await respond(args, { response_type: 'ephemeral', replace_original: false, ...message });
  } else {
    await respond(args, { replace_original: true, ...message });
  }
}

/** Posts `message` to the press's response_url; throws RefusedBySlack when Slack won't take it. */
export async function respond(args: ActionArgs, message: RespondArguments): Promise<void> {
  try {
    await args.respond(message);
  } catch (error) {
    throw new RefusedBySlack('response_url', error);
  }
}

/**
 * Runs `answer` for a press (already acknowledged). Failure is never silence: if the answer
 * can't be made or sent (the store or Slack refusing, the core throwing), the failure is
 * logged once and the presser alone gets the one plain line instead, through the
 * response_url (in their DM from the Home tab). `answer` must throw only before anything
 * reached the presser, so that nobody gets an apology and an answer for the same press.
 */
export async function answerPress(
  { responder, logger }: Pick<ListenerDeps, 'responder' | 'logger'>,
  args: ActionArgs,
  presser: Presser,
  answer: () => Promise<void>,
): Promise<void> {
  try {
    await answer();
    return;
  } catch (error) {
    const where = { channel: presser.channelId, user: presser.userId };
    if (error instanceof RefusedBySlack)
      logSlackError(logger, error.refusal, { method: error.method, ...where });
    else {
      const button = (args.action as { action_id?: string }).action_id;
      logger.error(`answering ${button} failed (channel ${where.channel}, user ${where.user}):`, error);
    }
  }
  try {
    const notice = await responder.failureNotice({ userId: presser.userId }, presser.language);
    await showCard(args, presser, notice, presser.inHome ? 'dm' : 'privately');
  } catch (error) {
    // Already logged above; Slack refusing this too is the same outage.
    const reason = error instanceof RefusedBySlack ? slackErrorCode(error.refusal) : error;
    logger.debug('the failure notice could not be sent either:', reason);
  }
}
