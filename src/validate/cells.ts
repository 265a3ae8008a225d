/**
 * Facts indexed by (metric, applicant column). A 2008-era or narrative fact has applicant null,
 * which means the same as the 2019/2021 总计 column: both are indexed as `total`.
 */
import { ALL_APPLICANTS, APPLICANTS } from '../catalogue/labels.ts';
import { MATRIX_ROWS } from '../catalogue/metrics2019.ts';
import type { Applicant, Fact, Finding } from '../types.ts';

/** A stated (or blank) cell: the fact that first stated it. */
export type Cell = Pick<Fact, 'value' | 'line'>;

export type CellLookup = (metric: string, applicant?: Applicant) => Cell | undefined;

/**
 * A metric's cells by applicant column slot (see slotOf). A small array rather than a Map per
 * metric: indexing and lookups are the validator's and the views' main cost, per report.
 */
export type CellRow<C = Cell> = Array<C | undefined>;

/** Cells by metric, then applicant column slot. */
export type CellIndex = Map<string, CellRow>;

/** Rows of cells by metric: a CellIndex, or an adapter over a CellLookup (see rules.ts evaluateRule). */
export interface RowLookup {
  get(metric: string): CellRow | undefined;
}

/** Applicant columns as array slots; `total` (and null, the 2008 form's only column) is slot 0. */
export const APPLICANT_SLOTS: readonly Applicant[] = ['total', ...APPLICANTS];
// A plain object rather than a Map: looked up once per fact, and property look-ups by the
// catalogue's own strings are several times cheaper than Map.get.
const SLOT: Record<string, number> = {};
APPLICANT_SLOTS.forEach((a, i) => (SLOT[a] = i));

/** The 总计 slot (also the 2008 form's only column). */
export const TOTAL_SLOT = 0;

/** The slot of an applicant column (null is 总计); undefined for a column the matrix has not. */
export function slotOf(applicant: Applicant | null): number | undefined {
  if (applicant === null) return TOTAL_SLOT;
  const slot = SLOT[applicant];
  return typeof slot === 'number' ? slot : undefined; // not an inherited Object property
}

/** Slots of every column, 总计 included, in ALL_APPLICANTS order (the order violations are reported in). */
export const ALL_SLOTS: readonly number[] = ALL_APPLICANTS.map((a) => slotOf(a) as number);
/** Slots of the applicant columns, 总计 left out. */
export const APPLICANT_SLOTS_ONLY: readonly number[] = APPLICANTS.map((a) => slotOf(a) as number);

/**
 * Index facts of one source; the first stated value wins over blanks and later repeats.
 * `keep` narrows (the views' narrative index keeps the 总计 column only).
 */
export function indexCells(facts: readonly Fact[], keep?: (f: Fact) => boolean): CellIndex {
  const cells: CellIndex = new Map();
  const add = cellAdder(cells);
  for (const fact of facts) if (!keep || keep(fact)) add(fact);
  return cells;
}

/**
 * One report's cells, from a single pass over its facts. The validator and the views both
 * start from them, so a caller that runs both can index once and pass the result to each.
 */
export interface ReportCells {
  /** Table cells by metric and applicant column slot. */
  table: CellIndex;
  /** The report's narrative facts in document order, every applicant column. */
  narrative: Fact[];
  /** Some table fact is blank (only then can the views prove a zero). */
  hasBlank: boolean;
}

/**
 * Index one report's facts (facts of other reports in the list are skipped). `findings`: the
 * report's reading findings; a row one names as `ambiguous_cells` is in the report but could not
 * be split, so its cells are indexed blank (unknown), not absent: an identity over it is then
 * checked as over a blank cell, which a stated part cannot be reported against.
 */
export function indexReport(facts: readonly Fact[], reportId: string, findings: readonly Finding[] = []): ReportCells {
  const table: CellIndex = new Map();
  const narrative: Fact[] = [];
  let hasBlank = false;
  const add = cellAdder(table);
  for (const fact of facts) {
    if (fact.report_id !== reportId) continue;
    if (fact.source !== 'table') {
      if (fact.source === 'narrative') narrative.push(fact);
      continue;
    }
    // A blank in a column the matrix has not is looked up by nothing, as in cellAdder.
    if (fact.value === null && slotOf(fact.applicant) !== undefined) hasBlank = true;
    add(fact);
  }
  for (const f of findings) {
    if (f.code !== 'ambiguous_cells' || f.report_id !== reportId || !f.metric) continue;
    for (const metric of f.metric.split(',')) hasBlank = unreadableRow(table, metric, f.line ?? 0) || hasBlank;
  }
  return { table, narrative, hasBlank };
}

const MATRIX_KEYS = new Set(MATRIX_ROWS.map((r) => r.key));

/** Blank cells for a row no reader could split, in the slots no fact states; true when any was added. */
function unreadableRow(table: CellIndex, metric: string, line: number): boolean {
  let row = table.get(metric);
  if (!row) table.set(metric, (row = new Array(MATRIX_KEYS.has(metric) ? APPLICANT_SLOTS.length : 1)));
  let added = false;
  for (let slot = 0; slot < row.length; slot++) {
    if (row[slot]) continue;
    row[slot] = { value: null, line };
    added = true;
  }
  return added;
}

/**
 * Adds facts to `cells`; the first stated value wins over blanks and later repeats. A matrix
 * states a metric's columns one after another: the previous fact's row is reused, so the metric
 * is looked up once per row rather than once per cell.
 */
function cellAdder(cells: CellIndex): (fact: Fact) => void {
  let lastMetric: string | null = null;
  let row: CellRow = [];
  return (fact) => {
    const slot = slotOf(fact.applicant);
    if (slot === undefined) return; // not a column of the matrix: nothing looks it up
    if (fact.metric !== lastMetric) {
      lastMetric = fact.metric;
      let made = cells.get(lastMetric);
      // A matrix row gets every slot, a 2008-style row one.
      if (!made) cells.set(lastMetric, (made = new Array(fact.applicant === null ? 1 : APPLICANT_SLOTS.length)));
      row = made;
    }
    const seen = row[slot];
    if (!seen || (seen.value === null && fact.value !== null)) row[slot] = fact;
  };
}

/** A CellLookup over rows of cells (an index, or the rules' RowLookup). */
export function lookupIn(cells: RowLookup): CellLookup {
  return (metric, applicant = 'total') => {
    const row = cells.get(metric);
    return row && row[slotOf(applicant) as number];
  };
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
