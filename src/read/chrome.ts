/**
 * Blank page chrome (navigation, share bars, counters, footers — see src/catalogue/chrome.ts)
 * in normalized lines. Length-preserving: matches become spaces, so an offset in a line is the
 * same offset in the raw line, and chrome on the same line as the report body is removed while
 * the body stays where it was.
 */
import { CHROME_KEY_CHARACTERS, CHROME_PATTERNS } from '../catalogue/chrome.ts';

/** The catalogue's patterns, each with its bit (up to 32 patterns). */
const GATES = CHROME_PATTERNS.map((p, i) => ({ ...p, bit: 2 ** i }));

/**
 * A keyword's key character. A keyword without one would never be looked for (the read stage
 * flags lines by these characters), so the catalogue is refused at load.
 */
function keyOf(word: string): string {
  const key = [...word].find((ch) => CHROME_KEY_CHARACTERS.includes(ch));
  if (key === undefined) throw new Error(`chrome keyword ${JSON.stringify(word)} has none of CHROME_KEY_CHARACTERS (src/catalogue/chrome.ts)`);
  return key;
}

/** Every keyword of every pattern, with its pattern's bit and its key character. */
const KEYWORDS = GATES.flatMap(({ keywords, bit }) => keywords.map((word) => ({ word, bit, key: keyOf(word).charCodeAt(0) })));

/**
 * The key characters, each with a slot (one of 32 bits; keys beyond 32 share slots, which only
 * means more keywords to look for), and per slot the keywords of its keys: a line is searched
 * only for the keywords whose key character it holds.
 */
const KEYS = [...new Set(KEYWORDS.map(({ key }) => key))];
const slotOf = (key: number): number => KEYS.indexOf(key) % 32;

/**
 * Per code unit, 1 + the slot of the key character it is; 0 for the rest. The one table of the
 * characters a line must hold to hold chrome: normalizeDoc flags the lines to blank by it.
 */
export const CHROME_KEY_SLOTS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (const key of KEYS) table[key] = slotOf(key) + 1;
  return table;
})();

const SLOT_KEYWORDS: ReadonlyArray<ReadonlyArray<{ word: string; bit: number }>> = Array.from({ length: 32 }, (_, slot) =>
  KEYWORDS.filter(({ key }) => slotOf(key) === slot),
);

/**
 * Between two share bar buttons (which hold no white space) there is white space: the line has
 * white space between two other characters (/\S\s+\S/), i.e. some is left once it is trimmed —
 * trim() and \s strip the very same characters, and trimming and one search is cheaper than
 * that regex, which tries every position.
 */
const WHITE_SPACE = /\s/;
const hasButtonGap = (line: string): boolean => WHITE_SPACE.test(line.trim());

/** Bits of the patterns that have a keyword in the line: their key characters first. */
function hintedPatterns(line: string): number {
  let slots = 0;
  for (let j = 0; j < line.length; j++) {
    const slot = CHROME_KEY_SLOTS[line.charCodeAt(j)];
    if (slot !== 0) slots |= 1 << (slot - 1);
  }
  let hinted = 0;
  for (let slot = 0; slots !== 0; slot++, slots >>>= 1) {
    if ((slots & 1) === 0) continue;
    for (const { word, bit } of SLOT_KEYWORDS[slot]) if ((hinted & bit) === 0 && line.includes(word)) hinted |= bit;
  }
  return hinted;
}

/** A match blanked: every character but tabs (cell borders) becomes a space. */
const blankMatch = (match: string): string => match.replace(/[^\t]/g, ' ');

/** Blank the chrome in one normalized line. */
export function blankChromeLine(line: string): string {
  // Lines without any chrome keyword skip the regexes.
  const hinted = hintedPatterns(line);
  if (hinted === 0) return line;
  const gap = hasButtonGap(line);
  let out = line;
  for (const { pattern, toLineEnd, bit, buttons } of GATES) {
    if (!(buttons ? gap : (hinted & bit) !== 0)) continue;
    pattern.lastIndex = 0;
    if (toLineEnd) {
      const m = pattern.exec(out);
      if (m) out = out.slice(0, m.index) + blankMatch(out.slice(m.index));
      continue;
    }
    // Most runs find nothing, and a test costs less than a replace that finds nothing.
    if (!pattern.test(out)) continue;
    pattern.lastIndex = 0;
    out = out.replace(pattern, blankMatch);
  }
  return out;
}

/** Blank the chrome of every line (index-aligned, each line keeps its length). */
export function blankChrome(lines: readonly string[]): string[] {
  return lines.map(blankChromeLine);
}
