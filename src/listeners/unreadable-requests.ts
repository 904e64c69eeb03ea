/**
 * Global middleware, before every listener: a signed request whose fields the listeners
 * cannot read goes no further. It is logged once, and its sender is told in plain words
 * where Slack gave a way to answer: a slash command without its user or channel gets a
 * notice in its acknowledgement, a button press without a button gets the topic list
 * through its response_url. Slack itself sends no such requests; a proxy or a test might.
 *
 * Bodies Bolt cannot take apart at all (an event that is not an object, a payload that is
 * not JSON) never reach middleware: the receiver's error handler answers those
 * (slack/create-app.ts).
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { logSlackError } from '../slack/errors.js';
import type { ListenerDeps } from './deps.js';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What is wrong with a request's body, or undefined when the listeners can read it. */
export function unreadablePart(body: unknown): string | undefined {
  if (!isObject(body)) return 'not an object';
  if (body.type === 'event_callback') {
    if (!isObject(body.event) || typeof body.event.type !== 'string') return 'an event without its type';
    if (body.event.text !== undefined && typeof body.event.text !== 'string')
      return 'event text that is not text';
    return undefined;
  }
  if (body.type === 'block_actions') {
    const actions = body.actions;
    if (!Array.isArray(actions) || actions.length === 0) return 'a button press without a button';
    if (!actions.every((action) => isObject(action) && typeof action.action_id === 'string')) {
      return 'a button press whose button has no action_id';
    }
    return undefined;
  }
  if (typeof body.command === 'string') {
    if (typeof body.user_id !== 'string' || typeof body.channel_id !== 'string') {
      return 'a slash command without its user or channel';
    }
  }
  return undefined;
}

export function unreadableRequests({ responder, logger }: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const problem = unreadablePart(args.body);
    if (!problem) {
      await args.next();
      return;
    }
    logger.warn(`ignored a malformed Slack request: ${problem}`);
    const body = args.body as Record<string, unknown>;
    const user = body.user as { id?: unknown } | undefined;
    const userId =
      typeof user?.id === 'string' ? user.id : typeof body.user_id === 'string' ? body.user_id : '';
    const language = await responder.languageFor({ userId });
    if ('command' in args) {
      await args.ack({ response_type: 'ephemeral', ...responder.notice(language, 'error.generic') });
      return;
    }
    if ('ack' in args && typeof args.ack === 'function') await args.ack();
    if ('respond' in args && args.body.type === 'block_actions') {
      await args
        .respond({ response_type: 'ephemeral', replace_original: false, ...responder.staleCard(language) })
        .catch((error: unknown) => logSlackError(logger, error, { method: 'response_url', user: userId }));
    }
  };
}
