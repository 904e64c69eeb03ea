/**
 * What "Share in channel" does for a card and for a quiz alike: the shared version is posted
 * to the channel through the response_url (which works even where the bot is not a member),
 * and the private copy is removed. A card that can no longer be built (from an older version)
 * is replaced by the stale-card notice instead. If the post fails, the sharer alone is told.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Card } from '../../cards/blocks.js';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { answerPress, type Presser, respond } from './show-card.js';

export async function shareInChannel(
  deps: ListenerDeps,
  args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs,
  presser: Presser,
  shared: Card | undefined,
): Promise<void> {
  const { responder, logger } = deps;
  let posted = false;
  await answerPress(deps, args, presser, async () => {
    if (!shared) {
      const language = presser.language ?? (await responder.languageFor({ userId: presser.userId }));
      await respond(args, { replace_original: true, ...responder.staleCard(language) });
      return;
    }
    await respond(args, {
      response_type: 'in_channel',
      replace_original: false,
      text: shared.text,
      blocks: shared.blocks,
    });
    posted = true;
  });
  if (!posted) return;
  // The card is in the channel by now: a private copy left behind is logged, not apologised for.
  try {
    await args.respond({ delete_original: true });
  } catch (error) {
    logSlackError(logger, error, {
      method: 'response_url',
      channel: presser.channelId,
      user: presser.userId,
    });
  }
}
