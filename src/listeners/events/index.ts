import { type AllMiddlewareArgs, type App, ignoreSelf, type SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { appHomeOpened } from './app-home-opened.js';
import { appMention } from './app-mention.js';
import { directMessage } from './direct-message.js';
import { onlyOncePerEvent } from './only-once.js';

type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;
type EventListener = (args: EventArgs) => Promise<void>;

/** The events the bot answers, by type (the manifest subscribes to these: see LISTENED). */
const EVENTS = {
  app_mention: appMention,
  message: directMessage,
  app_home_opened: appHomeOpened,
} as const;

/**
 * One Bolt listener for the three event types, routed here by type. Before it: Bolt's
 * ignoreSelf (the bot's own messages), then only-once (each event handled once, whatever
 * Slack redelivers). One listener, not three, because Bolt runs every listener's
 * matchers on every request (see actions/index.ts).
 */
export function registerEvents(app: App, deps: ListenerDeps): void {
  const listeners = new Map<string, EventListener>(
    Object.entries(EVENTS).map(([type, listener]) => [type, listener(deps) as unknown as EventListener]),
  );
  const types = new RegExp(`^(${[...listeners.keys()].join('|')})$`);
  app.event(types, ignoreSelf, onlyOncePerEvent(deps), async (args) => {
    await listeners.get(args.event.type)?.(args);
  });
}
