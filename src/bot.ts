/**
 * Start-up, in order: configuration, concept base, store, Slack app. Each step that can
 * fail on bad input fails with a StartupError carrying one plain line; app.ts prints it
 * and exits non-zero. Tests and the sandbox start the bot through here too.
 */
import type { AddressInfo } from 'node:net';
import { type App, webApi } from '@slack/bolt';
import { type Config, ConfigError, loadConfig, missingSlackCredentials } from './config.js';
import { createCore } from './core/answer.js';
import { Responder } from './core/responder.js';
import { DataError, DEFAULT_DATA_DIR, loadKnowledgeBase } from './knowledge/load.js';
import { RedactingLogger } from './logger.js';
import { createSlackApp } from './slack/create-app.js';
import { logSlackError, slackErrorCode } from './slack/errors.js';
import { createHttpFetch } from './slack/http-fetch.js';
import { InFlight } from './slack/in-flight.js';
import { SlackPoster } from './slack/slack-poster.js';
import { openStore } from './store/open-store.js';
import { QuestionRetention } from './store/retention.js';
import type { Store } from './store/store.js';
import { StoreError } from './store/store.js';
import { TipScheduler } from './tips/scheduler.js';
import { TipSubscriptions } from './tips/subscriptions.js';
import { TipJob } from './tips/tip-job.js';

/** How long a stop waits for answers and tip posts already under way. */
const STOP_TIMEOUT_MS = 10_000;

export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

export interface RunningBot {
  config: Config;
  app: App;
  responder: Responder;
  store: Store;
  logger: RedactingLogger;
  scheduler: TipScheduler;
  /** The HTTP port actually listened on (HTTP mode), useful with PORT=0. */
  port: number | undefined;
  /** Stops taking requests, lets in-flight answers and a tip run finish (bounded), closes the store. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface StartOptions {
  dataDir?: string;
  /** Where log lines go (stderr by default). */
  write?: (line: string) => void;
  /** Interface the HTTP receiver binds to (all by default; the sandbox uses 127.0.0.1). */
  host?: string;
}

