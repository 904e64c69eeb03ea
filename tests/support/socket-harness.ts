/**
 * The real bot in Socket Mode: started as `npm start` starts it with SLACK_APP_TOKEN set
 * (no signing secret, no HTTP port), its Web API calls and apps.connections.open pointed
 * at the stand-in, which is also the Slack end of its WebSocket. Tests talk to the bot
 * only through `socket` (envelopes in, acks out) and read what it sent from the stand-in.
 */
import { type RunningBot, startBot } from '../../src/bot.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import type { SocketModeStandIn } from '../../src/sandbox/socket-mode-stand-in.js';
import { BOT_TOKEN } from './harness.js';

export const APP_TOKEN = 'xapp-1-A0SOCIALVS-0000000000-e2eapptoken';

export interface SocketHarness {
  standIn: SlackStandIn;
  socket: SocketModeStandIn;
  bot: RunningBot;
  logs: string[];
  close(): Promise<void>;
}

export async function startSocketHarness(env: Record<string, string> = {}): Promise<SocketHarness> {
  const standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN, expectedAppToken: APP_TOKEN });
  const logs: string[] = [];
  let bot: RunningBot;
  try {
    bot = await startBot(
      {
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: standIn.apiUrl,
        DATABASE_URL: 'sqlite::memory:',
        LOG_LEVEL: 'debug',
        ...env,
      },
      { write: (line) => logs.push(line) },
    );
  } catch (error) {
    await standIn.close();
    throw error;
  }
  return {
    standIn,
    socket: standIn.socketMode,
    bot,
    logs,
    async close() {
      await bot.stop();
      await standIn.close();
    },
  };
}
