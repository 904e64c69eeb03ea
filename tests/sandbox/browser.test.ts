/**
 * The sandbox in a real browser (Debian's Chromium through playwright-core, headless):
 * what a newcomer does in their first minute. .ci/run installs /usr/bin/chromium.
 * It also saves the screenshot the README shows.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/knowledge/ui-strings.js';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/start-sandbox.js';
import { kb, titleOf } from '../support/cards.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = fileURLToPath(new URL('../../docs/sandbox.png', import.meta.url));

let sandbox: RunningSandbox;
let browser: Browser;
let page: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: .ci/run installs it (apt-get install chromium)`);
  sandbox = await startSandbox(
    { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' },
    { port: 0, write: () => undefined },
  );
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
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

describe('the sandbox in a browser', () => {
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
    mkdirSync(fileURLToPath(new URL('../../docs/', import.meta.url)), { recursive: true });
    await page.getByText('general', { exact: false }).first().click();
    await cardTitled(titleOf('definition', 'de')).scrollIntoViewIfNeeded();
    await page.screenshot({ path: SCREENSHOT });
    expect(existsSync(SCREENSHOT)).toBe(true);
  });

  it('raised no script errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
