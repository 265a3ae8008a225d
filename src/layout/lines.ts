/**
 * Line classes of a text dump. A table exported from Word puts one cell per line behind a tab
 * (rows end at a blank line); a PDF export puts a row per line with tab-separated cells; some
 * converters end every cell line with " |".
 */

export type LineClass = 'blank' | 'tab_cell' | 'tab_row' | 'pipe_cell' | 'text';

/** The characters String.prototype.trim removes (the same as a regex \s). */
export function isTrimSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  // Most characters tested are figures, ASCII or CJK text: settled by two comparisons.
  if (c < 0xa0 || (c > 0x3000 && c !== 0xfeff)) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Ends a sentence: 。 and ! ? (normalization folds ！ ？ to these; both widths are taken, for text that was not). */
export function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0x21 || c === 0x3f || c === 0xff01 || c === 0xff1f;
}

/** The text holds a sentence end (isSentenceEnd). */
export function hasSentenceEnd(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isSentenceEnd(text.charCodeAt(i))) return true;
  return false;
}

/**
 * line[start, end) (the whole line by default) is empty or only what trim() removes, without
 * building the trimmed string (most lines stop at their first character).
 */
export function isBlank(line: string, start = 0, end = line.length): boolean {
  for (let k = start; k < end; k++) if (!isTrimSpace(line.charCodeAt(k))) return false;
  return true;
}

/**
 * The text holds a CJK ideograph (U+3400–U+9FFF): figures, units and blanks do not, so they are
 * never labels or markers. A scan: most texts tested are short figures, a regex call costs more.
 */
export function hasCjk(text: string): boolean {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}

/** Index of the last character that trim() keeps, or -1 (no trimmed copy of the line). */
export function lastNonSpace(line: string): number {
  let k = line.length - 1;
  while (k >= 0 && isTrimSpace(line.charCodeAt(k))) k--;
  return k;
}

/** Ends in "|" (then only spaces) and holds at most two more "|" before it (not a pipe table row). */
function isPipeCell(line: string): boolean {
  const last = lastNonSpace(line);
  if (last < 0 || line.charCodeAt(last) !== 0x7c) return false;
  // Fewer than three bars before the last one cannot be a row of pipes; else the exact test.
  let bars = 0;
  for (let k = line.indexOf('|'); k >= 0 && k < last; k = line.indexOf('|', k + 1)) bars++;
  return bars < 3 || !PIPE_ROW.test(line.slice(0, last));
}

const PIPE_ROW = /\|.*\|.*\|/;

export function classifyLine(line: string): LineClass {
  // A lone tab is an empty cell of a one-cell-per-line table, not a row break; a cell line
  // behind invisible characters is still a cell line (else it would glue onto the cell before).
  // Most lines of a table dump start with their tab, and most blank lines are empty: settled
  // without a search. Only a line that is neither a cell, blank nor a pipe cell is searched for
  // a tab (most pipe cells and text lines hold none).
  if (line === '') return 'blank';
  if (line.charCodeAt(0) === 9 || startsWithCellTab(line)) return 'tab_cell';
  if (isBlank(line)) return 'blank';
  if (isPipeCell(line)) return 'pipe_cell';
  if (line.includes('\t')) return 'tab_row';
  return 'text';
}

/**
 * The first character that is not invisible is a tab. Invisible: characters a converter may leave
 * before a cell's tab (spaces, NBSP, zero-width, bidi marks); a tab is not one of them.
 */
function startsWithCellTab(line: string): boolean {
  let k = 0;
  while (k < line.length && isInvisible(line.charCodeAt(k))) k++;
  return k < line.length && line.charCodeAt(k) === 9;
}

/** [ \u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff] */
function isInvisible(c: number): boolean {
  return c === 0x20 || c === 0xa0 || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f) ||
    (c >= 0x205f && c <= 0x206f) || c === 0x3000 || c === 0xfeff;
}

/**
 * Index of the first tab at or after `from`, or -1. indexOf, not a charCodeAt loop: the loop is
 * ~10% faster in some processes and ~50% slower in others (depending on how it was compiled);
 * indexOf costs the same in every run.
 */
export function tabAt(line: string, from: number): number {
  // The rest of most cell lines is one character (a figure) or nothing: no search for that.
  if (from >= line.length - 1) return from < line.length && line.charCodeAt(from) === 9 ? from : -1;
  return line.indexOf('\t', from);
}

/** text[start, end) trimmed, by bounds then one slice: no intermediate untrimmed copy. */
export function trimmedSlice(text: string, start: number, end: number): string {
  let s = start;
  let e = Math.min(end, text.length);
  while (s < e && isTrimSpace(text.charCodeAt(s))) s++;
  while (e > s && isTrimSpace(text.charCodeAt(e - 1))) e--;
  return text.slice(s, e);
}

/** Index of the first character in [from, end) that trim() keeps, or `end`. */
export function firstNonSpace(line: string, from: number, end = line.length): number {
  let k = from;
  while (k < end && isTrimSpace(line.charCodeAt(k))) k++;
  return k;
}
