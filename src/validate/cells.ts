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

/**
 * Cells by metric, then applicant column. Two levels rather than one "metric|applicant" key:
 * lookups then hash strings that already exist instead of building one per lookup, which
 * made indexing and lookups the validator's main cost.
 */
export type CellIndex = Map<string, Map<Applicant, Cell>>;

/** Index facts of one source; the first stated value wins over blanks and later repeats. */
export function indexCells(facts: readonly Fact[]): CellIndex {
  const cells: CellIndex = new Map();
  for (const fact of facts) {
    let row = cells.get(fact.metric);
    if (!row) cells.set(fact.metric, (row = new Map()));
    const applicant = fact.applicant ?? 'total';
    const seen = row.get(applicant);
    if (!seen || (seen.value === null && fact.value !== null)) row.set(applicant, { value: fact.value, line: fact.line, fact });
  }
  return cells;
}

export function lookupIn(cells: CellIndex): CellLookup {
  return (metric, applicant = 'total') => cells.get(metric)?.get(applicant);
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
