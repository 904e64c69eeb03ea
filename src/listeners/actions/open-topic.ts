/**
 * Buttons that show a topic: previous / next, a language, or a topic from the list, the
 * no-match suggestions or the home tab. A card only the presser sees is replaced in place;
 * on a card others see, the presser alone gets the new card; in the home tab, which has no
 * message to replace, the topic opens in the topic browser modal, over the Home tab.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { openModal } from '../views/show-view.js';
import { readButton } from './button-payload.js';
import { answerPress, showCard } from './show-card.js';

export function openTopic(deps: ListenerDeps) {
  const { responder } = deps;
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    await answerPress(deps, args, { ...pressed, language: pressed.value?.language }, async () => {
      const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
      if (pressed.inHome) {
        const view = responder.browse({ language, ...(pressed.value ? { topic: pressed.value.topic } : {}) });
        await openModal(deps.logger, args.client, args.body.trigger_id, view, pressed.userId);
        return;
      }
      const delivery = pressed.seenByOthers ? 'privately' : 'in-place';
      // A card the presser gets privately is theirs to share.
      const surface = delivery === 'privately' ? 'ephemeral' : pressed.surface;
      const card =
        (pressed.value && responder.openTopic(pressed.value, surface)) ?? responder.staleCard(language);
      await showCard(args, pressed, card, delivery);
    });
  };
}
