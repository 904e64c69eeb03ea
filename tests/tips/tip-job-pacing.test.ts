/**
 * The tip job told Slack's workspace-wide rate (ratePerSecond): it starts posts no faster
 * than that instead of bursting into 429s. Time here is a fake clock that the job's sleep
 * advances, so the test checks the schedule the job keeps, never how long anything took.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Card } from '../../src/cards/blocks.js';
import { RedactingLogger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Poster, PostOutcome } from '../../src/tips/poster.js';
import { TipJob } from '../../src/tips/tip-job.js';
import { kb } from '../support/cards.js';

class ClockedPoster implements Poster {
  readonly posts: Array<{ channelId: string; at: number }> = [];
  readonly limited = new Set<string>();

  async post(channelId: string, _card: Card): Promise<PostOutcome> {
    if (this.limited.delete(channelId)) return { ok: false, kind: 'rate-limited', retryAfterMs: 1000 };
    this.posts.push({ channelId, at: Date.now() });
    return { ok: true, ts: `1700000000.${String(this.posts.length).padStart(6, '0')}` };
  }
}

const monday = new Date('2026-11-23T03:00:00Z');

/**
 * Virtual time: a sleep ends when the fake clock reaches it, earliest first; the clock
 * jumps to the next sleeper's time once everything else has run (setImmediate is real).
 */
function virtualSleep(): (ms: number) => Promise<void> {
  const pending: Array<{ at: number; resolve: () => void }> = [];
  let ticking = false;
  const tick = () => {
    ticking = false;
    pending.sort((a, b) => a.at - b.at);
    const next = pending.shift();
    if (!next) return;
    if (next.at > Date.now()) vi.setSystemTime(next.at);
    next.resolve();
    if (pending.length > 0) {
      ticking = true;
      setImmediate(tick);
    }
  };
  return (ms) =>
    new Promise<void>((resolve) => {
      pending.push({ at: Date.now() + ms, resolve });
      if (!ticking) {
        ticking = true;
        setImmediate(tick);
      }
    });
}

async function setup(channels: number, ratePerSecond: number | undefined) {
  const store = SqliteStore.open(':memory:');
  for (let i = 0; i < channels; i++) {
    await store.subscribe({ channelId: `C${String(i).padStart(4, '0')}`, language: 'en', source: 'command' });
  }
  const poster = new ClockedPoster();
  const job = new TipJob({
    kb,
    store,
    poster,
    logger: new RedactingLogger('error', [], () => undefined),
    timeZone: 'UTC',
    ...(ratePerSecond === undefined ? {} : { ratePerSecond }),
    sleep: virtualSleep(),
  });
  return { store, poster, job };
}

const gaps = (posts: Array<{ at: number }>) => posts.slice(1).map((post, i) => post.at - (posts[i]?.at ?? 0));

describe('tip job pacing', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(monday);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('starts posts no faster than ratePerSecond, across all workers', async () => {
    const { poster, job } = await setup(12, 20);
    const report = await job.run(monday);
    expect(report.posted).toHaveLength(12);
    expect(poster.posts).toHaveLength(12);
    for (const gap of gaps(poster.posts)) expect(gap).toBeGreaterThanOrEqual(50);
    // ...and no slower: one slot after another.
    expect((poster.posts.at(-1)?.at ?? 0) - (poster.posts[0]?.at ?? 0)).toBe(11 * 50);
  });

  it('unpaced without ratePerSecond, as before', async () => {
    const { poster, job } = await setup(6, undefined);
    await job.run(monday);
    expect(new Set(poster.posts.map((post) => post.at)).size).toBe(1);
  });

  it('after a 429 despite the pacing, waits out Retry-After, slows down, and still posts each tip once', async () => {
    const { poster, job } = await setup(8, 10);
    poster.limited.add('C0003');
    const report = await job.run(monday);
    expect(report.posted.sort()).toHaveLength(8);
    expect(new Set(poster.posts.map((post) => post.channelId)).size).toBe(8);
    const retried = poster.posts.find((post) => post.channelId === 'C0003');
    const first = poster.posts[0]?.at ?? 0;
    // C0003's slot was the fourth (300 ms in); it was retried after the 1 s pause.
    expect((retried?.at ?? 0) - first).toBeGreaterThanOrEqual(1300);
    const after = poster.posts.filter((post) => post.at - first >= 1300);
    for (const gap of gaps(after)) expect(gap).toBeGreaterThan(100);
  });
});
