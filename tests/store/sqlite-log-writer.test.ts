/**
 * The question log's writer thread (SQLite files): rows it is handed are committed and
 * readable by another connection; SQLite's refusal reaches the caller; a dead worker is
 * replaced at the next write; and a write under way keeps the process alive until it is
 * committed, while an idle writer never keeps a process from exiting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteLogWriter } from '../../src/store/sqlite-log-writer.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { QuestionRecord } from '../../src/store/store.js';

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A migrated SocialVS database file, closed again. */
async function database(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'socialvs-log-'));
  dirs.push(dir);
  const path = join(dir, 'socialvs.db');
  await SqliteStore.open(path).close();
  return path;
}

const question = (n: number, topic: string | null = 'roi'): QuestionRecord => ({
  askedAt: new Date(1_700_000_000_000 + n),
  surface: 'command',
  language: 'en',
  topic,
  text: `question ${n}`,
  ...(topic === null ? { normalized: `question ${n}` } : {}),
});

/** The log as another connection reads it. */
function logged(path: string): Array<{ text: string; topic: string | null; normalized: string | null }> {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT text, topic, normalized FROM questions ORDER BY id').all() as Array<{
      text: string;
      topic: string | null;
      normalized: string | null;
    }>;
  } finally {
    db.close();
  }
}

describe('SqliteLogWriter', () => {
  it('commits each batch it is handed, in order, before its write resolves', async () => {
    const path = await database();
    const writer = new SqliteLogWriter(path);
    try {
      await writer.write([question(1), question(2, null)]);
      expect(logged(path)).toEqual([
        { text: 'question 1', topic: 'roi', normalized: null },
        { text: 'question 2', topic: null, normalized: 'question 2' },
      ]);
      await writer.write([question(3)]);
      expect(logged(path).map((row) => row.text)).toEqual(['question 1', 'question 2', 'question 3']);
    } finally {
      await writer.close();
    }
  });

  it("refuses a write with SQLite's own words when the database can't take it", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'socialvs-log-'));
    dirs.push(dir);
    const path = join(dir, 'empty.db');
    new Database(path).close();
    const writer = new SqliteLogWriter(path);
    try {
      await expect(writer.write([question(1)])).rejects.toThrow(/no such table: questions/);
    } finally {
      await writer.close();
    }
  });

  it('starts a new worker for the next write when the last one died', async () => {
    const path = await database();
    const writer = new SqliteLogWriter(path);
    try {
      await writer.write([question(1)]);
      // What a crash of the thread looks like from outside: it is gone.
      await (writer as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await writer.write([question(2)]);
      expect(logged(path).map((row) => row.text)).toEqual(['question 1', 'question 2']);
    } finally {
      await writer.close();
    }
  });

  it('keeps the process alive until a write under way is committed, and an idle writer lets it exit', async () => {
    const path = await database();
    const script = join(mkdtempSync(join(tmpdir(), 'socialvs-log-child-')), 'child.mts');
    dirs.push(resolve(script, '..'));
    // The child writes one batch (its worker then idle), hands over two more and returns
    // at once, never awaiting them or closing the writer.
    writeFileSync(
      script,
      `import { SqliteLogWriter } from ${JSON.stringify(resolve('src/store/sqlite-log-writer.ts'))};
const writer = new SqliteLogWriter(${JSON.stringify(path)});
const row = (n) => ({ askedAt: new Date(), surface: 'dm', language: 'de', topic: null, text: 'child ' + n });
await writer.write([row(1)]);
void writer.write([row(2)]);
void writer.write([row(3), row(4)]);
`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], {
      cwd: resolve('.'),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(child.error, child.stderr).toBeUndefined();
    expect(child.status, child.stderr).toBe(0);
    expect(logged(path).map((row) => row.text)).toEqual(['child 1', 'child 2', 'child 3', 'child 4']);
  });
});
