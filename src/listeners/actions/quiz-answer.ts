/**
 * An answer button on a quiz: the presser alone is told whether they were right (through
 * the response_url, ephemeral, never replacing the quiz, which stays as it was for everyone
 * else); the core stores their first answer. A quiz the bot posted itself then shows its
 * new counts (how many answered, the share right), through chat.update.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readQuizButton } from './button-payload.js';

export function quizAnswer({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readQuizButton(args);
    const { reply, update } = await responder.answerQuiz(pressed.value, pressed.chosen, pressed);
    try {
      await args.respond({ response_type: 'ephemeral', replace_original: false, ...reply });
    } catch (error) {
      logSlackError(logger, error, {
        method: 'response_url',
        channel: pressed.channelId,
        user: pressed.userId,
      });
    }
    if (!update) return;
    try {
      await args.client.chat.update({
        channel: update.channelId,
        ts: update.ts,
        text: update.card.text,
        blocks: update.card.blocks,
      });
    } catch (error) {
      logSlackError(logger, error, { method: 'chat.update', channel: update.channelId });
    }
  };
}
