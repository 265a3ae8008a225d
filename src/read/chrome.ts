/**
 * Blank page chrome (navigation, share bars, counters, footers — see src/catalogue/chrome.ts)
 * in normalized lines. Length-preserving: matches become spaces, so an offset in a line is the
 * same offset in the raw line, and chrome on the same line as the report body is removed while
 * the body stays where it was.
 */
import { CHROME_PATTERNS } from '../catalogue/chrome.ts';

// Cheap pre-check: lines without any chrome keyword skip the regexes.
const HINT = /当前位置|位置|微信|微博|QQ|字体|字号|次数|访问|浏览|点击|阅读|版权|Copyright|©|标识码|ICP|公网安备|单位|技术支持|网站维护|联系我们|网站地图|声明|帮助/u;

/**
 * The pre-check as a global regex, for finding the lines that need `blankChromeLine` with one
 * search over a whole document (normalize.ts). Its keywords hold no line break or space, so a
 * match never spans two lines and blanking other noise first never creates one.
 */
export const CHROME_HINT = new RegExp(HINT.source, 'gu');

/** Blank the chrome in one normalized line. */
export function blankChromeLine(line: string): string {
  if (!HINT.test(line)) return line;
  let out = line;
  for (const { pattern, toLineEnd } of CHROME_PATTERNS) {
    pattern.lastIndex = 0;
    if (toLineEnd) {
      const m = pattern.exec(out);
      if (m) out = out.slice(0, m.index) + out.slice(m.index).replace(/[^\t]/g, ' ');
      continue;
    }
    out = out.replace(pattern, (m) => m.replace(/[^\t]/g, ' '));
  }
  return out;
}

/** Blank the chrome of every line (index-aligned, each line keeps its length). */
export function blankChrome(lines: readonly string[]): string[] {
  return lines.map(blankChromeLine);
}
