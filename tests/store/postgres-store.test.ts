/**
 * What is PostgreSQL's own (the behaviour both engines share is in store-contract.test.ts):
 * migrations when replicas start together, the same schema as SQLite, plain refusals
 * (unreachable server, wrong password, a newer or foreign schema), claims taken over
 * when the replica holding them dies, and idle connections dropped by the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { MIGRATIONS, POSTGRES_MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/open-store.js';
import { PostgresStore } from '../../src/store/postgres-store.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { StoreError, type TipSettlement } from '../../src/store/store.js';
import { gate } from '../support/gate.js';
import { expectPlain } from '../support/plain-message.js';
import { freshPostgresDatabase, type TestDatabase } from '../support/postgres.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<TestDatabase> {
  const created = await freshPostgresDatabase();
  cleanups.push(created.drop);
  return created;
}

async function open(url: string, onIdleError?: (error: Error) => void): Promise<PostgresStore> {
  const store = await PostgresStore.open(url, onIdleError ? { onBackgroundError: onIdleError } : {});
  cleanups.push(() => store.close());
  return store;
}

/** Runs SQL on the database directly, as an operator would with psql. */
async function sql<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function openError(url: string): Promise<StoreError> {
  const caught = await openStore(url).then(
    async (store) => {
      await store.close();
      return undefined;
    },
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(StoreError);
  return caught as StoreError;
}

describe('migrations', () => {
  it('run once when four replicas start at the same moment', async () => {
    const { url } = await database();
    const stores = await Promise.all([open(url), open(url), open(url), open(url)]);
    expect(stores).toHaveLength(4);
    expect(await sql(url, 'SELECT version FROM socialvs_schema')).toEqual([
      { version: POSTGRES_MIGRATIONS.length },
    ]);
    await stores[0]?.setUserLanguage('UKEEP', 'de');
    const reopened = await open(url);
    expect(await reopened.getUserLanguage('UKEEP')).toBe('de');
  });

  it('give the same tables and columns as SQLite', async () => {
    const { url } = await database();
    await open(url);
    const postgres = await sql<{ table_name: string; column_name: string }>(
      url,
      `SELECT table_name, column_name FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name != 'socialvs_schema'
         ORDER BY table_name, column_name`,
    );
    const dir = mkdtempSync(join(tmpdir(), 'socialvs-schema-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const sqlite = SqliteStore.open(join(dir, 'schema.db'));
    const sqliteColumns = (
      sqlite.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{
        name: string;
      }>
    ).flatMap(({ name }) =>
      (sqlite.db.prepare(`PRAGMA table_info(${name})`).all() as Array<{ name: string }>).map((column) => ({
        table_name: name,
        column_name: column.name,
      })),
    );
    await sqlite.close();
    const byName = (a: { table_name: string; column_name: string }, b: typeof a) =>
      `${a.table_name}.${a.column_name}` < `${b.table_name}.${b.column_name}` ? -1 : 1;
    expect(postgres.sort(byName)).toEqual(sqliteColumns.sort(byName));
    expect(POSTGRES_MIGRATIONS).toHaveLength(MIGRATIONS.length);
  });

  it('4 upgrades a database of schema 3: its questions stay, counted as one person per question', async () => {
    const { url } = await database();
    for (const migration of POSTGRES_MIGRATIONS.slice(0, 3)) await sql(url, migration);
    await sql(url, 'CREATE TABLE socialvs_schema (version INTEGER NOT NULL)');
    await sql(url, 'INSERT INTO socialvs_schema (version) VALUES (3)');
    for (const text of ['Pizza?', 'pizza', 'PIZZA']) {
      await sql(
        url,
        "INSERT INTO questions (asked_at, surface, language, topic, text, normalized) VALUES ($1, 'dm', 'en', NULL, $2, 'pizza')",
        [Date.now(), text],
      );
    }
    const store = await open(url);
    expect(await sql(url, 'SELECT version FROM socialvs_schema')).toEqual([
      { version: POSTGRES_MIGRATIONS.length },
    ]);
    // Who asked those three is unknown: at least one person, so one.
    expect((await store.usageReport(undefined)).unanswered).toMatchObject([{ count: 1 }]);
    await store.recordQuestion({
      askedAt: new Date(),
      surface: 'dm',
      language: 'en',
      topic: null,
      text: 'pizza',
      normalized: 'pizza',
      askerId: 'UANA',
    });
    expect((await store.usageReport(undefined)).unanswered).toMatchObject([{ count: 2 }]);
  });

  it('refuse a database written by a newer SocialVS, leaving it as it was', async () => {
    const { url } = await database();
    await (await open(url)).close();
    await sql(url, 'UPDATE socialvs_schema SET version = $1', [POSTGRES_MIGRATIONS.length + 1]);
    const error = await openError(url);
    expect(error.message).toContain('newer');
    expect(error.message).toContain(String(POSTGRES_MIGRATIONS.length + 1));
    expectPlain(error.message);
    expect(await sql(url, 'SELECT version FROM socialvs_schema')).toEqual([
      { version: POSTGRES_MIGRATIONS.length + 1 },
    ]);
  });

  it("refuse a database holding someone else's table of the same name, and change nothing", async () => {
    const { url } = await database();
    await sql(url, 'CREATE TABLE questions (id serial PRIMARY KEY, body text)');
    await sql(url, "INSERT INTO questions (body) VALUES ('Is this ours?')");
    const error = await openError(url);
    expect(error.message).toMatch(/Can't use the PostgreSQL database 127\.0\.0\.1:\d+\/socialvs_test_\w+: /);
    expect(error.message).toContain('questions');
    expectPlain(error.message);
    // All the migrations ran in one transaction, so none of them is left behind.
    const tables = await sql<{ table_name: string }>(
      url,
      'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
    );
    expect(tables).toEqual([{ table_name: 'questions' }]);
    expect(await sql(url, 'SELECT body FROM questions')).toEqual([{ body: 'Is this ours?' }]);
  });
});

describe('the question log', () => {
  it('writes a backlog too big for one statement (65,535 parameters) whole, in one go', async () => {
    const { url } = await database();
    const store = await open(url);
    // Seven values a row: 9,400 rows need 65,800 parameters. The buffer writes them all at
    // once when read, as it does after an outage it kept them through.
    const rows = 9_400;
    for (let n = 0; n < rows; n++) {
      await store.recordQuestion({
        askedAt: new Date(1_700_000_000_000 + n),
        surface: 'dm',
        language: 'en',
        topic: null,
        text: `q${n}`,
        normalized: `q${n % 7}`,
        askerId: `U${n % 3}`,
      });
    }
    expect((await store.usageReport(undefined)).asked).toBe(rows);
    expect(
      await sql(url, 'SELECT count(*)::int AS n, count(DISTINCT text)::int AS texts FROM questions'),
    ).toEqual([{ n: rows, texts: rows }]);
  });
});

describe('connection problems are one plain line, without the password', () => {
  it('a server that is not there', async () => {
    const url = 'postgres://socialvs:Hunter2Secret@127.0.0.1:1/socialvs';
    const error = await openError(url);
    expect(error.message).toContain("Can't use the PostgreSQL database 127.0.0.1:1/socialvs");
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('Hunter2Secret');
    expectPlain(error.message);
  });

  it('a wrong password', async () => {
    const { url } = await database();
    const wrong = new URL(url);
    wrong.password = 'NotThePassword42';
    const error = await openError(wrong.toString());
    expect(error.message).toContain('password authentication failed');
    expect(error.message).not.toContain('NotThePassword42');
    expectPlain(error.message);
  });
});

describe('a replica that dies holding a claim', () => {
  /**
   * Ends the connection whose transaction sits waiting on our gate, as a killed process
   * would: the one idle in a transaction that has written (its claim row), not the other
   * store's, which may be between its BEGIN and its INSERT.
   */
  async function killHolder(url: string): Promise<number> {
    const name = new URL(url).pathname.slice(1);
    const rows = await sql<{ killed: boolean }>(
      url,
      `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
         WHERE datname = $1 AND state = 'idle in transaction' AND backend_xid IS NOT NULL`,
      [name],
    );
    return rows.filter((row) => row.killed).length;
  }

  it('leaves no tip claim: the replica waiting on it posts instead, once', async () => {
    const { url } = await database();
    const [dying, survivor] = await Promise.all([open(url), open(url)]);
    const claim = { channelId: 'C0KILL', day: '2026-11-23', tipKey: 'tip-a', language: 'en' as const };
    const posts: string[] = [];
    const stuck = gate();
    const dyingRun = dying.withTipClaim(claim, async (): Promise<TipSettlement> => {
      posts.push('dying');
      await stuck.opened;
      return { outcome: 'posted', messageTs: 'never' };
    });
    await expect.poll(() => posts).toEqual(['dying']);
    const survivorRun = survivor.withTipClaim(claim, async (): Promise<TipSettlement> => {
      posts.push('survivor');
      return { outcome: 'posted', messageTs: '1700000000.000200' };
    });
    expect(await killHolder(url)).toBe(1);
    expect(await survivorRun).toEqual({ outcome: 'posted', messageTs: '1700000000.000200' });
    stuck.open();
    await expect(dyingRun).rejects.toThrow();
    expect(posts).toEqual(['dying', 'survivor']);
    expect(await survivor.tipHistory('C0KILL')).toMatchObject([{ messageTs: '1700000000.000200' }]);
  });

  it('leaves no event claim: the waiting delivery answers instead, once', async () => {
    const { url } = await database();
    const [dying, survivor] = await Promise.all([open(url), open(url)]);
    const answers: string[] = [];
    const stuck = gate();
    const dyingRun = dying.onceForEvent('EvKILL', async () => {
      answers.push('dying');
      await stuck.opened;
    });
    await expect.poll(() => answers).toEqual(['dying']);
    const survivorRun = survivor.onceForEvent('EvKILL', async () => {
      answers.push('survivor');
    });
    expect(await killHolder(url)).toBe(1);
    expect(await survivorRun).toBe(true);
    stuck.open();
    await expect(dyingRun).rejects.toThrow();
    expect(answers).toEqual(['dying', 'survivor']);
    expect(await survivor.onceForEvent('EvKILL', async () => {})).toBe(false);
  });
});

describe('idle connections', () => {
  it('dropped by the server are reported, not fatal, and the store goes on', async () => {
    const { url } = await database();
    const errors: Error[] = [];
    const store = await open(url, (error) => errors.push(error));
    await store.setUserLanguage('UIDLE', 'fr');
    const name = new URL(url).pathname.slice(1);
    await sql(
      url,
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE datname = $1 AND application_name = 'socialvs' AND state = 'idle'`,
      [name],
    );
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    expect(await store.getUserLanguage('UIDLE')).toBe('fr');
  });
});

describe('the test server', () => {
  it('is there (TEST_DATABASE_URL, or the throwaway server the global setup starts from npm)', () => {
    expect(inject('postgresProblem')).toBe('');
    expect(inject('postgresUrl')).toMatch(/^postgres:\/\//);
  });
});
