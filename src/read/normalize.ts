/**
 * Character normalization of decoded lines. Every mapping is one UTF-16 code unit to one code
 * unit, so a normalized line has exactly the raw line's length and an offset found in the
 * normalized text is the same offset in the raw text (provenance for cells and facts).
 */
import * as OpenCC from 'opencc-js';
import { CHROME_KEY_CHARACTERS } from '../catalogue/chrome.ts';
import { CHART_RESIDUE, INLINE_NOISE } from '../catalogue/noise.ts';
import { blankChromeLine } from './chrome.ts';
import { simplifyDoc, traditionalMarks } from './traditional.ts';
import { scratchUnits, unitsToString } from './units.ts';

/**
 * Single-character folds beyond the generic full-width block (U+FF01–U+FF5E → ASCII), which
 * already turns （）［］：，；！？－ into ()[]:,;!?- .
 *
 * Kept as they are, on purpose:
 * - 、 and 。 — they carry meaning in labels and enumerations (一、 …).
 * - 〔〕 — document numbers are written 国办发〔2017〕24号; folding them to [] would make them
 *   look like converter markers (`[image: …]`) and gains nothing for label matching.
 * - 《》 “” — quotation, irrelevant to matching and numbers.
 * - — (U+2014 EM DASH) — a lone `—`/`——` cell means "blank" (see extract/numbers.ts BLANKS).
 * - ①②③ — circled numbers are enumerators, not values.
 */
const CHAR_FOLDS: Readonly<Record<string, string>> = {
  // Spaces: ideographic, no-break and the typographic spaces.
  '\u3000': ' ', '\u00A0': ' ', '\u1680': ' ', '\u202F': ' ', '\u205F': ' ',
  '\u2000': ' ', '\u2001': ' ', '\u2002': ' ', '\u2003': ' ', '\u2004': ' ', '\u2005': ' ',
  '\u2006': ' ', '\u2007': ' ', '\u2008': ' ', '\u2009': ' ', '\u200A': ' ',
  // Invisible characters: zero-width, word joiner, BOM, soft hyphen, Mongolian vowel separator.
  '\u200B': ' ', '\u200C': ' ', '\u200D': ' ', '\u2060': ' ', '\uFEFF': ' ', '\u00AD': ' ',
  '\u180E': ' ',
  // Direction marks and embeddings.
  '\u200E': ' ', '\u200F': ' ', '\u061C': ' ', '\u202A': ' ', '\u202B': ' ', '\u202C': ' ',
  '\u202D': ' ', '\u202E': ' ', '\u2066': ' ', '\u2067': ' ', '\u2068': ' ', '\u2069': ' ',
  // Bracket variants used around headings and labels.
  '【': '[', '】': ']', '〖': '[', '〗': ']', '﹙': '(', '﹚': ')', '﹝': '〔', '﹞': '〕',
  // Minus and hyphen variants → ASCII hyphen-minus, so -133 stays a signed number. The em dash
  // (blank marker) is not touched; the horizontal bar is folded into it.
  '\u2212': '-', '\u2010': '-', '\u2011': '-', '\u2013': '-', '\uFE63': '-', '\u2015': '—',
  // Small and half-width punctuation forms.
  '\u201A': ',', '﹐': ',', '﹑': '、', '﹒': '.', '﹔': ';', '﹕': ':', '﹖': '?', '﹗': '!',
  '｡': '。', '､': '、', '｢': '「', '｣': '」',
};

/** Folded code unit per code unit (0 = unchanged): one array lookup per character. */
const FOLD_TABLE: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let code = 0xff01; code <= 0xff5e; code++) table[code] = code - 0xfee0;
  for (const [from, to] of Object.entries(CHAR_FOLDS)) table[from.charCodeAt(0)] = to.charCodeAt(0);
  return table;
})();

/** Fold one line, code unit by code unit (length-preserving). Tabs are kept: layout uses them. */
export function normalizeLine(line: string): string {
  let i = 0;
  while (i < line.length && FOLD_TABLE[line.charCodeAt(i)] === 0) i++;
  if (i === line.length) return line;
  const codes = new Uint16Array(line.length);
  for (let j = 0; j < line.length; j++) {
    const code = line.charCodeAt(j);
    codes[j] = FOLD_TABLE[code] || code;
  }
  return unitsToString(codes, codes.length);
}

