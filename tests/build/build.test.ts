/**
 * `npm run build`, and the bot it builds as production runs it (`node dist/app.js`): it
 * answers over signed HTTP, starts from the build's snapshot while data/ is unchanged and
 * from the YAML once it changed, and a build over broken data leaves nothing to run.
 *
 * Each build goes to a temporary project (a copy of data/ and a link to node_modules),
 * since the bundle finds data/ and its packages upwards from where it lies.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildBot } from '../../src/cli/build.js';
import { DataError } from '../../src/knowledge/load.js';
import { messageInAck, SlackRequestSender } from '../../src/sandbox/signed-requests.js';
import { SlackStandIn } from '../../src/sandbox/slack-stand-in.js';
import { ChildBot } from '../support/child-bot.js';
import { copyData, editYaml } from '../support/data-copy.js';
import { BOT_TOKEN, SIGNING_SECRET } from '../support/harness.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const created: string[] = [];
const bots: ChildBot[] = [];
let standIn: SlackStandIn;

beforeAll(async () => {
  standIn = await SlackStandIn.start({ expectedToken: BOT_TOKEN });
});
afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await standIn.close();
  for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A project folder with its own data/ (a copy) and the real node_modules. */
function project(): { root: string; data: string; dist: string } {
  const root = mkdtempSync(join(tmpdir(), 'socialvs-build-'));
  created.push(root);
  const data = join(root, 'data');
  const copy = copyData(created);
  symlinkSync(copy, data, 'dir');
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, data, dist: join(root, 'dist') };
}

async function startBuilt(script: string): Promise<ChildBot> {
  const dir = mkdtempSync(join(tmpdir(), 'socialvs-build-db-'));
  created.push(dir);
  const bot = await ChildBot.start(
    { SLACK_API_URL: standIn.apiUrl, DATABASE_URL: `sqlite:${join(dir, 'socialvs.db')}` },
    { script },
  );
  bots.push(bot);
  return bot;
}

/** The card's header when `/socialvs <text>` is asked of `bot`. */
async function headerOf(bot: ChildBot, text: string): Promise<string | undefined> {
  const slack = new SlackRequestSender(`${bot.url}/slack/events`, SIGNING_SECRET);
  const sent = await slack.slashCommand({
    text,
    userId: 'U0BUILD01',
    channelId: 'C0BUILD01',
    responseUrl: standIn.responseUrl(),
  });
  expect(sent.status).toBe(200);
  const blocks = (messageInAck(sent)?.blocks ?? []) as Array<{ type: string; text?: { text: string } }>;
  return blocks.find((block) => block.type === 'header')?.text?.text;
}

describe('npm run build', () => {
  it('builds a bot that answers a signed /socialvs with the topic card, run by plain node', async () => {
    const { dist, data } = project();
    const script = await buildBot(dist, data);
    expect(script).toBe(join(dist, 'app.js'));
    const bot = await startBuilt(script);
    expect(await headerOf(bot, 'what is the ROI difference?')).toBe('Return on investment (ROI)');
    await bot.stop();
    expect((await bot.exited).code).toBe(0);
    // The configured store only: the SQLite chunk was loaded, and PostgreSQL's stays a file apart.
    expect(readdirSync(dist).some((name) => /^postgres-store-.*\.js$/.test(name))).toBe(true);
    expect(readFileSync(script, 'utf8')).not.toMatch(/from\s*"pg"/);
  });

  it('the built bot starts from its snapshot while data/ is unchanged, and from the YAML once it changed', async () => {
    const { dist, data } = project();
    const script = await buildBot(dist, data);
    // Marks the snapshot's copy of the ROI title; the YAML still has the real one.
    const snapshotFile = join(dist, 'knowledge.snapshot.json');
    const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    const roi = snapshot.topics.find((topic: { id: string }) => topic.id === 'roi');
    roi.text.en.title = 'ROI, as the snapshot has it';
    writeFileSync(snapshotFile, JSON.stringify(snapshot));

    const fromSnapshot = await startBuilt(script);
    expect(await headerOf(fromSnapshot, 'what is the ROI difference?')).toBe('ROI, as the snapshot has it');
    await fromSnapshot.stop();

    editYaml(data, 'topics/roi.yml', (doc) => doc.setIn(['text', 'en', 'title'], 'ROI, as edited'));
    const fromYaml = await startBuilt(script);
    expect(await headerOf(fromYaml, 'what is the ROI difference?')).toBe('ROI, as edited');
    await fromYaml.stop();
  });

  it('over broken data fails with the problem named, and leaves no earlier build behind', async () => {
    const { dist, data } = project();
    await buildBot(dist, data);
    editYaml(data, 'topics/roi.yml', (doc) => doc.deleteIn(['text', 'fr']));
    const failed = buildBot(dist, data);
    await expect(failed).rejects.toThrow(DataError);
    await expect(failed).rejects.toThrow(/roi\.yml/);
    expect(() => readdirSync(dist)).toThrow(/ENOENT/);
  });
});
