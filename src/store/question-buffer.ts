/**
 * The question log, written in batches. Every answer adds a row, and one transaction per
 * row costs more than the rest of answering a slash command (each commit rewrites the
 * table's and its index's pages); one transaction per batch costs a fraction of that.
 * A batch goes at most FLUSH_DELAY_MS after its first row, at MAX_BATCH rows, and
 * whenever the log is read (the report), purged or the store closes. A crash can lose
 * the last moment of the log, never an answer, a vote or a claim.
 */
import type { QuestionRecord } from './store.js';

const FLUSH_DELAY_MS = 200;
/**
 * Rows per batch. A batch is written after the answer whose question filled it has gone
 * out. SQLite writes it synchronously, so other answers in flight wait for it: about
 * 0.15 ms for 50 rows, where 200 took 0.5 to 1 ms. (A worker thread that wrote them instead
 * cost 16 to 27 MiB of memory and measured no faster.) PostgreSQL's write is a round trip
 * that holds nobody up.
 */
export const MAX_BATCH = 50;
/** Rows kept while the database refuses them, before the oldest are dropped. */
const MAX_PENDING = 10_000;

/** `Row` is what `write` takes: the stores buffer questionValues() (rows.ts), made as each is recorded. */
export class QuestionBuffer<Row = QuestionRecord> {
  private pending: Row[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: (rows: Row[]) => Promise<void> | void,
    private readonly onError: (error: Error) => void,
  ) {}

  add(question: Row): void {
    this.pending.push(question);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    if (this.pending.length >= MAX_BATCH) {
      // After the current task, not inside it: the answer whose question filled the batch
      // goes out first, instead of waiting for the batch's write (see MAX_BATCH).
      this.immediate ??= setImmediate(() => {
        this.immediate = undefined;
        void this.flush().catch(this.onError);
      });
    } else if (!this.timer) {
      this.timer = setTimeout(() => void this.flush().catch(this.onError), FLUSH_DELAY_MS);
      // The log never keeps the process alive on its own; close() flushes what is left.
      this.timer.unref();
    }
  }

  /** Writes what is pending (after any write under way); a failed batch is kept for the next try. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    clearImmediate(this.immediate);
    this.immediate = undefined;
    const next = this.writing.then(async () => {
      if (this.pending.length === 0) return;
      const rows = this.pending;
      this.pending = [];
      try {
        await this.write(rows);
      } catch (error) {
        this.pending = [...rows, ...this.pending].slice(-MAX_PENDING);
        throw error;
      }
    });
    this.writing = next.catch(() => {});
    return next;
  }
}
