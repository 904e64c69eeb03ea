/**
 * Where the card a button leads to goes, for the topic, tip and vote buttons alike: from the
 * Home tab (which has no message to replace) as a new message in the presser's DM with the
 * bot; to the presser alone (a card others see is never changed by one person's press); or
 * in place of the card pressed, which only the presser sees.
 */
import type { AllMiddlewareArgs, BlockAction, Logger, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Card } from '../../cards/blocks.js';
import { logSlackError } from '../../slack/errors.js';
import type { PressedButton } from './button-payload.js';

export type Delivery = 'dm' | 'privately' | 'in-place';

export async function showCard(
  logger: Logger,
  args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs,
  pressed: PressedButton,
  card: Card,
  delivery: Delivery,
): Promise<void> {
  const message = { text: card.text, blocks: card.blocks };
  try {
    if (delivery === 'dm') {
      await args.client.chat.postMessage({ channel: pressed.userId, ...message });
    } else if (delivery === 'privately') {
      await args.respond({ response_type: 'ephemeral', replace_original: false, ...message });
    } else {
      await args.respond({ replace_original: true, ...message });
    }
  } catch (error) {
    logSlackError(logger, error, {
      method: delivery === 'dm' ? 'chat.postMessage' : 'response_url',
      channel: pressed.channelId,
      user: pressed.userId,
    });
  }
}
