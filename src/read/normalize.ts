/**
 * Character normalization of decoded lines. Every mapping is one UTF-16 code unit to one code
 * unit, so a normalized line has exactly the raw line's length and an offset found in the
 * normalized text is the same offset in the raw text (provenance for cells and facts).
 */
import * as OpenCC from 'opencc-js';
import { CHART_RESIDUE, INLINE_NOISE } from '../catalogue/noise.ts';
import { blankChromeLine, CHROME_HINT } from './chrome.ts';
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
 * then blankChartResidue and simplifyDoc, but each kind of noise is first looked for once in the
 * whole folded text and only the lines it is found in are processed: noise is rare, lines are
 * short and many, and a call per line per check cost more than the checks themselves.
 */
export function normalizeDoc(raw: readonly string[]): string[] {
  const doc = foldDoc(raw);
  const { lines } = doc;
  // Blanking only turns characters into spaces, and no pre-check below looks for a space, so
  // lines found in the folded text are a superset of those the later steps can act on.
  for (const i of linesMatching(doc, INLINE_HINT)) lines[i] = blankInlineNoise(lines[i]);
  for (const i of linesMatching(doc, CHROME_HINT)) lines[i] = blankChromeLine(lines[i]);
  // A header inside a block blanked just before is all spaces by now, so it starts nothing.
  for (const i of linesMatching(doc, SERIES_HINT)) if (CHART_RESIDUE.header.test(lines[i])) blankChartBlock(lines, i);
  // Mirror sites publish in Traditional characters: matching (labels, markers, metadata) sees
  // Simplified text; `raw` keeps the original for provenance.
  // (`marked` false settles it without simplifyDoc's scan or copy.)
  return doc.marked ? simplifyDoc(lines) : lines;
}

/** Document-wide pre-checks (global: searched once per document). */
const INLINE_HINT = /\[/g;
const SERIES_HINT = new RegExp(CHART_RESIDUE.hint.source, `${CHART_RESIDUE.hint.flags}g`);

/** A document's folded lines, plus its folded text for searching. */
interface FoldedDoc {
  /** normalizeLine of every raw line: the raw string itself where nothing folds. */
  lines: string[];
  /** The folded lines joined with \n. */
  text: string;
  /** Offset of each line in `text`. */
  starts: Int32Array;
  /**
   * Some character is one a Traditional document is told by (traditionalMarks). Most documents
   * have none, which settles isTraditional without another pass over the lines.
   */
  marked: boolean;
}

/** normalizeLine over every line in one pass, building the folded text as it goes. */
function foldDoc(raw: readonly string[]): FoldedDoc {
  let size = raw.length;
  for (const line of raw) size += line.length;
  const units = scratchUnits(size);
  const starts = new Int32Array(raw.length);
  const traditional = traditionalMarks();
  const changed: number[] = [];
  let marked = 0;
  let pos = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    starts[i] = pos;
    let folds = 0;
    for (let j = 0; j < line.length; j++) {
      const code = line.charCodeAt(j);
      const folded = FOLD_TABLE[code];
      folds |= folded;
      const unit = folded || code;
      units[pos++] = unit;
      marked |= traditional[unit];
    }
    if (folds !== 0) changed.push(i);
    units[pos++] = 0x0a;
  }
  const text = unitsToString(units, pos);
  const lines = raw.slice();
  for (const i of changed) lines[i] = text.slice(starts[i], starts[i] + raw[i].length);
  return { lines, text, starts, marked: marked !== 0 };
}

/**
 * Indices (ascending, each once) of the lines in which a global `pattern` matches the folded
 * text. The pattern must not match across a line break; one match per line is enough, so the
 * search resumes at the next line.
 */
function linesMatching(doc: FoldedDoc, pattern: RegExp): number[] {
  const { text, starts } = doc;
  const found: number[] = [];
  let line = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    while (line + 1 < starts.length && starts[line + 1] <= m.index) line++;
    found.push(line);
    if (line + 1 >= starts.length) break;
    pattern.lastIndex = starts[line + 1];
  }
  return found;
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
