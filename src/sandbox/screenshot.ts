/**
 * `npm run screenshot [-- FILE.png]`: the README's picture of the sandbox. Starts the sandbox
 * (in memory: nothing of it is kept), opens it in headless Chromium or Chrome (found as the
 * browser test finds it), asks a German question in #general and saves the page with its
 * answer, by default to docs/sandbox.png. The tests never write that file.
 */
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { BROWSER_ARGS, findBrowser, HOW_TO_GET_A_BROWSER } from './find-browser.js';
import { startSandbox } from './start-sandbox.js';

const QUESTION = '/socialvs Was ist ein soziales Netzwerk?';
const target = process.argv[2] ?? fileURLToPath(new URL('../../docs/sandbox.png', import.meta.url));

async function screenshot(): Promise<void> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(`no Chromium or Chrome found: ${HOW_TO_GET_A_BROWSER}`);
  const sandbox = await startSandbox(
    { SANDBOX_DATABASE_URL: 'sqlite::memory:', LOG_LEVEL: 'warn' },
    { port: 0, write: () => undefined },
  );
  const browser = await chromium
    .launch({ executablePath, headless: true, args: BROWSER_ARGS })
    .catch(async (error: unknown) => {
      await sandbox.stop();
      throw error;
    });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 900 } });
    await page.goto(sandbox.url);
    const box = page.getByTestId('message-box');
    await box.fill(QUESTION);
    await box.press('Enter');
    // The answer is the card with a header block; it arrives after the bot's reply.
    const answer = page
      .getByTestId('message')
      .filter({ has: page.locator('[data-block-type="header"]') })
      .last();
    await answer.waitFor({ timeout: 15_000 });
    await answer.scrollIntoViewIfNeeded();
    // A clean picture: no passing notice (a toast fades within seconds) over the card.
    await page.getByTestId('notice').first().waitFor({ state: 'detached', timeout: 10_000 });
    await page.screenshot({ path: target });
  } finally {
    await browser.close();
    await sandbox.stop();
  }
}

try {
  await screenshot();
  process.stdout.write(`Saved ${target}\n`);
} catch (error) {
  process.stderr.write(`npm run screenshot failed: ${(error as Error).message}\n`);
  process.exit(1);
}
