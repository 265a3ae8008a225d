/**
 * The analysis views (channels, requests, outcomes, appeals): one resolved value per report
 * and key, built from facts and findings.
 *
 * Resolution rule, per report, metric and applicant column:
 * 1. the table value, unless the cell is blank or its metric is *implicated* — named in the
 *    `metric` list of an error finding of the report other than narrative_table_conflict (for identity_violation that is every
 *    key of the violated identity; applicant columns are not told apart);
 * 2. else the narrative value (总计 column only; the first stated figure in the text);
 * 3. else null (`source` null).
 * Then blanks provably zero: when a sum identity's resolved total equals the sum of its
 * resolved parts, the parts that are blank table cells (not implicated, no narrative value)
 * resolve to 0 with source `inferred`. Rows the report never states are absent, not 0.
 */
import * as aq from 'arquero';
import { ALL_APPLICANTS, APPLICANT_COLUMNS, eraOf, rulesFor, type Part } from '../catalogue/identities.ts';
import { aggregateKeys, outcomeGroup } from '../catalogue/crosswalk.ts';
import type { Applicant, Fact, Finding, ReportRow } from '../types.ts';
import { indexCells, same } from '../validate/cells.ts';

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
 * A disagreement with the prose does not make the table value implausible (002: the prose's
 * "website 259" is really the report's total; the table's 146 is right), so it does not implicate.
 */
const NOT_IMPLICATING = new Set<Finding['code']>(['narrative_table_conflict']);

/** Keys named by the report's error findings (those that make a table value implausible). */
export function implicatedKeys(findings: readonly Finding[], reportId: string): Set<string> {
  const keys = new Set<string>();
  for (const f of findings) {
    if (f.report_id !== reportId || f.severity !== 'error' || !f.metric || NOT_IMPLICATING.has(f.code)) continue;
    for (const k of f.metric.split(',')) keys.add(k.trim());
  }
  return keys;
}

/** Resolved cells by metric, then applicant column (see validate/cells.ts CellIndex). */
export type ResolvedIndex = Map<string, Map<Applicant, Resolved>>;

/** Resolve every (metric, applicant) cell a report states. */
export function resolveReport(report: ReportRow, facts: readonly Fact[], findings: readonly Finding[]): ResolvedIndex {
  const tableFacts: Fact[] = [];
  const narrativeFacts: Fact[] = [];
  for (const f of facts) {
    if (f.report_id !== report.report_id) continue;
    if (f.source === 'table') tableFacts.push(f);
    else if (f.source === 'narrative' && (f.applicant === null || f.applicant === 'total')) narrativeFacts.push(f);
  }
  const table = indexCells(tableFacts);
  const narrative = indexCells(narrativeFacts);
  const implicated = implicatedKeys(findings, report.report_id);
  const resolved: ResolvedIndex = new Map();
  let blanks = 0;
  for (const metric of new Set([...table.keys(), ...narrative.keys()])) {
    const tableRow = table.get(metric);
    const narrativeRow = narrative.get(metric);
    const row = new Map<Applicant, Resolved>();
    resolved.set(metric, row);
    for (const applicant of new Set([...(tableRow?.keys() ?? []), ...(narrativeRow?.keys() ?? [])])) {
      const t = tableRow?.get(applicant);
      const n = narrativeRow?.get(applicant);
      if (t && t.value !== null && !implicated.has(metric)) {
        row.set(applicant, { value: t.value, source: 'table', line: t.line, blank: false });
      } else if (n && n.value !== null) {
        row.set(applicant, { value: n.value, source: 'narrative', line: n.line, blank: false });
      } else {
        const blank = Boolean(t && t.value === null && !implicated.has(metric));
        if (blank) blanks++;
        row.set(applicant, { value: null, source: null, line: t?.line ?? n?.line ?? null, blank });
      }
    }
  }
  // Only blank cells can be proven zero: most reports have none.
  if (blanks > 0) inferZeros(report, resolved);
  return resolved;
}

/** A sum identity as cells: total = Σ parts, each a metric and applicant column. */
type SumRule = { total: string; parts: readonly Part[]; applicants: readonly Applicant[] } | { rowTotal: string };
const sumRulesByEra = new Map<string | null, SumRule[]>();

/** The era's sum identities, row totals (总计 = Σ applicant columns) included, made once per era. */
function sumRules(era: ReturnType<typeof eraOf>): SumRule[] {
  const cached = sumRulesByEra.get(era);
  if (cached) return cached;
  const sums: SumRule[] = [];
  for (const rule of rulesFor(era)) {
    if (rule.kind === 'sum') sums.push({ total: rule.total, parts: rule.parts, applicants: rule.perApplicant ? ALL_APPLICANTS : ['total'] });
    if (rule.kind === 'row_total') for (const m of rule.metrics) sums.push({ rowTotal: m });
  }
  sumRulesByEra.set(era, sums);
  return sums;
}

