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
import { ALL_APPLICANTS, APPLICANT_COLUMNS, ruleKeys, type IdentityRule, type Part } from '../catalogue/identities.ts';
import type { Applicant, FindingCode } from '../types.ts';
import { cellName, fmt, same, type CellLookup } from './cells.ts';

export interface Violation {
  code: Extract<FindingCode, 'identity_violation' | 'subitem_exceeds_total'>;
  ruleId: string;
  message: string;
  /** Metric keys involved (plain keys, no applicant suffix), in rule order. */
  keys: string[];
  line: number | null;
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
    return [violation(rule.id, `${nameOf(total)} ${fmt(total.value)} ≠ ${show(s)}`, keys(), total.line)];
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

/** Running state of a sum: stated parts, their total, whether a present cell is blank, the largest. */
interface Tally {
  stated: number;
  sum: number;
  blank: boolean;
  max: number;
}

const tally = (): Tally => ({ stated: 0, sum: 0, blank: false, max: -Infinity });

function tallyCell(get: CellLookup, key: string, a: Applicant, t: Tally): void {
  const c = get(key, a);
  if (!c) return; // absent rows are not part of the identity
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

function sumHolds(get: CellLookup, totalKey: string, a: Applicant, parts: readonly Part[]): boolean {
  const total = get(totalKey, a)?.value ?? null;
  if (total === null) return true;
  const t = tally();
  for (const part of parts) {
    if (typeof part === 'string') {
      tallyCell(get, part, a, t);
      continue;
    }
    // An alternative (see partTerms): the aggregate when stated, else its sub-rows, and the
    // blank aggregate too when no sub-row is stated.
    if (get(part.either, a)?.value != null) {
      tallyCell(get, part.either, a, t);
      continue;
    }
    const before = t.stated;
    for (const k of part.or) tallyCell(get, k, a, t);
    if (t.stated === before) tallyCell(get, part.either, a, t);
  }
  return holds(total, t);
}

function rowTotalHolds(get: CellLookup, metric: string): boolean {
  const total = get(metric, 'total')?.value ?? null;
  if (total === null) return true;
  const t = tally();
  for (const a of APPLICANT_COLUMNS) tallyCell(get, metric, a, t);
  return holds(total, t);
}

/** Check one rule; returns every violation (one per applicant column where relevant). */
export function evaluateRule(rule: IdentityRule, get: CellLookup, state: EvalState): Violation[] {
  switch (rule.kind) {
    case 'le': {
      const part = term(get, rule.part, 'total');
      const total = term(get, rule.total, 'total');
      if (part.value === null || total.value === null) return [];
      if (part.value > total.value && !same(part.value, total.value)) return subitem(rule.id, part, total, 'total', state);
      return [];
    }
    case 'sum': {
      const applicants: readonly Applicant[] = rule.perApplicant ? ALL_APPLICANTS : ['total'];
      const out: Violation[] = [];
      for (const a of applicants) {
        if (sumHolds(get, rule.total, a, rule.parts)) continue;
        out.push(...checkSum(rule, term(get, rule.total, a), rule.parts.flatMap((p) => partTerms(get, p, a)), a, () => ruleKeys(rule), state));
      }
      return out;
    }
    case 'row_total': {
      const out: Violation[] = [];
      for (const m of rule.metrics) {
        if (rowTotalHolds(get, m)) continue;
        out.push(...checkSum(rule, term(get, m, 'total'), APPLICANT_COLUMNS.map((a) => term(get, m, a)), 'total', () => [m], state));
      }
      return out;
    }
    case 'balance':
      return ALL_APPLICANTS.flatMap((a) => {
        const left = side(rule.left.map((k) => term(get, k, a)));
        const right = side(rule.right.map((k) => term(get, k, a)));
        if (!left.stated.length || !right.stated.length) return [];
        const differ = !same(left.sum, right.sum);
        const broken =
          (left.complete && right.complete && differ) ||
          (left.complete && differ && right.sum > left.sum) ||
          (right.complete && differ && left.sum > right.sum);
        if (!broken) return [];
        const rel = left.complete && right.complete ? '≠' : left.sum > right.sum ? '>' : '<';
        return [
          violation(
            rule.id,
            `${show(left)} ${rel} ${show(right)}${blanks(left)}${blanks(right)}`,
            ruleKeys(rule),
            left.stated[0]!.line,
          ),
        ];
      });
  }
}
