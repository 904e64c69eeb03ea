/** Rows as both stores read them (same tables, same columns), and what they become. */
import { createHash, randomBytes } from 'node:crypto';
import { isLanguage } from '../knowledge/languages.js';
import type { QuestionRecord, Subscription, SubscriptionSource, TipRecord } from './store.js';

/** Rows in each list of the usage report (top topics, unanswered questions). */
export const REPORT_ROWS = 5;

/** The columns a question is written with, in this order, in every store. */
export const QUESTION_COLUMNS = 'asked_at, surface, language, topic, text, normalized, asker_hash';

/** A question's values for QUESTION_COLUMNS. */
export type QuestionValues = [
  number,
  string,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
];

/**
 * A question's values for QUESTION_COLUMNS, made when it is recorded so the asker's Slack
 * id never waits in the write buffer. The asker is kept only as askerHash() and only on
 * rows the report groups (text kept, unanswered): with QUESTION_LOG off, nothing of them.
 */
export function questionValues(question: QuestionRecord, askerKey: Buffer): QuestionValues {
  const grouped = question.text !== undefined && question.normalized ? question.normalized : undefined;
  return [
    question.askedAt.getTime(),
    question.surface,
    question.language,
    question.topic,
    question.text ?? null,
    question.normalized ?? null,
    grouped !== undefined && question.askerId ? askerHash(askerKey, grouped, question.askerId) : null,
  ];
}

/**
 * Who asked, as only the report needs it: the same person asking the same question again
 * gives the same value, so it can count people rather than repetitions. SHA-256 over the
 * database's own random key first, because a plain hash of a Slack id (a handful of
 * characters, and every member's is listed by users.list) is undone by hashing each
 * member's id. (Nothing ever verifies this value, so a keyed hash is all it needs; HMAC,
 * which guards against forged messages, is for the signatures Bolt checks.) The question's
 * grouping key goes in too, so one person's rows for two questions share nothing: the log
 * can't be read as what one person asked.
 */
export function askerHash(key: Buffer, normalized: string, userId: string): string {
  return createHash('sha256')
    .update(key)
    .update('\0')
    .update(normalized)
    .update('\0')
    .update(userId)
    .digest('base64url');
}

/** A new key for askerHash(), stored once per database (question_asker_key). */
export function newAskerKey(): string {
  return randomBytes(32).toString('base64');
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
