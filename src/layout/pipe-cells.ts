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
const labels = memoize((text: string) => !NO_UNIT.includes(text) && !UNITS.includes(text) && !parseNumber(text));

export function isLabelCell(text: string): boolean {
  // Text without a CJK character is never a label: no need to parse it.
  return hasCjk(text) && labels(text);
}

export function groupPipeCells(cells: Cell[]): Row[] {
  let width = 0;
  const header: Cell[] = [];
  let k = 0;
  // The header: leading cells that are column titles (统计指标 | 单位 | 统计数 [| 累计]).
  while (k < cells.length && matchesAny(cells[k]!.text.replace(/\s+/g, ''), HEADER_PATTERNS)) header.push(cells[k++]!);
  width = header.length >= 2 ? header.length : 3;
  const rows: Row[] = header.length ? [{ cells: header, line: header[0]!.line }] : [];
  let current: Cell[] = [];
  const flush = () => {
    if (current.length) rows.push({ cells: current, line: current[0]!.line });
    current = [];
  };
  for (; k < cells.length; k++) {
    const cell = cells[k]!;
    if (isLabelCell(cell.text) || current.length >= width) flush();
    current.push(cell);
  }
  flush();
  return rows;
}
