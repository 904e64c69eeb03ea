/**
 * The real entry point (`src/app.ts`, or the build's `dist/app.js`) as a child process,
 * for what only a process can show: SIGKILL at a chosen moment, SIGTERM, the exit code,
 * and the built bot as production runs it.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BOT_TOKEN, SIGNING_SECRET } from './harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export class ChildBot {
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    readonly child: ChildProcessWithoutNullStreams,
    readonly port: number,
  ) {
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null)
        resolve({ code: child.exitCode, signal: child.signalCode });
      else child.on('exit', (code, signal) => resolve({ code, signal }));
    });
  }

  /**
   * Starts the bot with every variable set explicitly (no .env), waits until it listens.
   * `script`: a built bundle to run with plain node instead of the sources.
   */
  static async start(
    env: Record<string, string>,
    { script, timeoutMs = 30_000 }: { script?: string; timeoutMs?: number } = {},
  ): Promise<ChildBot> {
    // node itself with tsx as a loader, not the tsx command: that one runs the bot in a
    // child of its own, which a SIGKILL to the wrapper would leave running.
    const args = script ? [script] : ['--import', 'tsx', 'src/app.ts'];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DOTENV_CONFIG_PATH: '/nonexistent/.env',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        PORT: '0',
        LOG_LEVEL: 'info',
        ...env,
      },
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`bot did not start: ${stderr}`)), timeoutMs);
      const check = () => {
        const match = /running in HTTP mode on port (\d+)/.exec(stderr);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stderr.on('data', check);
      child.on('exit', () => {
        clearTimeout(timer);
        reject(new Error(`bot exited at start: ${stderr}`));
      });
    });
    const bot = new ChildBot(child, port);
    bot.stderr = stderr;
    child.stderr.on('data', (chunk: Buffer) => {
      bot.stderr += chunk.toString();
    });
    return bot;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves when a log line after `fromLength` matches; bounded. */
  async waitForLog(pattern: RegExp, fromLength = 0, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.stderr.slice(fromLength))) {
      if (Date.now() > deadline)
        throw new Error(`no log line matched ${pattern}: ${this.stderr.slice(-2000)}`);
      if (!this.running) throw new Error(`bot exited: ${this.stderr.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  async stop(): Promise<void> {
    if (this.running) this.child.kill('SIGTERM');
    await this.exited;
  }
}
