/**
 * `/socialvs [question | help | list | tip | lang xx | subscribe [xx] | unsubscribe | status]`
 *
 * Example: `/socialvs what is the ROI difference?` → the ROI comparison card, visible
 * only to the asker, with a button to share it in the channel.
 *
 * The answer rides on the acknowledgement itself when it is ready within ANSWER_IN_ACK_MS
 * (it almost always is: search and the card take well under a millisecond), which spares
 * Slack and the bot a second HTTP exchange. When it needs longer (a slow users.info for a
 * new asker's locale, a slow database, a subscribe that posts to the channel), the command
 * is acknowledged empty, well inside Slack's 3 seconds, and answered through the
 * response_url, which reaches the asker even in a channel the bot has not joined.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Card } from '../../cards/blocks.js';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { typedText } from '../slack-text.js';

/** How long the answer may take to go out with the acknowledgement (Slack allows 3 s in all). */
export const ANSWER_IN_ACK_MS = 1000;

export function socialvsCommand(
  { responder, logger, locales }: ListenerDeps,
  answerInAckMs = ANSWER_IN_ACK_MS,
) {
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    const context = {
      userId: command.user_id,
      channelId: command.channel_id,
      isDirectMessage: command.channel_id.startsWith('D') || command.channel_name === 'directmessage',
      locale: locales.lookup(client, command.user_id),
    };
    const answering: Promise<Card> = responder
      .command(typedText(command.text ?? ''), context)
      .catch(async (error) => {
        logger.error(`/socialvs failed (channel ${command.channel_id}):`, error);
        return responder.failureNotice(context);
      });
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), answerInAckMs);
    });
    const ready = await Promise.race([answering, late]);
    clearTimeout(timer);
    if (ready) {
      await ack({ response_type: 'ephemeral', ...ready });
      return;
    }
    await ack();
    const card = await answering;
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
