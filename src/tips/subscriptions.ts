/**
 * `/socialvs subscribe [en|id|de|fr]`, `unsubscribe` and `status` for a channel.
 *
 * Example: `/socialvs subscribe de` in #marketing → the bot announces in #marketing that a
 * tip in German comes every working day, and tells the user when the next one is due.
 * Announcing first proves the bot can post there; if it can't (not invited yet), the
 * user is told how to fix it and nothing is subscribed.
 */

import type { Card } from '../cards/blocks.js';
import { noticeCard } from '../cards/help-card.js';
import { truncate } from '../cards/mrkdwn.js';
import { DAY_FORMAT, type DateReader, slackDate } from '../cards/slack-date.js';
import type { ChannelContext, TipCommands } from '../core/responder.js';
import { type Language, languageNameIn } from '../knowledge/languages.js';
import type { KnowledgeBase } from '../knowledge/load.js';
import { translate, type UiKey } from '../knowledge/ui-strings.js';
import type { Store } from '../store/store.js';
import { type Weekday, weekdayName } from './day.js';
import type { Poster } from './poster.js';

const USER_MESSAGE: Record<string, UiKey> = {
  not_in_channel: 'error.not_in_channel',
  channel_not_found: 'error.channel_not_found',
  is_archived: 'error.channel_not_found',
};

export interface SubscriptionOptions {
  kb: KnowledgeBase;
  store: Store;
  poster: Poster;
  /** When the schedule fires next (null when it never will). */
  nextRun: () => Date | null;
  /** The tips' time zone (TIP_TIMEZONE): dates are written in it for clients that can't render Slack's. */
  timeZone: string;
  /** The current time; a parameter so that tests can say what "tomorrow" is. */
  now?: () => Date;
  /** The weekday whose run posts a quiz instead of a tip (QUIZ_DAY); undefined: never. */
  quizDay?: Weekday | undefined;
}

export class TipSubscriptions implements TipCommands {
  constructor(private readonly options: SubscriptionOptions) {}

  private t(language: Language, key: UiKey, vars?: Record<string, string>): string {
    return translate(this.options.kb.ui, language, key, vars);
  }

  private reader(language: Language): DateReader {
    return { language, timeZone: this.options.timeZone, now: this.options.now?.() ?? new Date() };
  }

  private nextText(language: Language): string {
    const next = this.options.nextRun();
    return next ? slackDate(next, this.reader(language)) : this.t(language, 'status.never');
  }

  /** "Every Friday, it's a quiz instead of a tip.", when there is a quiz day. */
  private quizDayLine(language: Language): string[] {
    const { quizDay, kb } = this.options;
    if (quizDay === undefined || kb.quiz.length === 0) return [];
    return [this.t(language, 'quiz.status_day', { day: weekdayName(quizDay, language) })];
  }

  async subscribe(context: ChannelContext, tipLanguage: Language, language: Language): Promise<Card> {
    const { store, poster } = this.options;
    const existing = await store.getSubscription(context.channelId);
    // The channel reads the announcement in the tips' language; the asker, the reply in theirs.
    const announce = this.t(tipLanguage, 'subscribe.announce', {
      language: languageNameIn(tipLanguage, tipLanguage),
      next: this.nextText(tipLanguage),
    });
    const posted = await poster.post(context.channelId, noticeCard(announce));
    if (!posted.ok) {
      const key =
        posted.kind === 'unreachable' ? (USER_MESSAGE[posted.code] ?? 'error.generic') : 'error.generic';
      return noticeCard(this.t(language, posted.kind === 'rate-limited' ? 'error.rate_limited' : key));
    }
    await store.subscribe({
      channelId: context.channelId,
      language: tipLanguage,
      source: existing?.source ?? 'command',
      subscribedBy: context.userId,
    });
    return noticeCard(
      [
        this.t(language, 'subscribe.done', {
          language: languageNameIn(language, tipLanguage),
          next: this.nextText(language),
        }),
        ...this.quizDayLine(language),
      ].join('\n'),
    );
  }

  async unsubscribe(context: ChannelContext, language: Language): Promise<Card> {
    const existing = await this.options.store.getSubscription(context.channelId);
    if (!existing) return noticeCard(this.t(language, 'unsubscribe.none'));
    if (existing.source === 'config') return noticeCard(this.t(language, 'unsubscribe.fixed'));
    await this.options.store.unsubscribe(context.channelId);
    return noticeCard(this.t(language, 'unsubscribe.done'));
  }

  async status(context: ChannelContext, language: Language): Promise<Card> {
    const { store, kb } = this.options;
    const subscription = await store.getSubscription(context.channelId);
    if (!subscription) return noticeCard(this.t(language, 'status.none'));
    // A paused channel gets no tip: say only that, why, and how to resume.
    if (subscription.pausedReason) {
      const reason =
        subscription.pausedReason === 'not_in_channel' ? 'reason.not_in_channel' : 'reason.channel_gone';
      return noticeCard(this.t(language, 'status.paused', { reason: this.t(language, reason) }));
    }
    const lines = [
      this.t(language, 'status.subscribed', {
        language: languageNameIn(language, subscription.language),
        next: this.nextText(language),
      }),
      ...(subscription.source === 'config' ? [this.t(language, 'status.by_admin')] : []),
      ...this.quizDayLine(language),
    ];
    // The last tip, not a quiz: the line says "Last tip", and a quiz's answer isn't in it anyway.
    const tipKeys = new Set(kb.tips.map((candidate) => candidate.key));
    const last = (await store.tipHistory(context.channelId))
      .filter((record) => record.postedAt && tipKeys.has(record.tipKey))
      .at(-1);
    const tip = last && kb.tips.find((candidate) => candidate.key === last.tipKey);
    if (last?.postedAt && tip) {
      lines.push(
        this.t(language, 'status.last', {
          tip: `“${truncate(tip.text[subscription.language], 90)}”`,
          when: slackDate(new Date(last.postedAt), this.reader(language), DAY_FORMAT),
        }),
      );
    }
    return noticeCard(lines.join('\n'));
  }
}
