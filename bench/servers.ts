/**
 * The processes the benchmark measures and the one it talks to: our bot (the compiled
 * build, `node dist/app.js`, with a real deployment's environment), the bare Bolt app
 * (bench/bare-bolt.mjs under plain node), and the Slack stand-in (its own process).
 * Everything listens on 127.0.0.1.
 */
import { type ChildProcess, fork, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StandInMessage, StandInRequest } from './stand-in-process.js';
import { msSince, sleep } from './stats.js';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BOT_TOKEN = 'xoxb-bench-0000000000-benchbottoken';
export const SIGNING_SECRET = 'benchSigningSecret0123456789abcd';

export type ServerKind = 'ours' | 'bare';

export interface Server {
  kind: ServerKind;
  child: ChildProcess;
  port: number;
  baseUrl: string;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  startupMs: number;
  /** The last lines it wrote to stderr, for when something goes wrong. */
  stderrTail(): string;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

function get(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

/**
 * Starts one measured server and waits for /healthz. Ours gets a fresh SQLite file,
 * NODE_ENV=production and LOG_LEVEL=info, as a deployment would have.
 */
export async function startServer(
  kind: ServerKind,
  slackApiUrl: string,
  options: { nodeArgs?: string[]; script?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<Server> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), `socialvs-bench-${kind}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: slackApiUrl,
    PORT: String(port),
    ...(kind === 'ours' ? { DATABASE_URL: `sqlite:${join(dir, 'socialvs.db')}`, LOG_LEVEL: 'info' } : {}),
    ...options.env,
  };
  const script =
    options.script ?? (kind === 'ours' ? join(ROOT, 'dist/app.js') : join(ROOT, 'bench/bare-bolt.mjs'));
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script], {
    cwd: dir,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4000);
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await get(`${baseUrl}/healthz`)) === 200) break;
    if (exited || Date.now() > deadline) {
      throw new Error(`${kind} did not start: ${tail.trim() || 'no output'}`);
    }
    await sleep(2);
  }
  const startupMs = msSince(started);
  return {
    kind,
    child,
    port,
    baseUrl,
    startupMs,
    stderrTail: () => tail,
    async stop() {
      if (!exited) {
        const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await gone;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Resident memory of a process in MiB (Linux /proc; ps elsewhere). */
export function residentMiB(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // not Linux: ask ps
  }
  return Number.NaN;
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; NaN elsewhere). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may hold spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}
const CLOCK_TICKS = 100;

/** The stand-in process, and the calls the benchmark makes to it. */
export class StandInProcess {
  private pending: Array<(message: StandInMessage) => void> = [];
  private onPosted: ((message: Extract<StandInMessage, { type: 'posted' }>) => void) | undefined;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly apiUrl: string,
  ) {
    child.on('message', (message: StandInMessage) => {
      if (message.type === 'posted') this.onPosted?.(message);
      else if (message.type !== 'ready') this.pending.shift()?.(message);
    });
  }

  static async start(): Promise<StandInProcess> {
    const child = fork(join(ROOT, 'bench/stand-in-process.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: { ...process.env, BENCH_BOT_TOKEN: BOT_TOKEN },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await new Promise<Extract<StandInMessage, { type: 'ready' }>>((resolve, reject) => {
      child.once('message', (message: StandInMessage) => {
        if (message.type === 'ready') resolve(message);
      });
      child.once('exit', (code) => reject(new Error(`stand-in exited (${code})`)));
    });
    return new StandInProcess(child, ready.url, ready.apiUrl);
  }

  /** The response_url every benchmark slash command carries. */
  get responseUrl(): string {
    return `${this.url}/response/bench`;
  }

  private ask(request: StandInRequest): Promise<StandInMessage> {
    return new Promise((resolve) => {
      this.pending.push(resolve);
      this.child.send(request);
    });
  }

  async stats(): Promise<Extract<StandInMessage, { type: 'stats' }>> {
    return (await this.ask({ type: 'stats' })) as Extract<StandInMessage, { type: 'stats' }>;
  }

  async reset(): Promise<void> {
    await this.ask({ type: 'reset' });
  }

  async users(users: Array<{ id: string; locale: string }>): Promise<void> {
    await this.ask({ type: 'users', users });
  }

  /** Calls `listener` for each chat.postMessage as it reaches the stand-in; undefined stops. */
  async watch(listener: ((message: Extract<StandInMessage, { type: 'posted' }>) => void) | undefined) {
    this.onPosted = listener;
    await this.ask({ type: 'watch', on: listener !== undefined });
  }

  /** Waits until `done(stats)` or `timeoutMs`; returns the last stats. */
  async waitUntil(
    done: (stats: Extract<StandInMessage, { type: 'stats' }>) => boolean,
    timeoutMs: number,
  ): Promise<Extract<StandInMessage, { type: 'stats' }>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const stats = await this.stats();
      if (done(stats) || Date.now() > deadline) return stats;
      await sleep(50);
    }
  }

  async stop(): Promise<void> {
    const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.disconnect();
    await gone;
  }
}
