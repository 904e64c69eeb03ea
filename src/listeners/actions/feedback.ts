/**
 * 👍 / 👎 on an answer card: the vote is stored (one per user per answer; pressing the
 * other button changes it). A card only the voter sees is replaced by the same card
 * acknowledging it; on a card others see, the voter alone gets the thanks. A vote that
 * can't be stored gets the one plain line, for the voter alone.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';
import { answerPress, showCard } from './show-card.js';

export function feedback(deps: ListenerDeps) {
  const { responder } = deps;
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const vote = (args.action as { action_id?: string }).action_id === ACTION_IDS.helpful ? 'up' : 'down';
    await answerPress(deps, args, { ...pressed, language: pressed.value?.language }, async () => {
      const card =
        (pressed.value &&
          (await responder.vote(pressed.value, pressed.userId, vote, {
            surface: pressed.surface,
            privately: pressed.seenByOthers,
          }))) ||
        responder.staleCard(
          pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId })),
        );
      await showCard(args, pressed, card, pressed.seenByOthers ? 'privately' : 'in-place');
    });
  };
}
