/**
 * Evaluate the identity rules of src/catalogue/identities.ts against one report's table cells.
 *
 * Rows a report does not have at all (a province's form without 5.其他形式, the older 电子邮件
 * row) are left out of its identities. Blank semantics (a blank cell is "not reported", not 0): a rule is checked only when its
 * total and at least one part are stated. When every part is stated, total ≠ Σ parts is a
 * violation; when some parts are blank, only Σ stated parts > total is (the blanks may hold
 * the rest, but they cannot be negative). A single part larger than its total is reported as
 * `subitem_exceeds_total` instead of a sum violation, once per (part, total) pair.
 */
import { ruleKeys, type IdentityRule, type Part } from '../catalogue/identities.ts';
import { APPLICANTS } from '../catalogue/labels.ts';
import type { Applicant, FindingCode } from '../types.ts';
import {
  ALL_SLOTS,
  APPLICANT_SLOTS,
  APPLICANT_SLOTS_ONLY,
  cellName,
  fmt,
  lookupIn,
  same,
  TOTAL_SLOT as TOTAL,
  type CellLookup,
  type CellRow,
  type RowLookup,
} from './cells.ts';

export interface Violation {
  code: Extract<FindingCode, 'identity_violation' | 'subitem_exceeds_total'>;
  ruleId: string;
  message: string;
  /** Metric keys involved (plain keys, no applicant suffix), in rule order. */
  keys: string[];
  line: number | null;
  /**
   * Every part is stated and they add up to less than the total: a row of the block the reader
   * did not recognise may be the missing part (see validate.ts).
   */
  short?: boolean;
}

/** One stated (or blank) summand as it appears in a message. */
interface Term {
  /** The report has no such row at all (not part of its form), as opposed to a blank cell. */
  absent: boolean;
  key: string;
  applicant: Applicant;
  value: number | null;
  line: number | null;
}

interface Side {
  terms: Term[];
  stated: Term[];
  sum: number;
  complete: boolean;
}

const term = (get: CellLookup, key: string, applicant: Applicant): Term => {
  const cell = get(key, applicant);
  return { absent: !cell, key, applicant, value: cell?.value ?? null, line: cell?.line ?? null };
};

/** Named only when a message is written (most rules hold: no string work for them). */
const nameOf = (t: Term): string => cellName(t.key, t.applicant);

/** An alternative part is its aggregate row when stated, else its sub-rows. */
function partTerms(get: CellLookup, part: Part, applicant: Applicant): Term[] {
  if (typeof part === 'string') return [term(get, part, applicant)];
  const aggregate = term(get, part.either, applicant);
  if (aggregate.value !== null) return [aggregate];
  const subs = part.or.map((k) => term(get, k, applicant));
  return subs.some((t) => t.value !== null) ? subs : [aggregate, ...subs];
}

/** Rows the report does not have are not part of its identity; blank cells are. */
function side(all: Term[]): Side {
  const terms = all.filter((t) => !t.absent);
  const stated = terms.filter((t) => t.value !== null);
  return {
    terms,
    stated,
    sum: stated.reduce((s, t) => s + (t.value as number), 0),
    complete: stated.length === terms.length,
  };
}

const show = (s: Side): string => {
  const body = s.stated.map((t) => `${nameOf(t)} ${fmt(t.value as number)}`).join(' + ');
  return s.stated.length > 1 ? `${body} = ${fmt(s.sum)}` : body;
};
const blanks = (s: Side): string => {
  const b = s.terms.filter((t) => t.value === null).map(nameOf);
  return b.length ? ` (blank: ${b.join(', ')})` : '';
};

export interface EvalState {
  /** (part|total|applicant) pairs already reported as subitem_exceeds_total. */
  reportedPairs: Set<string>;
}

/** total = Σ parts, with the subitem check first. */
function checkSum(
  rule: IdentityRule,
  total: Term,
  parts: Term[],
  applicant: Applicant,
  keys: () => string[],
  state: EvalState,
): Violation[] {
  if (total.value === null) return [];
  const s = side(parts);
  if (s.stated.length === 0) return [];
  const exceeding = s.stated.filter((t) => (t.value as number) > (total.value as number) && !same(t.value as number, total.value as number));
  if (exceeding.length) {
    return exceeding.flatMap((t) => subitem(rule.id, t, total, applicant, state));
  }
  if (s.complete && !same(s.sum, total.value)) {
    const v = violation(rule.id, `${nameOf(total)} ${fmt(total.value)} ≠ ${show(s)}`, keys(), total.line);
    return [s.sum < total.value ? { ...v, short: true } : v];
  }
  if (!s.complete && s.sum > total.value && !same(s.sum, total.value)) {
    return [violation(rule.id, `${nameOf(total)} ${fmt(total.value)} < ${show(s)}${blanks(s)}`, keys(), total.line)];
  }
  return [];
}

