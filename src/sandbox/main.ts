/**
 * `npm run sandbox` (and `npm start` with no Slack credentials, outside production):
 * starts the sandbox and says where, in one line.
 */
import dotenv from 'dotenv';
import { StartupError } from '../bot.js';
import { ConfigError, loadConfig } from '../config.js';
import { startSandbox } from './start-sandbox.js';

dotenv.config({ quiet: true });

async function runSandbox(): Promise<void> {
  let port: number;
  try {
    port = loadConfig({ PORT: process.env.PORT }).port;
  } catch (error) {
    process.stderr.write(
      `SocialVS can't start: ${error instanceof ConfigError ? error.message : String(error)}\n`,
    );
    process.exit(1);
  }
  try {
    const sandbox = await startSandbox(process.env, { port });
    process.stdout.write(
      `SocialVS sandbox: open ${sandbox.url} (the real bot against a local Slack stand-in; no Slack workspace needed).\n`,
    );
    const stop = () => {
      sandbox.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message =
      error instanceof StartupError
        ? error.message
        : code === 'EADDRINUSE'
          ? `PORT ${port} is already in use: choose another PORT (e.g. PORT=3001 npm run sandbox).`
          : `unexpected error: ${(error as Error).message}`;
    process.stderr.write(`SocialVS can't start the sandbox: ${message}\n`);
    process.exit(1);
  }
}

await runSandbox();
