/**
 * Buttons that show a topic: previous / next, a language, or a topic from the list, the
 * no-match suggestions or the home tab. A card only the presser sees is replaced in place;
 * on a card others see, the presser alone gets the new card; in the home tab, which has no
 * message to replace, the card arrives in the user's DM with the bot.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';
import { answerPress, showCard } from './show-card.js';

export function openTopic(deps: ListenerDeps) {
  const { responder } = deps;
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    await answerPress(deps, args, { ...pressed, language: pressed.value?.language }, async () => {
      const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
      const delivery = pressed.inHome ? 'dm' : pressed.seenByOthers ? 'privately' : 'in-place';
      // A card the presser gets privately is theirs to share; one in their DM already is where it stays.
      const surface =
        delivery === 'dm' ? 'message' : delivery === 'privately' ? 'ephemeral' : pressed.surface;
      const card =
        (pressed.value && responder.openTopic(pressed.value, surface)) ?? responder.staleCard(language);
      await showCard(args, pressed, card, delivery);
    });
  };
}
