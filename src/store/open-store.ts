/**
 * Chooses the store from DATABASE_URL: sqlite:PATH (sqlite::memory: for tests) for one
 * machine, postgres://user:password@host:5432/database when replicas share state.
 * Only the engine in use is loaded: the PostgreSQL client costs a SQLite bot start-up
 * time and memory for nothing, and the reverse.
 */
import { type Store, StoreError, type StoreOptions } from './store.js';

export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    const { SqliteStore } = await import('./sqlite-store.js');
    return SqliteStore.open(path === ':memory:' ? ':memory:' : path, options);
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    const { PostgresStore } = await import('./postgres-store.js');
    return PostgresStore.open(databaseUrl, options);
  }
  throw new StoreError(
    'DATABASE_URL must start with sqlite: (for example sqlite:var/socialvs.db) or postgres:// (for example postgres://socialvs:PASSWORD@db.internal:5432/socialvs).',
  );
}
