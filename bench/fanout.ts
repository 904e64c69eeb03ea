/**
 * Tip fan-out: the real TipJob, SqliteStore (a temp file) and SlackPoster against the
 * stand-in enforcing Slack's chat.postMessage limits (about 1 message per second per
 * channel, and a workspace-wide rate set here). Checks from the stand-in's records that
 * every channel got exactly one tip and none twice, and from the store that all were
 * recorded; the achieved rate is successful posts per second over the allowed rate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../src/knowledge/load.js';
import { RedactingLogger } from '../src/logger.js';
import { SlackStandIn } from '../src/sandbox/slack-stand-in.js';
import { SlackPoster } from '../src/slack/slack-poster.js';
import { SqliteStore } from '../src/store/sqlite-store.js';
import { TipJob } from '../src/tips/tip-job.js';

export interface FanoutResult {
  channels: number;
  workspacePerSecond: number;
  workspaceBurst: number;
  channelPerSecond: number;
  channelBurst: number;
  paced: boolean;
  elapsedSeconds: number;
  posted: number;
  /** Channels that got no successful chat.postMessage. */
  missing: number;
  /** Channels that got more than one. */
  doubled: number;
  /** tip_posts rows with a message ts. */
  recorded: number;
  rateLimited: number;
  achievedPerSecond: number;
  /** Posted over what the workspace limit allowed in that time: burst + rate × elapsed. */
  fractionOfAllowed: number;
  report: { posted: number; skipped: number; paused: number; failed: number };
}

const TOKEN = 'xoxb-bench-0000000000-fanouttoken';

export async function benchFanout(
  options: {
    channels?: number;
    workspacePerSecond?: number;
    /** Tell the job the workspace limit (TipJob's ratePerSecond); false: the job runs unpaced. */
    paced?: boolean;
    /** What the job is told the limit is (default: the limit itself). */
    jobRate?: number;
    concurrency?: number;
  } = {},
): Promise<FanoutResult> {
  const channels = options.channels ?? 1000;
  const workspacePerSecond = options.workspacePerSecond ?? 80;
  const workspaceBurst = Math.max(1, Math.ceil(workspacePerSecond / 10));
  const dir = mkdtempSync(join(tmpdir(), 'socialvs-bench-fanout-'));
  const standIn = await SlackStandIn.start({ expectedToken: TOKEN });
  const store = SqliteStore.open(join(dir, 'fanout.db'));
  try {
    const languages = ['en', 'id', 'de', 'fr'] as const;
    const ids: string[] = [];
    for (let i = 0; i < channels; i++) {
      const channelId = `C${String(i).padStart(8, '0')}`;
      ids.push(channelId);
      await store.subscribe({ channelId, language: languages[i % 4] ?? 'en', source: 'command' });
    }
    const logger = new RedactingLogger('warn', [TOKEN], () => undefined);
    const poster = new SlackPoster(TOKEN, standIn.apiUrl, logger);
    const job = new TipJob({
      kb: loadKnowledgeBase(),
      store,
      poster,
      logger,
      timeZone: 'UTC',
      ...(options.paced === false ? {} : { ratePerSecond: options.jobRate ?? workspacePerSecond }),
      ...(options.concurrency ? { concurrency: options.concurrency } : {}),
    });
    standIn.rateLimit({ workspacePerSecond, workspaceBurst, channelPerSecond: 1, channelBurst: 3 });
    const now = new Date();
    const started = performance.now();
    const report = await job.run(now);
    const elapsedSeconds = (performance.now() - started) / 1000;
    standIn.rateLimit(undefined);

    const posts = standIn.callsOf('chat.postMessage');
    const okPerChannel = new Map<string, number>();
    for (const call of posts) {
      if (call.outcome !== 'ok') continue;
      const channel = String(call.args.channel);
      okPerChannel.set(channel, (okPerChannel.get(channel) ?? 0) + 1);
    }
    const posted = [...okPerChannel.values()].reduce((sum, n) => sum + n, 0);
    const recorded = (
      store.db
        .prepare('SELECT count(*) AS n FROM tip_posts WHERE message_ts IS NOT NULL AND day = ?')
        .get(report.day) as { n: number }
    ).n;
    const achievedPerSecond = posted / elapsedSeconds;
    return {
      channels,
      workspacePerSecond,
      workspaceBurst,
      channelPerSecond: 1,
      channelBurst: 3,
      paced: options.paced !== false,
      elapsedSeconds,
      posted,
      missing: ids.filter((id) => !okPerChannel.has(id)).length,
      doubled: [...okPerChannel.values()].filter((n) => n > 1).length,
      recorded,
      rateLimited: posts.filter((call) => call.outcome === 'http_429').length,
      achievedPerSecond,
      fractionOfAllowed: posted / (workspaceBurst + workspacePerSecond * elapsedSeconds),
      report: {
        posted: report.posted.length,
        skipped: report.skipped.length,
        paused: report.paused.length,
        failed: report.failed.length,
      },
    };
  } finally {
    await store.close();
    await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// Run alone: `npx tsx bench/fanout.ts`
if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchFanout());
}
