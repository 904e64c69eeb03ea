/**
 * The sandbox in a real browser (Chromium or Chrome through playwright-core, headless):
 * what a newcomer does in their first minute. The browser is found as `npm run screenshot`
 * finds it (src/sandbox/find-browser.ts). Without one these tests are skipped, saying so in one
 * line, except in CI (CI=true), where a missing browser fails the run: .ci/run installs
 * Debian's Chromium. Nothing here writes into the repository. The sandbox runs with you as
 * its admin (SANDBOX_ADMIN=1); Ben, the second person, is not one.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import {
  BROWSER_ARGS,
  BROWSER_PLACES,
  findBrowser,
  HOW_TO_GET_A_BROWSER,
} from '../../src/sandbox/find-browser.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.js';
import { kb, titleOf } from '../support/cards.js';

const inCI = Boolean(process.env.CI) && !['false', '0'].includes(process.env.CI ?? '');
const executablePath = findBrowser();
const skip = !executablePath && !inCI;
if (skip) {
  // Vitest shows a skipped file only as a count: this line says why, and how to run it.
  process.stderr.write(`Browser test skipped: no Chromium or Chrome found; ${HOW_TO_GET_A_BROWSER}.\n`);
}

let sandbox: RunningSandbox;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

/** Types into the main message box of the current channel and sends with Enter. */
async function say(text: string): Promise<void> {
  const box = page.getByTestId('message-box');
  await box.fill(text);
  await box.press('Enter');
}

/** The last message in the main pane whose header reads `title`. */
function cardTitled(title: string) {
  return page
    .getByTestId('message')
    .filter({ has: page.locator('[data-block-type="header"]', { hasText: title }) })
    .last();
}

/** The messages of the channel shown in the main pane (not of a thread), whose header reads `title`. */
function channelCards(title: string) {
  return page
    .getByTestId('message-list')
    .getByTestId('message')
    .filter({ has: page.locator('[data-block-type="header"]', { hasText: title }) });
}

/** The messages of the open thread whose header reads `title`. */
function threadCards(title: string) {
  return page
    .getByTestId('thread-pane')
    .getByTestId('message')
    .filter({ has: page.locator('[data-block-type="header"]', { hasText: title }) });
}

/** Acts from now on as `who` (you are `me`), with the page's "Act as" control. */
async function actAs(who: 'me' | 'ben'): Promise<void> {
  await page.getByTestId('person-select').selectOption(who);
}

/** A time of day as the page shows it to an en-US reader, spaces made plain. */
function shownTime(ts: string): string {
  const time = new Date(Number.parseFloat(ts) * 1000).toLocaleTimeString('en-US', {
    hour: 'numeric',
    minute: '2-digit',
  });
  return time.replace(/\s/g, ' ');
}

