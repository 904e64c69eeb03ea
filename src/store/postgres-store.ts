/**
 * The store for several replicas: PostgreSQL through `pg`, selected by
 * DATABASE_URL=postgres://user:password@host:5432/database.
 *
 * What makes it safe across machines:
 * - Migrations run under an advisory lock, so replicas starting together apply each once.
 * - Event and tip claims are unique rows inserted inside a transaction that stays open
 *   while the answer or the tip is being posted. Another replica inserting the same row
 *   waits: if this transaction commits, it finds the row and skips; if this replica dies
 *   mid-post, PostgreSQL rolls the claim back and the waiting replica does the work.
 *   Only a death after Slack took the post but before the commit (a round trip to the
 *   database) could still double it.
 * - Everything else is a single statement, visible to every replica once it returns.
 *
 * Claims hold a connection while they post, so they have a pool of their own: ordinary
 * queries made during that work (saving the question, reading a language) never wait
 * for a connection a claim is holding.
 */
import pg from 'pg';
import { isLanguage, type Language } from '../knowledge/languages.js';
import { POSTGRES_MIGRATIONS } from './migrations.js';
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
import { StoreError, type StoreOptions } from './store.js';

/** Key of the advisory lock migrations take ("SoVS", as SQLite's application_id). */
const MIGRATION_LOCK = 0x536f5653;
/** Seen event ids are kept this long: Slack retries within minutes, not days. */
const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;
/**
 * How long a claim waits for another replica's claim on the same row. A post takes
 * milliseconds; past this, that replica is wedged, and this attempt gives up (a later
 * tip run, or Slack's retry of the event, tries again).
 */
const CLAIM_WAIT_MS = 30_000;
/** Bind parameters PostgreSQL takes in one statement (a 16-bit count). */
const MAX_PARAMETERS = 65_535;
/** Connections per replica: for ordinary queries, and for claims held while posting. */
const QUERY_POOL_SIZE = 10;
const CLAIM_POOL_SIZE = 20;

export class PostgresStore implements Store {
  private claimsSincePurge = 0;

  private readonly questions: QuestionBuffer<QuestionValues>;
  /** The database's key for askerHash(), read (or made) on open, with the migrations. */
  private askerKey = Buffer.alloc(0);

  private constructor(
    private readonly queries: pg.Pool,
    private readonly claims: pg.Pool,
    onBackgroundError: (error: Error) => void,
  ) {
    this.questions = new QuestionBuffer((rows) => this.insertQuestions(rows), onBackgroundError);
  }

  /** Connects and migrates; an unreachable server, a refused login or a foreign schema is a StoreError. */
  static async open(url: string, options: StoreOptions = {}): Promise<PostgresStore> {
    const shown = describeTarget(url);
    const pool = (max: number) => {
      const created = new pg.Pool({
        connectionString: url,
        max,
        connectionTimeoutMillis: 10_000,
        application_name: 'socialvs',
      });
      // An idle connection dropped by the server must not crash the process.
      created.on('error', (error) => options.onBackgroundError?.(error));
      return created;
    };
    const store = new PostgresStore(
      pool(QUERY_POOL_SIZE),
      pool(CLAIM_POOL_SIZE),
      options.onBackgroundError ?? (() => {}),
    );
    try {
      await store.migrate(shown);
      return store;
    } catch (error) {
      await store.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Can't use the PostgreSQL database ${shown}: ${errorText(error)}`);
    }
  }

  private async migrate(shown: string): Promise<void> {
    await this.inTransaction(this.queries, async (client) => {
      // Replicas starting together queue here: the first applies, the others find it done.
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS socialvs_schema (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number }>('SELECT version FROM socialvs_schema');
      const version = rows[0]?.version ?? 0;
      if (rows.length === 0) await client.query('INSERT INTO socialvs_schema (version) VALUES (0)');
      if (version > POSTGRES_MIGRATIONS.length) {
        throw new StoreError(
          `The database ${shown} was written by a newer SocialVS (schema ${version}, this one knows ${POSTGRES_MIGRATIONS.length}).`,
        );
      }
      for (let index = version; index < POSTGRES_MIGRATIONS.length; index++) {
        await client.query(POSTGRES_MIGRATIONS[index] as string);
      }
      await client.query('UPDATE socialvs_schema SET version = $1', [POSTGRES_MIGRATIONS.length]);
      // Under the same lock: replicas starting together all read the one key the first made.
      await client.query(
        'INSERT INTO question_asker_key (id, key) VALUES (1, $1) ON CONFLICT (id) DO NOTHING',
        [newAskerKey()],
      );
      const key = await client.query<{ key: string }>('SELECT key FROM question_asker_key WHERE id = 1');
      this.askerKey = Buffer.from(key.rows[0]?.key ?? '', 'base64');
    });
  }

