/**
 * Counts the Slack requests still being answered. Bolt acknowledges first and answers
 * after, so closing the HTTP server doesn't wait for answers; on shutdown the bot waits
 * here (bounded) until the answers it already promised have been sent.
 */
export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  /** Counts `work` (one request, from receipt until every listener has finished) while it runs. */
  track<T>(work: Promise<T>): Promise<T> {
    this.count++;
    return work.finally(() => {
      this.count--;
      if (this.count === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Resolves true when nothing is in flight, or false once `timeoutMs` has passed. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
