/**
 * Character normalization of decoded lines. Every mapping is one UTF-16 code unit to one code
 * unit, so a normalized line has exactly the raw line's length and an offset found in the
 * normalized text is the same offset in the raw text (provenance for cells and facts).
 */
import { CHART_RESIDUE, INLINE_NOISE } from '../catalogue/noise.ts';
import { blankChromeLine, CHROME_KEY_SLOTS } from './chrome.ts';
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

/** As many spaces as the match has characters. */
const spaces = (match: string): string => ' '.repeat(match.length);

/** Blank inline converter markers (`[image: …]`, `[bookmark: …]`) in one normalized line. */
export function blankInlineNoise(line: string): string {
  // Every marker starts with a bracket: most lines have none.
  if (!line.includes('[')) return line;
  let out = line;
  for (const { pattern } of INLINE_NOISE) {
    // A test costs less than a replace that finds nothing (most lines with a '[' hold no marker).
    pattern.lastIndex = 0;
    if (!pattern.test(out)) continue;
    pattern.lastIndex = 0;
    out = out.replace(pattern, spaces);
  }
  return out;
}

/** A residue row: tab-separated, its non-empty fields labels and then numbers (fields read in place). */
function isChartResidueRow(line: string): boolean {
  if (!line.includes('\t')) return false;
  let fields = 0;
  let seenNumber = false;
  for (let start = 0; start <= line.length; ) {
    const tab = line.indexOf('\t', start);
    const end = tab < 0 ? line.length : tab;
    const field = line.slice(start, end).trim();
    start = end + 1;
    if (field === '') continue;
    fields++;
    if (CHART_RESIDUE.number.test(field)) seenNumber = true;
    else if (seenNumber || !CHART_RESIDUE.label.test(field)) return false;
  }
  return fields > 0;
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
 * while folding, with one table lookup per character (getUnitTable), and only those lines are
 * processed: noise is rare, lines are short and many, and a call or a search per line per check
 * cost more than the checks themselves.
 */
export function normalizeDoc(raw: readonly string[]): string[] {
  const { lines, flaggedLines, flaggedBits, marked } = foldDoc(raw);
  // Blanking only turns characters into spaces, and no flag below marks a space, so lines
  // flagged in the folded text are a superset of those the later steps can act on. Inline
  // markers and chrome are blanked line by line, so one line's two steps can run together.
  for (let k = 0; k < flaggedLines.length; k++) {
    const i = flaggedLines[k];
    if (flaggedBits[k] & INLINE) lines[i] = blankInlineNoise(lines[i]);
    if (flaggedBits[k] & CHROME) lines[i] = blankChromeLine(lines[i]);
  }
  // A header inside a block blanked just before is all spaces by now, so it starts nothing.
  for (let k = 0; k < flaggedLines.length; k++) {
    const i = flaggedLines[k];
    if (flaggedBits[k] & SERIES && CHART_RESIDUE.header.test(lines[i])) blankChartBlock(lines, i);
  }
  // Mirror sites publish in Traditional characters: matching (labels, markers, metadata) sees
  // Simplified text; `raw` keeps the original for provenance.
  // (`marked` false settles it without simplifyDoc's scan.)
  return marked ? simplifyDoc(lines) : lines;
}

/** Flags of getUnitTable: what a character found in a line means for that line. */
const TRADITIONAL = 1; // traditionalMarks: a Traditional document is told by it
const CHROME = 2; // a key character of a chrome keyword (CHROME_KEY_SLOTS)
const INLINE = 4; // '[': every inline marker starts with one
const SERIES = 8; // a character of a chart series hint word
const FOLDS = 16; // the character folds (FOLD_TABLE)

/** The first character of each series hint word, in both cases (the hint ignores case). */
function seriesKeyCharacters(): string {
  const firsts = CHART_RESIDUE.hintWords.map((word) => word[0]).join('');
  return firsts.toLowerCase() + firsts.toUpperCase();
}

let unitTable: Uint32Array | undefined;

/** Where a character's flags start in its unitTable entry (below them: the unit it folds to). */
const FLAG_SHIFT = 16;

/**
 * Per code unit: the code unit it folds to (low 16 bits; itself when it does not fold) and its
 * flags above them — the flags of the character it folds to (the later steps see folded text),
 * plus FOLDS. One lookup per character gives both while a document is read. Built on first use:
 * the Traditional marks are themselves built lazily.
 */
function getUnitTable(): Uint32Array {
  if (unitTable) return unitTable;
  const traditional = traditionalMarks();
  const byUnit = new Uint8Array(0x10000);
  for (let unit = 0; unit < 0x10000; unit++) {
    byUnit[unit] = (traditional[unit] ? TRADITIONAL : 0) | (CHROME_KEY_SLOTS[unit] !== 0 ? CHROME : 0);
  }
  byUnit[0x5b] |= INLINE;
  for (const ch of seriesKeyCharacters()) byUnit[ch.charCodeAt(0)] |= SERIES;
  const table = new Uint32Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    const folded = FOLD_TABLE[code];
    table[code] = folded ? ((byUnit[folded] | FOLDS) << FLAG_SHIFT) | folded : (byUnit[code] << FLAG_SHIFT) | code;
  }
  return (unitTable = table);
}

/** A document's folded lines, and which of them the later steps may have to look at. */
interface FoldedDoc {
  /** normalizeLine of every raw line: the raw string itself where nothing folds. */
  lines: string[];
  /** The lines that have any flag (ascending): what the later steps may have to look at. */
  flaggedLines: number[];
  /** The flags of each of flaggedLines. */
  flaggedBits: number[];
  /**
   * Some character is one a Traditional document is told by (traditionalMarks). Most documents
   * have none, which settles isTraditional without another pass over the lines.
   */
  marked: boolean;
}

/**
 * normalizeLine over every line, flagging lines on the way. Each line's folded code units are
 * written to one buffer while the line is read for its flags, and kept there only if the line
 * folds; every folded line is then cut from one string (reading a string's characters a second
 * time, or a string per line, costs more).
 */
function foldDoc(raw: readonly string[]): FoldedDoc {
  const table = getUnitTable();
  const lines = raw.slice();
  let total = 0;
  for (let i = 0; i < raw.length; i++) total += raw[i].length;
  const units = scratchUnits(total);
  let size = 0; // units kept: the lines that fold, one after the other
  const flaggedLines: number[] = [];
  const flaggedBits: number[] = [];
  let marked = 0;
  for (let i = 0; i < raw.length; i++) {
    const line = raw[i];
    let entries = 0;
    for (let j = 0; j < line.length; j++) {
      const entry = table[line.charCodeAt(j)];
      entries |= entry;
      units[size + j] = entry & 0xffff;
    }
    const found = entries >>> FLAG_SHIFT;
    if (found === 0) continue;
    marked |= found;
    if (found & FOLDS) size += line.length;
    flaggedLines.push(i);
    flaggedBits.push(found);
  }
  if (size > 0) {
    const text = unitsToString(units, size);
    let pos = 0;
    for (let k = 0; k < flaggedLines.length; k++) {
      if ((flaggedBits[k] & FOLDS) === 0) continue;
      const i = flaggedLines[k];
      const end = pos + raw[i].length;
      lines[i] = text.slice(pos, end);
      pos = end;
    }
  }
  return { lines, flaggedLines, flaggedBits, marked: (marked & TRADITIONAL) !== 0 };
}
