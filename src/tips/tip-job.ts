/**
 * The daily run: one tip to each subscribed channel, in its language.
 *
 * The rule it keeps: at most one tip per channel per day (in TIP_TIMEZONE), whatever the
 * schedule, restarts or crashes. It claims (channel, day) in the store before posting and
 * records the message ts after. A claim is given back only when Slack certainly did not
 * post, so the next run that day retries; when in doubt (a timeout) the claim stays and
 * the tip is missed rather than doubled.
 *
 * One channel's failure never stops the others. A 429 pauses every worker until its
 * Retry-After has passed (Slack's limit is per workspace), then the same tip is retried.
 *
 * With `ratePerSecond` (Slack's workspace-wide limit on chat.postMessage, when known) the
 * workers start posts no faster than that rate instead of bursting into 429s: Retry-After
 * is in whole seconds, so every 429 idles all workers for a full second while the limit
 * itself frees up a slot every 1/rate seconds. A 429 all the same lowers the pace a little.
 *
 * On QUIZ_DAY (a weekday in TIP_TIMEZONE) each channel gets a quiz instead of its tip, under
 * the same (channel, day) claim: still at most one post per channel per day, and quiz items
 * rotate per channel as tips do. A day the schedule doesn't fire has no quiz either.
 */
import type { Logger } from '@slack/bolt';
import { postedQuizId } from '../cards/actions.js';
import type { Card } from '../cards/blocks.js';
import { quizCard } from '../cards/quiz-card.js';
import { tipCard } from '../cards/tip-card.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Store, Subscription, TipSettlement } from '../store/store.js';
import { localDay, localWeekday, type Weekday } from './day.js';
import type { Poster } from './poster.js';
import { nextTipKey } from './rotation.js';

export interface TipRunReport {
  day: string;
  /** The run posted quizzes instead of tips (QUIZ_DAY). */
  quizDay: boolean;
  posted: string[];
  /** Already had today's tip (or another run is posting it). */
  skipped: string[];
  paused: string[];
  /** Not posted this run; retried by a later run the same day unless in doubt. */
  failed: string[];
}

export interface TipJobOptions {
  kb: KnowledgeBase;
  store: Store;
  poster: Poster;
  logger: Logger;
  timeZone: string;
  /** The weekday (in timeZone) whose run posts a quiz instead of a tip; undefined: never. */
  quizDay?: Weekday | undefined;
  /** Channels posted to at once. */
  concurrency?: number;
  /** Posts per second at most, across all workers (Slack's workspace-wide limit); unpaced when unset. */
  ratePerSecond?: number;
  /** Rate-limit waits per channel before giving up for this run. */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A 429 despite the pacing lowers the pace by this factor, down to MIN_PACE_SHARE of the option. */
const PACE_BACKOFF = 0.9;
const MIN_PACE_SHARE = 0.25;

export class TipJob {
  private pausedUntil = 0;
  /** Posts per second this run keeps to (undefined: unpaced), and when the next post may start. */
  private pace: number | undefined;
  private nextSlot = 0;

  constructor(private readonly options: TipJobOptions) {}