function subitem(ruleId: string, part: Term, total: Term, applicant: Applicant, state: EvalState): Violation[] {
  const pair = `${part.key}|${total.key}|${applicant}`;
  if (state.reportedPairs.has(pair)) return [];
  state.reportedPairs.add(pair);
  return [
    {
      code: 'subitem_exceeds_total',
      ruleId,
      message: `${nameOf(part)} ${fmt(part.value as number)} > ${nameOf(total)} ${fmt(total.value as number)}`,
      keys: unique([part.key, total.key]),
      line: part.line,
    },
  ];
}

const violation = (ruleId: string, message: string, keys: string[], line: number | null): Violation => ({
  code: 'identity_violation',
  ruleId,
  message,
  keys: unique(keys),
  line,
});

const unique = (xs: string[]): string[] => [...new Set(xs)];

// Fast paths: most identities hold, and deciding that needs no Term objects or messages. They
// answer "certainly holds"; anything else goes through checkSum, which decides and explains.
// They read cells by row and slot (see cells.ts) rather than through a CellLookup.

const TOTAL_ONLY: readonly number[] = [TOTAL];

const valueAt = (rows: RowLookup, metric: string, slot: number): number | null | undefined => rows.get(metric)?.[slot]?.value;

/**
 * Running state of a sum: stated parts, their total, whether a present cell is blank, the
 * largest. Module-level and reset per check: the checks run per rule and column, so a fresh
 * object each time was a measurable share of the validator's garbage.
 */
interface Tally {
  stated: number;
  sum: number;
  blank: boolean;
  max: number;
}

const reset = (t: Tally): Tally => {
  t.stated = 0;
  t.sum = 0;
  t.blank = false;
  t.max = -Infinity;
  return t;
};
const ROW_TALLY: Tally = reset({} as Tally);

/** Tally one cell; a row or cell the report has not is no part of the identity. */
function tallyCell(row: CellRow | undefined, slot: number, t: Tally): void {
  const c = row?.[slot];
  if (!c) return;
  if (c.value === null) t.blank = true;
  else {
    t.stated++;
    t.sum += c.value;
    if (c.value > t.max) t.max = c.value;
  }
}

/** No violation checkSum could report: nothing stated, or no part over the total and the sum fits. */
function holds(total: number, t: Tally): boolean {
  if (t.stated === 0) return true;
  if (t.max > total && !same(t.max, total)) return false; // a part exceeds its total
  if (!t.blank) return same(t.sum, total);
  return !(t.sum > total && !same(t.sum, total));
}

/** One tally per applicant column slot, for checks in every column; a balance's right side uses the second set. */
const columnTallies = (): readonly Tally[] => APPLICANT_SLOTS.map(() => reset({} as Tally));
const COLUMN_TALLIES = columnTallies();
const RIGHT_COLUMNS = columnTallies();

/**
 * Tally parts in each of `slots` into `into` (by slot). Part by part, so each plain part's row
 * is looked up once rather than once per column (a per-applicant rule has 20-odd parts; an
 * either/or part's sub-rows are still looked up per column).
 */
function tallyParts(rows: RowLookup, parts: readonly Part[], slots: readonly number[], into: readonly Tally[]): void {
  for (const slot of slots) reset(into[slot]!);
  for (const part of parts) {
    if (typeof part === 'string') {
      const row = rows.get(part);
      if (row) for (const slot of slots) tallyCell(row, slot, into[slot]!);
      continue;
    }
    // An alternative (see partTerms): the aggregate when stated, else its sub-rows, and the
    // blank aggregate too when no sub-row is stated.
    const aggregate = rows.get(part.either);
    for (const slot of slots) {
      const t = into[slot]!;
      if (aggregate?.[slot]?.value != null) {
        tallyCell(aggregate, slot, t);
        continue;
      }
      const before = t.stated;
      for (const k of part.or) tallyCell(rows.get(k), slot, t);
      if (t.stated === before) tallyCell(aggregate, slot, t);
    }
  }
}

