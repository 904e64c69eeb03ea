/**
 * `/socialvs [question | help | list | tip | lang xx | subscribe [xx] | unsubscribe | status]`
 *
 * Example: `/socialvs what is the ROI difference?` → the ROI comparison card, visible
 * only to the asker, with a button to share it in the channel.
 *
 * Acknowledges first (Slack allows 3 seconds), then answers through the response_url,
 * which can reach the asker even in a channel the bot has not joined.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';

export function socialvsCommand({ assistant, logger, locales }: ListenerDeps) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const context = {
      userId: command.user_id,
      channelId: command.channel_id,
      isDirectMessage: command.channel_id.startsWith('D') || command.channel_name === 'directmessage',
      locale: locales.lookup(client, command.user_id),
    };
    let card: Awaited<ReturnType<typeof assistant.command>>;
    try {
      card = await assistant.command(command.text ?? '', context);
    } catch (error) {
      logger.error(`/socialvs failed (channel ${command.channel_id}):`, error);
      card = assistant.notice(
        await assistant.languageFor(context).catch(() => 'en' as const),
        'error.generic',
      );
    }
    try {
      await respond({ response_type: 'ephemeral', replace_original: false, ...card });
    } catch (error) {
      logSlackError(logger, error, {
        method: 'response_url',
        channel: command.channel_id,
        user: command.user_id,
      });
    }
  };
}
