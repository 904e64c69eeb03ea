/**
 * Vitest global setup: the PostgreSQL server the store and replica tests use. CI starts
 * one (.ci/run) and passes TEST_DATABASE_URL; without it, a throwaway cluster is started
 * here on 127.0.0.1 and removed afterwards. If PostgreSQL isn't installed, the tests that
 * need it fail with that reason; the rest run as usual.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const SCRIPT = fileURLToPath(new URL('./throwaway-postgres.sh', import.meta.url));

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin connection string to the test server ('' when there is none). */
    postgresUrl: string;
    /** Why there is no server, when there is none. */
    postgresProblem: string;
  }
}

export default function setup(project: TestProject): (() => void) | undefined {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    project.provide('postgresProblem', '');
    return undefined;
  }
  let output: string;
  try {
    output = execFileSync('bash', [SCRIPT, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim();
    project.provide('postgresUrl', '');
    project.provide('postgresProblem', `no PostgreSQL server for the tests: ${stderr || String(error)}`);
    return undefined;
  }
  const url = /^TEST_DATABASE_URL=(.+)$/m.exec(output)?.[1] ?? '';
  const dir = /^TEST_POSTGRES_DIR=(.+)$/m.exec(output)?.[1] ?? '';
  project.provide('postgresUrl', url);
  project.provide('postgresProblem', url ? '' : `throwaway-postgres.sh printed no URL: ${output}`);
  return () => {
    if (dir) execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
  };
}
