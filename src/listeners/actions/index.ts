import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
import type { Router } from '../route.js';
import { feedback } from './feedback.js';
import { openTopic } from './open-topic.js';
import { shareCard } from './share-card.js';
import { tipOpen } from './tip-open.js';
import { unknownAction } from './unknown-action.js';

/** previous / next / language switch / a topic from a list, suggestions or the home tab. */
export const TOPIC_BUTTON = /^topic_(previous|next|language_[a-z]{2}|open_[a-z0-9-]+)$/;
/** 👍 / 👎 on an answer card. */
const FEEDBACK_BUTTON = /^feedback_(up|down)$/;

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type ButtonListener = (args: ButtonArgs) => Promise<void>;

/** Which listener answers which button: the first whose pattern matches the action_id. */
const BUTTONS: ReadonlyArray<readonly [RegExp | string, (deps: ListenerDeps) => ButtonListener]> = [
  [TOPIC_BUTTON, openTopic],
  [ACTION_IDS.share, shareCard],
  [ACTION_IDS.tipOpen, tipOpen],
  [FEEDBACK_BUTTON, feedback],
];

/**
 * Every button, routed by action_id: the first listener whose pattern matches. A button no
 * listener knows (a card from another version) gets unknownAction.
 */
export function buttonRouter(deps: ListenerDeps): Router {
  const routes = BUTTONS.map(([pattern, listener]) => [pattern, listener(deps)] as const);
  const unknown = unknownAction(deps);
  return (args) => {
    if (args.body.type !== 'block_actions' || !('action' in args) || !args.action) return undefined;
    const buttonArgs = args as ButtonArgs;
    const actionId = buttonArgs.action.action_id;
    const listener =
      routes.find(([pattern]) =>
        typeof pattern === 'string' ? pattern === actionId : pattern.test(actionId),
      )?.[1] ?? unknown;
    return listener(buttonArgs);
  };
}