/** Sum identities whose resolved total equals the sum of the resolved parts: blanks are 0. */
function inferZeros(report: ReportRow, resolved: ResolvedIndex): void {
  const sums = sumRules(eraOf(report));
  const cell = (metric: string, applicant: Applicant) => resolved.get(metric)?.get(applicant);
  /** If the stated parts add up to the total, the blank parts are 0; true when any changed. */
  const settle = (t: Resolved | undefined, parts: ReadonlyArray<Resolved | undefined>): boolean => {
    if (!t || t.value === null) return false;
    let sum = 0;
    const blanks: Resolved[] = [];
    for (const c of parts) {
      if (c && c.value !== null) sum += c.value;
      else if (c?.blank) blanks.push(c);
    }
    if (!blanks.length || !same(sum, t.value)) return false;
    for (const b of blanks) Object.assign(b, { value: 0, source: 'inferred', blank: false });
    return true;
  };
  for (let changed = true, pass = 0; changed && pass < 10; pass++) {
    changed = false;
    for (const rule of sums) {
      if ('rowTotal' in rule) {
        const m = rule.rowTotal;
        if (settle(cell(m, 'total'), APPLICANT_COLUMNS.map((a) => cell(m, a)))) changed = true;
        continue;
      }
      for (const a of rule.applicants) {
        const parts: Array<Resolved | undefined> = [];
        for (const part of rule.parts) {
          if (typeof part === 'string') {
            parts.push(cell(part, a));
            continue;
          }
          // An alternative: the aggregate when stated, else its sub-rows.
          const aggregate = cell(part.either, a);
          if (aggregate && aggregate.value !== null) {
            parts.push(aggregate);
            continue;
          }
          const subs = part.or.map((k) => cell(k, a));
          if (subs.some((c) => c && c.value !== null)) parts.push(...subs);
          else parts.push(aggregate, ...subs);
        }
        if (settle(cell(rule.total, a), parts)) changed = true;
      }
    }
  }
}

// ── view layouts ──

