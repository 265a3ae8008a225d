/**
 * The analysis views (channels, requests, outcomes, appeals): one resolved value per report
 * and key, built from facts and findings.
 *
 * Resolution rule, per report, metric and applicant column:
 * 1. the table value, unless the cell is blank or its metric is *implicated* — named in the
 *    `metric` list of an error finding of the report, a disagreement aside (NOT_IMPLICATING:
 *    with the prose, with another year); for identity_violation that is every key of the
 *    violated identity; applicant columns are not told apart;
 * 2. else the narrative value (总计 column only; the first stated figure in the text);
 * 3. else null (`source` null).
 * Then blanks provably zero: when a sum identity's resolved total equals the sum of its
 * resolved parts, the parts that are blank table cells (not implicated, no narrative value)
 * resolve to 0 with source `inferred`. Rows the report never states are absent, not 0.
 */
import type * as aq from 'arquero';
import { eraOf, partKeys, rulesFor, type Part } from '../catalogue/identities.ts';
import { aggregateKeys, outcomeGroup } from '../catalogue/crosswalk.ts';
import { APPEAL_KINDS, APPLICANTS, CHANNELS, REQUEST_CHANNELS } from '../catalogue/labels.ts';
import { APPEAL_BLOCK_RESULTS } from '../catalogue/metrics2019.ts';
import { interned } from '../interned.ts';
import type { Fact, Finding, ReportRow } from '../types.ts';
import {
  ALL_SLOTS,
  APPLICANT_SLOTS_ONLY,
  indexCells,
  indexReport,
  same,
  slotOf,
  TOTAL_SLOT as TOTAL,
  type Cell,
  type CellIndex,
  type CellRow,
  type ReportCells,
} from '../validate/cells.ts';

type Table = ReturnType<typeof aq.table>;

export type ViewSource = 'table' | 'narrative' | 'inferred' | 'derived';

export interface Resolved {
  value: number | null;
  source: ViewSource | null;
  line: number | null;
  /** A blank table cell nothing else resolved: eligible to be proven zero. */
  blank: boolean;
}

export interface ViewInput {
  reports: ReportRow[];
  facts: Fact[];
  findings: Finding[];
}

export interface Views {
  channels: Table;
  requests: Table;
  outcomes: Table;
  appeals: Table;
}

/**
 * Disagreements do not make a table value implausible, so they do not implicate: with the prose
 * (002: the prose's "website 259" is really the report's total; the table's 146 is right), or
 * with another report (a carry-over that differs from the next year's says neither which year is
 * wrong nor that either table is; and the corpus loader builds each report's views before the
 * reports are compared, so both loaders give the same views).
 */
const NOT_IMPLICATING = new Set<Finding['code']>(['narrative_table_conflict', 'cross_year_mismatch']);

/**
 * Keys named by the report's error findings (those that make a table value implausible);
 * undefined when none (most reports: no set made).
 */
function implicatedIn(findings: readonly Finding[], reportId: string): Set<string> | undefined {
  let keys: Set<string> | undefined;
  for (const f of findings) {
    if (f.report_id !== reportId || f.severity !== 'error' || !f.metric || NOT_IMPLICATING.has(f.code)) continue;
    for (const k of f.metric.split(',')) (keys ??= new Set()).add(k.trim());
  }
  return keys;
}

/** Resolved cells by metric, then applicant column slot (see validate/cells.ts CellIndex). */
type ResolvedIndex = Map<string, CellRow<Resolved>>;

/** Narrative figures count for the 总计 column only. */
const totalColumn = (f: Fact): boolean => f.applicant === null || f.applicant === 'total';

/** What the resolution rule reads for one report (see the top of this file). */
interface Sources {
  table: CellIndex;
  /** Narrative figures, 总计 column only. */
  narrative: CellIndex;
  implicated: ReadonlySet<string>;
}

/**
 * What the view rows read a report's resolved cells from: its sources, plus the resolved index
 * when a zero may be proven (a blank table cell), which needs every cell resolved first.
 * Otherwise each cell the views read is resolved on its own (they read under half the cells).
 */
