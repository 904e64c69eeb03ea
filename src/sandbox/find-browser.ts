/**
 * Finds a Chromium or Chrome for the sandbox's browser test and `npm run screenshot`
 * (playwright-core drives it; it never downloads one): CHROMIUM_PATH, else the usual places on
 * Linux and macOS.
 */
import { accessSync, constants, statSync } from 'node:fs';

export const BROWSER_PLACES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
] as const;

/** How to get the browser the tests run when none was found. */
export const HOW_TO_GET_A_BROWSER =
  'install Chromium or Chrome (Debian: apt-get install chromium), or set CHROMIUM_PATH=/path/to/chrome';

/**
 * Launch flags: headless and quiet. Without the background-networking ones Chromium keeps
 * trying Google's hosts, which a closed network refuses; --no-sandbox lets it run as root.
 */
export const BROWSER_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The browser to use, or undefined when there is none. A CHROMIUM_PATH that names no program
 * is an error, not a reason to look elsewhere: whoever set it meant that browser.
 */
export function findBrowser(
  env: NodeJS.ProcessEnv = process.env,
  places: readonly string[] = BROWSER_PLACES,
): string | undefined {
  const given = env.CHROMIUM_PATH;
  if (given) {
    if (!isExecutable(given)) throw new Error(`CHROMIUM_PATH=${given} is not a program that can be run`);
    return given;
  }
  return places.find(isExecutable);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
