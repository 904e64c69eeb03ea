/**
 * What is SQLite's own (the behaviour both engines share is in store-contract.test.ts):
 * migrations, what survives a reopen and a kill -9, waiting out another process's lock,
 * and plain refusals of files that are not ours.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { APPLICATION_ID, SqliteStore } from '../../src/store/sqlite-store.js';
import { StoreError } from '../../src/store/store.js';
import { expectPlain } from '../support/plain-message.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) rmSync(dir, { recursive: true, force: true });
});

function tempPath(name = 'socialvs.db'): string {
  const dir = mkdtempSync(join(tmpdir(), 'socialvs-store-'));
  tmpDirs.push(dir);
  return join(dir, name);
}

function openError(path: string): StoreError {
  try {
    SqliteStore.open(path).close();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error(`SqliteStore.open(${path}) did not throw`);
}

describe('migrations', () => {
  it('run on a fresh file (creating its folder) up to the last one', async () => {
    const path = join(tempPath(), '..', 'nested', 'deeper', 'socialvs.db');
    const store = SqliteStore.open(path);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(store.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
      const tables = store.db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .all()
        .map((row) => (row as { name: string }).name);
      expect(tables).toEqual(expect.arrayContaining(['user_preferences', 'seen_events']));
    } finally {
      await store.close();
    }
    expect(existsSync(path)).toBe(true);
  });

  it('run once: reopening a migrated file keeps its version and data', async () => {
    const path = tempPath();
    const first = SqliteStore.open(path);
    await first.setUserLanguage('UKEEP', 'de');
    await first.close();
    const second = SqliteStore.open(path);
    try {
      expect(second.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      expect(await second.getUserLanguage('UKEEP')).toBe('de');
    } finally {
      await second.close();
    }
  });

  it('4 upgrades a database of schema 3: its questions stay, counted as one person per question', async () => {
    const path = tempPath();
    const old = new Database(path);
    old.pragma(`application_id = ${APPLICATION_ID}`);
    for (const migration of MIGRATIONS.slice(0, 3)) old.exec(migration);
    old.pragma('user_version = 3');
    const insert = old.prepare(
      "INSERT INTO questions (asked_at, surface, language, topic, text, normalized) VALUES (?, 'dm', 'en', NULL, ?, ?)",
    );
    for (const text of ['Pizza?', 'pizza', 'PIZZA']) insert.run(Date.now(), text, 'pizza');
    old.close();

    const store = SqliteStore.open(path);
    try {
      expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
      // Who asked those three is unknown: at least one person, so one.
      expect((await store.usageReport(undefined)).unanswered).toMatchObject([{ count: 1 }]);
      await store.recordQuestion({
        askedAt: new Date(),
        surface: 'dm',
        language: 'en',
        topic: null,
        text: 'pizza',
        normalized: 'pizza',
        askerId: 'UANA',
      });
      expect((await store.usageReport(undefined)).unanswered).toMatchObject([{ count: 2 }]);
    } finally {
      await store.close();
    }
  });

  it('an in-memory store is migrated too', async () => {
    const store = SqliteStore.open(':memory:');
    expect(store.db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    await store.close();
  });
});

describe('saved languages', () => {
  it('are saved, replaced, and kept across a reopen', async () => {
    const path = tempPath();
    const store = SqliteStore.open(path);
    expect(await store.getUserLanguage('UNEW')).toBeUndefined();
    await store.setUserLanguage('UANA', 'id');
    await store.setUserLanguage('UANA', 'fr');
    await store.setUserLanguage('UBEN', 'de');
    await store.close();

    const reopened = SqliteStore.open(path);
    try {
      expect(await reopened.getUserLanguage('UANA')).toBe('fr');
      expect(await reopened.getUserLanguage('UBEN')).toBe('de');
      expect(await reopened.getUserLanguage('UNEW')).toBeUndefined();
    } finally {
      await reopened.close();
    }
  });

  it('survive a kill -9 right after setUserLanguage resolved', async () => {
    const path = tempPath();
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'tests/store/fixtures/save-and-hang.ts', path],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.on('exit', (code, signal) => resolve({ code, signal })),
    );
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`no "saved" within 15 s; stderr: ${stderr}`));
      }, 15_000);
      child.stdout.on('data', () => {
        if (stdout.includes('saved')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', () => {
        clearTimeout(timer);
        if (!stdout.includes('saved')) reject(new Error(`exited before "saved"; stderr: ${stderr}`));
      });
    });
    child.kill('SIGKILL');
    expect((await exited).signal).toBe('SIGKILL');

    const store = SqliteStore.open(path);
    try {
      expect(await store.getUserLanguage('UKILL')).toBe('fr');
    } finally {
      await store.close();
    }
  });

  it("wait out another connection's write lock instead of failing", async () => {
    const path = tempPath();
    const store = SqliteStore.open(path);
    // The lock holder runs on its own thread: better-sqlite3 waits synchronously, so a
    // timer on this thread could not release the lock while the store is waiting.
    const worker = new Worker(
      `
      const { parentPort, workerData } = require('node:worker_threads');
      const Database = require(workerData.module);
      const db = new Database(workerData.path);
      db.exec('BEGIN IMMEDIATE');
      db.prepare("INSERT INTO user_preferences (user_id, language, updated_at) VALUES ('UHOLDER', 'id', 'now')").run();
      parentPort.postMessage('locked');
      setTimeout(() => {
        db.exec('COMMIT');
        db.close();
        parentPort.postMessage('released');
      }, 300);
      `,
      { eval: true, workerData: { path, module: createRequire(import.meta.url).resolve('better-sqlite3') } },
    );
    const messages: string[] = [];
    const released = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: string) => {
        messages.push(message);
        if (message === 'released') resolve();
      });
      worker.on('error', reject);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        worker.once('message', () => resolve());
        worker.once('error', reject);
      });
      expect(messages).toEqual(['locked']);
      await expect(store.setUserLanguage('UWAIT', 'de')).resolves.toBeUndefined();
      await released;
      expect(await store.getUserLanguage('UWAIT')).toBe('de');
      expect(await store.getUserLanguage('UHOLDER')).toBe('id');
    } finally {
      await worker.terminate();
      await store.close();
    }
  });
});

describe('files that are not a SocialVS database', () => {
  it('a file that is not SQLite: a StoreError naming the path, and the file untouched', () => {
    const path = tempPath('notes.db');
    const text = `these are not the bytes you are looking for ${randomBytes(512).toString('base64')}\n`;
    writeFileSync(path, text);
    const error = openError(path);
    expect(error.message).toContain(path);
    expectPlain(error.message);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  it('a SQLite file made by someone else: a StoreError naming the path, and their table kept', () => {
    const path = tempPath('crm.db');
    const theirs = new Database(path);
    theirs.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)');
    theirs.prepare('INSERT INTO customers (name) VALUES (?)').run('Ada');
    theirs.close();

    const error = openError(path);
    expect(error.message).toContain(path);
    expect(error.message).toContain('not a SocialVS database');
    expectPlain(error.message);

    // Refused before anything in it is changed: still in its own journal mode, not WAL.
    const check = new Database(path, { readonly: true });
    try {
      expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(check.prepare('SELECT name FROM customers').all()).toEqual([{ name: 'Ada' }]);
      expect(check.pragma('application_id', { simple: true })).toBe(0);
      expect(check.pragma('user_version', { simple: true })).toBe(0);
      const tables = check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      expect(tables).toEqual([{ name: 'customers' }]);
    } finally {
      check.close();
    }
  });

  it('a SocialVS database from a newer version (user_version beyond MIGRATIONS) is refused', () => {
    const path = tempPath('newer.db');
    const newer = new Database(path);
    newer.pragma(`application_id = ${APPLICATION_ID}`);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    const error = openError(path);
    expect(error.message).toContain('newer');
    expect(error.message).toContain(String(MIGRATIONS.length + 1));
    expectPlain(error.message);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length + 1);
    check.close();
  });

  it('a path that cannot be created: a StoreError naming the path', () => {
    const file = tempPath('a-file');
    writeFileSync(file, 'x');
    const path = join(file, 'below', 'socialvs.db');
    const error = openError(path);
    expect(error.message).toContain(path);
    expectPlain(error.message);
  });
});

describe('openStore', () => {
  it('opens sqlite:PATH and sqlite::memory:', async () => {
    const path = tempPath();
    const file = await openStore(`sqlite:${path}`);
    await file.setUserLanguage('U1', 'id');
    await file.close();
    expect(existsSync(path)).toBe(true);
    const memory = await openStore('sqlite::memory:');
    expect(await memory.onceForEvent('Ev1', async () => {})).toBe(true);
    await memory.close();
  });

  it('rejects a URL that is neither sqlite: nor postgres://, without repeating it', async () => {
    const url = 'mysql://socialvs:hunter2secret@db.internal/socialvs';
    const caught = await openStore(url).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(caught).toBeInstanceOf(StoreError);
    const message = (caught as StoreError).message;
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('sqlite:');
    expect(message).toContain('postgres://');
    expect(message).not.toContain('hunter2secret');
    expectPlain(message);
  });
});
