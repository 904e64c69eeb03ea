/**
 * The tip job against a real (in-memory) store and a scripted poster: one tip per
 * channel per day whatever happens, rate limits waited out, unreachable channels paused.
 */
import { describe, expect, it } from 'vitest';
import { decodeQuizValue } from '../../src/cards/actions.js';
import type { Card } from '../../src/cards/blocks.js';
import { translate } from '../../src/knowledge/ui-strings.js';
import { RedactingLogger } from '../../src/logger.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import type { Weekday } from '../../src/tips/day.js';
import type { Poster, PostOutcome } from '../../src/tips/poster.js';
import { TipJob } from '../../src/tips/tip-job.js';
import { kb } from '../support/cards.js';

class ScriptedPoster implements Poster {
  readonly posts: Array<{ channelId: string; card: Card }> = [];
  private readonly script = new Map<string, PostOutcome[]>();
  private ts = 0;

  /** The next posts to `channelId` answer these outcomes, in order; then success. */
  on(channelId: string, ...outcomes: PostOutcome[]): this {
    this.script.set(channelId, outcomes);
    return this;
  }

  async post(channelId: string, card: Card): Promise<PostOutcome> {
    const scripted = this.script.get(channelId)?.shift();
    if (scripted) return scripted;
    this.posts.push({ channelId, card });
    return { ok: true, ts: `1700000000.${String(++this.ts).padStart(6, '0')}` };
  }
}

async function setup(
  channels: Array<[string, 'en' | 'id' | 'de' | 'fr']>,
  poster = new ScriptedPoster(),
  quizDay?: Weekday,
) {
  const store = SqliteStore.open(':memory:');
  for (const [channelId, language] of channels)
    await store.subscribe({ channelId, language, source: 'command' });
  const lines: string[] = [];
  const job = new TipJob({
    kb,
    store,
    poster,
    logger: new RedactingLogger('debug', [], (line) => lines.push(line)),
    timeZone: 'Asia/Jakarta',
    quizDay,
    sleep: async () => undefined,
  });
  return { store, poster, job, lines };
}

const monday = new Date('2026-11-23T03:00:00Z'); // 10:00 in Jakarta

describe('one tip per channel per day', () => {
  it('posts one tip to each channel in its language', async () => {
    const { poster, job } = await setup([
      ['C0DE', 'de'],
      ['C0FR', 'fr'],
    ]);
    const report = await job.run(monday);
    expect(report.posted.sort()).toEqual(['C0DE', 'C0FR']);
    const de = poster.posts.find((post) => post.channelId === 'C0DE');
    const fr = poster.posts.find((post) => post.channelId === 'C0FR');
    expect(kb.tips.some((tip) => de?.card.text.includes(tip.text.de))).toBe(true);
    expect(kb.tips.some((tip) => fr?.card.text.includes(tip.text.fr))).toBe(true);
  });

  it('posts nothing more on later runs the same day, even two at once', async () => {
    const { poster, job } = await setup([['C0ONE', 'en']]);
    await job.run(monday);
    const [a, b] = await Promise.all([job.run(new Date(monday.getTime() + 60_000)), job.run(monday)]);
    expect(poster.posts).toHaveLength(1);
    expect([...(a?.posted ?? []), ...(b?.posted ?? [])]).toHaveLength(0);
  });

  it('posts again the next day in TIP_TIMEZONE, with a different tip', async () => {
    const { poster, job } = await setup([['C0ONE', 'en']]);
    await job.run(monday);
    await job.run(new Date('2026-11-23T17:30:00Z')); // 00:30 Tuesday in Jakarta
    expect(poster.posts).toHaveLength(2);
    expect(poster.posts[0]?.card.text).not.toBe(poster.posts[1]?.card.text);
  });

  it('never posts twice after a crash between the claim and the post', async () => {
    const { store, poster, job } = await setup([['C0CRASH', 'en']]);
    // What a crash leaves behind: the claim, no ts (the post never settled it).
    const crashed = store.withTipClaim(
      { channelId: 'C0CRASH', day: '2026-11-23', tipKey: kb.tips[0]?.key ?? '', language: 'en' },
      () => Promise.reject(new Error('killed mid-post')),
    );
    await expect(crashed).rejects.toThrow('killed mid-post');
    const report = await job.run(monday);
    expect(report.skipped).toEqual(['C0CRASH']);
    expect(poster.posts).toHaveLength(0);
  });
});

