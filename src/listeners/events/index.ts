import { type AllMiddlewareArgs, ignoreSelf, type SlackEventMiddlewareArgs } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import type { Router } from '../route.js';
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
 * The three event types, routed by type. Before the listener: Bolt's ignoreSelf (the bot's
 * own messages), then only-once (each event handled once, whatever Slack redelivers).
 */
export function eventRouter(deps: ListenerDeps): Router {
  const listeners = new Map<string, EventListener>(
    Object.entries(EVENTS).map(([type, listener]) => [type, listener(deps) as unknown as EventListener]),
  );
  const onlyOnce = onlyOncePerEvent(deps);
  return (args) => {
    if (!('event' in args) || !args.event) return undefined;
    const listener = listeners.get(args.event.type);
    if (!listener) return undefined;
    const eventArgs = args as EventArgs;
    return ignoreSelf({
      ...eventArgs,
      next: () => onlyOnce({ ...eventArgs, next: () => listener(eventArgs) }),
    });
  };
}
