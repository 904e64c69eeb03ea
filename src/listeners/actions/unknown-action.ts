/**
 * A button this version doesn't know (a card from an older or newer version): the press
 * is acknowledged, logged once, and the user gets the topic list instead of silence.
 */
import type { AllMiddlewareArgs, BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';
import { answerPress, showCard } from './show-card.js';

export function unknownAction(deps: ListenerDeps) {
  const { responder, logger } = deps;
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    logger.warn(`unknown action ${String((args.action as { action_id?: string }).action_id).slice(0, 80)}`);
    if (pressed.inHome) return;
    await answerPress(deps, args, pressed, async () => {
      const language = await responder.languageFor({ userId: pressed.userId });
      await showCard(args, pressed, responder.staleCard(language), 'privately');
    });
  };
}

/**
 * Listener middleware: lets a button press through only when none of `known` (the action
 * ids the other button listeners are registered for) matches it.
 */
export function onlyUnknownButtons(
  known: ReadonlyArray<string | RegExp>,
): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ action, next }) => {
    const actionId = action.action_id;
    const isKnown = known.some((pattern) =>
      typeof pattern === 'string' ? pattern === actionId : pattern.test(actionId),
    );
    if (!isKnown) await next();
  };
}
