/**
 * Global middleware: each Events API event is handled once. Slack redelivers an event
 * (X-Slack-Retry-Num) when the first delivery was slow or failed; the store runs the
 * rest of the chain once per event_id, so a retry, even one reaching a restarted bot or
 * another replica, finds it taken.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

export function onlyOncePerEvent({ responder, logger }: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId === 'string') {
      const ran = await responder.store.onceForEvent(eventId, next);
      if (!ran) {
        logger.debug(`event ${eventId} already handled; ignoring delivery (retry ${context.retryNum ?? 0})`);
      }
      return;
    }
    await next();
  };
}
