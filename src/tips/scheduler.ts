/**
 * Runs the tip job on TIP_CRON in TIP_TIMEZONE (node-cron), and once at start when the
 * schedule already fired earlier today: a tip missed while the bot was down is posted
 * when it comes back the same day. Runs never overlap; the job's per-day claim makes an
 * extra run harmless anyway.
 */
import type { Logger } from '@slack/bolt';
import { createTask, parse as parseCron, type ScheduledTask } from 'node-cron';
import { firedEarlierToday } from './day.js';
import type { TipJob, TipRunReport } from './tip-job.js';

export interface TipSchedulerOptions {
  cron: string;
  timeZone: string;
  job: TipJob;
  logger: Logger;
}

export class TipScheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<TipRunReport> | undefined;

  constructor(private readonly options: TipSchedulerOptions) {}

  /** Starts the schedule, and the catch-up run in the background when one is due. */
  async start(now: Date = new Date()): Promise<void> {
    const { cron, timeZone } = this.options;
    this.task = createTask(cron, () => this.runNow('scheduled').then(() => undefined), {
      timezone: timeZone,
      name: 'daily-tips',
      noOverlap: true,
    });
    await this.task.start();
    const task = this.task;
    if (firedEarlierToday((instant) => task.match(instant), now, timeZone, parseCron(cron).second)) {
      void this.runNow('catch-up');
    }
  }

  /** Runs the job now (the sandbox's "run the tip job" button, catch-up); joins a run in progress. */
  runNow(reason: 'scheduled' | 'catch-up' | 'manual' = 'manual'): Promise<TipRunReport> {
    if (this.running) return this.running;
    this.options.logger.debug(`tip job: ${reason} run`);
    this.running = this.options.job
      .run(new Date())
      .catch((error: unknown) => {
        this.options.logger.error('tip job failed:', error);
        return { day: '', quizDay: false, posted: [], skipped: [], paused: [], failed: [] };
      })
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  nextRun(): Date | null {
    return this.task?.getNextRun() ?? null;
  }

  /** Stops the schedule and waits (at most `timeoutMs`) for a run in progress to finish. */
  async stop(timeoutMs = 10_000): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    if (this.running) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.running.catch(() => undefined),
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
    }
  }
}
