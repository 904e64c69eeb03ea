/**
 * `npm run sandbox` (and `npm start` with no Slack credentials, outside production):
 * starts the sandbox and says where, in one line. `npm run sandbox -- --socket` (or
 * SANDBOX_TRANSPORT=socket) runs its bot in Socket Mode; `-- --admin` (or SANDBOX_ADMIN=1)
 * makes you the workspace's admin.
 */
import dotenv from 'dotenv';
import { StartupError } from '../bot.js';
import { ConfigError, isProduction, loadConfig } from '../config.js';
import {
  adminFrom,
  type SandboxTransport,
  SandboxTransportError,
  startSandbox,
  transportFrom,
} from './start-sandbox.js';

dotenv.config({ quiet: true });

async function runSandbox(): Promise<void> {
  if (isProduction(process.env.NODE_ENV)) {
    process.stderr.write(
      "SocialVS can't start the sandbox: NODE_ENV is production, and the sandbox is for trying the bot on " +
        'your own machine. Production runs `npm run build`, then `node dist/app.js`.\n',
    );
    process.exit(1);
  }
  let port: number;
  let transport: SandboxTransport;
  let admin: boolean;
  try {
    port = loadConfig({ PORT: process.env.PORT }).port;
    transport = process.argv.includes('--socket') ? 'socket' : transportFrom(process.env.SANDBOX_TRANSPORT);
    admin = process.argv.includes('--admin') || adminFrom(process.env.SANDBOX_ADMIN);
  } catch (error) {
    const known = error instanceof ConfigError || error instanceof SandboxTransportError;
    process.stderr.write(`SocialVS can't start: ${known ? error.message : String(error)}\n`);
    process.exit(1);
  }
  try {
    const sandbox = await startSandbox(process.env, { port, transport, admin });
    const how =
      (transport === 'socket' ? 'the real bot in Socket Mode' : 'the real bot') +
      (admin ? ', you as admin' : '');
    process.stdout.write(
      `SocialVS sandbox: open ${sandbox.url} (${how} against a local Slack stand-in; no Slack workspace needed).\n`,
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