describe('failures', () => {
  it('waits out a 429 and posts the tip once', async () => {
    const poster = new ScriptedPoster().on('C0BUSY', { ok: false, kind: 'rate-limited', retryAfterMs: 1000 });
    const { job } = await setup([['C0BUSY', 'en']], poster);
    const report = await job.run(monday);
    expect(report.posted).toEqual(['C0BUSY']);
    expect(poster.posts).toHaveLength(1);
  });

  it('pauses a channel it is not in, keeps the reason, and still serves the others', async () => {
    const poster = new ScriptedPoster().on('C0GONE', {
      ok: false,
      kind: 'unreachable',
      code: 'not_in_channel',
    });
    const { store, job, lines } = await setup(
      [
        ['C0GONE', 'en'],
        ['C0FINE', 'en'],
      ],
      poster,
    );
    const report = await job.run(monday);
    expect(report.paused).toEqual(['C0GONE']);
    expect(report.posted).toEqual(['C0FINE']);
    expect((await store.getSubscription('C0GONE'))?.pausedReason).toBe('not_in_channel');
    expect(lines.some((line) => line.includes('C0GONE') && line.includes('not_in_channel'))).toBe(true);
    // Paused: later runs leave it alone...
    await job.run(new Date(monday.getTime() + 60_000));
    expect(poster.posts.filter((post) => post.channelId === 'C0GONE')).toHaveLength(0);
    // ...until someone subscribes it again, which resumes it the same day.
    await store.subscribe({ channelId: 'C0GONE', language: 'en', source: 'command' });
    await job.run(new Date(monday.getTime() + 120_000));
    expect(poster.posts.filter((post) => post.channelId === 'C0GONE')).toHaveLength(1);
  });

  it('retries a post Slack refused on the next run the same day', async () => {
    const poster = new ScriptedPoster().on('C0FLAKY', { ok: false, kind: 'not-posted', code: 'http_500' });
    const { job } = await setup([['C0FLAKY', 'en']], poster);
    expect((await job.run(monday)).failed).toEqual(['C0FLAKY']);
    expect((await job.run(new Date(monday.getTime() + 60_000))).posted).toEqual(['C0FLAKY']);
    expect(poster.posts).toHaveLength(1);
  });

  it('does not retry a post that may have gone through (timeout): rather miss than double', async () => {
    const poster = new ScriptedPoster().on('C0SLOW', { ok: false, kind: 'in-doubt', code: 'timeout' });
    const { job } = await setup([['C0SLOW', 'en']], poster);
    await job.run(monday);
    await job.run(new Date(monday.getTime() + 60_000));
    expect(poster.posts).toHaveLength(0);
  });

  it('records the message ts of a posted tip', async () => {
    const { store, job } = await setup([['C0TS', 'en']]);
    await job.run(monday);
    const [record] = await store.tipHistory('C0TS');
    expect(record?.messageTs).toMatch(/^1700000000\.\d+$/);
    expect(record?.day).toBe('2026-11-23');
  });
});

