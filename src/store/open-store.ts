/**
 * Chooses the store from DATABASE_URL: sqlite:PATH (sqlite::memory: for tests) for one
 * machine, postgres://user:password@host:5432/database when replicas share state.
 */
import { PostgresStore } from './postgres-store.js';
import { SqliteStore } from './sqlite-store.js';
import { type Store, StoreError, type StoreOptions } from './store.js';

export async function openStore(databaseUrl: string, options: StoreOptions = {}): Promise<Store> {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    return SqliteStore.open(path === ':memory:' ? ':memory:' : path, options);
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return PostgresStore.open(databaseUrl, options);
  throw new StoreError(
    'DATABASE_URL must start with sqlite: (for example sqlite:var/socialvs.db) or postgres:// (for example postgres://socialvs:PASSWORD@db.internal:5432/socialvs).',
  );
}
