/**
 * What the bot keeps between restarts, behind one interface with two engines: SQLite
 * for one machine, PostgreSQL when several replicas share state. Every method is async
 * for PostgreSQL's sake, even though SQLite answers synchronously.
 *
 * The two "run once" methods take the work itself rather than handing out a claim:
 * PostgreSQL holds the claim in a transaction that commits only when the work is done,
 * so a replica killed mid-work leaves no claim behind and another replica (waiting on
 * the row meanwhile) does the work instead.
 */
import type { Language } from '../knowledge/languages.js';
import type { QuizAnswer } from '../knowledge/schema.js';

export interface Store {
  getUserLanguage(userId: string): Promise<Language | undefined>;
  /** Durable when it resolves: the bot only tells the user "saved" after this. */
  setUserLanguage(userId: string, language: Language): Promise<void>;
  /**
   * Runs `work` once per Events API event id, whichever replica a delivery reaches: true
   * when this call ran it, false for a retry or a duplicate delivery. A delivery that
   * arrives while another is still working waits for it (PostgreSQL) and then skips.
   * If `work` throws, the event still counts as handled (it may have been answered).
   */
  onceForEvent(eventId: string, work: () => Promise<void>, now?: Date): Promise<boolean>;

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
   * Claims the channel's tip for the claim's day and runs `post` under the claim; what
   * `post` returns settles it. "taken" when that day's tip was already claimed (posted,
   * in doubt, or being posted by another replica, which this call waits for). If `post`
   * throws, the claim is kept: the tip may have gone out.
   */
  withTipClaim(claim: TipClaim, post: () => Promise<TipSettlement>): Promise<TipSettlement | 'taken'>;
  /** Every tip claimed for the channel, oldest first. */
  tipHistory(channelId: string): Promise<TipRecord[]>;

  // Feedback and the usage report
  /**
   * Logs a question and its outcome. Written in batches (question-buffer.ts): a report,
   * a purge or close() sees every question logged before it.
   */
  recordQuestion(question: QuestionRecord): Promise<void>;
  /** One vote per user per answer: a second vote replaces the first. */
  recordVote(vote: VoteRecord): Promise<'new' | 'changed' | 'same'>;
  /**
   * Records a quiz answer if it is this person's first to this quiz: true when it was (and
   * now counts), false when they had answered before (nothing changes). Exactly one first
   * answer per quiz and person, whichever replica each press reaches.
   */
  recordQuizAnswer(answer: QuizAnswerRecord): Promise<boolean>;
  /** How many answered the quiz (first answers) and how many of them were right. */
  quizCounts(quiz: string): Promise<{ answered: number; right: number }>;
  /**
   * The figures of the usage report for questions, votes and quiz answers at or after
   * `since` (all when undefined).
   */
  usageReport(since: Date | undefined): Promise<UsageReport>;
  /** Deletes questions, votes and quiz answers older than `before`; returns how many rows went. */
  purgeBefore(before: Date): Promise<number>;
  close(): Promise<void>;
}

/** Where a question came from; 'shortcut' is a message explained with the message shortcut. */
export type QuestionSurface = 'command' | 'mention' | 'dm' | 'shortcut';

export interface QuestionRecord {
  askedAt: Date;
  surface: QuestionSurface;
  language: Language;
  /** The matched topic, or null when the question got the no-match card. */
  topic: string | null;
  /** The question as asked; absent when QUESTION_LOG is off. */
  text?: string | undefined;
  /**
   * The report's grouping key for unanswered questions (case, accents, spacing folded):
   * kept only for those, which are all the report groups; absent when QUESTION_LOG is off.
   */
  normalized?: string | undefined;
  /**
   * The Slack user who asked, so the report counts people rather than repetitions. Never
   * stored as given: rows the report groups (text kept, unanswered) keep a keyed hash of
   * it; every other row keeps nothing of it.
   */
  askerId?: string | undefined;
}

export interface VoteRecord {
  answerId: string;
  userId: string;
  topic: string;
  language: Language;
  vote: 1 | -1;
  at: Date;
}

export interface QuizAnswerRecord {
  /** The quiz's id (from its buttons): one showing of a quiz item. */
  quiz: string;
  itemKey: string;
  userId: string;
  answer: QuizAnswer;
  correct: boolean;
  at: Date;
}

/** The quiz in the usage report: first answers only, and no one's id. */
export interface QuizReport {
  answered: number;
  right: number;
  /** The item with the most wrong first answers (ties: the most answered, then the key), if any was missed. */
  mostMissed: { itemKey: string; missed: number; answered: number } | undefined;
}

export interface UsageReport {
  asked: number;
  answered: number;
  topTopics: Array<{ topic: string; count: number }>;
  /**
   * The unanswered questions most people asked, grouped by their normalized text. `count`
   * is people, not repetitions: one person asking fifty times counts once. Rows logged
   * before askers were kept (schema 3) count as one person together, so it never
   * overstates.
   */
  unanswered: Array<{ text: string; count: number }>;
  votes: Array<{ topic: string; up: number; down: number }>;
  languages: Array<{ language: string; asked: number; answered: number }>;
  quiz: QuizReport;
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

/**
 * How a claimed tip ended: posted (its ts is recorded), released (Slack certainly did not
 * post, so a later run that day may retry) or kept (in doubt: missed rather than doubled).
 */
export type TipSettlement =
  | { outcome: 'posted'; messageTs: string }
  | { outcome: 'released' }
  | { outcome: 'kept' };

export interface TipRecord {
  day: string;
  tipKey: string;
  language: Language;
  claimedAt: string;
  messageTs: string | undefined;
  postedAt: string | undefined;
}

export interface StoreOptions {
  /**
   * Told of a failure nobody is waiting on (a batch of the question log, an idle
   * PostgreSQL connection dropped by the server); must not throw.
   */
  onBackgroundError?: (error: Error) => void;
  /**
   * For readers of an existing database (npm run stats): a SQLite file that isn't there
   * is a NoDatabaseError, and nothing (file or folder) is created.
   */
  mustExist?: boolean;
}

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

/** No database where one was expected (StoreOptions.mustExist). */
export class NoDatabaseError extends StoreError {
  constructor(readonly path: string) {
    super(`There is no database yet at ${path}.`);
    this.name = 'NoDatabaseError';
  }
}
