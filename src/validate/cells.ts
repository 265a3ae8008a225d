/**
 * Facts indexed by (metric, applicant column). A 2008-era or narrative fact has applicant null,
 * which means the same as the 2019/2021 总计 column: both are indexed as `total`.
 */
import type { Applicant, Fact } from '../types.ts';

export interface Cell {
  value: number | null;
  line: number;
  fact: Fact;
}

export type CellLookup = (metric: string, applicant?: Applicant) => Cell | undefined;

export const cellKey = (metric: string, applicant: Applicant | null | undefined): string =>
  `${metric}|${applicant ?? 'total'}`;

/** Index facts of one source; the first stated value wins over blanks and later repeats. */
export function indexCells(facts: readonly Fact[]): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const fact of facts) {
    const key = cellKey(fact.metric, fact.applicant);
    const seen = cells.get(key);
    if (!seen || (seen.value === null && fact.value !== null)) cells.set(key, { value: fact.value, line: fact.line, fact });
  }
  return cells;
}

export function lookupIn(cells: Map<string, Cell>): CellLookup {
  return (metric, applicant = 'total') => cells.get(cellKey(metric, applicant));
}

/** `requests.received` for the 总计 column, `requests.received[natural_person]` otherwise. */
export function cellName(metric: string, applicant: Applicant = 'total'): string {
  return applicant === 'total' ? metric : `${metric}[${applicant}]`;
}

/** Numbers as reports write them: integers plain, decimals without float noise. */
export function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}

/** Equality tolerant of float noise in 万元 decimals. */
export const same = (a: number, b: number): boolean => Math.abs(a - b) < 1e-6;
