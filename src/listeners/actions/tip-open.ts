/**
 * The tip card's "Open the topic", and the quiz result's: the topic's card for whoever
 * clicked, visible to them only, so one reader exploring a tip or a quiz doesn't change the
 * channel's message for everyone.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';
import { answerPress, showCard } from './show-card.js';

export function tipOpen(deps: ListenerDeps) {
  const { responder } = deps;
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    await answerPress(deps, args, { ...pressed, language: pressed.value?.language }, async () => {
      const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
      const card =
        (pressed.value && responder.openTopic(pressed.value, pressed.inHome ? 'message' : 'ephemeral')) ??
        responder.staleCard(language);
      await showCard(args, pressed, card, pressed.inHome ? 'dm' : 'privately');
    });
  };
}
