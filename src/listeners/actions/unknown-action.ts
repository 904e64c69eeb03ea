/**
 * A button this version doesn't know (a card from an older or newer version): the press
 * is acknowledged, logged once, and the user gets the topic list instead of silence.
 */
import type { AllMiddlewareArgs, BlockAction, Middleware, SlackActionMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';
import { readButton } from './button-payload.js';

export function unknownAction({ responder, logger }: ListenerDeps) {
  return async (args: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await args.ack();
    const pressed = readButton(args);
    logger.warn(`unknown action ${String((args.action as { action_id?: string }).action_id).slice(0, 80)}`);
    if (pressed.inHome) return;
    const language = await responder.languageFor({ userId: pressed.userId });
    try {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        ...responder.staleCard(language),
      });
    } catch (error) {
      logSlackError(logger, error, {
        method: 'response_url',
        channel: pressed.channelId,
        user: pressed.userId,
      });
    }
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
