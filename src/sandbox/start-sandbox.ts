/**
 * The sandbox: the real bot (same Bolt app, listeners, store and scheduler, in HTTP mode on
 * a loopback port), the Slack stand-in as its Web API, and a page on http://127.0.0.1:PORT/
 * that plays Slack. No Slack app, tokens or public URL needed. Its data lives apart from a
 * real deployment's, in var/sandbox.db.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { type RunningBot, startBot } from '../bot.js';
import { startSandboxServer } from './server.js';
import { SlackRequestSender } from './signed-requests.js';
import { SlackStandIn } from './slack-stand-in.js';
import { CHANNELS, ME, SandboxWorkspace, TIP_CHANNEL } from './workspace.js';

export interface RunningSandbox {
  url: string;
  bot: RunningBot;
  standIn: SlackStandIn;
  workspace: SandboxWorkspace;
  stop(): Promise<void>;
}

const SANDBOX_TOKEN = 'xoxb-sandbox-local-only';

export async function startSandbox(
  env: NodeJS.ProcessEnv,
  options: { port?: number; write?: (line: string) => void } = {},
): Promise<RunningSandbox> {
  const standIn = await SlackStandIn.start({ expectedToken: SANDBOX_TOKEN });
  standIn.users.set(ME.id, { name: ME.name, locale: env.SANDBOX_LOCALE ?? 'en-US' });
  for (const channel of CHANNELS) standIn.channels.set(channel.id, { name: channel.name, isMember: true });

  const signingSecret = randomBytes(16).toString('hex');
  let bot: RunningBot;
  try {
    bot = await startBot(
      {
        // Only what the sandbox is about passes through; Slack credentials never do.
        DEFAULT_LANGUAGE: env.DEFAULT_LANGUAGE,
        LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
        TIP_CRON: env.TIP_CRON,
        TIP_TIMEZONE: env.TIP_TIMEZONE,
        DATABASE_URL: env.SANDBOX_DATABASE_URL ?? 'sqlite:var/sandbox.db',
        SLACK_BOT_TOKEN: SANDBOX_TOKEN,
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: standIn.apiUrl,
        TIP_CHANNELS: TIP_CHANNEL,
        PORT: '0',
      },
      { host: '127.0.0.1', ...(options.write ? { write: options.write } : {}) },
    );
  } catch (error) {
    await standIn.close();
    throw error;
  }

  const slack = new SlackRequestSender(`http://127.0.0.1:${bot.port}/slack/events`, signingSecret);
  const workspace = new SandboxWorkspace(standIn, slack, async () => {
    const subscriptions = await bot.store.listSubscriptions();
    return new Set(subscriptions.filter((s) => !s.pausedReason).map((s) => s.channelId));
  });
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
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await bot.stop();
      await standIn.close();
    },
  };
}
