/**
 * Purges question records, votes and quiz answers older than QUESTION_RETENTION_DAYS: once at start
 * and every day at 03:00 (TIP_TIMEZONE), so the usage report never holds more history
 * than the team agreed to keep.
 */
import type { Logger } from '@slack/bolt';
import { createTask, type ScheduledTask } from 'node-cron';
import type { Store } from './store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export class QuestionRetention {
  private task: ScheduledTask | undefined;

  constructor(private readonly options: { store: Store; days: number; timeZone: string; logger: Logger }) {}

  async purge(now: Date = new Date()): Promise<number> {
    const removed = await this.options.store.purgeBefore(
      new Date(now.getTime() - this.options.days * DAY_MS),
    );
    if (removed > 0)
      this.options.logger.info(
        `purged ${removed} question, vote and quiz answer records older than ${this.options.days} days`,
      );
    return removed;
  }

  async start(): Promise<void> {
    await this.purge().catch((error: unknown) =>
      this.options.logger.error('purging old questions failed:', error),
    );
    this.task = createTask(
      '0 3 * * *',
      () =>
        this.purge().catch((error: unknown) =>
          this.options.logger.error('purging old questions failed:', error),
        ),
      { timezone: this.options.timeZone, name: 'question-retention', noOverlap: true },
    );
    await this.task.start();
  }

  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
  }
}
