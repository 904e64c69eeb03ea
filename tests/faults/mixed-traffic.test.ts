/**
 * The short version of the soak (`npm run soak`): a burst of mixed traffic (slash commands,
 * mentions, DMs, button presses) is answered exactly once per request, with no error in
 * the log. Memory drift is the soak's to report; no test asserts a time or a size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MixedTraffic } from '../../bench/mixed-traffic.js';
import { type Harness, startHarness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ LOG_LEVEL: 'info' });
});
afterAll(async () => {
  await h.close();
});

describe('mixed traffic', () => {
  it('answers each of 400 mixed requests exactly once, with no errors', async () => {
    const traffic = new MixedTraffic(h.slack, h.standIn);
    for (let batch = 0; batch < 20; batch++) {
      await Promise.all(Array.from({ length: 20 }, () => traffic.sendOne()));
    }
    await expect.poll(() => traffic.outstanding, { timeout: 30_000 }).toBe(0);
    expect(traffic.sent).toBe(400);
    expect(traffic.answered).toBe(400);
    expect(traffic.doubled).toBe(0);
    expect(traffic.failed).toBe(0);
    expect(Object.values(traffic.byKind).every((count) => count > 0)).toBe(true);
    expect(h.logs.filter((line) => / ERROR /.test(line))).toEqual([]);
  });
});
