/**
 * Start-up, in order: configuration, concept base, store, Slack app. Each step that can
 * fail on bad input fails with a StartupError carrying one plain line; app.ts prints it
 * and exits non-zero. Tests and the sandbox start the bot through here too.
 */
import type { AddressInfo } from 'node:net';
import type { App } from '@slack/bolt';
import { type Config, ConfigError, loadConfig, missingSlackCredentials } from './config.js';
import { createCore } from './core/answer.js';
import { Responder } from './core/responder.js';
import { DataError, DEFAULT_DATA_DIR, loadKnowledgeBase } from './knowledge/load.js';
import { registerListeners } from './listeners/index.js';
import { RedactingLogger } from './logger.js';
import { createSlackApp } from './slack/create-app.js';
import { slackErrorCode } from './slack/errors.js';
import { InFlight } from './slack/in-flight.js';
import { SlackPoster } from './slack/slack-poster.js';
import { LocaleCache } from './slack/user-locale.js';
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

  // The Bolt app first: its auth.test (app.init) is asked now and answered while the data
  // loads and the index is built, so the round trip to Slack costs the start-up nothing.
  // /healthz says when the next tip is due, once the scheduler exists.
  let nextTip: () => Date | null = () => null;
  const app = createSlackApp({
    config,
    logger: logger.forSlackLibraries(),
    health: () => ({ nextTip: nextTip()?.toISOString() ?? null }),
  });
  const tokenCheck = checkToken(app);

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
  const poster = new SlackPoster(
    config.botToken,
    config.slackApiUrl,
    logger.forSlackLibraries(),
    config.slackTimeoutMs,
  );
  const job = new TipJob({
    kb,
    store,
    poster,
    logger,
    timeZone: config.tipTimezone,
    ratePerSecond: config.tipPostsPerSecond,
    quizDay: config.quizDay,
  });
  const scheduler = new TipScheduler({ cron: config.tipCron, timeZone: config.tipTimezone, job, logger });
  nextTip = () => scheduler.nextRun();
  const tips = new TipSubscriptions({
    kb,
    store,
    poster,
    nextRun: nextTip,
    timeZone: config.tipTimezone,
    quizDay: config.quizDay,
  });
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
  const tokenProblem = await tokenCheck;
  if (tokenProblem) {
    await store.close();
    throw new StartupError(tokenProblem);
  }

  // Registered first, so that each request counts until all its listeners have finished.
  const inFlight = new InFlight();
  app.use(inFlight.middleware);
  registerListeners(app, { responder, logger, locales: new LocaleCache(logger) });
  app.error(async (error) => {
    logger.error('unhandled listener error:', error);
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

const TOKEN_REFUSALS = new Set([
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
]);

/**
 * Bolt's app.init(): its auth.test, which tells a wrong token at start rather than at the
 * first question, and gives Bolt the bot's ids. Resolves with the start-up problem, if any;
 * never rejects. A Slack that cannot be reached stops the start too: Bolt cannot route a
 * request before its init has succeeded, and a process manager's restart is a better retry
 * than a bot that is up but answers nobody.
 */
async function checkToken(app: App): Promise<string | undefined> {
  try {
    await app.init();
    return undefined;
  } catch (error) {
    const code = slackErrorCode(error);
    return TOKEN_REFUSALS.has(code)
      ? `Slack refused SLACK_BOT_TOKEN (${code}): copy the Bot User OAuth Token again.`
      : `Could not reach Slack to check SLACK_BOT_TOKEN (${code}): check the network and SLACK_API_URL, then start again.`;
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
