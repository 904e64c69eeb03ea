/**
 * Mentions end to end: `concurrency` senders each post a signed app_mention event (a new
 * event_id and ts every time), wait for the bot's acknowledgement, then for the answer's
 * chat.postMessage to reach the stand-in, and send the next. Latency is from just before
 * the event is sent to the postMessage's arrival at the stand-in (both stamped with the
 * system's monotonic clock); events per second count completed answers.
 */
import { Agent, request } from 'node:http';
import { slackSignature } from '../src/sandbox/signed-requests.js';
import { BOT_USER_ID, TEAM_ID } from '../src/sandbox/slack-stand-in.js';
import type { Server, StandInProcess } from './servers.js';
import { SIGNING_SECRET } from './servers.js';
import { percentile } from './stats.js';

export const MENTION_QUESTIONS = [
  'how do they differ in ROI?',
  'what is the main goal of social networking compared with social media?',
  'Wie unterscheiden sich Social Networking und Social Media bei der Zielgruppe?',
  'quelle est la différence entre réseaux sociaux et médias sociaux ?',
  'apa perbedaan jaringan sosial dan media sosial?',
  'two-way communication',
];

export interface MentionRun {
  concurrency: number;
  seconds: number;
  completed: number;
  /** Acknowledged but never answered within the wait at the end. */
  unanswered: number;
  failed: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const nowUs = () => Number(process.hrtime.bigint() / 1000n);
/** Event ids and message ts never repeat within a benchmark run (the bot answers an event_id once). */
let counter = 0;
const runId = Date.now().toString(36).toUpperCase();

export async function loadMentions(
  server: Server,
  standIn: StandInProcess,
  concurrency: number,
  seconds: number,
): Promise<MentionRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const waiting = new Map<string, (atUs: number) => void>();
  await standIn.watch((posted) => waiting.get(posted.threadTs)?.(posted.at));
  const latencies: number[] = [];
  let failed = 0;
  let unanswered = 0;
  const baseTs = Math.floor(Date.now() / 1000);

  const post = (body: string, timestamp: number) =>
    new Promise<number>((resolve) => {
      const req = request(
        `${server.baseUrl}/slack/events`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
          },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });

  const one = async (): Promise<void> => {
    counter += 1;
    const ts = `${baseTs}.${String(counter).padStart(6, '0')}`;
    const user = `U0BENCH${(counter % 4) + 1}`;
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({
      token: 'legacy-verification-token',
      team_id: TEAM_ID,
      api_app_id: 'A0SOCIALVS',
      type: 'event_callback',
      event_id: `Ev${runId}${String(counter).padStart(8, '0')}`,
      event_time: timestamp,
      event: {
        type: 'app_mention',
        user,
        text: `<@${BOT_USER_ID}> ${MENTION_QUESTIONS[counter % MENTION_QUESTIONS.length]}`,
        ts,
        channel: 'C0BENCH01',
        event_ts: ts,
      },
      authorizations: [
        { team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false },
      ],
    });
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<number | undefined>((resolve) => {
      waiting.set(ts, resolve);
      timer = setTimeout(() => resolve(undefined), 10_000);
    });
    const sent = nowUs();
    const status = await post(body, timestamp);
    if (status !== 200) {
      failed++;
      waiting.delete(ts);
      clearTimeout(timer);
      return;
    }
    const at = await answered;
    clearTimeout(timer);
    waiting.delete(ts);
    if (at === undefined) unanswered++;
    else latencies.push((at - sent) / 1000);
  };

  const started = nowUs();
  const deadline = started + seconds * 1e6;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (nowUs() < deadline) await one();
    }),
  );
  const elapsed = (nowUs() - started) / 1e6;
  await standIn.watch(undefined);
  agent.destroy();
  return {
    concurrency,
    seconds: elapsed,
    completed: latencies.length,
    unanswered,
    failed,
    eventsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
