/**
 * The Bolt app, built as Slack's Bolt template builds one. In HTTP mode Bolt's HTTPReceiver
 * verifies every request with the signing secret and serves POST /slack/events (commands,
 * events and interactivity alike) and GET /healthz; with an app-level token, Socket Mode.
 * The listeners are registered by src/listeners; start-up (bot.ts) runs `app.init()`, which
 * is Bolt's own auth.test.
 */
import {
  App,
  type CustomRoute,
  HTTPReceiver,
  type Logger,
  LogLevel,
  type Receiver,
  SocketModeReceiver,
} from '@slack/bolt';
import type { Config } from '../config.js';

export interface SlackAppOptions {
  config: Config;
  logger: Logger;
  /** Extra answer for /healthz (the tip scheduler's state, for instance). */
  health?: () => Record<string, unknown>;
}

/**
 * A user is waiting on every Web API call the listeners make: a few quick retries, not the
 * client's default of ten over half an hour.
 */
const ANSWER_RETRIES = { retries: 3, factor: 2, minTimeout: 300, maxTimeout: 3000 };

/**
 * How patiently Socket Mode asks Slack for a new connection (apps.connections.open) after
 * losing one: a retry at most every 30 s, for days. Given the answer retries above, the
 * Socket Mode client gives up after a few seconds of outage and never reconnects.
 */
export const SOCKET_RECONNECT_RETRIES = {
  retries: 10_000,
  factor: 1.3,
  minTimeout: 1000,
  maxTimeout: 30_000,
};

export function createSlackApp({ config, logger, health }: SlackAppOptions): App {
  return new App({
    token: config.botToken,
    receiver:
      config.mode === 'socket' ? socketModeReceiver(config, logger) : httpReceiver(config, logger, health),
    logger,
    logLevel: logger.getLevel(),
    clientOptions: {
      slackApiUrl: config.slackApiUrl,
      retryConfig: ANSWER_RETRIES,
      timeout: config.slackTimeoutMs,
      fetch: fetchWithTimeout(config.slackTimeoutMs),
    },
    // bot.ts awaits app.init() (Bolt's auth.test) at start, so a refused token stops the
    // start with a plain line instead of rejecting unheard inside the constructor.
    deferInitialization: true,
    // No listener keeps conversation state, so Bolt's conversation store has nothing to do.
    convoStore: false,
  });
}

export { LogLevel };

/**
 * Bolt's respond() posts to the response_url with the fetch it is given and no timeout of
 * its own; the Web API client passes its own signal, which is kept.
 */
export function fetchWithTimeout(timeoutMs: number): typeof fetch {
  return (input, init) =>
    fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

function httpReceiver(config: Config, logger: Logger, health: SlackAppOptions['health']): Receiver {
  const healthz: CustomRoute = {
    path: '/healthz',
    method: ['GET'],
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, ...health?.() }));
    },
  };
  return new HTTPReceiver({
    signingSecret: config.signingSecret ?? '',
    endpoints: '/slack/events',
    customRoutes: [healthz],
    logger,
    // An error inside Bolt before any listener ran (a body it could not take apart): one
    // plain line and an empty 200, so that Slack does not redeliver what would fail again.
    processEventErrorHandler: async ({ error, logger: boltLogger, response }) => {
      boltLogger.warn(`could not handle a Slack request: ${errorText(error)}`);
      if (response.headersSent) return false;
      response.writeHead(200);
      response.end();
      return true;
    },
    // Every listener acknowledges first, so a request nobody acknowledged is one Bolt could
    // not route, and Bolt has already logged why: answer it without a second line.
    unhandledRequestHandler: ({ logger: boltLogger, response }) => {
      boltLogger.debug('a Slack request no listener acknowledged was answered with an empty 200');
      if (!response.headersSent) {
        response.writeHead(200);
        response.end();
      }
    },
  });
}

function socketModeReceiver(config: Config, logger: Logger): Receiver {
  return new SocketModeReceiver({
    appToken: config.appToken ?? '',
    logger,
    logLevel: logger.getLevel(),
    // The Socket Mode client's own Web API settings (apps.connections.open): Bolt would
    // hand it the app's clientOptions, whose quick retries suit answers, not reconnecting.
    installerOptions: {
      clientOptions: {
        slackApiUrl: config.slackApiUrl,
        timeout: config.slackTimeoutMs,
        retryConfig: SOCKET_RECONNECT_RETRIES,
      },
    },
    // As over HTTP: acknowledge what Bolt could not take apart, so Slack stops resending it.
    processEventErrorHandler: async ({ error, logger: boltLogger }) => {
      boltLogger.warn(`could not handle a Slack request: ${errorText(error)}`);
      return true;
    },
  });
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
