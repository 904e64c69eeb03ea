/**
 * An answer button on a quiz: the presser alone is told whether they were right (through
 * the response_url, ephemeral, never replacing the quiz, which stays as it was for everyone
 * else); the core stores their first answer. A quiz the bot posted itself with
 * chat.postMessage (the quiz day's post, in a channel it is a member of) then shows its new
 * counts through chat.update; a quiz shared through a response_url is never edited (Slack
 * refuses that where the bot has not joined the channel). An answer that can't be stored
 * gets the one plain line, for the presser alone.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { QuizAnswerOutcome } from '../../core/responder.js';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readQuizButton } from './button-payload.js';
import { answerPress, respond } from './show-card.js';

export function quizAnswer(deps: ListenerDeps) {
  const { responder, logger } = deps;
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readQuizButton(args);
    let update: QuizAnswerOutcome['update'];
    const presser = { ...pressed, inHome: false, language: pressed.value?.language };
    await answerPress(deps, args, presser, async () => {
      const outcome = await responder.answerQuiz(pressed.value, pressed.chosen, pressed);
      update = outcome.update;
      await respond(args, { response_type: 'ephemeral', replace_original: false, ...outcome.reply });
    });
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
