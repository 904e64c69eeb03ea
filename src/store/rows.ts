/** Rows as both stores read them (same tables, same columns), and what they become. */
import { isLanguage } from '../knowledge/languages.js';
import type { QuestionRecord, Subscription, SubscriptionSource, TipRecord } from './store.js';

/** The columns a question is written with, in this order, in every store. */
export const QUESTION_COLUMNS = 'asked_at, surface, language, topic, text, normalized';

/** A question's values for QUESTION_COLUMNS. */
export function questionValues(
  question: QuestionRecord,
): [number, string, string, string | null, string | null, string | null] {
  return [
    question.askedAt.getTime(),
    question.surface,
    question.language,
    question.topic,
    question.text ?? null,
    question.normalized ?? null,
  ];
}

export interface SubscriptionRow {
  channel_id: string;
  language: string;
  source: string;
  subscribed_by: string | null;
  subscribed_at: string;
  paused_reason: string | null;
  paused_at: string | null;
}

export interface TipPostRow {
  channel_id: string;
  day: string;
  tip_key: string;
  language: string;
  claimed_at: string;
  message_ts: string | null;
  posted_at: string | null;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    channelId: row.channel_id,
    language: isLanguage(row.language) ? row.language : 'en',
    source: (row.source === 'config' ? 'config' : 'command') satisfies SubscriptionSource,
    subscribedBy: row.subscribed_by ?? undefined,
    subscribedAt: row.subscribed_at,
    pausedReason: row.paused_reason ?? undefined,
    pausedAt: row.paused_at ?? undefined,
  };
}

export function toTipRecord(row: TipPostRow): TipRecord {
  return {
    day: row.day,
    tipKey: row.tip_key,
    language: isLanguage(row.language) ? row.language : 'en',
    claimedAt: row.claimed_at,
    messageTs: row.message_ts ?? undefined,
    postedAt: row.posted_at ?? undefined,
  };
}
