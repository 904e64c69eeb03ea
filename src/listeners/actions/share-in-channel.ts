/**
 * What "Share in channel" does for a card and for a quiz alike: the shared version is posted
 * to the channel through the response_url (which works even where the bot is not a member),
 * and the private copy is removed. A card that can no longer be built (from an older version)
 * is replaced by the stale-card notice instead.
 */
import type { AllMiddlewareArgs, BlockAction, RespondFn, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Card } from '../../cards/blocks.js';
import type { Language } from '../../knowledge/languages.js';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import type { PressedButton } from './button-payload.js';

export async function shareInChannel(
  { responder, logger }: ListenerDeps,
  args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs,
  pressed: Pick<PressedButton, 'userId' | 'channelId'> & { language: Language | undefined },
  shared: Card | undefined,
): Promise<void> {
  const respond: RespondFn = args.respond;
  try {
    if (!shared) {
      const language = pressed.language ?? (await responder.languageFor({ userId: pressed.userId }));
      await respond({ replace_original: true, ...responder.staleCard(language) });
      return;
    }
    await respond({
      response_type: 'in_channel',
      replace_original: false,
      text: shared.text,
      blocks: shared.blocks,
    });
    await respond({ delete_original: true });
  } catch (error) {
    logSlackError(logger, error, {
      method: 'response_url',
      channel: pressed.channelId,
      user: pressed.userId,
    });
  }
}
