/**
 * "Share in channel" on a card only the asker sees: the card is posted to the channel
 * (through the response_url, which works even where the bot is not a member), naming
 * who shared it, and the private copy is removed. The shared card stays the answer it was
 * shared from (the button carries its id), so votes on it count for that answer.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';
import { shareInChannel } from './share-in-channel.js';

export function shareCard(deps: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    const card =
      pressed.value && deps.responder.openTopic(pressed.value, 'message', { sharedBy: pressed.userName });
    // A card from an older version is answered in the asker's own language, not the card's.
    await shareInChannel(deps, args, { ...pressed, language: undefined }, card);
  };
}
