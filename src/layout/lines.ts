/**
 * Line classes of a text dump. A table exported from Word puts one cell per line behind a tab
 * (rows end at a blank line); a PDF export puts a row per line with tab-separated cells; some
 * converters end every cell line with " |".
 */

export type LineClass = 'blank' | 'tab_cell' | 'tab_row' | 'pipe_cell' | 'text';

/** Invisible characters a converter may leave before a cell's tab (spaces, NBSP, zero-width, bidi marks). */
const LEADING_INVISIBLE = /^[ \u00a0\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff]*\t/;

export function classifyLine(line: string): LineClass {
  // A lone tab is an empty cell of a one-cell-per-line table, not a row break; a cell line
  // behind invisible characters is still a cell line (else it would glue onto the cell before).
  if (LEADING_INVISIBLE.test(line)) return 'tab_cell';
  if (line.trim() === '') return 'blank';
  if (line.includes('|') && /\|\s*$/.test(line) && !/\|.*\|.*\|/.test(line.replace(/\|\s*$/, ''))) return 'pipe_cell';
  if (line.includes('\t') && line.trim().length > 0) return 'tab_row';
  return 'text';
}

/** Raw text of the cell at [start, end) of a line, trimmed. */
export function rawSlice(raw: string | undefined, start: number, end: number): string {
  return (raw ?? '').slice(start, end).trim();
}
