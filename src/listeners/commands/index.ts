import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { socialvsCommand } from './socialvs.js';

/** The bot's one slash command (declared in manifest.yml). */
export const SLASH_COMMAND = '/socialvs';

export function register(app: App, deps: ListenerDeps): void {
  app.command(SLASH_COMMAND, socialvsCommand(deps));
}
