/**
 * Starting for real: the bot's entry point, `npx tsx src/app.ts`, with a bad
 * environment prints one plain line and exits 1; with a good one it serves until
 * SIGTERM and exits 0. startBot itself for what the entry point can't reach.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StartupError, startBot } from '../../src/bot.js';
import { DEFAULT_DATA_DIR } from '../../src/knowledge/load.js';
import { SlackRequestSender } from '../../src/sandbox/signed-requests.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { headerOf, titleOf } from '../support/cards.js';
import { slashReply } from '../support/slash.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SIGNING_SECRET = 'startSigningSecret0123456789abcdef';
const BOT_TOKEN = 'xoxb-start-0000000000-secretbottoken';
const STACK_FRAME = '    at ';

const tmp = mkdtempSync(join(tmpdir(), 'socialvs-start-'));
// npm's user config on this machine is not under test (it may make every npx warn): an empty one.
const emptyNpmrc = join(tmp, 'npmrc');
writeFileSync(emptyNpmrc, '');

const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => {
  // Each child leads its own process group: nothing it started outlives the tests.
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  rmSync(tmp, { recursive: true, force: true });
});

/** Every variable SocialVS reads, set explicitly, so neither this shell nor a .env file counts. */
function environment(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    NPM_CONFIG_USERCONFIG: emptyNpmrc,
    NPM_CONFIG_UPDATE_NOTIFIER: 'false',
    NPM_CONFIG_FUND: 'false',
    DOTENV_CONFIG_PATH: '/nonexistent/.env',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_APP_TOKEN: '',
    PORT: '0',
    SLACK_API_URL: '',
    DATABASE_URL: 'sqlite::memory:',
    DEFAULT_LANGUAGE: 'en',
    LOG_LEVEL: 'info',
    TIP_CRON: '',
    TIP_TIMEZONE: '',
    TIP_CHANNELS: '',
    NODE_ENV: '',
    ...overrides,
  };
}

