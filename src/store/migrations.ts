/**
 * Schema migrations, applied in order on start. Each runs once, in a transaction,
 * and PRAGMA user_version records how far a database has come. Append only: never
 * edit a migration that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: saved languages and seen event ids
  `CREATE TABLE user_preferences (
     user_id TEXT PRIMARY KEY,
     language TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE seen_events (
     event_id TEXT PRIMARY KEY,
     seen_at INTEGER NOT NULL
   );
   CREATE INDEX seen_events_by_time ON seen_events (seen_at);`,
  // 2: daily tips. The primary key of tip_posts is the one-tip-per-channel-per-day rule.
  `CREATE TABLE tip_subscriptions (
     channel_id TEXT PRIMARY KEY,
     language TEXT NOT NULL,
     source TEXT NOT NULL,
     subscribed_by TEXT,
     subscribed_at TEXT NOT NULL,
     paused_reason TEXT,
     paused_at TEXT
   );
   CREATE TABLE tip_posts (
     channel_id TEXT NOT NULL,
     day TEXT NOT NULL,
     tip_key TEXT NOT NULL,
     language TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     message_ts TEXT,
     posted_at TEXT,
     PRIMARY KEY (channel_id, day)
   );`,
  // 3: what was asked and how it went, and 👍 / 👎 votes (one per user per answer)
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY,
     asked_at INTEGER NOT NULL,
     surface TEXT NOT NULL,
     language TEXT NOT NULL,
     topic TEXT,
     text TEXT,
     normalized TEXT
   );
   CREATE INDEX questions_by_time ON questions (asked_at);
   CREATE TABLE votes (
     answer_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     language TEXT NOT NULL,
     vote INTEGER NOT NULL,
     voted_at INTEGER NOT NULL,
     PRIMARY KEY (answer_id, user_id)
   );
   CREATE INDEX votes_by_time ON votes (voted_at);`,
  // 4: who asked an unanswered question, as a keyed hash (rows.ts askerHash), so the report
  // counts people; the key is one random row per database, made on open.
  `ALTER TABLE questions ADD COLUMN asker_hash TEXT;
   CREATE TABLE question_asker_key (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     key TEXT NOT NULL
   );`,
  // 5: quiz answers, the first per quiz and person (the primary key is that rule)
  `CREATE TABLE quiz_answers (
     quiz_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     item_key TEXT NOT NULL,
     answer TEXT NOT NULL,
     correct INTEGER NOT NULL,
     answered_at INTEGER NOT NULL,
     PRIMARY KEY (quiz_id, user_id)
   );
   CREATE INDEX quiz_answers_by_time ON quiz_answers (answered_at);`,
];

/**
 * The same schema for PostgreSQL, migration for migration (same numbers, same tables and
 * columns): times kept as epoch milliseconds are BIGINT, ISO timestamps stay TEXT so both
 * stores hand back the same strings. The table socialvs_schema records how far a database has come.
 */
export const POSTGRES_MIGRATIONS: readonly string[] = [
  `CREATE TABLE user_preferences (
     user_id TEXT PRIMARY KEY,
     language TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );
   CREATE TABLE seen_events (
     event_id TEXT PRIMARY KEY,
     seen_at BIGINT NOT NULL
   );
   CREATE INDEX seen_events_by_time ON seen_events (seen_at);`,
  `CREATE TABLE tip_subscriptions (
     channel_id TEXT PRIMARY KEY,
     language TEXT NOT NULL,
     source TEXT NOT NULL,
     subscribed_by TEXT,
     subscribed_at TEXT NOT NULL,
     paused_reason TEXT,
     paused_at TEXT
   );
   CREATE TABLE tip_posts (
     channel_id TEXT NOT NULL,
     day TEXT NOT NULL,
     tip_key TEXT NOT NULL,
     language TEXT NOT NULL,
     claimed_at TEXT NOT NULL,
     message_ts TEXT,
     posted_at TEXT,
     PRIMARY KEY (channel_id, day)
   );`,
  `CREATE TABLE questions (
     id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     asked_at BIGINT NOT NULL,
     surface TEXT NOT NULL,
     language TEXT NOT NULL,
     topic TEXT,
     text TEXT,
     normalized TEXT
   );
   CREATE INDEX questions_by_time ON questions (asked_at);
   CREATE TABLE votes (
     answer_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     topic TEXT NOT NULL,
     language TEXT NOT NULL,
     vote INTEGER NOT NULL,
     voted_at BIGINT NOT NULL,
     PRIMARY KEY (answer_id, user_id)
   );
   CREATE INDEX votes_by_time ON votes (voted_at);`,
  `ALTER TABLE questions ADD COLUMN asker_hash TEXT;
   CREATE TABLE question_asker_key (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     key TEXT NOT NULL
   );`,
  `CREATE TABLE quiz_answers (
     quiz_id TEXT NOT NULL,
     user_id TEXT NOT NULL,
     item_key TEXT NOT NULL,
     answer TEXT NOT NULL,
     correct INTEGER NOT NULL,
     answered_at BIGINT NOT NULL,
     PRIMARY KEY (quiz_id, user_id)
   );
   CREATE INDEX quiz_answers_by_time ON quiz_answers (answered_at);`,
];
