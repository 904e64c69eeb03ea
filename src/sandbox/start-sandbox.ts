/**
 * The sandbox: the real bot (same Bolt app, listeners, store and scheduler, in HTTP mode on
 * a loopback port), the Slack stand-in as its Web API, and a page on http://127.0.0.1:PORT/
 * that plays Slack. No Slack app, tokens or public URL needed. Its data lives apart from a
 * real deployment's, in var/sandbox.db.
 *
 * With the `socket` transport (SANDBOX_TRANSPORT=socket, or `npm run sandbox -- --socket`)
 * the bot runs in Socket Mode instead: it opens a WebSocket to the stand-in with an
 * app-level token, and what the page does reaches it as envelopes on that socket.
 *
 * With SANDBOX_ADMIN=1 (or `npm run sandbox -- --admin`) you are the workspace's admin
 * (ADMIN_USER_IDS), for `/socialvs stats` and the usage report on the App Home; Ben never is.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { type RunningBot, startBot } from '../bot.js';
import { ConfigError } from '../config.js';
import { startSandboxServer } from './server.js';
import { SlackRequestSender } from './signed-requests.js';
import { SlackStandIn } from './slack-stand-in.js';
import { httpTransport, type SlackTransport, socketTransport } from './transport.js';
import { CHANNELS, ME, SandboxWorkspace, sandboxPeople, TIP_CHANNEL } from './workspace.js';

export interface RunningSandbox {
  url: string;
  bot: RunningBot;
  standIn: SlackStandIn;
  workspace: SandboxWorkspace;
  transport: SandboxTransport;
  stop(): Promise<void>;
}

/** How the page's messages reach the bot: signed HTTP requests, or Socket Mode envelopes. */
export type SandboxTransport = 'http' | 'socket';

/** New tokens every run: the stand-in accepts no other, so nothing can guess its way in. */
const sandboxToken = (prefix: 'xoxb' | 'xapp') => `${prefix}-sandbox-${randomBytes(12).toString('hex')}`;

/** SANDBOX_TRANSPORT: `http` (or unset) or `socket`; anything else is a mistake worth naming. */
export function transportFrom(value: string | undefined): SandboxTransport {
  const name = value?.trim().toLowerCase() ?? '';
  if (name === '' || name === 'http') return 'http';
  if (name === 'socket') return 'socket';
  throw new SandboxTransportError(
    `SANDBOX_TRANSPORT is not valid: expected http or socket (got "${value}").`,
  );
}

export class SandboxTransportError extends Error {}

/** SANDBOX_ADMIN: on (1, true, yes, on) or off (unset, 0, false, no, off); anything else is a mistake. */
export function adminFrom(value: string | undefined): boolean {
  const flag = value?.trim().toLowerCase() ?? '';
  if (['1', 'true', 'yes', 'on'].includes(flag)) return true;
  if (['', '0', 'false', 'no', 'off'].includes(flag)) return false;
  throw new ConfigError(`SANDBOX_ADMIN is not valid: expected 1 or 0 (got "${value}").`);
}

export async function startSandbox(
  env: NodeJS.ProcessEnv,
  options: {
    port?: number;
    write?: (line: string) => void;
    transport?: SandboxTransport;
    /** You are an admin; by default as SANDBOX_ADMIN says. */
    admin?: boolean;
  } = {},
): Promise<RunningSandbox> {
  const transport = options.transport ?? transportFrom(env.SANDBOX_TRANSPORT);
  const people = sandboxPeople({
    locale: env.SANDBOX_LOCALE ?? 'en-US',
    admin: options.admin ?? adminFrom(env.SANDBOX_ADMIN),
  });
  const botToken = sandboxToken('xoxb');
  const appToken = sandboxToken('xapp');
  const standIn = await SlackStandIn.start({ expectedToken: botToken, expectedAppToken: appToken });
  for (const person of people) standIn.users.set(person.id, { name: person.name, locale: person.locale });
  for (const channel of CHANNELS) standIn.channels.set(channel.id, { name: channel.name, isMember: true });

  const signingSecret = randomBytes(16).toString('hex');
  // In Socket Mode the bot needs no signing secret and listens on no port: it connects out.
  const slackEdge =
    transport === 'socket'
      ? { SLACK_APP_TOKEN: appToken }
      : { SLACK_SIGNING_SECRET: signingSecret, PORT: '0' };
  let bot: RunningBot;
  try {
    bot = await startBot(
      {
        // Only what the sandbox is about passes through; Slack credentials never do.
        DEFAULT_LANGUAGE: env.DEFAULT_LANGUAGE,
        LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
        TIP_CRON: env.TIP_CRON,
        TIP_TIMEZONE: env.TIP_TIMEZONE,
        QUIZ_DAY: env.QUIZ_DAY,
        DATABASE_URL: env.SANDBOX_DATABASE_URL ?? 'sqlite:var/sandbox.db',
        SLACK_BOT_TOKEN: botToken,
        SLACK_API_URL: standIn.apiUrl,
        TIP_CHANNELS: TIP_CHANNEL,
        ADMIN_USER_IDS: people.some((person) => person.admin) ? ME.id : undefined,
        ...slackEdge,
      },
      { host: '127.0.0.1', ...(options.write ? { write: options.write } : {}) },
    );
  } catch (error) {
    await standIn.close();
    throw error;
  }

  const slack: SlackTransport =
    transport === 'socket'
      ? socketTransport(standIn.socketMode)
      : httpTransport(new SlackRequestSender(`http://127.0.0.1:${bot.port}/slack/events`, signingSecret));
  const workspace = new SandboxWorkspace(
    standIn,
    slack,
    async () => {
      const subscriptions = await bot.store.listSubscriptions();
      return new Set(subscriptions.filter((s) => !s.pausedReason).map((s) => s.channelId));
    },
    people,
  );
  await workspace.refreshSubscriptions();

  let server: Server;
  let port: number;
  try {
    ({ server, port } = await startSandboxServer({
      workspace,
      runTips: () => bot.scheduler.runNow('manual'),
      port: options.port ?? 3000,
    }));
  } catch (error) {
    await bot.stop();
    await standIn.close();
    throw error;
  }

  return {
    url: `http://127.0.0.1:${port}/`,
    bot,
    standIn,
    workspace,
    transport,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.stop();
      await standIn.close();
    },
  };
}
