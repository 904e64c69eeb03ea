/** The default store: SQLite through better-sqlite3, a file under var/ (or :memory: for tests). */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { isLanguage, type Language } from '../knowledge/languages.js';
import { MIGRATIONS } from './migrations.js';
import { QuestionBuffer } from './question-buffer.js';
import {
  newAskerKey,
  QUESTION_COLUMNS,
  type QuestionValues,
  questionValues,
  REPORT_ROWS,
  type SubscriptionRow,
  type TipPostRow,
  toSubscription,
  toTipRecord,
} from './rows.js';
import type {
  NewSubscription,
  QuestionRecord,
  QuizAnswerRecord,
  QuizReport,
  Store,
  Subscription,
  TipClaim,
  TipRecord,
  TipSettlement,
  UsageReport,
  VoteRecord,
} from './store.js';
import { NoDatabaseError, StoreError, type StoreOptions } from './store.js';

/** PRAGMA application_id of a SocialVS database ("SoVS"): tells our file from someone else's. */
export const APPLICATION_ID = 0x536f5653;
/** Seen event ids are kept this long: Slack retries within minutes, not days. */
const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private claimsSincePurge = 0;

  private readonly statements = new Map<string, Database.Statement>();

  private readonly questions: QuestionBuffer<QuestionValues>;
  /** The database's key for askerHash(), read (or made) on open, with the migrations. */
  private askerKey = Buffer.alloc(0);

  private constructor(db: Database.Database, onBackgroundError: (error: Error) => void) {
    this.db = db;
    this.questions = new QuestionBuffer((rows) => this.insertQuestions(rows), onBackgroundError);
  }

  /** A prepared statement, compiled once per SQL text: every question and event writes here. */
  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Opens (creating if needed, unless options.mustExist) and migrates; a file that can't
   * be opened or isn't ours is a StoreError.
   */
  static open(path: string, options: StoreOptions = {}): SqliteStore {
    const shown = path === ':memory:' ? 'the in-memory database' : path;
    const mustExist = (options.mustExist ?? false) && path !== ':memory:';
    if (mustExist && !existsSync(path)) throw new NoDatabaseError(resolve(path));
    let db: Database.Database;
    try {
      if (path !== ':memory:' && !mustExist) mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: 5000, fileMustExist: mustExist });
    } catch (error) {
      throw new StoreError(`Can't open the database ${shown}: ${(error as Error).message}`);
    }
    try {
      db.pragma('busy_timeout = 5000');
      // Whose file is it? Checked before anything in it is changed.
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      };
      if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tables.n > 0)) {
        throw new StoreError(
          `The database ${shown} is not a SocialVS database; point DATABASE_URL at another file.`,
        );
      }
      // WAL keeps readers and the writer apart, and with NORMAL sync a commit survives a
      // killed process (kill -9) without an fsync per write; only a power cut can lose the
      // last moments. busy_timeout waits out another process's lock.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      if (applicationId === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
      const store = new SqliteStore(db, options.onBackgroundError ?? (() => {}));
      store.migrate(shown);
      return store;
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Can't use the database ${shown}: ${(error as Error).message}`);
    }
  }

  private migrate(shown: string): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        `The database ${shown} was written by a newer SocialVS (schema ${version}, this one knows ${MIGRATIONS.length}).`,
      );
    }
    const apply = this.db.transaction(() => {
      for (let index = version; index < MIGRATIONS.length; index++) {
        this.db.exec(MIGRATIONS[index] as string);
        this.db.pragma(`user_version = ${index + 1}`);
      }
      this.db
        .prepare('INSERT INTO question_asker_key (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING')
        .run(newAskerKey());
      const { key } = this.db.prepare('SELECT key FROM question_asker_key WHERE id = 1').get() as {
        key: string;
      };
      return Buffer.from(key, 'base64');
    });
    // IMMEDIATE: two processes starting at once can't both apply the same migration (or
    // make two keys).
    this.askerKey = apply.immediate();
  }

  async getUserLanguage(userId: string): Promise<Language | undefined> {
    const row = this.statement('SELECT language FROM user_preferences WHERE user_id = ?').get(userId) as
      | { language: string }
      | undefined;
    return isLanguage(row?.language) ? row.language : undefined;
  }

  async setUserLanguage(userId: string, language: Language): Promise<void> {
    this.statement(
      `INSERT INTO user_preferences (user_id, language, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
    ).run(userId, language, new Date().toISOString());
  }

  async onceForEvent(eventId: string, work: () => Promise<void>, now: Date = new Date()): Promise<boolean> {
    // One machine: the claim commits at once, so a crash mid-work loses that answer
    // rather than risking a second one after the restart.
    const result = this.statement(
      'INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING',
    ).run(eventId, now.getTime());
    if (++this.claimsSincePurge >= 500) {
      this.claimsSincePurge = 0;
      this.statement('DELETE FROM seen_events WHERE seen_at < ?').run(now.getTime() - EVENT_MEMORY_MS);
    }
    if (result.changes !== 1) return false;
    await work();
    return true;
  }

  async subscribe(subscription: NewSubscription): Promise<void> {
    this.statement(
      `INSERT INTO tip_subscriptions (channel_id, language, source, subscribed_by, subscribed_at)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (channel_id) DO UPDATE SET language = excluded.language, source = excluded.source,
           subscribed_by = excluded.subscribed_by, paused_reason = NULL, paused_at = NULL`,
    ).run(
      subscription.channelId,
      subscription.language,
      subscription.source,
      subscription.subscribedBy ?? null,
      new Date().toISOString(),
    );
  }

  async unsubscribe(channelId: string): Promise<boolean> {
    return this.statement('DELETE FROM tip_subscriptions WHERE channel_id = ?').run(channelId).changes === 1;
  }

  async getSubscription(channelId: string): Promise<Subscription | undefined> {
    const row = this.statement('SELECT * FROM tip_subscriptions WHERE channel_id = ?').get(channelId) as
      | SubscriptionRow
      | undefined;
    return row ? toSubscription(row) : undefined;
  }

  async listSubscriptions(): Promise<Subscription[]> {
    const rows = this.statement(
      'SELECT * FROM tip_subscriptions ORDER BY channel_id',
    ).all() as SubscriptionRow[];
    return rows.map(toSubscription);
  }

  async pauseSubscription(channelId: string, reason: string, now: Date = new Date()): Promise<void> {
    this.statement('UPDATE tip_subscriptions SET paused_reason = ?, paused_at = ? WHERE channel_id = ?').run(
      reason,
      now.toISOString(),
      channelId,
    );
  }

  async withTipClaim(claim: TipClaim, post: () => Promise<TipSettlement>): Promise<TipSettlement | 'taken'> {
    const claimed = this.statement(
      `INSERT INTO tip_posts (channel_id, day, tip_key, language, claimed_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (channel_id, day) DO NOTHING`,
    ).run(claim.channelId, claim.day, claim.tipKey, claim.language, (claim.now ?? new Date()).toISOString());
    if (claimed.changes !== 1) return 'taken';
    // Committed before posting: a crash from here on leaves the claim, so no second tip.
    const settlement = await post();
    if (settlement.outcome === 'posted') {
      this.statement(
        'UPDATE tip_posts SET message_ts = ?, posted_at = ? WHERE channel_id = ? AND day = ?',
      ).run(settlement.messageTs, new Date().toISOString(), claim.channelId, claim.day);
    } else if (settlement.outcome === 'released') {
      this.statement('DELETE FROM tip_posts WHERE channel_id = ? AND day = ? AND message_ts IS NULL').run(
        claim.channelId,
        claim.day,
      );
    }
    return settlement;
  }

  async tipHistory(channelId: string): Promise<TipRecord[]> {
    const rows = this.statement('SELECT * FROM tip_posts WHERE channel_id = ? ORDER BY day, claimed_at').all(
      channelId,
    ) as TipPostRow[];
    return rows.map(toTipRecord);
  }

  async recordQuestion(question: QuestionRecord): Promise<void> {
    this.questions.add(questionValues(question, this.askerKey));
  }

  private insertQuestions(rows: QuestionValues[]): void {
    const insert = this.statement(`INSERT INTO questions (${QUESTION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.db.transaction(() => {
      for (const values of rows) insert.run(values);
    })();
  }

  async recordVote(vote: VoteRecord): Promise<'new' | 'changed' | 'same'> {
    const change = this.db.transaction((): 'new' | 'changed' | 'same' => {
      const before = this.statement('SELECT vote FROM votes WHERE answer_id = ? AND user_id = ?').get(
        vote.answerId,
        vote.userId,
      ) as { vote: number } | undefined;
      this.statement(
        `INSERT INTO votes (answer_id, user_id, topic, language, vote, voted_at) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at,
             topic = excluded.topic, language = excluded.language`,
      ).run(vote.answerId, vote.userId, vote.topic, vote.language, vote.vote, vote.at.getTime());
      if (!before) return 'new';
      return before.vote === vote.vote ? 'same' : 'changed';
    });
    return change.immediate();
  }

  async recordQuizAnswer(answer: QuizAnswerRecord): Promise<boolean> {
    // The primary key (quiz_id, user_id) keeps the first answer; a later one changes nothing.
    const inserted = this.statement(
      `INSERT INTO quiz_answers (quiz_id, user_id, item_key, answer, correct, answered_at)
         VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (quiz_id, user_id) DO NOTHING`,
    ).run(
      answer.quiz,
      answer.userId,
      answer.itemKey,
      answer.answer,
      answer.correct ? 1 : 0,
      answer.at.getTime(),
    );
    return inserted.changes === 1;
  }

  async quizCounts(quiz: string): Promise<{ answered: number; right: number }> {
    const row = this.statement(
      'SELECT count(*) AS answered, coalesce(sum(correct), 0) AS right_count FROM quiz_answers WHERE quiz_id = ?',
    ).get(quiz) as { answered: number; right_count: number };
    return { answered: row.answered, right: row.right_count };
  }

  private quizReport(from: number): QuizReport {
    const totals = this.statement(
      `SELECT count(*) AS answered, coalesce(sum(correct), 0) AS right_count FROM quiz_answers
         WHERE answered_at >= ?`,
    ).get(from) as { answered: number; right_count: number };
    const missed = this.statement(
      `SELECT item_key, sum(correct = 0) AS missed, count(*) AS answered FROM quiz_answers
         WHERE answered_at >= ? GROUP BY item_key HAVING sum(correct = 0) > 0
         ORDER BY missed DESC, answered DESC, item_key LIMIT 1`,
    ).get(from) as { item_key: string; missed: number; answered: number } | undefined;
    return {
      answered: totals.answered,
      right: totals.right_count,
      mostMissed: missed
        ? { itemKey: missed.item_key, missed: missed.missed, answered: missed.answered }
        : undefined,
    };
  }

  async usageReport(since: Date | undefined): Promise<UsageReport> {
    await this.questions.flush();
    const from = since?.getTime() ?? 0;
    const totals = this.statement(
      'SELECT count(*) AS asked, count(topic) AS answered FROM questions WHERE asked_at >= ?',
    ).get(from) as { asked: number; answered: number };
    const topTopics = this.statement(
      `SELECT topic, count(*) AS count FROM questions WHERE asked_at >= ? AND topic IS NOT NULL
         GROUP BY topic ORDER BY count DESC, topic LIMIT ${REPORT_ROWS}`,
    ).all(from) as Array<{ topic: string; count: number }>;
    // People, not repetitions (store.ts UsageReport): distinct askers, plus one for any
    // rows logged before askers were kept.
    const unanswered = this.statement(
      `SELECT max(text) AS text, count(DISTINCT asker_hash) + max(asker_hash IS NULL) AS count FROM questions
         WHERE asked_at >= ? AND topic IS NULL AND normalized IS NOT NULL AND normalized != ''
         GROUP BY normalized ORDER BY count DESC, max(asked_at) DESC, normalized LIMIT ${REPORT_ROWS}`,
    ).all(from) as Array<{ text: string; count: number }>;
    const votes = this.statement(
      `SELECT topic, sum(vote > 0) AS up, sum(vote < 0) AS down FROM votes WHERE voted_at >= ?
         GROUP BY topic ORDER BY up + down DESC, topic`,
    ).all(from) as Array<{ topic: string; up: number; down: number }>;
    const languages = this.statement(
      `SELECT language, count(*) AS asked, count(topic) AS answered FROM questions WHERE asked_at >= ?
         GROUP BY language ORDER BY asked DESC, language`,
    ).all(from) as Array<{ language: string; asked: number; answered: number }>;
    return {
      asked: totals.asked,
      answered: totals.answered,
      topTopics,
      unanswered,
      votes,
      languages,
      quiz: this.quizReport(from),
    };
  }

  async purgeBefore(before: Date): Promise<number> {
    await this.questions.flush();
    const purge = this.db.transaction(() => {
      const questions = this.statement('DELETE FROM questions WHERE asked_at < ?').run(
        before.getTime(),
      ).changes;
      const votes = this.statement('DELETE FROM votes WHERE voted_at < ?').run(before.getTime()).changes;
      const quiz = this.statement('DELETE FROM quiz_answers WHERE answered_at < ?').run(
        before.getTime(),
      ).changes;
      return questions + votes + quiz;
    });
    return purge.immediate();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    await this.questions.flush().catch(() => {});
    this.db.close();
  }
}