  async run(now: Date = new Date()): Promise<TipRunReport> {
    const { store, logger } = this.options;
    const day = localDay(now, this.options.timeZone);
    const rate = this.options.ratePerSecond;
    this.pace = rate !== undefined && rate > 0 ? rate : undefined;
    const quizDay =
      this.options.quizDay !== undefined &&
      this.options.kb.quiz.length > 0 &&
      localWeekday(now, this.options.timeZone) === this.options.quizDay;
    const report: TipRunReport = { day, quizDay, posted: [], skipped: [], paused: [], failed: [] };
    const active = (await store.listSubscriptions()).filter((subscription) => !subscription.pausedReason);
    const queue = [...active];
    const workers = Array.from(
      { length: Math.min(this.options.concurrency ?? 4, queue.length) },
      async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          try {
            await this.postOne(next, day, now, report);
          } catch (error) {
            // A store or programming error for one channel must not stop the others.
            logger.error(`tip for channel ${next.channelId} failed:`, error);
            report.failed.push(next.channelId);
          }
        }
      },
    );
    await Promise.all(workers);
    if (active.length > 0) {
      logger.info(
        `tips for ${day}: ${report.posted.length} posted, ${report.skipped.length} already done, ` +
          `${report.paused.length} paused, ${report.failed.length} failed${quizDay ? ' (quiz day: quizzes instead of tips)' : ''}`,
      );
    }
    return report;
  }

  private async postOne(
    subscription: Subscription,
    day: string,
    now: Date,
    report: TipRunReport,
  ): Promise<void> {
    const { store, poster, logger } = this.options;
    const channel = subscription.channelId;
    const history = await store.tipHistory(channel);
    if (history.some((record) => record.day === day)) {
      report.skipped.push(channel);
      return;
    }
    const next = this.nextPost(
      channel,
      day,
      history.map((record) => record.tipKey),
      subscription,
      report,
    );
    if (!next) return;
    const { card } = next;
    const claim = { channelId: channel, day, tipKey: next.key, language: subscription.language, now };
    const settlement = await store.withTipClaim(claim, async (): Promise<TipSettlement> => {
      const sleep = this.options.sleep ?? defaultSleep;
      for (let waits = 0; ; waits++) {
        await this.waitForTurn(sleep);
        const outcome = await poster.post(channel, card);
        if (outcome.ok) return { outcome: 'posted', messageTs: outcome.ts };
        if (outcome.kind === 'rate-limited' && waits < (this.options.maxRateLimitWaits ?? 20)) {
          this.rateLimited(outcome.retryAfterMs);
          continue;
        }
        if (outcome.kind === 'unreachable') {
          await store.pauseSubscription(channel, outcome.code);
          logger.warn(
            `chat.postMessage failed (channel ${channel}): ${outcome.code}; daily tips paused there`,
          );
          report.paused.push(channel);
          return { outcome: 'released' };
        }
        report.failed.push(channel);
        if (outcome.kind === 'in-doubt') {
          logger.warn(
            `chat.postMessage failed (channel ${channel}): ${outcome.code}; it may have been posted, so not retried today`,
          );
          return { outcome: 'kept' };
        }
        const code = outcome.kind === 'rate-limited' ? 'ratelimited' : outcome.code;
        logger.warn(`chat.postMessage failed (channel ${channel}): ${code}; retried on the next run today`);
        return { outcome: 'released' };
      }
    });
    if (settlement === 'taken') report.skipped.push(channel);
    // Only once the ts is stored: with PostgreSQL that is when the claim commits.
    else if (settlement.outcome === 'posted') report.posted.push(channel);
  }

  /**
   * What the channel gets today: its next quiz item on the quiz day, else its next tip. Tip
   * and quiz keys are unique across the concept base, so one history serves both rotations
   * (each ignores the other's keys).
   */
  private nextPost(
    channel: string,
    day: string,
    sent: string[],
    subscription: Subscription,
    report: TipRunReport,
  ): { key: string; card: Card } | undefined {
    const { kb } = this.options;
    if (report.quizDay) {
      const key = nextTipKey(
        `quiz:${channel}`,
        sent,
        kb.quiz.map((item) => item.key),
      );
      const item = kb.quiz.find((candidate) => candidate.key === key);
      if (!item) return undefined;
      const quiz = postedQuizId(channel, day);
      return { key: item.key, card: quizCard(kb, item, subscription.language, { quiz, surface: 'message' }) };
    }
    const key = nextTipKey(
      channel,
      sent,
      kb.tips.map((tip) => tip.key),
    );
    const tip = kb.tips.find((candidate) => candidate.key === key);
    return tip ? { key: tip.key, card: tipCard(kb, tip, subscription.language) } : undefined;
  }

  /**
   * Waits until this worker may post: past any Retry-After pause, then at its own slot of
   * the pace. A pause that began while it waited for its slot is waited out too (at most
   * a few rounds, so a test's instant `sleep` can't spin).
   */
  private async waitForTurn(sleep: (ms: number) => Promise<void>): Promise<void> {
    for (let round = 0; round < 3; round++) {
      const paused = this.pausedUntil - Date.now();
      if (paused > 0) await sleep(paused);
      if (this.pace === undefined) return;
      const now = Date.now();
      const slot = Math.max(now, this.nextSlot);
      this.nextSlot = slot + 1000 / this.pace;
      if (slot > now) await sleep(slot - now);
      if (this.pausedUntil <= Date.now()) return;
    }
  }

  private rateLimited(retryAfterMs: number): void {
    const now = Date.now();
    if (this.pace !== undefined && now >= this.pausedUntil) {
      // Over the limit although paced: the limit is lower than we were told. Once per pause.
      const floor = (this.options.ratePerSecond ?? this.pace) * MIN_PACE_SHARE;
      this.pace = Math.max(floor, this.pace * PACE_BACKOFF);
    }
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    // Slots handed out before the 429 start again after the pause.
    this.nextSlot = Math.max(this.nextSlot, this.pausedUntil);
  }
}
