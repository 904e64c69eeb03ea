/**
 * "Share in channel" on a private quiz: the same quiz is posted to the channel (through the
 * response_url, which works even where the bot is not a member), naming who shared it, and
 * the private copy is removed. Presses on the shared quiz are answered privately.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { readQuizButton } from './button-payload.js';
import { shareInChannel } from './share-in-channel.js';

export function quizShare(deps: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readQuizButton(args);
    const card = deps.responder.shareQuiz(pressed.value, pressed.userName);
    await shareInChannel(deps, args, { ...pressed, inHome: false, language: pressed.value?.language }, card);
  };
}
