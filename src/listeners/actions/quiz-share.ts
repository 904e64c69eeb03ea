/**
 * "Share in channel" on a private quiz: the same quiz is posted to the channel (through the
 * response_url, which works even where the bot is not a member), naming who shared it, and
 * the private copy is removed. Presses on the shared quiz are answered privately.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readQuizButton } from './button-payload.js';

export function quizShare({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readQuizButton(args);
    const card = responder.shareQuiz(pressed.value, pressed.userName);
    try {
      if (!card) {
        const language = pressed.value?.language ?? (await responder.languageFor({ userId: pressed.userId }));
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