export async function startBot(env: NodeJS.ProcessEnv, options: StartOptions = {}): Promise<RunningBot> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) throw new StartupError(error.message);
    throw error;
  }
  const missing = missingSlackCredentials(config);
  if (missing.length > 0) {
    throw new StartupError(
      `Missing ${missing.join(' and ')}: set ${missing.length > 1 ? 'them' : 'it'} in the environment or in .env ` +
        '(see .env.example and the README: "Connect a workspace").',
    );
  }
  const logger = new RedactingLogger(
    config.logLevel,
    [config.botToken, config.signingSecret, config.appToken],
    options.write,
  );

  // Asked first, answered while the data loads and the index is built: a round trip to
  // Slack costs the start-up nothing on top.
  const tokenCheck = checkToken(config, logger);

  let kb: ReturnType<typeof loadKnowledgeBase>;
  try {
    kb = loadKnowledgeBase(options.dataDir ?? DEFAULT_DATA_DIR);
  } catch (error) {
    if (error instanceof DataError) throw new StartupError(error.message);
    throw error;
  }

  let store: Store;
  try {
    store = await openStore(config.databaseUrl, {
      onBackgroundError: (error) => logger.warn(`database: ${error.message}`),
    });
  } catch (error) {
    if (error instanceof StoreError) throw new StartupError(error.message);
    throw error;
  }

  await syncConfiguredChannels(store, config);
  const poster = new SlackPoster(config.botToken, config.slackApiUrl, logger, config.slackTimeoutMs);
  const job = new TipJob({
    kb,
    store,
    poster,
    logger,
    timeZone: config.tipTimezone,
    ratePerSecond: config.tipPostsPerSecond,
  });
  const scheduler = new TipScheduler({ cron: config.tipCron, timeZone: config.tipTimezone, job, logger });
  const tips = new TipSubscriptions({ kb, store, poster, nextRun: () => scheduler.nextRun() });
  const responder = new Responder(createCore(kb), store, {
    defaultLanguage: config.defaultLanguage,
    tips,
    admins: config.adminUserIds,
    questionLog: config.questionLog,
  });
  const retention = new QuestionRetention({
    store,
    days: config.questionRetentionDays,
    timeZone: config.tipTimezone,
    logger,
  });
  const token = await tokenCheck;
  if (token.refused) {
    await store.close();
    throw new StartupError(
      `Slack refused SLACK_BOT_TOKEN (${token.refused}): copy the Bot User OAuth Token again.`,
    );
  }
  const identity = token.identity;

  const inFlight = new InFlight();
  const app = createSlackApp({
    config,
    responder,
    logger,
    identity,
    inFlight,
    health: () => ({ nextTip: scheduler.nextRun()?.toISOString() ?? null }),
  });

  let port: number | undefined;
  try {
    if (config.mode === 'socket') {
      await app.start();
    } else {
      const listen = options.host ? { port: config.port, host: options.host } : config.port;
      const server = (await app.start(listen)) as { address(): AddressInfo | string | null };
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : config.port;
    }
  } catch (error) {
    await store.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE')
      throw new StartupError(`PORT ${config.port} is already in use: choose another PORT.`);
    throw new StartupError(`Could not start the Slack connection: ${(error as Error).message}`);
  }
  logger.info(
    config.mode === 'socket'
      ? 'SocialVS is running in Socket Mode.'
      : `SocialVS is running in HTTP mode on port ${port}: POST /slack/events, GET /healthz.`,
  );

  await scheduler.start();
  await retention.start();

  let stopped = false;
  return {
    config,
    app,
    responder,
    store,
    logger,
    scheduler,
    port,
    async stop(timeoutMs = STOP_TIMEOUT_MS) {
      if (stopped) return;
      stopped = true;
      // Stop taking requests, then let what was already promised finish (bounded): answers
      // being sent, a tip run in progress. Only then close the store.
      await app.stop().catch((error: unknown) => logger.warn('stopping the Slack app:', error));
      if (!(await inFlight.drain(timeoutMs))) {
        logger.warn(`stopping with ${inFlight.size} answer(s) unfinished after ${timeoutMs} ms`);
      }
      await scheduler.stop(timeoutMs);
      await retention.stop();
      await store.close();
    },
  };
}

/**
 * A wrong token is the most common set-up mistake: auth.test says so at start, not at the
 * first question. The bot's ids it returns are handed to Bolt. Never rejects: an
 * unreachable Slack is logged and the bot starts anyway.
 */
async function checkToken(
  config: Config,
  logger: RedactingLogger,
): Promise<{ identity?: { botId: string; botUserId: string }; refused?: string }> {
  try {
    const client = new webApi.WebClient(config.botToken, {
      slackApiUrl: config.slackApiUrl,
      logger,
      retryConfig: { retries: 1 },
      timeout: config.slackTimeoutMs,
      // As the app's own client does (create-app.ts): the global fetch would load undici's
      // whole HTTP client, with its WebAssembly parser, for this one call.
      fetch: createHttpFetch(),
    });
    const result = await client.auth.test();
    return result.bot_id && result.user_id
      ? { identity: { botId: result.bot_id, botUserId: result.user_id } }
      : {};
  } catch (error) {
    const code = slackErrorCode(error);
    if (['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired'].includes(code)) {
      return { refused: code };
    }
    logSlackError(logger, error, { method: 'auth.test' });
    logger.warn('Could not reach Slack to check the token; starting anyway.');
    return {};
  }
}

/**
 * TIP_CHANNELS are always subscribed: (re)subscribed at every start, which also resumes
 * them if they were paused; a channel taken out of TIP_CHANNELS stops getting tips.
 */
async function syncConfiguredChannels(store: Store, config: Config): Promise<void> {
  const configured = new Set(config.tipChannels.map((channel) => channel.channelId));
  for (const subscription of await store.listSubscriptions()) {
    if (subscription.source === 'config' && !configured.has(subscription.channelId)) {
      await store.unsubscribe(subscription.channelId);
    }
  }
  for (const channel of config.tipChannels) {
    const existing = await store.getSubscription(channel.channelId);
    await store.subscribe({
      channelId: channel.channelId,
      language: channel.language ?? existing?.language ?? config.defaultLanguage,
      source: 'config',
    });
  }
}
