/** Registers every listener on the Bolt app: one folder per kind, as in Slack's Bolt template. */
import type { App } from '@slack/bolt';
import { registerActions } from './actions/index.js';
import { registerCommands } from './commands/index.js';
import type { ListenerDeps } from './deps.js';
import { registerEvents } from './events/index.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
}

/** What the manifest must declare for these listeners; a test compares it with manifest.yml. */
export const LISTENED = {
  commands: ['/socialvs'],
  botEvents: ['app_home_opened', 'app_mention', 'message.im'],
} as const;
