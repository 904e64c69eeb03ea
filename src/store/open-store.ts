/** Chooses the store from DATABASE_URL: sqlite:PATH, or sqlite::memory: for tests. */
import { SqliteStore } from './sqlite-store.js';
import { type Store, StoreError } from './store.js';

export function openStore(databaseUrl: string): Store {
  if (databaseUrl.startsWith('sqlite:')) {
    const path = databaseUrl.slice('sqlite:'.length);
    return SqliteStore.open(path === ':memory:' ? ':memory:' : path);
  }
  throw new StoreError('DATABASE_URL must start with sqlite: (for example sqlite:var/socialvs.db).');
}