interface Resolution extends Sources {
  resolved: ResolvedIndex | null;
}

// What many reports have: no narrative figure, no implicated key (shared, never added to).
const NO_CELLS: CellIndex = new Map();
const NO_KEYS: ReadonlySet<string> = new Set();

function sourcesOf(report: ReportRow, cells: ReportCells, findings: readonly Finding[]): Resolution {
  return {
    table: cells.table,
    narrative: cells.narrative.length ? indexCells(cells.narrative, totalColumn) : NO_CELLS,
    implicated: implicatedIn(findings, report.report_id) ?? NO_KEYS,
    resolved: null,
  };
}

/** Resolve every (metric, applicant) cell a report states. */
function resolveAll(report: ReportRow, { table, narrative, implicated }: Sources): ResolvedIndex {
  const resolved: ResolvedIndex = new Map();
  let blank: Set<string> | undefined; // metrics with a blank cell
  // forEach, not for-of: Node 20's V8 allocates an entry array per step of a Map's for-of.
  table.forEach((row, metric) => {
    const isImplicated = implicated.size > 0 && implicated.has(metric);
    const n = narrative.get(metric)?.[TOTAL];
    const cells: CellRow<Resolved> = new Array(row.length);
    for (let slot = 0; slot < row.length; slot++) {
      const t = row[slot];
      if (!t && !(slot === TOTAL && n)) continue;
      const r = resolveCell(t, slot === TOTAL ? n : undefined, isImplicated);
      if (r.blank) (blank ??= new Set()).add(metric);
      cells[slot] = r;
    }
    resolved.set(metric, cells);
  });
  // Then the metrics only the prose states (the outcomes view keeps this order).
  narrative.forEach((narrativeRow, metric) => {
    if (resolved.has(metric)) return;
    // Every narrative row has its 总计 cell: the index keeps that column only (totalColumn).
    resolved.set(metric, [resolveCell(undefined, narrativeRow[TOTAL], false)]);
  });
  // Only blank cells can be proven zero: most reports have none.
  if (blank) inferZeros(report, resolved, blank);
  return resolved;
}

/** The resolved cell of a metric and applicant column slot (resolveAll's, either way). */
function cellAt(res: Resolution, metric: string, slot: number): Resolved | undefined {
  return res.resolved ? res.resolved.get(metric)?.[slot] : readCell(res, metric, res.table.get(metric), slot);
}

/** cellAt without a resolved index, given the metric's table row (if any). */
function readCell(res: Resolution, metric: string, row: CellRow | undefined, slot: number): Resolved | undefined {
  const t = row?.[slot];
  const implicated = res.implicated.size > 0 && res.implicated.has(metric);
  // The usual cell: a stated table value wins, so the prose need not be looked up.
  if (t && t.value !== null && !implicated) return resolvedCell(t.value, 'table', t.line, false);
  const n = slot === TOTAL && res.narrative.size > 0 ? res.narrative.get(metric)?.[TOTAL] : undefined;
  if (!t && !n) return undefined;
  return resolveCell(t, n, implicated);
}

/** The resolution rule for one cell (see the top of this file). */
function resolveCell(t: Cell | undefined, n: Cell | undefined, implicated: boolean): Resolved {
  if (t && t.value !== null && !implicated) return resolvedCell(t.value, 'table', t.line, false);
  if (n && n.value !== null) return resolvedCell(n.value, 'narrative', n.line, false);
  return resolvedCell(null, null, t?.line ?? n?.line ?? null, Boolean(t && t.value === null && !implicated));
}

/**
 * A resolved cell, always built here so every one has the same shape. The row writers copy its
 * fields at once, so the optimizer usually keeps it out of the heap altogether.
 */
function resolvedCell(value: number | null, source: ViewSource | null, line: number | null, blank: boolean): Resolved {
  return { value, source, line, blank };
}

