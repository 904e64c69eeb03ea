import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';
import { onlyOncePerEvent } from './only-once.js';

/**
 * The events the bot answers (the manifest subscribes to these: see LISTENED). Bolt's
 * ignoreSelf has already dropped the bot's own messages; only-once then lets each event
 * through once, whatever Slack redelivers.
 */
export function register(app: App, deps: ListenerDeps): void {
  const onlyOnce = onlyOncePerEvent(deps);
  app.event('app_mention', onlyOnce, appMention(deps));
  app.event('message', onlyOnce, directMessage(deps));
  app.event('app_home_opened', onlyOnce, appHomeOpened(deps));
}
