/**
 * Traditional → Simplified with OpenCC (Taiwan, then Hong Kong variants), length-preserving, and
 * what that conversion does to each character on its own (the table Traditional documents are
 * detected with).
 *
 * Only OpenCC's Traditional → Simplified build is loaded ('opencc-js/t2cn': the same converters
 * and dictionaries as the full package, a tenth of the code to load per worker).
 */
import * as OpenCC from 'opencc-js/t2cn';

type Convert = (text: string) => string;

/** The locales converted from, in order (each to mainland Simplified). */
const LOCALES = ['tw', 'hk'] as const;

let converters: Convert[] | undefined;

/** Built lazily: the OpenCC dictionaries are large and most corpora are all simplified. */
function getConverters(): Convert[] {
  converters ??= LOCALES.map((from) => OpenCC.Converter({ from, to: 'cn' }));
  return converters;
}

/** The Han code unit ranges: CJK ideographs (Extension A on) and compatibility ideographs. */
export const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [[0x3400, 0x9fff], [0xf900, 0xfaff]];
const hex = (code: number) => `\\u${code.toString(16).padStart(4, '0')}`;
// Cheap pre-check: text without CJK ideographs needs no conversion.
const HAN = new RegExp(`[${HAN_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]`);

/**
 * Convert Traditional characters (Taiwan and Hong Kong variants) to Simplified, keeping the
 * length: a conversion that would change a line's length (phrase-level rewrites) is redone
 * character by character, and a character whose conversion changes length is kept as is.
 * Lines (split on \n) are processed separately so offsets stay valid per line.
 */
export function toSimplified(text: string): string {
  if (!HAN.test(text)) return text;
  return text
    .split('\n')
    .map((line) => simplifyLine(line))
    .join('\n');
}

function simplifyLine(line: string): string {
  if (!HAN.test(line)) return line;
  let out = line;
  for (const convert of getConverters()) {
    const whole = convert(out);
    out = whole.length === out.length ? whole : charByChar(out, convert);
  }
  return out;
}

function charByChar(line: string, convert: Convert): string {
  let out = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    const c = HAN.test(ch) ? convert(ch) : ch;
    out += c.length === 1 ? c : ch;
  }
  return out;
}

// --- Each character on its own, without building the converters -----------------------------

/** A dictionary of OpenCC's data: 'from to|from to…' or [from, to] pairs. */
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];

/** The dictionaries OpenCC chains for one conversion (an entry of its preset `configs`). */
interface ChainConfig {
  normalizationChain?: readonly DictGroup[];
  conversionChain: readonly DictGroup[];
}

/** Code point → what one dictionary step turns it into. */
type Entries = Map<number, string>;

/**
 * One locale's conversion of a single character: normalization, then each group of the
 * conversion chain (segmentation cannot split one character). In a group the first dictionary
 * that has the key wins, as in OpenCC's trie.
 */
type Steps = ReadonlyArray<readonly Entries[]>;

/** Whether `text` is exactly one code point (what one trie step reads). */
function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);
}

/**
 * A dictionary's one-code-point keys. Read as OpenCC's loader reads it: an entry's key and value
 * are separated by a space (further candidates ignored) and a later entry for the same key
 * replaces an earlier one. Phrase entries (most of the text) are skipped without being split.
 */
function singleEntries(dict: DictLike): Entries {
  const map: Entries = new Map();
  if (typeof dict !== 'string') {
    for (const [from, to] of dict) if (isOneCodePoint(from)) map.set(from.codePointAt(0)!, to);
    return map;
  }
  for (let start = 0; start < dict.length; ) {
    const bar = dict.indexOf('|', start);
    const end = bar < 0 ? dict.length : bar;
    const space = dict.indexOf(' ', start);
    const keyLength = space - start;
    if (space < end && (keyLength === 1 || (keyLength === 2 && dict.codePointAt(start)! > 0xffff))) {
      const next = dict.indexOf(' ', space + 1);
      map.set(dict.codePointAt(start)!, dict.slice(space + 1, next > 0 && next < end ? next : end));
    }
    start = end + 1;
  }
  return map;
}

/** The locale's steps, from OpenCC's preset; undefined if there is no preset for it. */
function stepsOf(from: (typeof LOCALES)[number], parsed: Map<DictLike, Entries>): Steps | undefined {
  const configs = OpenCC.Locale.configs as Record<string, ChainConfig | undefined>;
  const config = configs[`${from}2s`]; // the preset OpenCC's Converter picks for { from, to: 'cn' }
  if (!config) return undefined;
  const groups = [...(config.normalizationChain ?? []), ...config.conversionChain];
  return groups.map((group) =>
    group.map((dict) => {
      let map = parsed.get(dict);
      if (!map) parsed.set(dict, (map = singleEntries(dict)));
      return map;
    }),
  );
}

/**
 * A character through one locale's steps; undefined when a value is longer than one code point
 * (the trie would then match within it: only the converter itself can say).
 */
function throughSteps(steps: Steps, ch: string): string | undefined {
  let code = ch.codePointAt(0)!;
  let out = ch;
  for (const group of steps) {
    for (const map of group) {
      const to = map.get(code);
      if (to === undefined) continue;
      if (!isOneCodePoint(to)) return undefined;
      code = to.codePointAt(0)!;
      out = to;
      break;
    }
  }
  return out;
}

/** toSimplified of one Han character, from the locales' steps (or toSimplified itself). */
function simplifyAlone(locales: ReadonlyArray<Steps | undefined>, ch: string): string {
  let out = ch;
  for (const steps of locales) {
    const converted = steps && throughSteps(steps, out);
    if (converted === undefined) return toSimplified(ch);
    // toSimplified keeps a conversion of a character only if it is one code unit long.
    if (converted.length === 1) out = converted;
  }
  return out;
}

const isHanUnit = (code: number): boolean => HAN_RANGES.some(([from, to]) => code >= from && code <= to);

/**
 * Every Han character (one code unit) that toSimplified changes when converted on its own.
 * Read from OpenCC's dictionaries (a few ms) instead of building the converters and running
 * them over all Han characters (≈ 150 ms per thread): a character that is no dictionary's key
 * cannot change, and the others are followed through each locale's steps.
 */
export function changedAlone(): string[] {
  const parsed = new Map<DictLike, Entries>();
  const locales = LOCALES.map((from) => stepsOf(from, parsed));
  const candidates = new Set<number>();
  if (locales.includes(undefined)) {
    for (const [from, to] of HAN_RANGES) for (let code = from; code <= to; code++) candidates.add(code);
  } else {
    for (const map of parsed.values()) for (const code of map.keys()) if (isHanUnit(code)) candidates.add(code);
  }
  const changed: string[] = [];
  for (const code of candidates) {
    const ch = String.fromCharCode(code);
    if (simplifyAlone(locales, ch) !== ch) changed.push(ch);
  }
  return changed;
}
