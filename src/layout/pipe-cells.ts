/**
 * Regroup a flat list of cells (one per line, no row breaks) into rows. The header row fixes the
 * number of columns; a row starts at a label cell (text that is neither a number, a blank marker
 * nor a unit) and takes at most that many cells.
 */
import { NO_UNIT, UNITS, VALUE_COLUMN_HEADERS } from '../catalogue/units.ts';
import { parseNumber } from '../extract/numbers.ts';
import { matchesAny } from '../extract/labels.ts';
import type { Cell, Row } from '../types.ts';
import { memoize } from '../memo.ts';
import { hasCjk } from './lines.ts';

const HEADER_PATTERNS = [
  ...VALUE_COLUMN_HEADERS.label,
  ...VALUE_COLUMN_HEADERS.unit,
  ...VALUE_COLUMN_HEADERS.year,
  ...VALUE_COLUMN_HEADERS.cumulative,
];

/** Labels repeat across rows and reports: the answer is memoised per text (bounded). */
const labels = memoize((text: string) => !NO_UNIT.includes(text) && !parseNumber(text));

export function isLabelCell(text: string): boolean {
  // Text without a CJK character is never a label: no need to parse it. The few units come back
  // in every row: a list test is cheaper than the memo.
  return hasCjk(text) && !UNITS.includes(text) && labels(text);
}

export function groupPipeCells(cells: Cell[]): Row[] {
  let k = 0;
  // The header: leading cells that are column titles (统计指标 | 单位 | 统计数 [| 累计]).
  while (k < cells.length && matchesAny(cells[k]!.text.replace(/\s+/g, ''), HEADER_PATTERNS)) k++;
  const width = k >= 2 ? k : 3;
  // Each row is a run of the list: sliced out at its end (an exact-size list, no push per cell).
  const rows: Row[] = k ? [rowOf(cells, 0, k)] : [];
  let from = k;
  for (; k < cells.length; k++) {
    if (k > from && (k - from >= width || isLabelCell(cells[k]!.text))) {
      rows.push(rowOf(cells, from, k));
      from = k;
    }
  }
  if (k > from) rows.push(rowOf(cells, from, k));
  return rows;
}

function rowOf(cells: Cell[], from: number, to: number): Row {
  return { cells: cells.slice(from, to), line: cells[from]!.line };
}
