/**
 * Line classes of a text dump. A table exported from Word puts one cell per line behind a tab
 * (rows end at a blank line); a PDF export puts a row per line with tab-separated cells; some
 * converters end every cell line with " |".
 */

export type LineClass = 'blank' | 'tab_cell' | 'tab_row' | 'pipe_cell' | 'text';

export function classifyLine(line: string): LineClass {
  // A lone tab is an empty cell of a one-cell-per-line table, not a row break.
  if (line.startsWith('\t')) return 'tab_cell';
  if (line.trim() === '') return 'blank';
  if (/\|\s*$/.test(line) && !/\|.*\|.*\|/.test(line.replace(/\|\s*$/, ''))) return 'pipe_cell';
  if (line.includes('\t') && line.trim().length > 0) return 'tab_row';
  return 'text';
}

/** Raw text of the cell at [start, end) of a line, trimmed. */
export function rawSlice(raw: string | undefined, start: number, end: number): string {
  return (raw ?? '').slice(start, end).trim();
}
