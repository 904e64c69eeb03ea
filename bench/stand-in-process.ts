/**
 * The Slack stand-in in a process of its own, for the wire sections of the benchmark: the
 * bot's Web API calls and response_url posts cost the benchmark's load generator nothing.
 * Run under tsx (it is the test double, not what is measured); talks to the benchmark
 * over IPC. With `watch` on, it reports each chat.postMessage as it arrives, stamped with
 * the system's monotonic clock (process.hrtime, the same in every process).
 */
import { type RecordedCall, SlackStandIn } from '../src/sandbox/slack-stand-in.js';

export type StandInRequest =
  | { type: 'stats' }
  | { type: 'reset' }
  | { type: 'watch'; on: boolean }
  | { type: 'users'; users: Array<{ id: string; locale: string }> };

export type StandInMessage =
  | { type: 'ready'; url: string; apiUrl: string }
  | {
      type: 'stats';
      responses: number;
      calls: Record<string, number>;
      outcomes: Record<string, number>;
    }
  | { type: 'done' }
  /** `at`: microseconds of process.hrtime. */
  | { type: 'posted'; channel: string; threadTs: string; at: number };

const send = (message: StandInMessage) => process.send?.(message);

const standIn = await SlackStandIn.start({ expectedToken: process.env.BENCH_BOT_TOKEN });
let watching = false;
standIn.on('call', (call: RecordedCall) => {
  if (!watching || call.method !== 'chat.postMessage') return;
  send({
    type: 'posted',
    channel: String(call.args.channel),
    threadTs: String(call.args.thread_ts ?? ''),
    at: Number(process.hrtime.bigint() / 1000n),
  });
});

process.on('message', (request: StandInRequest) => {
  switch (request.type) {
    case 'stats': {
      const calls: Record<string, number> = {};
      const outcomes: Record<string, number> = {};
      for (const call of standIn.calls) {
        calls[call.method] = (calls[call.method] ?? 0) + 1;
        outcomes[call.outcome] = (outcomes[call.outcome] ?? 0) + 1;
      }
      send({ type: 'stats', responses: standIn.responses.length, calls, outcomes });
      return;
    }
    case 'reset':
      standIn.reset();
      break;
    case 'watch':
      watching = request.on;
      break;
    case 'users':
      for (const user of request.users) standIn.users.set(user.id, { name: user.id, locale: user.locale });
      break;
  }
  send({ type: 'done' });
});
process.on('disconnect', () => {
  standIn.close().finally(() => process.exit(0));
});
send({ type: 'ready', url: standIn.url, apiUrl: standIn.apiUrl });
