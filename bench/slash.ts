/**
 * Slash commands over the wire: autocannon sends signed `/socialvs` requests to a server
 * at a given concurrency; we record every acknowledgement's latency (autocannon's own
 * histogram keeps whole milliseconds only) and the 2xx rate. For our bot, every command
 * must be answered: in the acknowledgement itself (counted from its body), or else through
 * the response_url (counted at the stand-in; the next run waits until they are delivered).
 */
import autocannon from 'autocannon';
import { messageInAck, slackSignature } from '../src/sandbox/signed-requests.js';
import { TEAM_ID } from '../src/sandbox/slack-stand-in.js';
import type { Server, StandInProcess } from './servers.js';
import { cpuMs, SIGNING_SECRET } from './servers.js';
import { percentile } from './stats.js';

/** What people ask: each a different topic or language; one has no language of its own ("ROI?"). */
export const SLASH_QUESTIONS = [
  'what is the ROI difference?',
  'how do social networking and social media differ in their goals?',
  'Was ist der Unterschied zwischen Social Networking und Social Media?',
  'quelle est la différence de communication entre réseaux sociaux et médias sociaux',
  'apa perbedaan jaringan sosial dan media sosial dalam hal audiens?',
  'social networking vs social media',
  'ROI?',
  'how to book a meeting room',
];

export const BENCH_USERS = [
  { id: 'U0BENCH1', locale: 'en-US' },
  { id: 'U0BENCH2', locale: 'de-DE' },
  { id: 'U0BENCH3', locale: 'fr-FR' },
  { id: 'U0BENCH4', locale: 'id-ID' },
];

/** One signed request per question, signed now (Slack accepts a timestamp for five minutes). */
export function signedSlashRequests(responseUrl: string): autocannon.Request[] {
  const timestamp = Math.floor(Date.now() / 1000);
  return SLASH_QUESTIONS.map((text, i) => {
    const user = BENCH_USERS[i % BENCH_USERS.length] as { id: string };
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: TEAM_ID,
      team_domain: 'bench',
      channel_id: 'C0BENCH01',
      channel_name: 'general',
      user_id: user.id,
      user_name: user.id.toLowerCase(),
      command: '/socialvs',
      text,
      api_app_id: 'A0SOCIALVS',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: `${timestamp}.bench.trigger`,
    }).toString();
    return {
      method: 'POST',
      path: '/slack/events',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': slackSignature(SIGNING_SECRET, timestamp, body),
      },
      body,
    };
  });
}

export interface SlashRun {
  /** 'bare copy': a second bare Bolt app, measured against the first to show the run's noise. */
  server: 'ours' | 'bare' | 'bare copy' | 'bare, bot listeners';
  connections: number;
  seconds: number;
  acknowledged: number;
  /** Non-2xx answers, connection errors and timeouts. */
  failed: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The server's CPU time per acknowledged command, in µs (for ours, its answer included). */
  cpuUsPerCommand: number;
  /** Acknowledgements that carried the answer itself (ours answers in the ack when it can). */
  answeredInAck: number;
  /** Ours only: commands answered, in the ack or through the response_url. */
  answered?: number;
}

export async function loadSlash(
  server: Server,
  requests: autocannon.Request[],
  connections: number,
  seconds: number,
): Promise<SlashRun> {
  const latencies: number[] = [];
  const pid = server.child.pid ?? 0;
  let answeredInAck = 0;
  const counted = requests.map((request) => ({
    ...request,
    onResponse: (status: number, body: string) => {
      if (messageInAck({ status, body })) answeredInAck++;
    },
  }));
  const cpuBefore = cpuMs(pid);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url: server.baseUrl, connections, duration: seconds, requests: counted, timeout: 10 },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  const cpuAfter = cpuMs(pid);
  const failed = result.non2xx + result.errors + result.timeouts;
  return {
    server: server.kind,
    connections,
    seconds: result.duration,
    acknowledged: latencies.length,
    failed,
    requestsPerSecond: latencies.length / result.duration,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuUsPerCommand: ((cpuAfter - cpuBefore) * 1000) / Math.max(1, latencies.length),
    answeredInAck,
  };
}

/**
 * Commands answered: those answered in the ack, plus the response_url answers the stand-in
 * received for the others (waited for, up to 30 s).
 */
export async function waitForAnswers(standIn: StandInProcess, run: SlashRun): Promise<number> {
  const viaResponseUrl = run.acknowledged - run.answeredInAck;
  const stats = await standIn.waitUntil((s) => s.responses >= viaResponseUrl, 30_000);
  return run.answeredInAck + stats.responses;
}
