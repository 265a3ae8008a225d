/**
 * The system Chromium for notebook proofs (tests, scripts/prove-notebook-ui.ts): CHROME_PATH or
 * /usr/bin/chromium, a fresh profile each time, never a downloaded browser.
 */
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** CHROME_PATH when set, else /usr/bin/chromium; null when not executable. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string | null {
  const path = env.CHROME_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return null;
  }
}

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Start headless Chromium with a throwaway user-data-dir (removed on close). */
export async function startChromium(viewport = { width: 1100, height: 900 }): Promise<Chromium> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('Chromium not found: set CHROME_PATH or run `npm run sysdeps`');
  const profile = mkdtempSync(join(tmpdir(), 'xxgk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport,
    timeout: 60_000,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
