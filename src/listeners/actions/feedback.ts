/**
 * 👍 / 👎 on an answer card: the vote is stored (one per user per answer; pressing the
 * other button changes it), and the card is replaced by the same card acknowledging it.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';

export function feedback({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const vote = (args.action as { action_id?: string }).action_id === ACTION_IDS.helpful ? 'up' : 'down';
    const card =
      (pressed.value && (await responder.vote(pressed.value, pressed.userId, vote, pressed.surface))) ??
      responder.staleCard(
        pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId })),
      );
    try {
      await args.respond({ replace_original: true, text: card.text, blocks: card.blocks });
    } catch (error) {
      logSlackError(logger, error, {
        method: 'response_url',
        channel: pressed.channelId,
        user: pressed.userId,
      });
    }
  };
}
