/**
 * Buttons that show a topic: previous / next, a language, or a topic from the list, the
 * no-match suggestions or the home tab. The card is replaced in place; in the home tab,
 * which has no message to replace, the card arrives in the user's DM with the bot.
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
    const card =
      (pressed.value && responder.openTopic(pressed.value, pressed.inHome ? 'message' : pressed.surface)) ??
      responder.staleCard(language);
    try {
      if (pressed.inHome) {
        await args.client.chat.postMessage({ channel: pressed.userId, text: card.text, blocks: card.blocks });
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
