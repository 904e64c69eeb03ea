import { expect } from 'vitest';

/** One plain line, as a user or an admin should see an error: no stack frames, no line breaks. */
export function expectPlain(message: string): void {
  expect(message).not.toContain('\n');
  expect(message).not.toMatch(/\s+at\s+\S+\s+\(/);
  expect(message).not.toContain('    at ');
}
