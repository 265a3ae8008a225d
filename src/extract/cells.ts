/** Shared helpers of the table extractors: turning a cell into a fact value. */
import type { Cell, Fact, Finding } from '../types.ts';
import { parseNumber } from './numbers.ts';

export type TableFact = Omit<Fact, 'report_id'>;
export type LocalFinding = Omit<Finding, 'report_id'>;

export interface CellValue {
  value: number | null;
  unit: string | null;
  approx: boolean;
  /** False when the cell holds text that is not a number form (the value is then null). */
  parsed: boolean;
}

export function cellValue(cell: Cell | undefined): CellValue {
  if (!cell) return { value: null, unit: null, approx: false, parsed: true };
  const p = parseNumber(cell.text);
  if (!p) return { value: null, unit: null, approx: false, parsed: false };
  return { value: p.value, unit: p.unit, approx: p.approx, parsed: true };
}

/** A cell that holds a number form or is blank (not a label). */
export function isValueCell(cell: Cell): boolean {
  return parseNumber(cell.text) !== undefined;
}

export function unparsedFinding(cell: Cell, label: string, metric: string | null): LocalFinding {
  return {
    severity: 'warning',
    code: 'unparsed_value',
    message: `cell "${cell.raw}" of row "${label}" is not a number; value left empty`,
    metric,
    line: cell.line,
  };
}
