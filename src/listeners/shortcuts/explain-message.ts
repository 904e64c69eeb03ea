/**
 * The message shortcut "Explain with SocialVS": the card for the message's text, to the
 * person who used it alone, through the shortcut's response_url (which needs the bot in no
 * channel). Nothing is posted for others.
 */
import type { AllMiddlewareArgs, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { typedText } from '../slack-text.js';

export function explainMessage({ responder, logger, locales }: ListenerDeps) {
  return async (args: SlackShortcutMiddlewareArgs<MessageShortcut> & AllMiddlewareArgs) => {
    await args.ack();
    const { body, client } = args;
    const asker = { userId: body.user.id, locale: locales.lookup(client, body.user.id) };
    const card = await responder
      .explain(typedText(body.message.text ?? ''), asker)
      .catch(async (error: unknown) => {
        logger.error(`explaining a message failed (channel ${body.channel.id}):`, error);
        return responder.failureNotice(asker);
      });
    try {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: card.text,
        blocks: card.blocks,
      });
    } catch (error) {
      logSlackError(logger, error, { method: 'response_url', channel: body.channel.id, user: body.user.id });
    }
  };
}
