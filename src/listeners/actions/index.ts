import type { AllMiddlewareArgs, App, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { ACTION_IDS } from '../../cards/actions.js';
import type { ListenerDeps } from '../deps.js';
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

/** The listener for an action_id; a button no listener knows (a card from another version) gets unknownAction. */
function buttonRouter(deps: ListenerDeps): (actionId: string) => ButtonListener {
  const routes = BUTTONS.map(([pattern, listener]) => [pattern, listener(deps)] as const);
  const unknown = unknownAction(deps);
  return (actionId) =>
    routes.find(([pattern]) =>
      typeof pattern === 'string' ? pattern === actionId : pattern.test(actionId),
    )?.[1] ?? unknown;
}

/**
 * One Bolt listener for every button, routed here by action_id. Bolt runs every
 * registered listener's matchers on every request, commands and events included: one
 * listener per button (and per event type) cost each /socialvs about 30 µs, a quarter of
 * its own work at the time (README, "Benchmark").
 */
export function registerActions(app: App, deps: ListenerDeps): void {
  const listenerFor = buttonRouter(deps);
  app.action({ type: 'block_actions' }, async (args) => {
    await listenerFor(args.action.action_id)(args);
  });
}
