/**
 * Counts the Slack requests still being answered. Bolt acknowledges first and answers
 * after, so closing the HTTP server (or the socket) doesn't wait for answers; on shutdown
 * the bot waits here (bounded) until the answers it already promised have been sent.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';

export class InFlight {
  private count = 0;
  private waiters: Array<() => void> = [];

  get size(): number {
    return this.count;
  }

  /**
   * Bolt global middleware, registered before any other of ours: `next()` resolves once
   * every listener for the request has finished, so each request counts until then.
   */
  readonly middleware: Middleware<AnyMiddlewareArgs> = async ({ next }) => {
    await this.track(next());
  };

  /** Counts `work` while it runs. */
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
