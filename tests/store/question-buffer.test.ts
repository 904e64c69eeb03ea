/**
 * The question log's batching: rows are written together, in order, when the delay
 * passes, when a batch is full or on flush(); a refused batch is kept for the next try.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BATCH, QuestionBuffer } from '../../src/store/question-buffer.js';
import type { QuestionRecord } from '../../src/store/store.js';

const question = (n: number): QuestionRecord => ({
  askedAt: new Date(1_700_000_000_000 + n),
  surface: 'command',
  language: 'en',
  topic: null,
  text: `q${n}`,
});

describe('QuestionBuffer', () => {
  it('writes nothing until flushed, then every row once, in order, in one batch', async () => {
    const batches: string[][] = [];
    const buffer = new QuestionBuffer(
      (rows) => {
        batches.push(rows.map((row) => row.text ?? ''));
      },
      (error) => {
        throw error;
      },
    );
    for (let n = 0; n < 5; n++) buffer.add(question(n));
    expect(batches).toEqual([]);
    await buffer.flush();
    await buffer.flush();
    expect(batches).toEqual([['q0', 'q1', 'q2', 'q3', 'q4']]);
  });

  it('writes on its own after the delay, and at once when a batch is full', async () => {
    const batches: number[] = [];
    const buffer = new QuestionBuffer(
      (rows) => {
        batches.push(rows.length);
      },
      () => {},
    );
    buffer.add(question(0));
    await expect.poll(() => batches).toEqual([1]);
    for (let n = 0; n < MAX_BATCH; n++) buffer.add(question(n));
    await expect.poll(() => batches).toEqual([1, MAX_BATCH]);
  });

  it('writes a full batch only after the work that filled it, so the answer goes out first', async () => {
    const order: string[] = [];
    const buffer = new QuestionBuffer(
      (rows) => {
        order.push(`write ${rows.length}`);
      },
      () => {},
    );
    for (let n = 0; n < MAX_BATCH - 1; n++) buffer.add(question(n));
    // As Responder.ask does: log the question, then (after an await) build and send the answer.
    const answering = (async () => {
      buffer.add(question(MAX_BATCH));
      await Promise.resolve();
      order.push('answer built');
      await Promise.resolve();
      order.push('answer sent');
    })();
    await answering;
    await expect.poll(() => order).toEqual(['answer built', 'answer sent', `write ${MAX_BATCH}`]);
  });

  it('a flush() before the scheduled write writes the full batch once', async () => {
    const batches: number[] = [];
    const buffer = new QuestionBuffer(
      (rows) => {
        batches.push(rows.length);
      },
      () => {},
    );
    for (let n = 0; n < MAX_BATCH; n++) buffer.add(question(n));
    await buffer.flush();
    // The write scheduled when the batch filled comes after this: it finds nothing left.
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([MAX_BATCH]);
  });

  it('keeps a refused batch, reports the error, and writes it with the next rows', async () => {
    const errors: string[] = [];
    const written: string[] = [];
    let refuse = true;
    const buffer = new QuestionBuffer(
      (rows) => {
        if (refuse) throw new Error('database is locked');
        written.push(...rows.map((row) => row.text ?? ''));
      },
      (error) => errors.push(error.message),
    );
    buffer.add(question(1));
    await expect(buffer.flush()).rejects.toThrow('database is locked');
    buffer.add(question(2));
    refuse = false;
    await buffer.flush();
    expect(written).toEqual(['q1', 'q2']);
  });
});
