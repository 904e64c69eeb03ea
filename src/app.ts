/**
 * `npm start`: reads .env, starts the bot, and stops it cleanly on SIGTERM / SIGINT.
 * A start-up problem prints one plain line and exits 1; no stack trace.
 */
import dotenv from 'dotenv';
import { type RunningBot, StartupError, startBot } from './bot.js';

dotenv.config({ quiet: true });

function fail(message: string): never {
  process.stderr.write(`SocialVS can't start: ${message}\n`);
  process.exit(1);
}

let bot: RunningBot;
try {
  bot = await startBot(process.env);
} catch (error) {
  fail(error instanceof StartupError ? error.message : `unexpected error: ${(error as Error).message}`);
}

let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  bot.logger.info(`${signal} received: stopping.`);
  bot.stop().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('unhandledRejection', (reason) => {
  // Never crash on one stray failure: log it (redacted, without a stack) and keep serving.
  bot.logger.error('unhandled rejection:', reason);
});