  /** Runs `work` in a transaction on one connection; a failure rolls back by closing it. */
  private async inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await checkOut(pool);
    let healthy = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      healthy = true;
      return result;
    } finally {
      // Closing the connection rolls back whatever it left open.
      checkIn(client, healthy);
    }
  }

  /**
   * Inserts a claim row and runs `work` while the transaction holds it; `settle` then
   * decides between commit and rollback. Undefined when the row was already there. If
   * `work` throws, the claim commits as it is: the work may have reached Slack.
   */
  private async holdClaim<T>(
    insert: { text: string; values: unknown[] },
    work: () => Promise<T>,
    settle: (client: pg.PoolClient, result: T) => Promise<'commit' | 'rollback'>,
  ): Promise<{ result: T } | undefined> {
    const client = await checkOut(this.claims);
    let healthy = false;
    try {
      await client.query('BEGIN');
      await client.query(`SET LOCAL lock_timeout = ${CLAIM_WAIT_MS}`);
      const inserted = await client.query(insert);
      if (inserted.rowCount !== 1) {
        await client.query('ROLLBACK');
        healthy = true;
        return undefined;
      }
      let result: T;
      try {
        result = await work();
      } catch (error) {
        await client.query('COMMIT');
        healthy = true;
        throw error;
      }
      const ending = await settle(client, result);
      await client.query(ending === 'commit' ? 'COMMIT' : 'ROLLBACK');
      healthy = true;
      return { result };
    } finally {
      // A failed statement leaves the transaction broken: closing the connection rolls it back.
      checkIn(client, healthy);
    }
  }

  async getUserLanguage(userId: string): Promise<Language | undefined> {
    const { rows } = await this.queries.query<{ language: string }>(
      'SELECT language FROM user_preferences WHERE user_id = $1',
      [userId],
    );
    const language = rows[0]?.language;
    return isLanguage(language) ? language : undefined;
  }

  async setUserLanguage(userId: string, language: Language): Promise<void> {
    await this.queries.query(
      `INSERT INTO user_preferences (user_id, language, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
      [userId, language, new Date().toISOString()],
    );
  }

  async onceForEvent(eventId: string, work: () => Promise<void>, now: Date = new Date()): Promise<boolean> {
    if (++this.claimsSincePurge >= 500) {
      this.claimsSincePurge = 0;
      await this.queries.query('DELETE FROM seen_events WHERE seen_at < $1', [
        now.getTime() - EVENT_MEMORY_MS,
      ]);
    }
    const held = await this.holdClaim(
      {
        text: 'INSERT INTO seen_events (event_id, seen_at) VALUES ($1, $2) ON CONFLICT (event_id) DO NOTHING',
        values: [eventId, now.getTime()],
      },
      work,
      async () => 'commit',
    );
    return held !== undefined;
  }

  async subscribe(subscription: NewSubscription): Promise<void> {
    await this.queries.query(
      `INSERT INTO tip_subscriptions (channel_id, language, source, subscribed_by, subscribed_at)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (channel_id) DO UPDATE SET language = excluded.language, source = excluded.source,
           subscribed_by = excluded.subscribed_by, paused_reason = NULL, paused_at = NULL`,
      [
        subscription.channelId,
        subscription.language,
        subscription.source,
        subscription.subscribedBy ?? null,
        new Date().toISOString(),
      ],
    );
  }

  async unsubscribe(channelId: string): Promise<boolean> {
    const result = await this.queries.query('DELETE FROM tip_subscriptions WHERE channel_id = $1', [
      channelId,
    ]);
    return result.rowCount === 1;
  }

  async getSubscription(channelId: string): Promise<Subscription | undefined> {
    const { rows } = await this.queries.query<SubscriptionRow>(
      'SELECT * FROM tip_subscriptions WHERE channel_id = $1',
      [channelId],
    );
    return rows[0] ? toSubscription(rows[0]) : undefined;
  }

  async listSubscriptions(): Promise<Subscription[]> {
    // COLLATE "C": the same byte order as SQLite, whatever the database's locale.
    const { rows } = await this.queries.query<SubscriptionRow>(
      'SELECT * FROM tip_subscriptions ORDER BY channel_id COLLATE "C"',
    );
    return rows.map(toSubscription);
  }

  async pauseSubscription(channelId: string, reason: string, now: Date = new Date()): Promise<void> {
    await this.queries.query(
      'UPDATE tip_subscriptions SET paused_reason = $1, paused_at = $2 WHERE channel_id = $3',
      [reason, now.toISOString(), channelId],
    );
  }

  async withTipClaim(claim: TipClaim, post: () => Promise<TipSettlement>): Promise<TipSettlement | 'taken'> {
    const held = await this.holdClaim(
      {
        text: `INSERT INTO tip_posts (channel_id, day, tip_key, language, claimed_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (channel_id, day) DO NOTHING`,
        values: [
          claim.channelId,
          claim.day,
          claim.tipKey,
          claim.language,
          (claim.now ?? new Date()).toISOString(),
        ],
      },
      post,
      async (client, settlement) => {
        if (settlement.outcome === 'released') return 'rollback';
        if (settlement.outcome === 'posted') {
          await client.query(
            'UPDATE tip_posts SET message_ts = $1, posted_at = $2 WHERE channel_id = $3 AND day = $4',
            [settlement.messageTs, new Date().toISOString(), claim.channelId, claim.day],
          );
        }
        return 'commit';
      },
    );
    return held ? held.result : 'taken';
  }

  async tipHistory(channelId: string): Promise<TipRecord[]> {
    const { rows } = await this.queries.query<TipPostRow>(
      'SELECT * FROM tip_posts WHERE channel_id = $1 ORDER BY day, claimed_at',
      [channelId],
    );
    return rows.map(toTipRecord);
  }

  async recordQuestion(question: QuestionRecord): Promise<void> {
    this.questions.add(questionValues(question, this.askerKey));
  }

  /**
   * One multi-row INSERT per batch: one round trip instead of one per question. A backlog
   * kept through an outage can pass PostgreSQL's limit on parameters per statement; it
   * goes in several statements then, in one transaction, so a failure retries it whole
   * without doubling what was written.
   */
  private async insertQuestions(rows: QuestionValues[]): Promise<void> {
    const columns = rows[0]?.length ?? 1;
    const perStatement = Math.floor(MAX_PARAMETERS / columns);
    const statements: Array<{ text: string; values: unknown[] }> = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const values: unknown[] = [];
      const tuples = rows.slice(start, start + perStatement).map((row, index) => {
        values.push(...row);
        return `(${row.map((_, column) => `$${index * columns + column + 1}`).join(', ')})`;
      });
      statements.push({
        text: `INSERT INTO questions (${QUESTION_COLUMNS}) VALUES ${tuples.join(', ')}`,
        values,
      });
    }
    const [only] = statements;
    if (statements.length === 1 && only) {
      await this.queries.query(only);
      return;
    }
    await this.inTransaction(this.queries, async (client) => {
      for (const statement of statements) await client.query(statement);
    });
  }

  async recordVote(vote: VoteRecord): Promise<'new' | 'changed' | 'same'> {
    // One statement: the CTE reads the vote as it was before this upsert.
    const { rows } = await this.queries.query<{ before: number | null }>(
      `WITH earlier AS (SELECT vote FROM votes WHERE answer_id = $1 AND user_id = $2)
       INSERT INTO votes (answer_id, user_id, topic, language, vote, voted_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at,
           topic = excluded.topic, language = excluded.language
         RETURNING (SELECT vote FROM earlier) AS before`,
      [vote.answerId, vote.userId, vote.topic, vote.language, vote.vote, vote.at.getTime()],
    );
    const before = rows[0]?.before ?? null;
    if (before === null) return 'new';
    return before === vote.vote ? 'same' : 'changed';
  }

  async recordQuizAnswer(answer: QuizAnswerRecord): Promise<boolean> {
    // The primary key (quiz_id, user_id) keeps the first answer; a second replica inserting
    // the same pair at once waits for the first and then inserts nothing.
    const inserted = await this.queries.query(
      `INSERT INTO quiz_answers (quiz_id, user_id, item_key, answer, correct, answered_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (quiz_id, user_id) DO NOTHING`,
      [
        answer.quiz,
        answer.userId,
        answer.itemKey,
        answer.answer,
        answer.correct ? 1 : 0,
        answer.at.getTime(),
      ],
    );
    return inserted.rowCount === 1;
  }

  async quizCounts(quiz: string): Promise<{ answered: number; right: number }> {
    const { rows } = await this.queries.query<{ answered: number; right_count: number }>(
      `SELECT count(*)::int AS answered, coalesce(sum(correct), 0)::int AS right_count FROM quiz_answers
         WHERE quiz_id = $1`,
      [quiz],
    );
    return { answered: rows[0]?.answered ?? 0, right: rows[0]?.right_count ?? 0 };
  }

  private async quizReport(from: number): Promise<QuizReport> {
    const [totals, missed] = await Promise.all([
      this.queries.query<{ answered: number; right_count: number }>(
        `SELECT count(*)::int AS answered, coalesce(sum(correct), 0)::int AS right_count FROM quiz_answers
           WHERE answered_at >= $1`,
        [from],
      ),
      this.queries.query<{ item_key: string; missed: number; answered: number }>(
        `SELECT item_key, count(*) FILTER (WHERE correct = 0)::int AS missed, count(*)::int AS answered
           FROM quiz_answers WHERE answered_at >= $1 GROUP BY item_key
           HAVING count(*) FILTER (WHERE correct = 0) > 0
           ORDER BY missed DESC, answered DESC, item_key COLLATE "C" LIMIT 1`,
        [from],
      ),
    ]);
    const top = missed.rows[0];
    return {
      answered: totals.rows[0]?.answered ?? 0,
      right: totals.rows[0]?.right_count ?? 0,
      mostMissed: top ? { itemKey: top.item_key, missed: top.missed, answered: top.answered } : undefined,
    };
  }

  async usageReport(since: Date | undefined): Promise<UsageReport> {
    await this.questions.flush();
    const from = since?.getTime() ?? 0;
    const [totals, topTopics, unanswered, votes, languages, quiz] = await Promise.all([
      this.queries.query<{ asked: number; answered: number }>(
        'SELECT count(*)::int AS asked, count(topic)::int AS answered FROM questions WHERE asked_at >= $1',
        [from],
      ),
      this.queries.query<{ topic: string; count: number }>(
        `SELECT topic, count(*)::int AS count FROM questions WHERE asked_at >= $1 AND topic IS NOT NULL
           GROUP BY topic ORDER BY count DESC, topic COLLATE "C" LIMIT ${REPORT_ROWS}`,
        [from],
      ),
      // People, not repetitions (store.ts UsageReport): distinct askers, plus one for any
      // rows logged before askers were kept.
      this.queries.query<{ text: string; count: number }>(
        `SELECT max(text COLLATE "C") AS text,
             (count(DISTINCT asker_hash) + max(CASE WHEN asker_hash IS NULL THEN 1 ELSE 0 END))::int AS count
           FROM questions
           WHERE asked_at >= $1 AND topic IS NULL AND normalized IS NOT NULL AND normalized != ''
           GROUP BY normalized ORDER BY count DESC, max(asked_at) DESC, normalized COLLATE "C" LIMIT ${REPORT_ROWS}`,
        [from],
      ),
      this.queries.query<{ topic: string; up: number; down: number }>(
        `SELECT topic, count(*) FILTER (WHERE vote > 0)::int AS up, count(*) FILTER (WHERE vote < 0)::int AS down
           FROM votes WHERE voted_at >= $1 GROUP BY topic ORDER BY count(*) DESC, topic COLLATE "C"`,
        [from],
      ),
      this.queries.query<{ language: string; asked: number; answered: number }>(
        `SELECT language, count(*)::int AS asked, count(topic)::int AS answered FROM questions
           WHERE asked_at >= $1 GROUP BY language ORDER BY asked DESC, language COLLATE "C"`,
        [from],
      ),
      this.quizReport(from),
    ]);
    return {
      asked: totals.rows[0]?.asked ?? 0,
      answered: totals.rows[0]?.answered ?? 0,
      topTopics: topTopics.rows,
      unanswered: unanswered.rows,
      votes: votes.rows,
      languages: languages.rows,
      quiz,
    };
  }

  async purgeBefore(before: Date): Promise<number> {
    await this.questions.flush();
    return this.inTransaction(this.queries, async (client) => {
      const questions = await client.query('DELETE FROM questions WHERE asked_at < $1', [before.getTime()]);
      const votes = await client.query('DELETE FROM votes WHERE voted_at < $1', [before.getTime()]);
      const quiz = await client.query('DELETE FROM quiz_answers WHERE answered_at < $1', [before.getTime()]);
      return (questions.rowCount ?? 0) + (votes.rowCount ?? 0) + (quiz.rowCount ?? 0);
    });
  }

  async close(): Promise<void> {
    if (!this.queries.ended) await this.questions.flush().catch(() => {});
    await Promise.all([endPool(this.queries), endPool(this.claims)]);
  }
}

/**
 * A connection for a transaction. While it is out of the pool, nobody else listens for
 * its errors: a server that drops it between statements (a restart, a kill) would raise
 * an unhandled 'error' and end the process. The next statement fails instead.
 */
async function checkOut(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  client.on('error', ignoreConnectionError);
  return client;
}

function checkIn(client: pg.PoolClient, healthy: boolean): void {
  client.off('error', ignoreConnectionError);
  client.release(!healthy);
}

function ignoreConnectionError(): void {
  // The statement in progress, or the next one, rejects with the reason.
}

async function endPool(pool: pg.Pool): Promise<void> {
  if (!pool.ended) await pool.end();
}

/** host:port/database, for messages: never the user or the password. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

/** A driver error as one line; a failed connect to several addresses has no message of its own. */
function errorText(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return errorText(error.errors[0]);
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    const text = error.message || (typeof code === 'string' ? code : error.name);
    return text.replace(/\s+/g, ' ').trim();
  }
  return String(error);
}