export const CHANNELS = ['gazette', 'website', 'weibo', 'wechat', 'other', 'total'] as const;
export const REQUEST_CHANNELS = ['in_person', 'fax', 'online', 'email', 'mail', 'mail_or_fax', 'other'] as const;
export const APPEAL_KINDS = ['reconsideration', 'litigation', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

export const VIEW_COLUMNS = {
  channels: ['report_id', 'agency', 'year', 'channel', 'count', 'source', 'inferred', 'line'],
  requests: ['report_id', 'agency', 'year', 'template', 'by', 'key', 'count', 'source', 'inferred', 'line'],
  outcomes: ['report_id', 'agency', 'year', 'template', 'outcome', 'group', 'count', 'source', 'inferred', 'line'],
  appeals: ['report_id', 'agency', 'year', 'kind', 'result', 'count', 'source', 'inferred', 'line'],
} as const;

type Rec = Record<string, unknown>;

const valueCols = (r: Resolved) => ({
  count: r.value,
  source: r.value === null ? null : r.source,
  inferred: r.source === 'inferred',
  line: r.source === 'inferred' || r.source === 'derived' ? null : r.line,
});

function tableOf(columns: readonly string[], rows: Rec[]): Table {
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = rows.map((r) => r[c] ?? null);
  return aq.table(data);
}

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

const CHANNEL_CELLS = CHANNELS.map((c) => [c, c === 'total' ? 'proactive.total' : `proactive.channel.${c}`] as const);

const REQUEST_KEYS: ReadonlyArray<[by: string, key: string, metric: string, applicant: Applicant]> = [
  ['total', 'received', 'requests.received', 'total'],
  ['total', 'carried_over', 'requests.carried_over', 'total'],
  ...REQUEST_CHANNELS.map((c): [string, string, string, Applicant] => ['channel', c, `requests.channel.${c}`, 'total']),
  ...APPLICANT_COLUMNS.map((a): [string, string, string, Applicant] => ['applicant', a, 'requests.received', a]),
];

export type ViewRows = Record<keyof Views, Rec[]>;

export function buildViews(input: ViewInput): Views {
  const rows = viewRows(input);
  return {
    channels: tableOf(VIEW_COLUMNS.channels, rows.channels),
    requests: tableOf(VIEW_COLUMNS.requests, rows.requests),
    outcomes: tableOf(VIEW_COLUMNS.outcomes, rows.outcomes),
    appeals: tableOf(VIEW_COLUMNS.appeals, rows.appeals),
  };
}

/** The views as plain row objects (what the corpus writer streams to Parquet). */
export function viewRows({ reports, facts, findings }: ViewInput): ViewRows {
  const rows: ViewRows = { channels: [], requests: [], outcomes: [], appeals: [] };
  const factsOf = byReport(facts);
  const findingsOf = byReport(findings);
  for (const report of reports) {
    const resolved = resolveReport(report, factsOf.get(report.report_id) ?? [], findingsOf.get(report.report_id) ?? []);
    const get = (metric: string, applicant: Applicant = 'total') => resolved.get(metric)?.get(applicant);
    const { report_id, agency, year, template } = report;
    // Rows are object literals in column order (no spreads): this runs for every report of a corpus.
    for (const [channel, metric] of CHANNEL_CELLS) {
      const r = get(metric);
      if (!r) continue;
      const v = valueCols(r);
      rows.channels.push({ report_id, agency, year, channel, count: v.count, source: v.source, inferred: v.inferred, line: v.line });
    }
    for (const [by, key, metric, applicant] of REQUEST_KEYS) {
      const r = get(metric, applicant);
      if (!r) continue;
      const v = valueCols(r);
      rows.requests.push({ report_id, agency, year, template, by, key, count: v.count, source: v.source, inferred: v.inferred, line: v.line });
    }
    for (const o of outcomeRows(report, resolved)) {
      rows.outcomes.push({ report_id, agency, year, template, outcome: o.outcome, group: o.group, count: o.count, source: o.source, inferred: o.inferred, line: o.line });
    }
    for (const a of appealRows(report, get)) {
      rows.appeals.push({ report_id, agency, year, kind: a.kind, result: a.result, count: a.count, source: a.source, inferred: a.inferred, line: a.line });
    }
  }
  return rows;
}

const OUTCOME_PREFIX = 'requests.outcome.';

/**
 * Outcome rows (总计 column). `group` comes from the crosswalk; an aggregate row whose
 * breakdown is complete (every sub-row resolved) gets group null and its sub-rows count,
 * otherwise the aggregate counts and its sub-rows get group null — never both.
 * The outcomes total is `requests.outcome.total` (2019/2021) or, for the 2008 era,
 * `requests.answered` (申请答复数, which the eight outcome rows sum to), with group `total`.
 */
function outcomeRows(report: ReportRow, resolved: ResolvedIndex): Rec[] {
  const era = eraOf(report);
  const out: Rec[] = [];
  for (const [metric, row] of resolved) {
    const r = row.get('total');
    if (!r || !metric.startsWith(OUTCOME_PREFIX)) continue;
    const outcome = metric.slice(OUTCOME_PREFIX.length);
    out.push({ outcome, group: outcome === 'total' ? 'total' : outcomeGroup(era, outcome), ...valueCols(r) });
  }
  const answered = resolved.get('requests.answered')?.get('total');
  if (answered && !out.some((o) => o.outcome === 'total')) out.push({ outcome: 'total', group: 'total', ...valueCols(answered) });
  for (const aggregate of era ? aggregateKeys(era) : []) {
    const agg = out.find((o) => o.outcome === aggregate);
    const subs = out.filter((o) => String(o.outcome).startsWith(`${aggregate}.`));
    const complete = subs.length > 0 && subs.every((s) => s.count !== null);
    if (agg && complete) agg.group = null;
    else if (agg) for (const s of subs) s.group = null;
  }
  return out;
}

/**
 * Appeals rows. For 2019/2021 reports a `litigation` kind is added (= litigation_direct +
 * litigation_after_reconsideration per result, source `derived`, null when either is null)
 * so that eras compare; the 2008 form states litigation directly.
 */
const APPEAL_CELLS = APPEAL_KINDS.flatMap((kind) => APPEAL_RESULTS.map((result) => [kind, result, `${kind}.${result}`] as const));

function appealRows(report: ReportRow, get: (m: string) => Resolved | undefined): Rec[] {
  const out: Rec[] = [];
  for (const [kind, result, metric] of APPEAL_CELLS) {
    const r = get(metric);
    if (r) out.push({ kind, result, ...valueCols(r) });
  }
  const era = eraOf(report);
  if ((era === '2019' || era === '2021') && !out.some((o) => o.kind === 'litigation')) {
    for (const result of APPEAL_RESULTS) {
      const direct = get(`litigation_direct.${result}`);
      const after = get(`litigation_after_reconsideration.${result}`);
      if (!direct && !after) continue;
      const value = direct?.value != null && after?.value != null ? direct.value + after.value : null;
      out.push({ kind: 'litigation', result, count: value, source: value === null ? null : 'derived', inferred: false, line: null });
    }
  }
  return out;
}
