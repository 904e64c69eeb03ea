/**
 * The App Home tab: published each time a user opens it, so it shows their current
 * language and the current topics.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { logSlackError } from '../../slack/errors.js';
import type { ListenerDeps } from '../deps.js';

export function appHomeOpened({ responder, logger, locales }: ListenerDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const view = await responder.home({ userId: event.user, locale: locales.lookup(client, event.user) });
    try {
      await client.views.publish({ user_id: event.user, view });
    } catch (error) {
      logSlackError(logger, error, { method: 'views.publish', user: event.user });
    }
  };
}
