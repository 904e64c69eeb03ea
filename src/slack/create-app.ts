/**
 * The Bolt app: Socket Mode when an app-level token is set (no public URL needed),
 * HTTP otherwise, with POST /slack/events for commands, events and interactivity
 * alike, and GET /healthz for load balancers and orchestrators.
 */
import { App, LogLevel } from '@slack/bolt';
import type { Config } from '../config.js';
import type { Responder } from '../core/responder.js';
import { registerListeners } from '../listeners/index.js';
import type { RedactingLogger } from '../logger.js';
import { GuardedHTTPReceiver } from './guarded-receiver.js';
import { createHttpFetch } from './http-fetch.js';
import type { InFlight } from './in-flight.js';
import { LocaleCache } from './user-locale.js';

export interface SlackAppOptions {
  config: Config;
  responder: Responder;
  logger: RedactingLogger;
  /** Extra answer for /healthz (the tip scheduler's state, for instance). */
  health?: () => Record<string, unknown>;
  /** The bot's ids from our own auth.test at start, so Bolt needn't call it (and can't fail unheard). */
  identity?:
    | { botId: string; botUserId: string }
    | undefined /** Counts requests still being answered, for a graceful stop. */;
  inFlight?: InFlight;
}

export function createSlackApp({
  config,
  responder,
  logger,
  health,
  identity,
  inFlight,
}: SlackAppOptions): App {
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
      timeout: config.slackTimeoutMs,
      // Web API calls and respond() over node:http: the global fetch cost more CPU than
      // handling the whole incoming request (see http-fetch.ts).
      fetch: createHttpFetch(),
    },
    // No listener keeps conversation state; Bolt's default store would look it up (and
    // build a "not found" error) for every request.
    convoStore: false as const,
    // Bolt's ignoreSelf runs on every request as global middleware but only concerns
    // events: the event listener runs it itself (listeners/events/index.ts).
    ignoreSelf: false,
  };
  const app =
    config.mode === 'socket'
      ? new App({ ...common, socketMode: true, appToken: config.appToken })
      : new App({
          ...common,
          receiver: new GuardedHTTPReceiver(
            {
              signingSecret: config.signingSecret ?? '',
              endpoints: '/slack/events',
              logger,
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
            },
            { logger, answerMalformed: (body) => answerMalformed(body, responder, config) },
          ),
        });
  if (inFlight) {
    // Counted around processEvent, which both receivers (HTTP and Socket Mode) call for
    // every request and which resolves once every listener has finished. A global
    // middleware would do the same at the cost of a step of Bolt's chain per request.
    const processEvent = app.processEvent.bind(app);
    app.processEvent = (event) => inFlight.track(processEvent(event));
  }
  registerListeners(app, { responder, logger, locales: new LocaleCache(logger) });
  app.error(async (error) => {
    logger.error('unhandled listener error:', error);
  });
  return app;
}

export { LogLevel };

/** A request we can't handle that came with a response_url: tell the user, with the topic list. */
async function answerMalformed(
  body: Record<string, unknown>,
  responder: Responder,
  config: Config,
): Promise<void> {
  const url = body.response_url;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url)) return;
  const user = body.user as { id?: unknown } | undefined;
  const userId =
    typeof user?.id === 'string' ? user.id : typeof body.user_id === 'string' ? body.user_id : undefined;
  const language = userId ? await responder.languageFor({ userId }) : config.defaultLanguage;
  const card = responder.staleCard(language);
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      response_type: 'ephemeral',
      replace_original: false,
      text: card.text,
      blocks: card.blocks,
    }),
  });
}