/** Replace characters [start, end) with spaces. */
function blank(line: string, start: number, end: number): string {
  return line.slice(0, start) + ' '.repeat(end - start) + line.slice(end);
}

/** Blank inline converter markers (`[image: …]`, `[bookmark: …]`) in one normalized line. */
export function blankInlineNoise(line: string): string {
  // Every marker starts with a bracket: most lines have none.
  if (!line.includes('[')) return line;
  let out = line;
  for (const { pattern } of INLINE_NOISE) {
    pattern.lastIndex = 0;
    out = out.replace(pattern, (m) => ' '.repeat(m.length));
  }
  return out;
}

function isChartResidueRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  const fields = line.split('\t').map((f) => f.trim()).filter((f) => f !== '');
  if (fields.length === 0) return false;
  let seenNumber = false;
  for (const f of fields) {
    if (CHART_RESIDUE.number.test(f)) seenNumber = true;
    else if (seenNumber || !CHART_RESIDUE.label.test(f)) return false;
  }
  return true;
}

/**
 * Blank chart residue blocks (a `系列 1` header and the tab-separated label/value rows after
 * it). Returns a new array of the same length.
 */
export function blankChartResidue(lines: readonly string[]): string[] {
  const out = lines.slice();
  for (let i = 0; i < out.length; i++) {
    if (!CHART_RESIDUE.hint.test(out[i]) || !CHART_RESIDUE.header.test(out[i])) continue;
    i = blankChartBlock(out, i) - 1;
  }
  return out;
}

/** Blank, in place, the block whose series header is line `i`; returns the first line after it. */
function blankChartBlock(out: string[], i: number): number {
  out[i] = blank(out[i], 0, out[i].length);
  let rows = 0;
  let j = i + 1;
  for (; j < out.length && rows < CHART_RESIDUE.maxRows; j++, rows++) {
    if (CHART_RESIDUE.header.test(out[j]) || isChartResidueRow(out[j])) {
      out[j] = blank(out[j], 0, out[j].length);
    } else break;
  }
  return j;
}

/**
 * Normalize a whole document: fold characters, then blank noise. Index-aligned with `raw`, and
 * every line has the raw line's length.
 *
 * Same result as mapping normalizeLine, blankInlineNoise and blankChromeLine over the lines and
 * then blankChartResidue and simplifyDoc, but the lines each kind of noise can be in are found
 * while folding, with one table lookup per character (getLineFlags), and only those lines are
 * processed: noise is rare, lines are short and many, and a call or a search per line per check
 * cost more than the checks themselves.
 */
export function normalizeDoc(raw: readonly string[]): string[] {
  const { lines, inline, chrome, series, marked } = foldDoc(raw);
  // Blanking only turns characters into spaces, and no flag below marks a space, so lines
  // flagged in the folded text are a superset of those the later steps can act on.
  for (const i of inline) lines[i] = blankInlineNoise(lines[i]);
  for (const i of chrome) lines[i] = blankChromeLine(lines[i]);
  // A header inside a block blanked just before is all spaces by now, so it starts nothing.
  for (const i of series) if (CHART_RESIDUE.header.test(lines[i])) blankChartBlock(lines, i);
  // Mirror sites publish in Traditional characters: matching (labels, markers, metadata) sees
  // Simplified text; `raw` keeps the original for provenance.
  // (`marked` false settles it without simplifyDoc's scan or copy.)
  return marked ? simplifyDoc(lines) : lines;
}

/** Bits of getLineFlags: what a character found in a line means for that line. */
const TRADITIONAL = 1; // traditionalMarks: a Traditional document is told by it
const CHROME = 2; // a character of a chrome keyword (CHROME_KEY_CHARACTERS)
const INLINE = 4; // '[': every inline marker starts with one
const SERIES = 8; // a character of a chart series hint word
const FOLDS = 16; // the character folds (FOLD_TABLE)

/**
 * The first character of each word of the series hint, in both cases when it ignores case: a
 * line without any of them cannot match it. Undefined (every line is a candidate) unless the
 * hint is a plain alternation of words without Unicode case folding (ſ matches s under /iu).
 */
