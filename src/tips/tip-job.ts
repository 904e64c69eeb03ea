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
 */
import type { Logger } from '@slack/bolt';
import { tipCard } from '../cards/tip-card.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import type { Store, Subscription } from '../store/store.js';
import { localDay } from './day.js';
import type { Poster } from './poster.js';
import { nextTipKey } from './rotation.js';

export interface TipRunReport {
  day: string;
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
  /** Channels posted to at once. */
  concurrency?: number;
  /** Rate-limit waits per channel before giving up for this run. */
  maxRateLimitWaits?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class TipJob {
  private pausedUntil = 0;

  constructor(private readonly options: TipJobOptions) {}

  async run(now: Date = new Date()): Promise<TipRunReport> {
    const { store, logger } = this.options;
    const day = localDay(now, this.options.timeZone);
    const report: TipRunReport = { day, posted: [], skipped: [], paused: [], failed: [] };
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
          `${report.paused.length} paused, ${report.failed.length} failed`,
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
    const { kb, store, poster, logger } = this.options;
    const channel = subscription.channelId;
    const history = await store.tipHistory(channel);
    if (history.some((record) => record.day === day)) {
      report.skipped.push(channel);
      return;
    }
    const key = nextTipKey(
      channel,
      history.map((record) => record.tipKey),
      kb.tips.map((tip) => tip.key),
    );
    const tip = kb.tips.find((candidate) => candidate.key === key);
    if (!tip) return;
    if (
      !(await store.claimTip({
        channelId: channel,
        day,
        tipKey: tip.key,
        language: subscription.language,
        now,
      }))
    ) {
      report.skipped.push(channel);
      return;
    }
    const card = tipCard(kb, tip, subscription.language);
    const sleep = this.options.sleep ?? defaultSleep;
    for (let waits = 0; ; waits++) {
      const wait = this.pausedUntil - Date.now();
      if (wait > 0) await sleep(wait);
      const outcome = await poster.post(channel, card);
      if (outcome.ok) {
        await store.recordTipPosted(channel, day, outcome.ts);
        report.posted.push(channel);
        return;
      }
      if (outcome.kind === 'rate-limited' && waits < (this.options.maxRateLimitWaits ?? 20)) {
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + outcome.retryAfterMs);
        continue;
      }
      if (outcome.kind === 'unreachable') {
        await store.pauseSubscription(channel, outcome.code);
        await store.releaseTip(channel, day);
        logger.warn(`chat.postMessage failed (channel ${channel}): ${outcome.code}; daily tips paused there`);
        report.paused.push(channel);
        return;
      }
      if (outcome.kind === 'in-doubt') {
        logger.warn(
          `chat.postMessage failed (channel ${channel}): ${outcome.code}; it may have been posted, so not retried today`,
        );
      } else {
        await store.releaseTip(channel, day);
        const code = outcome.kind === 'rate-limited' ? 'ratelimited' : outcome.code;
        logger.warn(`chat.postMessage failed (channel ${channel}): ${code}; retried on the next run today`);
      }
      report.failed.push(channel);
      return;
    }
  }
}