interface Running {
  child: ChildProcessWithoutNullStreams;
  output: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * `npx tsx src/app.ts`, or `tsx src/app.ts` without npm: npx (npm 11) does
 * not pass SIGTERM on to the bot (it dies of the signal and leaves the bot running), so
 * the shutdown test starts tsx itself, which relays the signal and the bot's exit code.
 */
function startApp(env: Record<string, string>, via: 'npx' | 'tsx' = 'npx', script = 'src/app.ts'): Running {
  const [command, args] =
    via === 'npx' ? ['npx', ['tsx', script]] : [join(ROOT, 'node_modules', '.bin', 'tsx'), [script]];
  const child = spawn(command as string, args as string[], { cwd: ROOT, env, detached: true });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => {
    output.stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output.stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, output, exited };
}

async function exitOf(running: Running, timeoutMs = 20_000) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      running.child.kill('SIGKILL');
      reject(new Error(`no exit within ${timeoutMs} ms; stderr: ${running.output.stderr}`));
    }, timeoutMs);
  });
  try {
    return await Promise.race([running.exited, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Polls until `probe` is truthy; fails after `timeoutMs` or as soon as `abort` says why. */
async function until<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
  abort: () => string | undefined = () => undefined,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    const reason = abort();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startupError(promise: Promise<unknown>): Promise<StartupError> {
  const error = await promise.then(
    () => {
      throw new Error('startBot resolved');
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(StartupError);
  return error as StartupError;
}

describe('the entry point with a bad environment', () => {
  it('PORT=abc: exit 1, one line naming PORT, no stack trace', async () => {
    const running = startApp(environment({ PORT: 'abc' }));
    const { code } = await exitOf(running);
    expect(code).toBe(1);
    const { stderr, stdout } = running.output;
    expect(stderr.endsWith('\n')).toBe(true);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SocialVS can't start: /);
    expect(lines[0]).toContain('PORT');
    expect(stderr + stdout).not.toContain(STACK_FRAME);
  });

  it('no SLACK_BOT_TOKEN: exit 1, one line naming SLACK_BOT_TOKEN', async () => {
    const running = startApp(environment({ SLACK_BOT_TOKEN: '' }));
    const { code } = await exitOf(running);
    expect(code).toBe(1);
    const lines = running.output.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SocialVS can't start: /);
    expect(lines[0]).toContain('SLACK_BOT_TOKEN');
    expect(lines[0]).not.toContain('SLACK_SIGNING_SECRET');
    expect(running.output.stderr + running.output.stdout).not.toContain(STACK_FRAME);
  });

  it('a malformed secret: exit 1 without the value anywhere in the output', async () => {
    const running = startApp(environment({ SLACK_SIGNING_SECRET: 'Yh7-not-a-valid-secret' }));
    expect((await exitOf(running)).code).toBe(1);
    expect(running.output.stderr).toMatch(/^SocialVS can't start: SLACK_SIGNING_SECRET /);
    expect(running.output.stderr + running.output.stdout).not.toContain('Yh7-not-a-valid-secret');
  });
});

describe('npm start (src/start.ts) without Slack credentials', () => {
  it('under NODE_ENV=Production (any case) refuses, naming what is missing, instead of starting the sandbox', async () => {
    const running = startApp(
      environment({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '', NODE_ENV: 'Production' }),
      'tsx',
      'src/start.ts',
    );
    const { code } = await exitOf(running);
    expect(code).toBe(1);
    const lines = running.output.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SocialVS can't start: Missing SLACK_BOT_TOKEN/);
    expect(running.output.stdout).not.toContain('sandbox');
  });
});

describe('npm run sandbox (src/sandbox/main.ts)', () => {
  it('refuses under NODE_ENV=production, in one line saying what production runs', async () => {
    const running = startApp(environment({ NODE_ENV: 'production' }), 'tsx', 'src/sandbox/main.ts');
    const { code } = await exitOf(running);
    expect(code).toBe(1);
    const lines = running.output.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^SocialVS can't start the sandbox: NODE_ENV is production/);
    expect(lines[0]).toContain('node dist/app.js');
    expect(running.output.stdout).toBe('');
  });
});

describe('startBot refusals', () => {
  it('a broken topic file: a StartupError naming the file', async () => {
    const dataDir = join(tmp, 'data');
    cpSync(DEFAULT_DATA_DIR, dataDir, { recursive: true });
    writeFileSync(join(dataDir, 'topics', 'roi.yml'), 'id: roi\ntext: [unclosed\n  en: {title: "x"\n');
    const error = await startupError(startBot(environment(), { dataDir, write: () => {} }));
    expect(error.message).toContain('roi.yml');
    expect(error.message).not.toContain(STACK_FRAME);
  });

  it('a token Slack refuses: a StartupError naming SLACK_BOT_TOKEN and invalid_auth, never the token', async () => {
    const standIn = await SlackStandIn.start({ expectedToken: 'xoxb-right' });
    const logs: string[] = [];
    // Bolt's App constructor can fire an auth.test of its own that nobody awaits; start-up
    // checks the token itself and hands Bolt the bot's ids, so nothing may reject unheard.
    const stray: unknown[] = [];
    const collect = (reason: unknown) => stray.push(reason);
    const previous = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', collect);
    try {
      const error = await startupError(
        startBot(environment({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_API_URL: standIn.apiUrl }), {
          write: (line) => logs.push(line),
        }),
      );
      expect(error.message).toContain('SLACK_BOT_TOKEN');
      expect(error.message).toContain('invalid_auth');
      expect(error.message).not.toContain('xoxb-wrong');
      expect(error.message).not.toContain('xoxb-right');
      expect(logs.join('\n')).not.toContain('xoxb-wrong');
      expect(standIn.callsOf('auth.test').length).toBeGreaterThan(0);
      // Give any stray rejection the chance to arrive (bounded), then require that none did.
      await until(async () => stray.length > 0 || undefined, 1000).catch(() => undefined);
      expect(stray).toEqual([]);
    } finally {
      process.off('unhandledRejection', collect);
      for (const listener of previous) process.on('unhandledRejection', listener);
      await standIn.close();
    }
  });
});

describe('the entry point with a good environment', () => {
  it('serves /healthz and /socialvs, then exits 0 on SIGTERM', async () => {
    const standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
    try {
      const port = await freePort();
      const running = startApp(
        environment({
          PORT: String(port),
          SLACK_API_URL: standIn.apiUrl,
          DATABASE_URL: `sqlite:${join(tmp, 'var', 'socialvs.db')}`,
        }),
        'tsx',
      );
      const base = `http://127.0.0.1:${port}`;
      const exitedEarly = () =>
        running.child.exitCode !== null ? `exited early: ${running.output.stderr}` : undefined;
      await until(
        () =>
          fetch(`${base}/healthz`).then(
            (response) => response.status === 200 || undefined,
            () => undefined,
          ),
        25_000,
        exitedEarly,
      );

      const slack = new SlackRequestSender(`${base}/slack/events`, SIGNING_SECRET);
      const reply = await slashReply(
        slack,
        standIn,
        { text: titleOf('roi', 'en'), userId: 'USTART', channelId: 'C0GENERAL' },
        { timeoutMs: 10_000 },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.response_type).toBe('ephemeral');
      expect(headerOf(reply.body)).toBe(titleOf('roi', 'en'));

      running.child.kill('SIGTERM');
      const { code } = await exitOf(running);
      expect(code).toBe(0);
      expect(running.output.stderr).toContain('SIGTERM');
      expect(running.output.stderr).not.toContain(STACK_FRAME);
      expect(running.output.stderr).not.toContain(BOT_TOKEN);
    } finally {
      await standIn.close();
    }
  });
});
