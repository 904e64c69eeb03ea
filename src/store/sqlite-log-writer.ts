/**
 * Writes the question log into a SQLite file from a worker thread. SQLite works
 * synchronously: a batch written on the main thread held every answer in flight for the
 * 0.1 to 1 ms it took, some 40 times a second under load, which made one answer in fifty
 * twice as slow in the benchmark. From a worker, the main thread only hands the rows
 * over. The worker has a connection of its own: WAL lets it write while the bot reads,
 * and busy_timeout waits out the bot's own (short) writes.
 *
 * The worker's code is a string (eval), so it runs the same under node, tsx and vitest,
 * none of which would otherwise agree on how to load a TypeScript file into a worker.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { QUESTION_COLUMNS, questionValues } from './rows.js';
import type { QuestionRecord } from './store.js';

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
let insertAll;
parentPort.on('message', ({ id, rows }) => {
  try {
    // Opened at the first batch, inside the try: a database that can't take the rows
    // answers that batch with SQLite's words instead of killing the thread.
    if (!insertAll) {
      if (!db) {
        db = new Database(workerData.path, { timeout: 5000 });
        db.pragma('busy_timeout = 5000');
        db.pragma('synchronous = NORMAL');
      }
      const insert = db.prepare(
        'INSERT INTO questions (' + workerData.columns + ') VALUES (?, ?, ?, ?, ?, ?)',
      );
      insertAll = db.transaction((batch) => {
        for (const row of batch) insert.run(row);
      });
    }
    insertAll(rows);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
`;

const DRIVER = createRequire(import.meta.url).resolve('better-sqlite3');

export class SqliteLogWriter {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  private nextId = 0;

  constructor(private readonly path: string) {}

  /** Resolves once the rows are committed; rejects with what SQLite said (the caller keeps the rows). */
  write(rows: QuestionRecord[]): Promise<void> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    const message = rows.map(questionValues);
    return new Promise((resolve, reject) => {
      // Kept alive while a write is under way, so a stop waiting for it can't exit first.
      if (this.pending.size === 0) worker.ref();
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, rows: message });
    });
  }

  /** Stops the worker (after the writes the caller awaited). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  /** The worker starts with the first write: a bot nobody asks costs no thread. */
  private start(): Worker {
    const worker = new Worker(WORKER_CODE, {
      eval: true,
      workerData: { path: this.path, driver: DRIVER, columns: QUESTION_COLUMNS },
      // It holds one batch at a time (10,000 rows at the very most, after a long outage):
      // a small heap keeps the thread from costing the bot tens of MiB of memory.
      resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 24 },
    });
    worker.unref();
    const settle = (id: number, error?: Error) => {
      const waiting = this.pending.get(id);
      this.pending.delete(id);
      if (this.pending.size === 0 && this.worker === worker) worker.unref();
      if (error) waiting?.reject(error);
      else waiting?.resolve();
    };
    worker.on('message', ({ id, error }: { id: number; error?: string }) =>
      settle(id, error === undefined ? undefined : new Error(error)),
    );
    // A worker that fails or stops takes its unfinished writes with it: they are refused
    // (the buffer keeps their rows), and the next write starts a new worker.
    const fail = (error: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const id of [...this.pending.keys()]) settle(id, error);
    };
    worker.on('error', (error) => fail(error));
    worker.on('exit', (code) => fail(new Error(`the question log's writer stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
