/**
 * Puts every listener on the Bolt app: one folder per kind, as in Slack's Bolt template,
 * each with an index.ts that routes its kind's requests to its listeners (one per file).
 *
 * The routers sit behind one Bolt middleware rather than a Bolt listener per kind: Bolt
 * runs every registered listener's chain on every request, matching or not, and without
 * them a /socialvs took 30 µs in-process instead of 54 (docs/benchmark.md). A request no
 * router takes goes on down Bolt's chain, where no listener waits: Bolt then treats it as
 * it treats any request nobody listens for.
 */
import type { App } from '@slack/bolt';
import { buttonRouter } from './actions/index.js';
import { commandRouter } from './commands/index.js';
import type { ListenerDeps } from './deps.js';
import { eventRouter } from './events/index.js';
import type { RequestArgs } from './route.js';

export function registerListeners(app: App, deps: ListenerDeps): void {
  const routers = [commandRouter(deps), eventRouter(deps), buttonRouter(deps)];
  app.use(async (args: RequestArgs) => {
    for (const router of routers) {
      const handled = router(args);
      if (handled) return handled;
    }
    await args.next();
  });
}

/** What the manifest must declare for these listeners; a test compares it with manifest.yml. */
export const LISTENED = {
  commands: ['/socialvs'],
  botEvents: ['app_home_opened', 'app_mention', 'message.im'],
} as const;
