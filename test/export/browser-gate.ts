/**
 * Chromium-needing tests: in CI (CI=true) they always run and fail if the browser or the CJK
 * fonts are missing; elsewhere they are skipped with a message naming what is missing.
 */
import { execFileSync } from 'node:child_process';
import { findBrowser } from '../../src/export/browser.ts';

export const inCI = process.env.CI === 'true';
export const browserPath = findBrowser();

function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}
export const cjkFonts = hasCjkFont();

export function skipWithout(what: { browser?: boolean; cjk?: boolean }, suite: string): boolean {
  const missing: string[] = [];
  if (what.browser && !browserPath) missing.push('Chromium (CHROME_PATH, /usr/bin/chromium or a Playwright browser; `npm run sysdeps`)');
  if (what.cjk && !cjkFonts) missing.push('CJK fonts (fonts-noto-cjk; `fc-list :lang=zh` is empty)');
  if (!missing.length || inCI) return false;
  console.warn(`[skip] ${suite}: missing ${missing.join(' and ')}`);
  return true;
}
