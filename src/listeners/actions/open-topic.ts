/**
 * Buttons that show a topic: previous / next, a language, or a topic from the list, the
 * no-match suggestions or the home tab. A card only the presser sees is replaced in place;
 * on a card others see, the presser alone gets the new card; in the home tab, which has no
 * message to replace, the card arrives in the user's DM with the bot.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';

export function openTopic({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
    // On a card others see, the presser gets the new card privately (and can share it).
    const surface = pressed.inHome ? 'message' : pressed.seenByOthers ? 'ephemeral' : pressed.surface;
    const card =
      (pressed.value && responder.openTopic(pressed.value, surface)) ?? responder.staleCard(language);
    try {
      if (pressed.inHome) {
        await args.client.chat.postMessage({ channel: pressed.userId, text: card.text, blocks: card.blocks });
      } else if (pressed.seenByOthers) {
        await args.respond({
          response_type: 'ephemeral',
          replace_original: false,
          text: card.text,
          blocks: card.blocks,
        });
      } else {
        await args.respond({ replace_original: true, text: card.text, blocks: card.blocks });
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
