/**
 * Listener middleware on the event listeners: each Events API event is handled once. Slack
 * redelivers an event (X-Slack-Retry-Num) when the first delivery was slow or failed; the
 * store runs the listener once per event_id, so a retry, even one reaching a restarted bot
 * or another replica, finds it taken.
 *
 * When the store cannot take the claim at all (it refuses, or is down), the event is handled
 * anyway: Bolt has already acknowledged it, so Slack will not send it again, and silence
 * would be the only other answer.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';

export function onlyOncePerEvent({ responder, logger }: ListenerDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, context }) => {
    const eventId = (body as { event_id?: unknown }).event_id;
    if (typeof eventId !== 'string') {
      await next();
      return;
    }
    let handling = false;
    let ran: boolean;
    try {
      ran = await responder.store.onceForEvent(eventId, async () => {
        handling = true;
        await next();
      });
    } catch (error) {
      // The listener's own failure goes on to Bolt's error handler; only a refused claim is ours.
      if (handling) throw error;
      logger.warn(
        `could not record event ${eventId} as handled (${error instanceof Error ? error.message : String(error)}); handling it anyway`,
      );
      await next();
      return;
    }
    if (!ran) {
      logger.debug(`event ${eventId} already handled; ignoring delivery (retry ${context.retryNum ?? 0})`);
    }
  };
}
