/**
 * The tip card's "Open the topic", and the quiz result's: the topic's card for whoever
 * clicked, visible to them only, so one reader exploring a tip or a quiz doesn't change the
 * channel's message for everyone.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';

export function tipOpen({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
    const card =
      (pressed.value && responder.openTopic(pressed.value, pressed.inHome ? 'message' : 'ephemeral')) ??
      responder.staleCard(language);
    try {
      if (pressed.inHome) {
        await args.client.chat.postMessage({ channel: pressed.userId, text: card.text, blocks: card.blocks });
      } else {
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: card.text,
          blocks: card.blocks,
        });
      }
    } catch (error) {
      logSlackError(logger, error, {
        method: pressed.inHome ? 'chat.postMessage' : 'response_url',
        channel: pressed.channelId,
        user: pressed.userId,
      });
    }
  };
}
