/**
 * Starts what an end-to-end test needs: the Slack stand-in, and the real bot (the same
 * startBot as `npm start`) in HTTP mode on a free port, with its Web API calls pointed
 * at the stand-in. Tests talk to the bot only over HTTP, signed as Slack signs.
 */
import { type RunningBot, startBot } from '../../src/bot.js';
import { messageInAck, SlackRequestSender } from '../../src/sandbox/signed-requests.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';

export const SIGNING_SECRET = 'e2eSigningSecret0123456789abcdef';
export const BOT_TOKEN = 'xoxb-e2e-0000000000-secretbottoken';

export interface Harness {
  standIn: SlackStandIn;
  bot: RunningBot;
  slack: SlackRequestSender;
  logs: string[];
  /** The bot's base URL, e.g. http://127.0.0.1:41234 */
  baseUrl: string;
  /** Resolves when a log line matching `pattern` has been written (bounded wait). */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

export async function startHarness(
  env: Record<string, string> = {},
  standIn?: SlackStandIn,
): Promise<Harness> {
  const stand = standIn ?? (await SlackStandIn.start({ expectedToken: BOT_TOKEN }));
  const logs: string[] = [];
  const bot = await startBot(
    {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: stand.apiUrl,
      PORT: '0',
      DATABASE_URL: 'sqlite::memory:',
      LOG_LEVEL: 'debug',
      ...env,
    },
    { write: (line) => logs.push(line) },
  );
  const baseUrl = `http://127.0.0.1:${bot.port}`;
  return {
    standIn: stand,
    bot,
    slack: new SlackRequestSender(`${baseUrl}/slack/events`, SIGNING_SECRET, { keepReplies: true }),
    logs,
    baseUrl,
    async waitForLog(pattern, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = logs.find((entry) => pattern.test(entry));
        if (line) return line;
        if (Date.now() > deadline) throw new Error(`no log line matched ${pattern} within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    async close() {
      await bot.stop();
      if (!standIn) await stand.close();
    },
  };
}

/** Everything the bot sent a user or channel, as one string, for "never contains" checks. */
export function everythingSent(standIn: SlackStandIn, slack: SlackRequestSender): string {
  return JSON.stringify([
    standIn.calls.map((call) => call.args),
    standIn.responses.map((post) => post.body),
    repliesInAcks(slack),
  ]);
}

/** The messages the bot answered with in its acknowledgements. */
export function repliesInAcks(slack: SlackRequestSender): Array<Record<string, unknown>> {
  return slack.replies.flatMap((sent) => {
    const message = messageInAck(sent);
    return message ? [message] : [];
  });
}

/** Slack markup that would ping or link if the bot ever sent it unescaped. */
export const PINGS = /<!(channel|here|everyone|subteam)|<@U|<https?:/;