function rowTotalHolds(rows: RowLookup, metric: string): boolean {
  const row = rows.get(metric);
  const total = row?.[TOTAL]?.value ?? null;
  if (total === null) return true;
  const t = reset(ROW_TALLY);
  for (const slot of APPLICANT_SLOTS_ONLY) tallyCell(row, slot, t);
  return holds(total, t);
}

/** Σ left = Σ right cannot be reported broken (see the balance case of evaluateIn). */
function balanceHolds(l: Tally, r: Tally): boolean {
  if (!l.stated || !r.stated) return true;
  const differ = !same(l.sum, r.sum);
  return !((!l.blank && !r.blank && differ) || (!l.blank && differ && r.sum > l.sum) || (!r.blank && differ && l.sum > r.sum));
}

/** Check one rule; returns every violation (one per applicant column where relevant). */
export function evaluateRule(rule: IdentityRule, get: CellLookup, state: EvalState): Violation[] {
  const rows: RowLookup = { get: (metric) => APPLICANT_SLOTS.map((a) => get(metric, a)) };
  return [...evaluateIn(rule, rows, state)];
}

/** What most rules return: shared, since the validator checks every rule of every report. */
const NONE: readonly Violation[] = Object.freeze([]);

/** evaluateRule over an index's rows (what the validator uses: no lookup closure per cell). */
export function evaluateIn(rule: IdentityRule, rows: RowLookup, state: EvalState): readonly Violation[] {
  switch (rule.kind) {
    case 'le': {
      const part = valueAt(rows, rule.part, TOTAL) ?? null;
      const total = valueAt(rows, rule.total, TOTAL) ?? null;
      if (part === null || total === null) return NONE;
      if (part > total && !same(part, total)) {
        const get = lookupIn(rows);
        return subitem(rule.id, term(get, rule.part, 'total'), term(get, rule.total, 'total'), 'total', state);
      }
      return NONE;
    }
    case 'sum': {
      const totalRow = rows.get(rule.total);
      if (!totalRow) return NONE; // no total in any column: nothing to check
      const slots = rule.perApplicant ? ALL_SLOTS : TOTAL_ONLY;
      tallyParts(rows, rule.parts, slots, COLUMN_TALLIES);
      let out: Violation[] | undefined;
      // Indexed loops here: with the rare violation path in the body, V8 kept the for-of
      // iterators of this function as real objects (garbage per rule and report).
      for (let i = 0; i < slots.length; i++) {
        const slot = slots[i]!;
        const total = totalRow[slot]?.value ?? null;
        if (total === null || holds(total, COLUMN_TALLIES[slot]!)) continue;
        const get = lookupIn(rows);
        const a = APPLICANT_SLOTS[slot]!;
        (out ??= []).push(...checkSum(rule, term(get, rule.total, a), rule.parts.flatMap((p) => partTerms(get, p, a)), a, () => ruleKeys(rule), state));
      }
      return out ?? NONE;
    }
    case 'row_total': {
      let out: Violation[] | undefined;
      for (let i = 0; i < rule.metrics.length; i++) {
        const m = rule.metrics[i]!;
        if (rowTotalHolds(rows, m)) continue;
        const get = lookupIn(rows);
        (out ??= []).push(...checkSum(rule, term(get, m, 'total'), APPLICANTS.map((a) => term(get, m, a)), 'total', () => [m], state));
      }
      return out ?? NONE;
    }
    case 'balance': {
      tallyParts(rows, rule.left, ALL_SLOTS, COLUMN_TALLIES);
      tallyParts(rows, rule.right, ALL_SLOTS, RIGHT_COLUMNS);
      let out: Violation[] | undefined;
      for (let i = 0; i < ALL_SLOTS.length; i++) {
        const slot = ALL_SLOTS[i]!;
        if (balanceHolds(COLUMN_TALLIES[slot]!, RIGHT_COLUMNS[slot]!)) continue;
        const get = lookupIn(rows);
        const a = APPLICANT_SLOTS[slot]!;
        const left = side(rule.left.map((k) => term(get, k, a)));
        const right = side(rule.right.map((k) => term(get, k, a)));
        const rel = left.complete && right.complete ? '≠' : left.sum > right.sum ? '>' : '<';
        (out ??= []).push(
          violation(rule.id, `${show(left)} ${rel} ${show(right)}${blanks(left)}${blanks(right)}`, ruleKeys(rule), left.stated[0]!.line),
        );
      }
      return out ?? NONE;
    }
  }
}
