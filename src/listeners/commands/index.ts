import type { App } from '@slack/bolt';
import type { ListenerDeps } from '../deps.js';
import { socialvsCommand } from './socialvs.js';

export function registerCommands(app: App, deps: ListenerDeps): void {
  app.command('/socialvs', socialvsCommand(deps));
}
