/**
 * `npm run soak -- [--minutes 10] [--rate 25]`: the compiled bot under a steady mix of
 * slash commands, mentions, DMs and button presses for ten minutes. Reports whether every
 * request was answered exactly once, the error count, and the drift of resident memory
 * from the end of the warm-up to the end (sampled every five seconds). Not a test: it runs
 * beside the benchmark, and `npm test` keeps a short version of it.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { SlackRequestSender } from '../src/sandbox/signed-requests.js';
import { SlackStandIn } from '../src/sandbox/slack-stand-in.js';
import { MixedTraffic } from './mixed-traffic.js';
import { BOT_TOKEN, freePort, ROOT, residentMiB, SIGNING_SECRET } from './servers.js';
import { median, sleep } from './stats.js';

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
};
const minutes = option('--minutes', 10);
const rate = option('--rate', 25);
const durationMs = minutes * 60_000;
const warmupMs = Math.min(60_000, durationMs / 5);

const standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
const dir = mkdtempSync(join(tmpdir(), 'socialvs-soak-'));
const port = await freePort();
const child = spawn(process.execPath, [join(ROOT, 'dist/app.js')], {
  env: {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    PORT: String(port),
    DATABASE_URL: `sqlite:${join(dir, 'soak.db')}`,
    LOG_LEVEL: 'info',
  },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let errorLines = 0;
let stderrTail = '';
child.stderr?.on('data', (chunk: Buffer) => {
  const text = chunk.toString();
  stderrTail = (stderrTail + text).slice(-4000);
  errorLines += (text.match(/ ERROR /g) ?? []).length;
});
for (let tries = 0; ; tries++) {
  const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
    (response) => response.ok,
    () => false,
  );
  if (ok) break;
  if (tries > 200) throw new Error(`the bot did not start: ${stderrTail}`);
  await sleep(50);
}

const traffic = new MixedTraffic(
  new SlackRequestSender(`http://127.0.0.1:${port}/slack/events`, SIGNING_SECRET),
  standIn,
);
const samples: Array<{ atMs: number; rssMiB: number }> = [];
const started = Date.now();
const sampler = setInterval(() => {
  samples.push({ atMs: Date.now() - started, rssMiB: residentMiB(child.pid ?? 0) });
  // The stand-in keeps every call; the traffic tracks answers itself, so drop them.
  standIn.reset();
  const done = Math.round((100 * (Date.now() - started)) / durationMs);
  process.stdout.write(
    `\r${done}% · ${traffic.sent} sent · ${traffic.answered} answered · ${errorLines} errors   `,
  );
}, 5000);

// A steady rate: each request at its own slot, whatever the previous one took.
const interval = 1000 / rate;
const inFlight = new Set<Promise<void>>();
for (let n = 0; Date.now() - started < durationMs; n++) {
  const slot = started + n * interval;
  const wait = slot - Date.now();
  if (wait > 0) await sleep(wait);
  const request = traffic.sendOne().finally(() => inFlight.delete(request));
  inFlight.add(request);
}
await Promise.all(inFlight);
for (let waited = 0; traffic.outstanding > 0 && waited < 15_000; waited += 100) await sleep(100);
clearInterval(sampler);
process.stdout.write('\n');

// Resident memory saws up and down with each garbage collection, so single samples say
// little: compare the first and the last third after the warm-up by their medians and peaks.
const afterWarmup = samples.filter((sample) => sample.atMs >= warmupMs).map((sample) => sample.rssMiB);
const third = Math.max(1, Math.floor(afterWarmup.length / 3));
const early = afterWarmup.slice(0, third);
const late = afterWarmup.slice(-third);
const first = median(early);
const last = median(late);
const peak = Math.max(...samples.map((sample) => sample.rssMiB));
const peakDrift = (100 * (Math.max(...late) - Math.max(...early))) / Math.max(...early);
const result = {
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
  },
  minutes,
  ratePerSecond: rate,
  sent: traffic.sent,
  byKind: traffic.byKind,
  answered: traffic.answered,
  unanswered: traffic.outstanding,
  answeredTwice: traffic.doubled,
  failedRequests: traffic.failed,
  errorLogLines: errorLines,
  rssMiB: { firstThirdMedian: +first.toFixed(1), lastThirdMedian: +last.toFixed(1), peak: +peak.toFixed(1) },
  driftPercent: +((100 * (last - first)) / first).toFixed(1),
  peakDriftPercent: +peakDrift.toFixed(1),
  samples,
};

child.kill('SIGTERM');
await new Promise((resolve) => child.once('exit', resolve));
await standIn.close();
rmSync(dir, { recursive: true, force: true });

mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/soak.json'), `${JSON.stringify(result, null, 2)}\n`);
const ok =
  result.unanswered === 0 && result.answeredTwice === 0 && result.failedRequests === 0 && errorLines === 0;
console.log(
  [
    `soak: ${minutes} min at ${rate} requests/s on ${result.machine.cpu} (${result.machine.cores} cores), Node ${process.version}`,
    `  requests: ${result.sent} sent (${Object.entries(result.byKind)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')})`,
    `  answered once: ${result.answered}, unanswered: ${result.unanswered}, answered twice: ${result.answeredTwice}`,
    `  failed requests: ${result.failedRequests}, ERROR log lines: ${errorLines}`,
    `  resident memory, median of the first and the last third after warm-up: ${first.toFixed(1)} → ${last.toFixed(1)} MiB ` +
      `(drift ${result.driftPercent}%; peaks ${result.peakDriftPercent}%), highest ${peak.toFixed(1)} MiB`,
    `  ${ok ? 'PASS' : 'FAIL'}: every request answered exactly once, no errors`,
  ].join('\n'),
);
process.exitCode = ok ? 0 : 1;
