/**
 * What the bot keeps between restarts, behind one interface so that a PostgreSQL
 * store can stand in for SQLite when several replicas share state. Every method is
 * async for that reason, even though SQLite answers synchronously.
 */
import type { Language } from '../knowledge/languages.js';

export interface Store {
  getUserLanguage(userId: string): Promise<Language | undefined>;
  /** Durable when it resolves: the bot only tells the user "saved" after this. */
  setUserLanguage(userId: string, language: Language): Promise<void>;
  /**
   * Records an Events API event id. True the first time, false for a retry or a
   * duplicate delivery, so each event is answered once.
   */
  claimEvent(eventId: string, now?: Date): Promise<boolean>;

  // Daily tips
  /** Subscribes (or resubscribes, which resumes a paused subscription) a channel. */
  subscribe(subscription: NewSubscription): Promise<void>;
  /** True when there was a subscription to end. */
  unsubscribe(channelId: string): Promise<boolean>;
  getSubscription(channelId: string): Promise<Subscription | undefined>;
  listSubscriptions(): Promise<Subscription[]>;
  /** Stops posting to a channel until it is subscribed again, keeping why. */
  pauseSubscription(channelId: string, reason: string, now?: Date): Promise<void>;
  /**
   * Claims the channel's tip for `day` before posting it: true for the one caller that
   * gets the claim, false if that day's tip was already claimed (posted, or in doubt).
   */
  claimTip(claim: TipClaim): Promise<boolean>;
  /** Gives a claim back when Slack certainly did not post, so a later run that day can retry. */
  releaseTip(channelId: string, day: string): Promise<void>;
  /** Records the posted message's ts after the post succeeded. */
  recordTipPosted(channelId: string, day: string, messageTs: string, now?: Date): Promise<void>;
  /** Every tip claimed for the channel, oldest first. */
  tipHistory(channelId: string): Promise<TipRecord[]>;

  // Feedback and the usage report
  /** Records a question and its outcome; returns its id (the answer's id for votes). */
  recordQuestion(question: QuestionRecord): Promise<number>;
  /** One vote per user per answer: a second vote replaces the first. */
  recordVote(vote: VoteRecord): Promise<'new' | 'changed' | 'same'>;
  /** The figures of the usage report for questions and votes at or after `since` (all when undefined). */
  usageReport(since: Date | undefined): Promise<UsageReport>;
  /** Deletes questions and votes older than `before`; returns how many rows went. */
  purgeBefore(before: Date): Promise<number>;
  close(): Promise<void>;
}

export type QuestionSurface = 'command' | 'mention' | 'dm';

export interface QuestionRecord {
  askedAt: Date;
  surface: QuestionSurface;
  language: Language;
  /** The matched topic, or null when the question got the no-match card. */
  topic: string | null;
  /** The question as asked, and its grouping key (case, accents, spacing folded); both absent when QUESTION_LOG is off. */
  text?: string | undefined;
  normalized?: string | undefined;
}

export interface VoteRecord {
  answerId: string;
  userId: string;
  topic: string;
  language: Language;
  vote: 1 | -1;
  at: Date;
}

export interface UsageReport {
  asked: number;
  answered: number;
  topTopics: Array<{ topic: string; count: number }>;
  /** Most frequent unanswered questions, grouped by their normalized text. */
  unanswered: Array<{ text: string; count: number }>;
  votes: Array<{ topic: string; up: number; down: number }>;
  languages: Array<{ language: string; asked: number; answered: number }>;
}

export type SubscriptionSource = 'command' | 'config';

export interface NewSubscription {
  channelId: string;
  language: Language;
  source: SubscriptionSource;
  subscribedBy?: string | undefined;
}

export interface Subscription extends NewSubscription {
  subscribedAt: string;
  pausedReason: string | undefined;
  pausedAt: string | undefined;
}

export interface TipClaim {
  channelId: string;
  /** YYYY-MM-DD in TIP_TIMEZONE. */
  day: string;
  tipKey: string;
  language: Language;
  now?: Date;
}

export interface TipRecord {
  day: string;
  tipKey: string;
  language: Language;
  claimedAt: string;
  messageTs: string | undefined;
  postedAt: string | undefined;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}
