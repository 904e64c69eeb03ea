/**
 * Registers every listener on the Bolt app: one folder per kind, as in Slack's Bolt
 * TypeScript template, each with an index.ts that registers its listeners (one per file).
 */
import type { App } from '@slack/bolt';
import * as actions from './actions/index.js';
import * as commands from './commands/index.js';
import type { ListenerDeps } from './deps.js';
import * as events from './events/index.js';
import * as shortcuts from './shortcuts/index.js';
import { unreadableRequests } from './unreadable-requests.js';
import * as views from './views/index.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(unreadableRequests(deps));
  commands.register(app, deps);
  events.register(app, deps);
  actions.register(app, deps);
  shortcuts.register(app, deps);
  views.register(app, deps);
}

/** What the manifest must declare for these listeners; a test compares it with manifest.yml. */
export const LISTENED = {
  commands: [commands.SLASH_COMMAND],
  botEvents: ['app_home_opened', 'app_mention', 'message.im'],
  shortcuts: shortcuts.SHORTCUTS,
  viewCallbacks: views.VIEW_CALLBACKS,
} as const;
