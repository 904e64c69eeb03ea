/** The default store: SQLite through better-sqlite3, a file under var/ (or :memory: for tests). */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { isLanguage, type Language } from '../knowledge/languages.js';
import { MIGRATIONS } from './migrations.js';
import { type Store, StoreError } from './store.js';

/** PRAGMA application_id of a SocialVS database ("SoVS"): tells our file from someone else's. */
export const APPLICATION_ID = 0x536f5653;
/** Seen event ids are kept this long: Slack retries within minutes, not days. */
const EVENT_MEMORY_MS = 24 * 60 * 60 * 1000;

export class SqliteStore implements Store {
  readonly db: Database.Database;
  private claimsSincePurge = 0;

  private constructor(db: Database.Database) {
    this.db = db;
  }

  /** Opens (creating if needed) and migrates; a file that can't be opened or isn't ours is a StoreError. */
  static open(path: string): SqliteStore {
    const shown = path === ':memory:' ? 'the in-memory database' : path;
    let db: Database.Database;
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      db = new Database(path, { timeout: 5000 });
    } catch (error) {
      throw new StoreError(`Can't open the database ${shown}: ${(error as Error).message}`);
    }
    try {
      // WAL keeps readers and the writer apart; FULL sync makes a commit survive a
      // power cut, not just a killed process. busy_timeout waits out another process's lock.
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      const applicationId = db.pragma('application_id', { simple: true }) as number;
      const tables = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
        n: number;
      };
      if (applicationId !== APPLICATION_ID && (applicationId !== 0 || tables.n > 0)) {
        throw new StoreError(
          `The database ${shown} is not a SocialVS database; point DATABASE_URL at another file.`,
        );
      }
      if (applicationId === 0) db.pragma(`application_id = ${APPLICATION_ID}`);
      const store = new SqliteStore(db);
      store.migrate();
      return store;
    } catch (error) {
      db.close();
      if (error instanceof StoreError) throw error;
      throw new StoreError(`Can't use the database ${shown}: ${(error as Error).message}`);
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new StoreError(
        `The database was written by a newer SocialVS (schema ${version}, this one knows ${MIGRATIONS.length}).`,
      );
    }
    const apply = this.db.transaction(() => {
      for (let index = version; index < MIGRATIONS.length; index++) {
        this.db.exec(MIGRATIONS[index] as string);
        this.db.pragma(`user_version = ${index + 1}`);
      }
    });
    // IMMEDIATE: two processes starting at once can't both apply the same migration.
    apply.immediate();
  }

  async getUserLanguage(userId: string): Promise<Language | undefined> {
    const row = this.db.prepare('SELECT language FROM user_preferences WHERE user_id = ?').get(userId) as
      | { language: string }
      | undefined;
    return isLanguage(row?.language) ? row.language : undefined;
  }

  async setUserLanguage(userId: string, language: Language): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO user_preferences (user_id, language, updated_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
      )
      .run(userId, language, new Date().toISOString());
  }

  async claimEvent(eventId: string, now: Date = new Date()): Promise<boolean> {
    const result = this.db
      .prepare('INSERT INTO seen_events (event_id, seen_at) VALUES (?, ?) ON CONFLICT (event_id) DO NOTHING')
      .run(eventId, now.getTime());
    if (++this.claimsSincePurge >= 500) {
      this.claimsSincePurge = 0;
      this.db.prepare('DELETE FROM seen_events WHERE seen_at < ?').run(now.getTime() - EVENT_MEMORY_MS);
    }
    return result.changes === 1;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