/**
 * A sum identity as cells: total = Σ parts, each a metric and applicant column slot.
 * `partMetrics`: every metric a part may read (the rule can prove a zero only in those).
 */
type SumRule =
  | { total: string; parts: readonly Part[]; slots: readonly number[]; partMetrics: readonly string[] }
  | { rowTotal: string; partMetrics: readonly string[] };
const sumRulesByEra = new Map<string | null, SumRule[]>();

/** The era's sum identities, row totals (总计 = Σ applicant columns) included, made once per era. */
function sumRules(era: ReturnType<typeof eraOf>): SumRule[] {
  const cached = sumRulesByEra.get(era);
  if (cached) return cached;
  const sums: SumRule[] = [];
  for (const rule of rulesFor(era)) {
    if (rule.kind === 'sum') {
      sums.push({ total: rule.total, parts: rule.parts, slots: rule.perApplicant ? ALL_SLOTS : [TOTAL], partMetrics: rule.parts.flatMap(partKeys) });
    }
    if (rule.kind === 'row_total') for (const m of rule.metrics) sums.push({ rowTotal: m, partMetrics: [m] });
  }
  sumRulesByEra.set(era, sums);
  return sums;
}

/** If the stated parts add up to the total, the blank parts are 0; true when any changed. */
function settle(t: Resolved | undefined, parts: ReadonlyArray<Resolved | undefined>): boolean {
  if (!t || t.value === null) return false;
  let sum = 0;
  let blanks = 0;
  for (let i = 0; i < parts.length; i++) {
    const c = parts[i];
    if (c && c.value !== null) sum += c.value;
    else if (c?.blank) blanks++;
  }
  if (!blanks || !same(sum, t.value)) return false;
  for (let i = 0; i < parts.length; i++) {
    const c = parts[i];
    if (c && c.value === null && c.blank) inferZero(c);
  }
  return true;
}

function inferZero(c: Resolved): void {
  c.value = 0;
  c.source = 'inferred';
  c.blank = false;
}

/**
 * Sum identities whose resolved total equals the sum of the resolved parts: blanks are 0.
 * `blank`: the metrics with a blank cell. Proving zeros makes no new blanks, so a rule none of
 * whose parts is among them can never change anything and is left out of every pass.
 */
function inferZeros(report: ReportRow, resolved: ResolvedIndex, blank: ReadonlySet<string>): void {
  const sums = sumRules(eraOf(report)).filter((rule) => rule.partMetrics.some((m) => blank.has(m)));
  const parts: Array<Resolved | undefined> = []; // reused for every check
  const partRows: Array<CellRow<Resolved> | undefined> = []; // reused for every rule
  for (let changed = true, pass = 0; changed && pass < 10; pass++) {
    changed = false;
    for (const rule of sums) {
      if ('rowTotal' in rule) {
        // 总计 = Σ the applicant columns of the same row.
        const row = resolved.get(rule.rowTotal);
        if (!row) continue;
        parts.length = 0;
        for (const slot of APPLICANT_SLOTS_ONLY) parts.push(row[slot]);
        if (settle(row[TOTAL], parts)) changed = true;
        continue;
      }
      const totalRow = resolved.get(rule.total);
      if (!totalRow) continue; // settle needs a stated total
      // Each plain part's row is looked up once per rule rather than once per column (an
      // either/or part's sub-rows still are, per column).
      partRows.length = 0;
      for (const part of rule.parts) partRows.push(typeof part === 'string' ? resolved.get(part) : undefined);
      for (const slot of rule.slots) {
        const total = totalRow[slot];
        if (!total || total.value === null) continue;
        parts.length = 0;
        for (let i = 0; i < rule.parts.length; i++) {
          const part = rule.parts[i]!;
          if (typeof part === 'string') {
            parts.push(partRows[i]?.[slot]);
            continue;
          }
          // An alternative: the aggregate when stated, else its sub-rows.
          const aggregate = resolved.get(part.either)?.[slot];
          if (aggregate && aggregate.value !== null) {
            parts.push(aggregate);
            continue;
          }
          const start = parts.length;
          let stated = false;
          for (const k of part.or) {
            const c = resolved.get(k)?.[slot];
            if (c && c.value !== null) stated = true;
            parts.push(c);
          }
          if (!stated) parts.splice(start, 0, aggregate);
        }
        if (settle(total, parts)) changed = true;
      }
    }
  }
}

