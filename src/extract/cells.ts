/** Shared helpers of the table extractors: turning a cell into a fact value. */
import type { Applicant, Cell, Fact, FactHow, Finding } from '../types.ts';
import { interned } from '../interned.ts';
import { parseNumber } from './numbers.ts';
import { FIGURE_UNITS } from '../catalogue/numerals.ts';
import { memoize } from '../memo.ts';

export type TableFact = Omit<Fact, 'report_id'>;
export type LocalFinding = Omit<Finding, 'report_id'>;

/** A finding of the report as its findings row: report_id first, every finding one shape. */
export function findingOf(f: LocalFinding, reportId: string): Finding {
  return { report_id: reportId, severity: f.severity, code: f.code, message: f.message, metric: f.metric, line: f.line };
}

/**
 * A table fact as its final facts row, report_id first. The extractors build every fact here
 * once: processDoc passes its report id and keeps the rows as they are (no copy per fact).
 */
export function tableFact(
  reportId: string,
  metric: string,
  applicant: Applicant | null,
  value: number | null,
  unit: string | null,
  approx: boolean,
  how: FactHow,
  label: string,
  text: string,
  line: number,
): Fact {
  return { report_id: reportId, metric, applicant, value, unit, source: 'table', approx, how, label, text, line };
}

/** Facts without their report_id: what the table extractors return when called without one. */
export function withoutReportId(facts: readonly Fact[]): TableFact[] {
  // A literal in the facts' key order: object rest copies property by property, far slower.
  return facts.map((f) => ({
    metric: f.metric,
    applicant: f.applicant,
    value: f.value,
    unit: f.unit,
    source: f.source,
    approx: f.approx,
    how: f.how,
    label: f.label,
    text: f.text,
    line: f.line,
  }));
}

/**
 * A metric's first settled row, for the column identities that a glued row's splits are
 * checked against: its values when already read (a run split into cells), else its value cells
 * `cells[from, from + count)`, read only if some glued row needs them (rarely).
 */
export type SettledRow =
  | { kind: 'values'; values: ReadonlyArray<number | null> }
  | { kind: 'cells'; cells: readonly Cell[]; from: number; count: number };

/** The settled rows' values by metric (resolveJointly's `known`). */
export function knownRows(settled: ReadonlyMap<string, SettledRow>): Map<string, ReadonlyArray<number | null>> {
  const known = new Map<string, ReadonlyArray<number | null>>();
  settled.forEach((row, metric) => {
    if (row.kind === 'values') return void known.set(metric, row.values);
    const values = new Array<number | null>(row.count);
    for (let i = 0; i < row.count; i++) values[i] = cellValue(row.cells[row.from + i]).value;
    known.set(metric, values);
  });
  return known;
}

/** A fact, or the place of a row's facts filled in later (a pending glued row), in table order. */
export type Slot = Fact | Fact[];

export function flatten(out: Slot[]): Fact[] {
  // Most tables have no glued rows: the slots are the facts already, no copy.
  if (!out.some(Array.isArray)) return out as Fact[];
  const facts: Fact[] = [];
  for (const s of out) {
    if (Array.isArray(s)) for (const f of s) facts.push(f);
    else facts.push(s);
  }
  return facts;
}

export interface CellValue {
  value: number | null;
  unit: string | null;
  approx: boolean;
  /** False when the cell holds text that is not a number form (the value is then null). */
  parsed: boolean;
}

const ABSENT: Readonly<CellValue> = Object.freeze({ value: null, unit: null, approx: false, parsed: true });
const UNPARSED: Readonly<CellValue> = Object.freeze({ value: null, unit: null, approx: false, parsed: false });

/** Plain digit strings short enough that parseNumber's rounding cannot change them. */
const SHORT_DIGITS = /^\d{1,9}$/;

/** Values of small plain integers ("0" … "65535"), made on first use: most cells hold one. */
const SMALL_INT_MAX = 0xffff;
const SMALL_INTS: Array<Readonly<CellValue> | undefined> = new Array(SMALL_INT_MAX + 1);

/** The value of a short plain digit string (1–9 digits), or -1: no hashing, no regex. */
function shortDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The value of a cell's text: memoised parseNumber. */
export function textValue(text: string): Readonly<CellValue> {
  // A blank cell is as common as a figure: stated blank, no look-up (parseNumber('') is blank).
  if (text === '') return ABSENT;
  // Small plain integers are most cells: an array slot instead of a hashed look-up.
  const small = shortDigits(text);
  if (small >= 0 && small <= SMALL_INT_MAX) {
    return (SMALL_INTS[small] ??= Object.freeze({ value: small, unit: null, approx: false, parsed: true }));
  }
  return parsedValue(text);
}

/**
 * Cell texts repeat within a table and across reports ("0", "—", "12"), and a cell is read
 * several times (fact, finding check, identities): values are memoised per text (bounded).
 * The shared results are frozen; callers only read them.
 */
const parsedValue = memoize((text: string): Readonly<CellValue> => {
  if (SHORT_DIGITS.test(text)) return Object.freeze({ value: Number(text), unit: null, approx: false, parsed: true });
  const p = parseNumber(text);
  // The unit interned: one of a few, carried by facts into later look-ups (see interned).
  if (p) return Object.freeze({ value: p.value, unit: p.unit && interned(p.unit), approx: p.approx, parsed: true });
  // A unit without its figure ("个", "万元": a form's unit left in a blank cell) is a blank cell.
  const unit = FIGURE_UNITS.find((u) => u === text.trim());
  return unit ? Object.freeze({ value: null, unit, approx: false, parsed: true }) : UNPARSED;
});

export function cellValue(cell: Cell | undefined): Readonly<CellValue> {
  return cell ? textValue(cell.text) : ABSENT;
}

/** A cell that holds a number form or is blank (not a label). */
export function isValueCell(cell: Cell): boolean {
  return textValue(cell.text).parsed;
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
