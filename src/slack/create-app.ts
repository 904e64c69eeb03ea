/**
 * The Bolt app: Socket Mode when an app-level token is set (no public URL needed),
 * HTTP otherwise, with POST /slack/events for commands, events and interactivity
 * alike, and GET /healthz for load balancers and orchestrators.
 */
import { App, LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import type { Assistant } from '../core/assistant.js';
import { registerListeners } from '../listeners/index.js';
import type { RedactingLogger } from '../logger.js';
import { LocaleCache } from './user-locale.js';

export interface SlackAppOptions {
  config: Config;
  assistant: Assistant;
  logger: RedactingLogger;
  /** Extra answer for /healthz (the tip scheduler's state, for instance). */
  health?: () => Record<string, unknown>;
  /** The bot's ids from our own auth.test at start, so Bolt needn't call it (and can't fail unheard). */
  identity?: { botId: string; botUserId: string } | undefined;
}

export function createSlackApp({ config, assistant, logger, health, identity }: SlackAppOptions): App {
  const common = {
    token: config.botToken,
    ...(identity ? { botId: identity.botId, botUserId: identity.botUserId } : {}),
    // Bolt's own eager auth.test would reject where nobody listens; start-up checks the token.
    tokenVerificationEnabled: false,
    logger,
    logLevel: logger.getLevel(),
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      // A user is waiting: a few quick retries, not the client's default half hour.
      retryConfig: { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 3000 },
      timeout: 10_000,
    },
    ignoreSelf: true,
  };
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          signingSecret: config.signingSecret ?? '',
          endpoints: '/slack/events',
          customRoutes: [
            {
              path: '/healthz',
              method: ['GET'],
              handler: (_req, res) => {
                res.writeHead(200, { 'content-type': 'application/json' });
                res.end(JSON.stringify({ ok: true, ...health?.() }));
              },
            },
          ],
        });
  registerListeners(app, { assistant, logger, locales: new LocaleCache(logger) });
  app.error(async (error) => {
    logger.error('unhandled listener error:', error);
  });
  return app;
}

export { LogLevel };