// ── view layouts ──

export const VIEW_COLUMNS = {
  channels: ['report_id', 'agency', 'year', 'channel', 'count', 'source', 'inferred', 'line'],
  requests: ['report_id', 'agency', 'year', 'template', 'by', 'key', 'count', 'source', 'inferred', 'line'],
  outcomes: ['report_id', 'agency', 'year', 'template', 'outcome', 'group', 'count', 'source', 'inferred', 'line'],
  appeals: ['report_id', 'agency', 'year', 'kind', 'result', 'count', 'source', 'inferred', 'line'],
} as const;

type Rec = Record<string, unknown>;

// The value columns of a row (count, source, inferred, line), one function per column so
// rows are written as object literals in column order without an intermediate object.
const sourceOf = (r: Resolved): ViewSource | null => (r.value === null ? null : r.source);
const inferredOf = (r: Resolved): boolean => r.source === 'inferred';
const lineOf = (r: Resolved): number | null => (r.source === 'inferred' || r.source === 'derived' ? null : r.line);

/** Group records by report_id once (a corpus has 100,000s of reports). */
export function byReport<T extends { report_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const r of rows) {
    const list = map.get(r.report_id);
    if (list) list.push(r);
    else map.set(r.report_id, [r]);
  }
  return map;
}

// The cells each view reads, in row order, from the catalogue's key lists. Metric keys are
// interned (see src/interned.ts): they are looked up in every report.
const CHANNEL_CELLS = [
  ...CHANNELS.map((c) => [c, interned(`proactive.channel.${c}`)] as const),
  ['total', 'proactive.total'] as const,
];

const REQUEST_KEYS: ReadonlyArray<[by: string, key: string, metric: string, slot: number]> = [
  ['total', 'received', 'requests.received', TOTAL],
  ['total', 'carried_over', 'requests.carried_over', TOTAL],
  ...REQUEST_CHANNELS.map((c): [string, string, string, number] => ['channel', c, interned(`requests.channel.${c}`), TOTAL]),
  ...APPLICANTS.map((a): [string, string, string, number] => ['applicant', a, 'requests.received', slotOf(a) as number]),
];

export type ViewRows = Record<keyof Views, Rec[]>;

/** The views as plain row objects (buildViews makes the tables; both loaders call reportViewRows per report). */
export function viewRows({ reports, facts, findings }: ViewInput): ViewRows {
  const rows: ViewRows = { channels: [], requests: [], outcomes: [], appeals: [] };
  const factsOf = byReport(facts);
  const findingsOf = byReport(findings);
  for (const report of reports) {
    const id = report.report_id;
    const own = findingsOf.get(id) ?? [];
    reportViewRows(report, indexReport(factsOf.get(id) ?? [], id, own), own, rows);
  }
  return rows;
}

/**
 * One report's rows of every view, appended to `into` (the corpus worker passes its own table
 * rows, so no second set of lists is made and merged). `cells`: indexReport of the report's
 * facts; `findings` may hold other reports' too (they are skipped).
 */
export function reportViewRows(report: ReportRow, cells: ReportCells, findings: readonly Finding[], into: ViewRows): void {
  const res = sourcesOf(report, cells, findings);
  if (cells.hasBlank) res.resolved = resolveAll(report, res);
  reportRows(report, res, into);
}

/**
 * One report's rows of every view. Rows are object literals in column order (no spreads, no
 * intermediate objects): this runs for every report of a corpus.
 */
