/**
 * `npm run listener-cost`: what each registered listener costs Bolt per request, in-process
 * and without the network: a bare Bolt app answering a slash command, with 0, 5, 10 and 20
 * more action listeners registered that never match it. Bolt runs every listener's
 * middleware chain for every request (to find the ones that match), so the bot's sixteen
 * listeners cost it that much more than a one-listener app. docs/benchmark.md has the figures.
 */
import { App, type Receiver } from '@slack/bolt';

/** Hands Bolt nothing: the requests come straight through App.processEvent, as a receiver sends them. */
class NoReceiver implements Receiver {
  init(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
}

const EXTRA_LISTENERS = [0, 5, 10, 20];
const WARM_UP = 3000;
const REQUESTS = 20_000;
const ROUNDS = 3;

async function cpuPerRequest(extraListeners: number): Promise<number> {
  const app = new App({
    token: 'xoxb-listener-cost',
    botId: 'B0BENCH',
    botUserId: 'U0BENCH',
    receiver: new NoReceiver(),
    tokenVerificationEnabled: false,
  });
  app.command('/socialvs', async ({ ack }) => {
    await ack();
  });
  for (let i = 0; i < extraListeners; i++) app.action(`never_pressed_${i}`, async ({ ack }) => ack());
  const command = () =>
    app.processEvent({
      body: { command: '/socialvs', text: 'roi', user_id: 'U1', channel_id: 'C1', team_id: 'T1' },
      ack: async () => {},
    });
  for (let i = 0; i < WARM_UP; i++) await command();
  const before = process.cpuUsage();
  for (let i = 0; i < REQUESTS; i++) await command();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / REQUESTS;
}

for (let round = 1; round <= ROUNDS; round++) {
  const figures: string[] = [];
  for (const extra of EXTRA_LISTENERS)
    figures.push(`${extra} more: ${(await cpuPerRequest(extra)).toFixed(1)} µs`);
  process.stdout.write(`round ${round}: ${figures.join(' · ')}\n`);
}
