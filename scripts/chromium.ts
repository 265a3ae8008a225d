/**
 * The system Chromium for notebook proofs (tests, scripts/prove-notebook-ui.ts, fixtures): the
 * same browser lookup and launch flags as chart export, with a persistent throwaway profile
 * (the classic Notebook UI needs cookies for its token login).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { BROWSER_HINT, LAUNCH_ARGS, findBrowser } from '../src/export/browser.ts';

export { findBrowser as chromiumPath };

export interface Chromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Start headless Chromium with a throwaway user-data-dir (removed on close). */
export async function startChromium(viewport = { width: 1100, height: 900 }): Promise<Chromium> {
  const executablePath = findBrowser();
  if (!executablePath) throw new Error(BROWSER_HINT);
  const profile = mkdtempSync(join(tmpdir(), 'xxgk-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: LAUNCH_ARGS,
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
