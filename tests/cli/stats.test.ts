/** `npm run stats` on the server: the report from the database, as text or CSV. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/store/sqlite-store.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
let dir: string;
let databaseUrl: string;

function stats(...args: string[]) {
  return spawnSync(join(root, 'node_modules/.bin/tsx'), ['src/cli/stats.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, DATABASE_URL: databaseUrl, DOTENV_CONFIG_PATH: '/nonexistent' },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'socialvs-stats-'));
  databaseUrl = `sqlite:${join(dir, 'stats.db')}`;
  const store = SqliteStore.open(join(dir, 'stats.db'));
  const now = new Date();
  const old = new Date(Date.now() - 60 * 24 * 60 * 60 * 1000);
  await store.recordQuestion({
    askedAt: now,
    surface: 'command',
    language: 'en',
    topic: 'roi',
    text: 'ROI',
    normalized: 'roi',
  });
  await store.recordQuestion({
    askedAt: now,
    surface: 'dm',
    language: 'fr',
    topic: null,
    text: 'pizza, "vite"',
    normalized: 'pizza vite',
  });
  await store.recordQuestion({
    askedAt: old,
    surface: 'mention',
    language: 'de',
    topic: 'roi',
    text: 'ROI?',
    normalized: 'roi',
  });
  await store.recordVote({ answerId: '1', userId: 'U1', topic: 'roi', language: 'en', vote: -1, at: now });
  await store.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run stats', () => {
  it('prints the last 30 days by default', () => {
    const run = stats();
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('questions asked: 2, answered: 1 (50%)');
    expect(run.stdout).toContain('pizza, "vite"');
    expect(run.stdout).toContain('0 / 1  Return on investment');
  });

  it('--since all includes older questions', () => {
    expect(stats('--since', 'all').stdout).toContain('questions asked: 3, answered: 2');
  });

  it('--csv writes quoted CSV', () => {
    const run = stats('--csv');
    expect(run.stdout.split('\n')[0]).toBe('section,item,count,answered_or_down');
    expect(run.stdout).toContain('unanswered,"pizza, ""vite""",1,');
    expect(run.stdout).toContain('total,questions,2,1');
  });

  it('rejects a bad --since with a plain message', () => {
    const run = stats('--since', 'yesterday');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--since');
  });
});
