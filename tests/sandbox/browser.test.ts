/**
 * The sandbox in a real browser (Chromium or Chrome through playwright-core, headless):
 * what a newcomer does in their first minute. The browser is found as `npm run screenshot`
 * finds it (src/sandbox/find-browser.ts). Without one these tests are skipped, saying so in one
 * line, except in CI (CI=true), where a missing browser fails the run: .ci/run installs
 * Debian's Chromium. Nothing here writes into the repository.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.skipIf(skip)('the sandbox in a browser', () => {
  beforeAll(async () => {
    if (!executablePath) throw new Error(`CI needs a browser for this test: ${HOW_TO_GET_A_BROWSER}`);
    sandbox = await startSandbox(
      // QUIZ_DAY off: the tip job below must post a tip, whatever weekday the suite runs on.
      { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn', QUIZ_DAY: 'off' },
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

  it('shows what a user typed as text, never as markup', async () => {
    await say('/socialvs <img src=x onerror=alert(1)> <script>alert(2)</script> order pizza');
    const noMatch = cardTitled(translate(kb.ui, 'en', 'nomatch.header'));
    await expect.poll(() => noMatch.count()).toBe(1);
    expect(await noMatch.textContent()).toContain('<img src=x onerror=alert(1)>');
    expect(await page.locator('[data-testid="message"] img, [data-testid="message"] script').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('runs the tip job for the subscribed channel and shows the tip card', async () => {
    await page.getByText('marketing', { exact: false }).first().click();
    await page.getByTestId('run-tips').click();
    await expect.poll(() => cardTitled(translate(kb.ui, 'en', 'tip.header')).count()).toBe(1);
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
