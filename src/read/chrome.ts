/**
 * Blank page chrome (navigation, share bars, counters, footers — see src/catalogue/chrome.ts)
 * in normalized lines. Length-preserving: matches become spaces, so an offset in a line is the
 * same offset in the raw line, and chrome on the same line as the report body is removed while
 * the body stays where it was.
 */
import { CHROME_KEY_CHARACTERS, CHROME_PATTERNS } from '../catalogue/chrome.ts';

/** The catalogue's patterns, each with its bit (up to 32 patterns). */
const GATES = CHROME_PATTERNS.map((p, i) => ({ ...p, bit: 2 ** i }));

/** Per code unit, the bits of the patterns it is the key character of a keyword of. */
const PATTERN_KEYS: Uint32Array = (() => {
  const table = new Uint32Array(0x10000);
  for (const { keywords, bit } of GATES) for (const word of keywords) table[keyOf(word).charCodeAt(0)] |= bit;
  return table;
})();

function keyOf(word: string): string {
  return [...word].find((ch) => CHROME_KEY_CHARACTERS.includes(ch)) ?? word[0]!;
}

/**
 * Between two share bar buttons (which hold no white space) there is white space. (No /u: it
 * would only make \S take a surrogate pair whole, and finds the same lines, slower.)
 */
const BUTTON_GAP = /\S\s+\S/;

function includesAny(line: string, words: readonly string[]): boolean {
  for (const word of words) if (line.includes(word)) return true;
  return false;
}

/** Bits of the patterns that have a keyword in the line: their key characters first. */
function hintedPatterns(line: string): number {
  let keys = 0;
  for (let j = 0; j < line.length; j++) keys |= PATTERN_KEYS[line.charCodeAt(j)]!;
  if (keys === 0) return 0;
  let hinted = 0;
  for (const { keywords, bit } of GATES) if (keys & bit && includesAny(line, keywords)) hinted |= bit;
  return hinted;
}

/** Blank the chrome in one normalized line. */
export function blankChromeLine(line: string): string {
  // Lines without any chrome keyword skip the regexes.
  const hinted = hintedPatterns(line);
  if (hinted === 0) return line;
  let out = line;
  for (const { name, pattern, toLineEnd, bit } of GATES) {
    const runs = name === 'share_bar' ? BUTTON_GAP.test(line) : (hinted & bit) !== 0;
    if (!runs) continue;
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