function seriesKeyCharacters(): string | undefined {
  const { source, flags } = CHART_RESIDUE.hint;
  if (!/^[\p{L}\p{N}]+(?:\|[\p{L}\p{N}]+)*$/u.test(source) || (flags.includes('i') && flags.includes('u'))) return undefined;
  const firsts = source.split('|').map((word) => word[0]).join('');
  return flags.includes('i') ? firsts.toLowerCase() + firsts.toUpperCase() : firsts;
}

let lineFlags: Uint8Array | undefined;

/**
 * Flags per code unit, of the character it folds to (the later steps see folded text), plus
 * FOLDS. Built on first use: the Traditional marks are themselves built lazily.
 */
function getLineFlags(): Uint8Array {
  if (lineFlags) return lineFlags;
  const traditional = traditionalMarks();
  const byUnit = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) byUnit[unit] = traditional[unit] ? TRADITIONAL : 0;
  for (const ch of CHROME_KEY_CHARACTERS) byUnit[ch.charCodeAt(0)] |= CHROME;
  byUnit[0x5b] |= INLINE;
  const seriesKeys = seriesKeyCharacters();
  if (seriesKeys === undefined) for (let unit = 0; unit < 0x10000; unit++) byUnit[unit] |= SERIES;
  else for (const ch of seriesKeys) byUnit[ch.charCodeAt(0)] |= SERIES;
  const table = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const folded = FOLD_TABLE[code];
    table[code] = folded ? byUnit[folded] | FOLDS : byUnit[code];
  }
  return (lineFlags = table);
}

/** A document's folded lines, and which of them each later step needs to look at. */
interface FoldedDoc {
  /** normalizeLine of every raw line: the raw string itself where nothing folds. */
  lines: string[];
  /** Indices (ascending) of the lines with a '[' (inline markers). */
  inline: number[];
  /** Indices of the lines with a character of a chrome keyword. */
  chrome: number[];
  /** Indices of the lines with a character of a chart series hint word. */
  series: number[];
  /**
   * Some character is one a Traditional document is told by (traditionalMarks). Most documents
   * have none, which settles isTraditional without another pass over the lines.
   */
  marked: boolean;
}

/**
 * normalizeLine over every line, flagging lines on the way. A line that folds is written to one
 * buffer, and all of them are cut from one string: a string per line costs more.
 */
function foldDoc(raw: readonly string[]): FoldedDoc {
  const flags = getLineFlags();
  const lines = raw.slice();
  const inline: number[] = [];
  const chrome: number[] = [];
  const series: number[] = [];
  const changed: number[] = [];
  let size = 0;
  let marked = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    let found = 0;
    for (let j = 0; j < line.length; j++) found |= flags[line.charCodeAt(j)];
    if (found === 0) continue;
    marked |= found;
    if (found & FOLDS) {
      changed.push(i);
      size += line.length;
    }
    if (found & INLINE) inline.push(i);
    if (found & CHROME) chrome.push(i);
    if (found & SERIES) series.push(i);
  }
  if (changed.length > 0) {
    const units = scratchUnits(size);
    let pos = 0;
    for (const i of changed) {
      const line = raw[i];
      for (let j = 0; j < line.length; j++) {
        const code = line.charCodeAt(j);
        units[pos++] = FOLD_TABLE[code] || code;
      }
    }
    const text = unitsToString(units, pos);
    pos = 0;
    for (const i of changed) {
      const end = pos + raw[i].length;
      lines[i] = text.slice(pos, end);
      pos = end;
    }
  }
  return { lines, inline, chrome, series, marked: (marked & TRADITIONAL) !== 0 };
}

// --- Traditional → Simplified, for label matching only -------------------------------------

type Convert = (text: string) => string;
let converters: Convert[] | undefined;

/** Built lazily: the OpenCC dictionaries are large and most corpora are all simplified. */
function getConverters(): Convert[] {
  converters ??= [
    OpenCC.Converter({ from: 'tw', to: 'cn' }),
    OpenCC.Converter({ from: 'hk', to: 'cn' }),
  ];
  return converters;
}

// Cheap pre-check: text without CJK ideographs needs no conversion.
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

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
