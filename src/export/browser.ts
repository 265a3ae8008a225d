/**
 * Headless Chromium for rendering charts. The browser is found on the system, never
 * downloaded: CHROME_PATH, the Debian/Ubuntu packages, or a browser Playwright installed.
 */
import { accessSync, constants, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { XxgkError } from '../errors.ts';

export const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Executables inside a Playwright browsers folder, newest revision first. */
function playwrightBrowsers(root: string): string[] {
  let dirs: string[];
  try {
    dirs = readdirSync(root);
  } catch {
    return [];
  }
  const out: string[] = [];
  const rev = (d: string) => Number(d.split('-').pop()) || 0;
  for (const d of dirs.filter((x) => /^chromium(_headless_shell)?-\d+$/.test(x)).sort((a, b) => rev(b) - rev(a))) {
    for (const sub of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-linux/headless_shell', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      out.push(join(root, d, sub));
    }
  }
  return out;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export const BROWSER_HINT =
  'no Chromium found for rendering charts. Install one with `npm run sysdeps` ' +
  '(or `sudo apt-get install chromium fonts-noto-cjk`), or set CHROME_PATH to a Chrome/Chromium executable.';

/** Path of a usable Chromium, or null. CHROME_PATH, when set, is the only candidate. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.CHROME_PATH) return isExecutable(env.CHROME_PATH) ? env.CHROME_PATH : null;
  const roots = [env.PLAYWRIGHT_BROWSERS_PATH, join(homedir(), '.cache', 'ms-playwright')].filter(
    (r): r is string => !!r && r !== '0',
  );
  const candidates = [...SYSTEM_PATHS, ...roots.flatMap(playwrightBrowsers)];
  return candidates.find(isExecutable) ?? null;
}

/** Launch headless Chromium or throw XxgkError('browser_missing'). */
export async function launchBrowser(env: NodeJS.ProcessEnv = process.env): Promise<Browser> {
  const executablePath = findBrowser(env);
  if (!executablePath) {
    const detail = env.CHROME_PATH ? ` (CHROME_PATH=${env.CHROME_PATH} is not an executable)` : '';
    throw new XxgkError('browser_missing', `${BROWSER_HINT}${detail}`);
  }
  try {
    return await chromium.launch({ executablePath, headless: true, args: LAUNCH_ARGS, timeout: 60_000 });
  } catch (e) {
    throw new XxgkError('browser_missing', `could not start ${executablePath}: ${(e as Error).message.split('\n')[0]}`);
  }
}