function reportRows(report: ReportRow, res: Resolution, rows: ViewRows): void {
  const { report_id, agency, year, template } = report;
  for (const [channel, metric] of CHANNEL_CELLS) {
    const r = cellAt(res, metric, TOTAL);
    if (!r) continue;
    rows.channels.push({ report_id, agency, year, channel, count: r.value, source: sourceOf(r), inferred: inferredOf(r), line: lineOf(r) });
  }
  for (const [by, key, metric, slot] of REQUEST_KEYS) {
    const r = cellAt(res, metric, slot);
    if (!r) continue;
    rows.requests.push({ report_id, agency, year, template, by, key, count: r.value, source: sourceOf(r), inferred: inferredOf(r), line: lineOf(r) });
  }
  outcomeRows(report, res, rows.outcomes);
  appealRows(report, res, rows.appeals);
}

const OUTCOME_PREFIX = 'requests.outcome.';
const OUTCOME_TOTAL = interned(`${OUTCOME_PREFIX}total`);

/** An outcomes view row (columns of VIEW_COLUMNS.outcomes). */
interface OutcomeRow {
  report_id: string;
  agency: string | null;
  year: number | null;
  template: ReportRow['template'];
  outcome: string;
  group: string | null;
  count: number | null;
  source: ViewSource | null;
  inferred: boolean;
  line: number | null;
}

/** An outcome metric's key (after `requests.outcome.`) and crosswalk group in one era. */
interface OutcomeKey {
  outcome: string;
  group: string | null;
}

// Crosswalk answers memoized per era and metric (null: not an outcome row). The crosswalk is
// constant per process and a report has few metric names, all from the catalogue, while a
// corpus asks for every metric of every report (a memo look-up is cheaper than startsWith).
const outcomeMemo = new Map<string | null, Map<string, OutcomeKey | null>>();
function outcomeKeys(era: string | null): Map<string, OutcomeKey | null> {
  let keys = outcomeMemo.get(era);
  if (!keys) outcomeMemo.set(era, (keys = new Map()));
  return keys;
}
function outcomeKey(keys: Map<string, OutcomeKey | null>, era: string | null, metric: string): OutcomeKey | null {
  let key = keys.get(metric);
  if (key === undefined) {
    const outcome = metric.startsWith(OUTCOME_PREFIX) ? metric.slice(OUTCOME_PREFIX.length) : null;
    key = outcome === null ? null : { outcome, group: outcome === 'total' ? 'total' : outcomeGroup(era, outcome) };
    keys.set(metric, key);
  }
  return key;
}

/** An era's aggregate keys with the prefix of their sub-rows (`denied` → `denied.`). */
const aggregateMemo = new Map<string, Array<{ key: string; prefix: string }>>();
function aggregatesOf(era: string): Array<{ key: string; prefix: string }> {
  let aggregates = aggregateMemo.get(era);
  if (!aggregates) aggregateMemo.set(era, (aggregates = aggregateKeys(era).map((key) => ({ key, prefix: `${key}.` }))));
  return aggregates;
}

/**
 * Outcome rows (总计 column). `group` comes from the crosswalk; an aggregate row whose
 * breakdown is complete (every sub-row resolved) gets group null and its sub-rows count,
 * otherwise the aggregate counts and its sub-rows get group null — never both.
 * The outcomes total is `requests.outcome.total` (2019/2021) or, for the 2008 era,
 * `requests.answered` (申请答复数, which the eight outcome rows sum to), with group `total`.
 */
