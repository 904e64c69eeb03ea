/**
 * "Share in channel" on a card only the asker sees: the card is posted to the channel
 * (through the response_url, which works even where the bot is not a member), naming
 * who shared it, and the private copy is removed.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';

export function shareCard({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const card =
      pressed.value && responder.openTopic(pressed.value, 'message', { sharedBy: pressed.userName });
    try {
      if (!card) {
        const language = await responder.languageFor({ userId: pressed.userId });
        await args.respond({ replace_original: true, ...responder.staleCard(language) });
        return;
      }
      await args.respond({
        response_type: 'in_channel',
        replace_original: false,
        text: card.text,
        blocks: card.blocks,
      });
      await args.respond({ delete_original: true });
    } catch (error) {
      logSlackError(logger, error, {
        method: 'response_url',
        channel: pressed.channelId,
        user: pressed.userId,
      });
    }
  };
}
