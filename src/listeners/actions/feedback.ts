/**
 * 👍 / 👎 on an answer card: the vote is stored (one per user per answer; pressing the
 * other button changes it). A card only the voter sees is replaced by the same card
 * acknowledging it; on a card others see, the voter alone gets the thanks.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import type { Card } from '../../cards/blocks.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';
import { showCard } from './show-card.js';

export function feedback({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const vote = (args.action as { action_id?: string }).action_id === ACTION_IDS.helpful ? 'up' : 'down';
    const delivery = pressed.seenByOthers ? 'privately' : 'in-place';
    let card: Card;
    try {
      card =
        (pressed.value &&
          (await responder.vote(pressed.value, pressed.userId, vote, {
            surface: pressed.surface,
            privately: pressed.seenByOthers,
          }))) ||
        responder.staleCard(
          pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId })),
        );
    } catch (error) {
      // Failure is never silence: the voter alone is told it did not work.
      logger.error(`storing a vote failed (channel ${pressed.channelId}):`, error);
      const notice = await responder.failureNotice({ userId: pressed.userId }, pressed.value?.language);
      await showCard(logger, args, pressed, notice, 'privately');
      return;
    }
    await showCard(logger, args, pressed, card, delivery);
  };
}