function outcomeRows(report: ReportRow, res: Resolution, into: Rec[]): void {
  const era = eraOf(report);
  const keys = outcomeKeys(era);
  // The report's rows are written straight into the view, from `start` on (no staging list).
  const start = into.length;
  const out = into as unknown as OutcomeRow[];
  let total = false; // whether requests.outcome.total resolved
  const add = (metric: string, key: OutcomeKey, r: Resolved | undefined): void => {
    if (!r) return;
    out.push(outcomeRow(report, key.outcome, key.group, r));
    if (metric === OUTCOME_TOTAL) total = true;
  };
  // Metrics in resolution order: the table's, then those only the prose states. forEach, not
  // for-of: Node 20's V8 allocates an entry array per step of a Map's for-of (56 a report).
  res.table.forEach((row, metric) => {
    const key = outcomeKey(keys, era, metric);
    if (key) add(metric, key, res.resolved ? res.resolved.get(metric)?.[TOTAL] : readCell(res, metric, row, TOTAL));
  });
  if (res.narrative.size > 0) {
    for (const metric of res.narrative.keys()) {
      const key = !res.table.has(metric) && outcomeKey(keys, era, metric);
      if (key) add(metric, key, cellAt(res, metric, TOTAL));
    }
  }
  if (!total) {
    const answered = cellAt(res, 'requests.answered', TOTAL);
    if (answered) out.push(outcomeRow(report, 'total', 'total', answered));
  }
  if (era) for (const { key, prefix } of aggregatesOf(era)) settleAggregate(out, start, key, prefix);
}

/** One aggregate's group: its complete breakdown counts, or else the aggregate (see outcomeRows). */
function settleAggregate(out: OutcomeRow[], start: number, key: string, prefix: string): void {
  let agg: OutcomeRow | undefined;
  for (let i = start; i < out.length && !agg; i++) if (out[i]!.outcome === key) agg = out[i];
  if (!agg) return;
  let subs = 0;
  let complete = true;
  for (let i = start; i < out.length; i++) {
    const o = out[i]!;
    if (!o.outcome.startsWith(prefix)) continue;
    subs++;
    if (o.count === null) complete = false;
  }
  if (subs > 0 && complete) agg.group = null;
  else for (let i = start; i < out.length; i++) if (out[i]!.outcome.startsWith(prefix)) out[i]!.group = null;
}

function outcomeRow({ report_id, agency, year, template }: ReportRow, outcome: string, group: string | null, r: Resolved): OutcomeRow {
  return { report_id, agency, year, template, outcome, group, count: r.value, source: sourceOf(r), inferred: inferredOf(r), line: lineOf(r) };
}

/**
 * Appeals rows. For 2019/2021 reports a `litigation` kind is added (= litigation_direct +
 * litigation_after_reconsideration per result, source `derived`, null when either is null)
 * so that eras compare; the 2008 form states litigation directly. A result the report states
 * as litigation itself (its prose often gives the total) is kept, and only the others derived.
 */
const APPEAL_CELLS = APPEAL_KINDS.flatMap((kind) => APPEAL_BLOCK_RESULTS.map((result) => [kind, result, interned(`${kind}.${result}`)] as const));
const LITIGATION_PARTS = APPEAL_BLOCK_RESULTS.map(
  (result) => [result, interned(`litigation_direct.${result}`), interned(`litigation_after_reconsideration.${result}`)] as const,
);

function appealRows(report: ReportRow, res: Resolution, into: Rec[]): void {
  const { report_id, agency, year } = report;
  // The litigation results the report states itself (2019/2021 prose may state a total only).
  const stated = new Set<string>();
  for (const [kind, result, metric] of APPEAL_CELLS) {
    const r = cellAt(res, metric, TOTAL);
    if (!r) continue;
    if (kind === 'litigation') stated.add(result);
    into.push({ report_id, agency, year, kind, result, count: r.value, source: sourceOf(r), inferred: inferredOf(r), line: lineOf(r) });
  }
  const era = eraOf(report);
  if (era !== '2019' && era !== '2021') return;
  for (const [result, directKey, afterKey] of LITIGATION_PARTS) {
    if (stated.has(result)) continue;
    const direct = cellAt(res, directKey, TOTAL);
    const after = cellAt(res, afterKey, TOTAL);
    if (!direct && !after) continue;
    const value = direct?.value != null && after?.value != null ? direct.value + after.value : null;
    into.push({ report_id, agency, year, kind: 'litigation', result, count: value, source: value === null ? null : 'derived', inferred: false, line: null });
  }
}