describe('the quiz day', () => {
  const friday = new Date('2026-11-27T03:00:00Z'); // 10:00 on Friday in Jakarta
  const quizHeader = (language: 'en' | 'id' | 'de' | 'fr') => translate(kb.ui, language, 'quiz.header');
  const isQuiz = (card: Card | undefined) =>
    card?.blocks[0]?.type === 'header' && card.blocks[0].text.text.startsWith('🧩');
  const quizOf = (card: Card | undefined) => {
    const actions = card?.blocks.find((block) => block.type === 'actions');
    return decodeQuizValue(actions?.type === 'actions' ? actions.elements[0]?.value : undefined);
  };

  it('posts a quiz instead of a tip to each channel, in its language, under the same one-per-day claim', async () => {
    const { poster, job, store } = await setup(
      [
        ['C0DE', 'de'],
        ['C0ID', 'id'],
      ],
      undefined,
      'friday',
    );
    const report = await job.run(friday);
    expect(report.quizDay).toBe(true);
    expect(report.posted.sort()).toEqual(['C0DE', 'C0ID']);
    const de = poster.posts.find((post) => post.channelId === 'C0DE')?.card;
    expect(de?.blocks[0]).toMatchObject({ type: 'header', text: { text: quizHeader('de') } });
    const value = quizOf(de);
    expect(value).toEqual({ item: expect.any(String), language: 'de', quiz: 'c:C0DE:2026-11-27' });
    const [record] = await store.tipHistory('C0DE');
    expect(record).toMatchObject({ day: '2026-11-27', tipKey: value?.item });
    expect(kb.quiz.map((item) => item.key)).toContain(record?.tipKey);
    // Later runs the same day, even two at once: nothing more.
    await Promise.all([job.run(new Date(friday.getTime() + 60_000)), job.run(friday)]);
    expect(poster.posts).toHaveLength(2);
  });

  it('counts the weekday in TIP_TIMEZONE: Thursday evening in UTC is already Friday in Jakarta', async () => {
    const { poster, job } = await setup([['C0TZ', 'en']], undefined, 'friday');
    await job.run(new Date('2026-11-26T20:30:00Z'));
    expect(isQuiz(poster.posts[0]?.card)).toBe(true);
  });

  it('any other day, and with QUIZ_DAY off, it is a tip', async () => {
    const monday = await setup([['C0MON', 'en']], undefined, 'friday');
    await monday.job.run(new Date('2026-11-23T03:00:00Z'));
    expect(isQuiz(monday.poster.posts[0]?.card)).toBe(false);
    const off = await setup([['C0OFF', 'en']]);
    expect((await off.job.run(friday)).quizDay).toBe(false);
    expect(isQuiz(off.poster.posts[0]?.card)).toBe(false);
    expect(kb.tips.some((tip) => off.poster.posts[0]?.card.text.includes(tip.text.en))).toBe(true);
  });

  it('rotates quiz items per channel with no repeats until every item was used, tips rotating on their own', async () => {
    const { poster, job } = await setup(
      [
        ['C0ROT', 'en'],
        ['C0TWO', 'fr'],
      ],
      undefined,
      'friday',
    );
    const day = 24 * 60 * 60 * 1000;
    // Every day for as many weeks as there are quiz items, and one week more.
    for (let n = 0; n < 7 * (kb.quiz.length + 1); n++) await job.run(new Date(friday.getTime() + n * day));
    const posts = poster.posts.filter((post) => post.channelId === 'C0ROT').map((post) => post.card);
    const quizzes = posts.filter(isQuiz).map((card) => quizOf(card)?.item);
    expect(quizzes).toHaveLength(kb.quiz.length + 1);
    expect(new Set(quizzes.slice(0, kb.quiz.length)).size).toBe(kb.quiz.length);
    const tips = posts.filter((card) => !isQuiz(card)).map((card) => card.text);
    expect(tips).toHaveLength(6 * (kb.quiz.length + 1));
    // Tips: none again before all were shown.
    expect(new Set(tips.slice(0, kb.tips.length)).size).toBe(Math.min(kb.tips.length, tips.length));
    // Another channel has an order of its own.
    const other = poster.posts
      .filter((post) => post.channelId === 'C0TWO' && isQuiz(post.card))
      .map((post) => quizOf(post.card)?.item);
    expect(other).not.toEqual(quizzes);
  });
});
