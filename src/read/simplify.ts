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
//
// This part mirrors opencc-js 1.4.2 internals (dist/esm-lib/core.js): the preset
// ConverterBuilder picks for { from, to: 'cn' } (`${from}2s`), its chain (normalizationChain,
// then conversionChain: one Trie per group, in which loadDictGroup lets the first dictionary win)
// and Trie.loadDict's format ('key value|…'; a later entry replaces an earlier one). The public
// API gives the same characters at a higher price, per thread (CPU, first call, 5 runs each at
// 1.4.2): the groups loaded into its Tries and matchPrefix asked for every Han character 43–49
// ms, the converters run over every Han character 130–150 ms; the dictionaries read here 14–24 ms.
// test/read/simplify.test.ts checks the result against the converters themselves.

/** Code point → its value, for a dictionary's one-code-point keys (all a Trie reads in one character). */
type Entries = Map<number, string>;

/**
 * One locale's conversion of a single character: per group of its chain, the group's
 * dictionaries; in a group the first that has the key wins (as in OpenCC's Trie).
 */
type Steps = ReadonlyArray<readonly Entries[]>;

/**
 * A dictionary ('from to|from to…' or [from, to] pairs), a group of them, and the chain a preset
 * converts with. Declared here: the package's typings name these too, but its .d.ts files import
 * './core' without an extension, which NodeNext resolution cannot follow (and they omit
 * `normalizationChain`).
 */
type DictLike = string | readonly (readonly [string, string])[];
type DictGroup = readonly DictLike[];

interface ChainConfig {
  normalizationChain?: readonly DictGroup[];
  conversionChain: readonly DictGroup[];
}

/** Whether `text` is exactly one code point (what one trie step reads). */
function isOneCodePoint(text: string): boolean {
  return text.length === 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff);
}

/** A dictionary's one-code-point entries; phrase entries (most of the text) are skipped unsplit. */
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

/**
 * The locale's steps; undefined if OpenCC has no preset for it. `read`: the dictionaries read so
 * far (the locales share the large ones).
 */
function stepsOf(from: (typeof LOCALES)[number], read: Map<DictLike, Entries>): Steps | undefined {
  const config = (OpenCC.Locale.configs as Record<string, ChainConfig | undefined>)[`${from}2s`];
  if (!config) return undefined;
  return [...(config.normalizationChain ?? []), ...config.conversionChain].map((group) =>
    group.map((dict) => {
      let map = read.get(dict);
      if (!map) read.set(dict, (map = singleEntries(dict)));
      return map;
    }),
  );
}

/**
 * A character through one locale's steps; undefined when a value is longer than one code point
 * (the trie would then match within it: only the converter itself can say).
 */
function throughSteps(steps: Steps, ch: string): string | undefined {
  let out = ch;
  for (const group of steps) {
    for (const map of group) {
      const to = map.get(out.codePointAt(0)!);
      if (to === undefined) continue;
      if (!isOneCodePoint(to)) return undefined;
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
 * Every Han character (one code unit) that toSimplified changes when converted on its own, read
 * from OpenCC's dictionaries: a character that is no dictionary's key cannot change, and the
 * others are followed through each locale's steps.
 */
export function changedAlone(): string[] {
  const read = new Map<DictLike, Entries>();
  const locales = LOCALES.map((from) => stepsOf(from, read));
  const candidates = new Set<number>();
  if (locales.includes(undefined)) {
    for (const [from, to] of HAN_RANGES) for (let code = from; code <= to; code++) candidates.add(code);
  } else {
    for (const map of read.values()) for (const code of map.keys()) if (isHanUnit(code)) candidates.add(code);
  }
  const changed: string[] = [];
  for (const code of candidates) {
    const ch = String.fromCharCode(code);
    if (simplifyAlone(locales, ch) !== ch) changed.push(ch);
  }
  return changed;
}