describe.skipIf(skip)('the sandbox in a browser', () => {
  beforeAll(async () => {
    if (!executablePath) throw new Error(`CI needs a browser for this test: ${HOW_TO_GET_A_BROWSER}`);
    sandbox = await startSandbox(
      // QUIZ_DAY off: the tip job below must post a tip, whatever weekday the suite runs on.
      { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn', QUIZ_DAY: 'off', SANDBOX_ADMIN: '1' },
      { port: 0, write: () => undefined },
    );
    browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
    page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(sandbox.url);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await sandbox?.stop();
  });

  // Each test starts as you, whatever the one before did.
  afterEach(async () => {
    if (page && (await page.getByTestId('person-select').inputValue()) !== 'me') await actAs('me');
  });

  it('answers /socialvs in English with the comparison card, visible only to me', async () => {
    await say('/socialvs what is the ROI difference?');
    const card = cardTitled(titleOf('roi', 'en'));
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-ephemeral')).toBe('true');
    await expect.poll(() => card.locator('[data-block-type="section"]').count()).toBeGreaterThan(1);
  });

  it('answers a German question in German', async () => {
    await say('/socialvs Was ist ein soziales Netzwerk?');
    await expect.poll(() => cardTitled(titleOf('definition', 'de')).count()).toBe(1);
  });

  it('next and the language switch update the card in place', async () => {
    const roi = cardTitled(titleOf('roi', 'en'));
    await roi.locator('[data-action-id="topic_next"]').click();
    const next = cardTitled(titleOf('ask-or-tell', 'en'));
    await expect.poll(() => next.count()).toBe(1);
    await expect.poll(() => cardTitled(titleOf('roi', 'en')).count()).toBe(0);
    await next.locator('[data-action-id="topic_language_fr"]').click();
    await expect.poll(() => cardTitled(titleOf('ask-or-tell', 'fr')).count()).toBe(1);
  });

  it('answers a mention in the thread of that message', async () => {
    await say('@SocialVS two-way communication');
    const opener = page.getByTestId('open-thread').last();
    await expect.poll(() => opener.count()).toBe(1);
    await opener.click();
    const thread = page.getByTestId('thread-pane');
    await expect
      .poll(() =>
        thread
          .locator('[data-block-type="header"]', { hasText: titleOf('communication-style', 'en') })
          .count(),
      )
      .toBe(1);
  });

  it('shows a question before its reply, each with its own time', async () => {
    const sentAt = Math.floor(Date.now() / 1000);
    await say('@SocialVS what is the ROI difference?');
    const thread = page.getByTestId('thread-pane');
    const reply = threadCards(titleOf('roi', 'en'));
    await expect.poll(() => reply.count()).toBe(1);
    const [question, answer] = await thread.getByTestId('message').all();
    expect(await question?.getAttribute('data-author')).toBe('me');
    expect(await question?.textContent()).toContain('what is the ROI difference?');
    expect(await answer?.getAttribute('data-author')).toBe('bot');
    const questionTs = (await question?.getAttribute('data-ts')) ?? '';
    const answerTs = (await answer?.getAttribute('data-ts')) ?? '';
    // Each carries the time it was sent: the question's is not before it was typed, the reply's is later.
    expect(Number.parseFloat(questionTs)).toBeGreaterThanOrEqual(sentAt);
    expect(Number.parseFloat(answerTs)).toBeGreaterThan(Number.parseFloat(questionTs));
    expect((await question?.locator('.message-time').textContent())?.replace(/\s/g, ' ')).toBe(
      shownTime(questionTs),
    );
    expect((await answer?.locator('.message-time').textContent())?.replace(/\s/g, ' ')).toBe(
      shownTime(answerTs),
    );
    await page.getByTestId('close-thread').click();
  });

  it('shows what a user typed as text, never as markup', async () => {
    await say('/socialvs <img src=x onerror=alert(1)> <script>alert(2)</script> order pizza');
    const noMatch = cardTitled(translate(kb.ui, 'en', 'nomatch.header'));
    await expect.poll(() => noMatch.count()).toBe(1);
    expect(await noMatch.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid="message"] img, [data-testid="message"] script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('Ben’s ▶ and 👍 on a card shared in the channel leave it as it was and answer Ben alone', async () => {
    await say('/socialvs what is the ROI difference?');
    await channelCards(titleOf('roi', 'en')).last().locator('[data-action-id="topic_share"]').click();
    const shared = channelCards(titleOf('roi', 'en')).and(page.locator(':not([data-ephemeral])'));
    await expect.poll(() => shared.count()).toBe(1);
    // The card itself; its time is shown in each reader's own way.
    const card = () => shared.locator('.blocks').textContent();
    const before = await card();
    const onlyForReader = page
      .getByTestId('message-list')
      .getByTestId('message')
      .and(page.locator('[data-ephemeral="true"]'));

    await actAs('ben');
    expect(await onlyForReader.count()).toBe(0);
    await shared.locator('[data-action-id="topic_next"]').click();
    const privately = channelCards(titleOf('ask-or-tell', 'en'));
    await expect.poll(() => privately.count()).toBe(1);
    expect(await privately.getAttribute('data-ephemeral')).toBe('true');
    expect(await privately.textContent()).toContain('Only visible to you');
    // The channel's message is as it was: same topic, same words, for everyone.
    expect(await shared.count()).toBe(1);
    expect(await card()).toBe(before);

    await shared.locator('[data-action-id="feedback_up"]').click();
    await expect.poll(() => onlyForReader.count()).toBe(2);
    expect(await onlyForReader.last().textContent()).toContain('👍');
    expect(await card()).toBe(before);
    const bensOwn = [
      await privately.getAttribute('data-message-id'),
      await onlyForReader.last().getAttribute('data-message-id'),
    ];

    // What the bot showed Ben alone, you don't see.
    await actAs('me');
    await expect.poll(() => privately.count()).toBe(0);
    for (const id of bensOwn) expect(await page.locator(`[data-message-id="${id}"]`).count()).toBe(0);
    expect(await card()).toBe(before);
  });

  it('Ben’s ▶ on the reply to your mention leaves it as it was and shows Ben the next topic in the thread', async () => {
    await say('@SocialVS what is the ROI difference?');
    const reply = threadCards(titleOf('roi', 'en'));
    await expect.poll(() => reply.count()).toBe(1);
    const card = () => reply.locator('.blocks').textContent();
    const before = await card();

    await actAs('ben');
    await page.getByTestId('message-list').getByTestId('open-thread').last().click();
    await expect.poll(() => reply.count()).toBe(1);
    await reply.locator('[data-action-id="topic_next"]').click();
    const privately = threadCards(titleOf('ask-or-tell', 'en'));
    await expect.poll(() => privately.count()).toBe(1);
    expect(await privately.getAttribute('data-ephemeral')).toBe('true');
    expect(await reply.getAttribute('data-ephemeral')).toBeNull();
    expect(await card()).toBe(before);

    await actAs('me');
    await page.getByTestId('message-list').getByTestId('open-thread').last().click();
    await expect.poll(() => reply.count()).toBe(1);
    expect(await privately.count()).toBe(0);
    expect(await card()).toBe(before);
    await page.getByTestId('close-thread').click();
  });

  it('you, the admin, get the usage report; Ben gets the admins-only line', async () => {
    const header = (language: 'en' | 'de') =>
      translate(kb.ui, language, 'stats.header', { period: '' }).replace(/\s*$/, '');
    await say('/socialvs stats');
    await expect
      .poll(() =>
        page
          .getByTestId('message')
          .filter({ hasText: header('en') })
          .count(),
      )
      .toBe(1);
    await actAs('ben');
    await say('/socialvs stats');
    const refused = page.getByTestId('message').filter({ hasText: translate(kb.ui, 'de', 'stats.refused') });
    await expect.poll(() => refused.count()).toBe(1);
    expect(
      await page
        .getByTestId('message')
        .filter({ hasText: header('de') })
        .count(),
    ).toBe(0);
    await actAs('me');
  });

  it('a channel subscribed from the page shows its badge and Run tip job now at once', async () => {
    const general = page.locator('[data-testid="channel-link"][data-channel-id="C0SANDBOXGEN"]');
    expect(await general.locator('.badge').count()).toBe(0);
    expect(await page.getByTestId('run-tips').count()).toBe(0);
    await say('/socialvs subscribe');
    await expect.poll(() => general.locator('.badge').count()).toBe(1);
    await expect.poll(() => page.getByTestId('run-tips').count()).toBe(1);
  });

  it('runs the tip job for the subscribed channel and shows the tip card', async () => {
    await page.getByText('marketing', { exact: false }).first().click();
    await page.getByTestId('run-tips').click();
    await expect.poll(() => cardTitled(translate(kb.ui, 'en', 'tip.header')).count()).toBe(1);
  });

  it('does not show a notice again after a reload', async () => {
    await expect.poll(() => page.getByTestId('notice').count()).toBeGreaterThan(0);
    await page.reload();
    // The first state is rendered when the channels and messages are.
    await expect.poll(() => page.getByTestId('message').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('channel-link').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('notice').count()).toBe(0);
  });

  it('renders a date in the reader’s language', async () => {
    await page.getByText('marketing', { exact: false }).first().click();
    await actAs('ben');
    await say('/socialvs status');
    const date = page.getByTestId('message').last().locator('.md-date').first();
    await expect.poll(() => date.count()).toBe(1);
    // Ben reads Slack in German: day.month.year, a 24-hour clock.
    expect(await date.getAttribute('title')).toMatch(/^\d{1,2}\.\d{1,2}\.\d{4}, \d{2}:\d{2}:\d{2}$/);
    await actAs('me');
    await say('/socialvs status');
    const mine = page.getByTestId('message').last().locator('.md-date').first();
    await expect.poll(() => mine.count()).toBe(1);
    expect(await mine.getAttribute('title')).toMatch(/^\d{1,2}\/\d{1,2}\/\d{4}, \d{1,2}:\d{2}:\d{2}\s[AP]M$/);
  });

  it('explains a message from its ⋯ menu: the card for me alone, quoting the message', async () => {
    await page.getByText('general', { exact: false }).first().click();
    await say(
      'Should we put our budget into networking or media? Which one shows a clearer return on investment?',
    );
    const message = page.getByTestId('message').filter({ hasText: 'clearer return on investment' }).last();
    await expect.poll(() => message.count()).toBe(1);
    await message.hover();
    await message.getByTestId('message-menu').click();
    await message.getByTestId('explain-message').click();
    const quoted = translate(kb.ui, 'en', 'explain.quote', { message: '' }).trim();
    const card = cardTitled(titleOf('roi', 'en')).filter({ hasText: quoted });
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.getAttribute('data-ephemeral')).toBe('true');
  });

  it('browses the topics from ⚡ in a modal, and shares one in #marketing (a refusal shows under the field)', async () => {
    await page.getByTestId('shortcuts-button').click();
    await page.getByTestId('browse-topics').click();
    const modal = page.getByTestId('modal');
    await expect
      .poll(() => modal.getByTestId('modal-title').textContent())
      .toBe(translate(kb.ui, 'en', 'browse.title'));
    await expect.poll(() => modal.locator('[data-action-id^="browse_open_"]').count()).toBe(kb.topics.length);
    await modal.locator('[data-action-id="browse_open_roi"]').click();
    await expect
      .poll(() => modal.locator('[data-block-type="header"]').textContent())
      .toBe(titleOf('roi', 'en'));

    sandbox.standIn.refuseResponses('C0SANDBOXMKT', 'not_in_channel');
    await modal.getByTestId('conversation-select').selectOption('C0SANDBOXMKT');
    await modal.getByTestId('modal-submit').click();
    await expect
      .poll(() => modal.getByTestId('field-error').textContent())
      .toBe(translate(kb.ui, 'en', 'share.not_in_channel'));

    sandbox.standIn.refuseResponses('C0SANDBOXMKT', undefined);
    await modal.getByTestId('modal-submit').click();
    await expect.poll(() => page.getByTestId('modal').count()).toBe(0);
    await page.getByText('marketing', { exact: false }).first().click();
    const shared = cardTitled(titleOf('roi', 'en')).filter({
      hasText: translate(kb.ui, 'en', 'card.shared_by', { user: 'you' }),
    });
    await expect.poll(() => shared.count()).toBe(1);
    expect(await shared.getAttribute('data-ephemeral')).toBeNull();
  });

  it("opens the topic browser from the App Home's 'Open this topic', and closes it", async () => {
    await page.getByTestId('home-link').click();
    const open = page.getByTestId('home-view').locator('[data-action-id="topic_open_focus"]');
    await expect.poll(() => open.count()).toBe(1);
    await open.click();
    const modal = page.getByTestId('modal');
    await expect
      .poll(() => modal.locator('[data-block-type="header"]').textContent())
      .toBe(titleOf('focus', 'en'));
    await modal.getByTestId('modal-close').click();
    await expect.poll(() => page.getByTestId('modal').count()).toBe(0);
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('finding a browser', () => {
  const dir = mkdtempSync(join(tmpdir(), 'socialvs-browsers-'));
  const program = (name: string) => {
    const path = join(dir, name);
    writeFileSync(path, '#!/bin/sh\n');
    chmodSync(path, 0o755);
    return path;
  };
  const chrome = program('chrome');
  const chromiumBin = program('chromium');
  const notExecutable = join(dir, 'readme');
  writeFileSync(notExecutable, 'not a program');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('takes CHROMIUM_PATH first', () => {
    expect(findBrowser({ CHROMIUM_PATH: chrome }, [chromiumBin])).toBe(chrome);
  });

  it('refuses a CHROMIUM_PATH that is not a program, rather than use another browser', () => {
    expect(() => findBrowser({ CHROMIUM_PATH: notExecutable }, [chromiumBin])).toThrow(/CHROMIUM_PATH/);
    expect(() => findBrowser({ CHROMIUM_PATH: dir }, [chromiumBin])).toThrow(/CHROMIUM_PATH/);
  });

  it('else takes the first usual place that holds a program', () => {
    expect(findBrowser({}, [join(dir, 'missing'), notExecutable, chromiumBin, chrome])).toBe(chromiumBin);
  });

  it('finds nothing when no place holds one', () => {
    expect(findBrowser({}, [join(dir, 'missing'), notExecutable])).toBeUndefined();
  });

  it('looks where Linux and macOS put Chromium and Chrome', () => {
    expect(BROWSER_PLACES).toEqual(
      expect.arrayContaining(['/usr/bin/chromium', '/usr/bin/google-chrome', '/snap/bin/chromium']),
    );
    expect(BROWSER_PLACES.some((place) => place.startsWith('/Applications/'))).toBe(true);
  });
});
