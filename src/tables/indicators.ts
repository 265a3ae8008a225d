/**
 * Derived indicators (口径) over the analysis views. Each is defined once, in INDICATORS, with
 * a written definition and named variants where analysts disagree.
 *
 * Rules every helper follows:
 * - a rate over a group (several agencies, a province, a year) is Σ numerators / Σ
 *   denominators of its reports — never an average of per-report rates;
 * - null propagates: a group in which any report's numerator or denominator is null (a blank
 *   count, or a row the report does not state) gets null — never NaN, never 0; a zero
 *   denominator gives null too. (Arquero's `+` and op.sum would silently count null as 0, so
 *   the aggregation is written out here.)
 */
import * as aq from 'arquero';
import { XxgkError } from '../errors.ts';
import { REPORT_COLUMNS, tableFrom } from './build.ts';

type Table = ReturnType<typeof aq.table>;
type Rec = Record<string, unknown>;

export interface IndicatorDef {
  definition: string;
  /** Variant name → formula; the first is the default. */
  variants: Record<string, string>;
}

export const INDICATORS: Record<string, IndicatorDef> = {
  disclosure_rate: {
    definition:
      'Share of handled requests that were granted (予以公开, in 2008 also 属于已主动公开), with or without partly granted (部分公开), over the outcomes total (办理结果总计; 2008: 申请答复数).',
    variants: {
      with_partial: '(granted + partial) / outcomes total',
      granted_only: 'granted / outcomes total',
    },
  },
  refusal_rate: {
    definition: 'Share of handled requests refused (不予公开, all legal reasons), optionally counting 无法提供 as refusals.',
    variants: {
      denied: 'denied / outcomes total',
      denied_or_unable: '(denied + unable) / outcomes total',
    },
  },
  correction_rate: {
    definition:
      'Share of administrative reconsideration or litigation cases in which the agency was corrected (纠错/结果纠正). The 2008 form has no pending row: there, decided cases = total.',
    variants: {
      decided: 'corrected / (total − pending)',
      all: 'corrected / total',
    },
  },
  new_media_share: {
    definition: 'Share of proactively published items released through Weibo and WeChat (政务微博 + 政务微信).',
    variants: {
      channels: '(weibo + wechat) / (gazette + website + weibo + wechat + other), over the channel rows the report states',
      total:
        '(weibo + wechat) / proactive.total — may exceed 1 (one item published through several channels counts once in the total but once per channel); rows over 1 get a note',
    },
  },
  yoy_change: {
    definition: "Change of a value from the same agency's (or group's) previous report year: value(Y) − value(Y−1), and as a share of value(Y−1).",
    variants: { absolute: 'value(Y) − value(Y−1)', relative: '(value(Y) − value(Y−1)) / value(Y−1)' },
  },
  requests_per_agency: {
    definition: 'Requests newly received (本年新收 / 收到申请数) per agency in a group: Σ received / number of distinct agencies stating it.',
    variants: { default: 'Σ requests.received / distinct agencies' },
  },
};

export const DEFAULT_BY = ['report_id', 'agency', 'year'];

/**
 * Every column a helper groups by (or reads) must be in the table: a missing one would put every
 * row in one group keyed null (the views have no `province`: `{ by: ['province'] }` would be one
 * national row labelled null). Throws XxgkError('bad_argument') naming the column and what to do.
 */
export function requireColumns(table: Table, columns: readonly string[], what: string): void {
  const names = table.columnNames();
  if (!names.length && !table.numRows()) return; // an empty table without a schema: nothing to group
  const missing = columns.filter((c) => !names.includes(c));
  if (!missing.length) return;
  const fromReports = missing.filter((c) => (REPORT_COLUMNS as readonly string[]).includes(c));
  throw new XxgkError(
    'bad_argument',
    `${what}: no column ${missing.map((c) => `"${c}"`).join(', ')} in this table (columns: ${names.join(', ')})` +
      (fromReports.length
        ? `; ${fromReports.join(', ')} ${fromReports.length > 1 ? 'are' : 'is a'} reports column${fromReports.length > 1 ? 's' : ''}: join ${fromReports.length > 1 ? 'them' : 'it'} first, e.g. withReportColumns(view, r.reports, [${fromReports.map((c) => `'${c}'`).join(', ')}])`
        : ''),
  );
}

/**
 * A view with columns of the reports table added by report_id (e.g. province, level, scope), so
 * indicators can be grouped by them: `requestsPerAgency(withReportColumns(r.requests, r.reports,
 * ['province']), { by: ['province'] })`. A column the view already has is left as it is.
 */
export function withReportColumns(view: Table, reports: Table, columns: readonly string[]): Table {
  requireColumns(view, ['report_id'], 'withReportColumns(view)');
  const add = columns.filter((c) => !view.columnNames().includes(c));
  if (!add.length) return view;
  const missing = ['report_id', ...add].filter((c) => !reports.columnNames().includes(c));
  if (missing.length) {
    throw new XxgkError('bad_argument', `withReportColumns: no column ${missing.map((c) => `"${c}"`).join(', ')} in the reports table (columns: ${reports.columnNames().join(', ')})`);
  }
  const byId = new Map((reports.objects() as Rec[]).map((r) => [r.report_id, r]));
  const rows = (view.objects() as Rec[]).map((r) => {
    const rep = byId.get(r.report_id);
    return { ...r, ...Object.fromEntries(add.map((c) => [c, rep?.[c] ?? null])) };
  });
  return tableFrom<Rec>(rows, [...view.columnNames(), ...add]);
}

// ── null-propagating arithmetic ──

/** Σ of counts; null when any is null or there is nothing to add. */
export function strictSum(values: readonly unknown[]): number | null {
  if (!values.length) return null;
  let s = 0;
  for (const v of values) {
    if (typeof v !== 'number' || Number.isNaN(v)) return null;
    s += v;
  }
  return s;
}

export function safeRatio(num: number | null, den: number | null): number | null {
  if (num === null || den === null || den === 0) return null;
  return num / den;
}

function groupBy(rows: Rec[], by: readonly string[]): { keys: Rec; rows: Rec[] }[] {
  const groups = new Map<string, { keys: Rec; rows: Rec[] }>();
  for (const row of rows) {
    const keys = Object.fromEntries(by.map((c) => [c, row[c] ?? null]));
    const id = JSON.stringify(by.map((c) => row[c] ?? null));
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { keys, rows: [] }));
    g.rows.push(row);
  }
  return [...groups.values()];
}

type Parts = (reportRows: Rec[]) => { num: number | null; den: number | null };

/**
 * Group rows by `by`, compute numerator and denominator per report (report_id) and sum them
 * over the group; any null makes the group null.
 */
function groupedRate(table: Table, by: readonly string[], name: string, parts: Parts, filter?: (r: Rec) => boolean): Table {
  requireColumns(table, [...by, 'report_id', 'count'], name);
  const rows = (table.objects() as Rec[]).filter((r) => !filter || filter(r));
  const out = groupBy(rows, by).map(({ keys, rows: groupRows }) => {
    const perReport = groupBy(groupRows, ['report_id']).map((g) => parts(g.rows));
    const num = strictSum(perReport.map((p) => p.num));
    const den = strictSum(perReport.map((p) => p.den));
    return { ...keys, reports: perReport.length, numerator: num, denominator: den, [name]: safeRatio(num, den) };
  });
  return tableFrom(out, [...by, 'reports', 'numerator', 'denominator', name]);
}

/** Σ counts of the rows matching `pick`; null when none match or any is null. */
const sumWhere = (rows: Rec[], pick: (r: Rec) => boolean) => strictSum(rows.filter(pick).map((r) => r.count));

// ── indicators ──

export interface RateOptions<V extends string> {
  variant?: V;
  /** Grouping columns; default report_id, agency, year (one rate per report). */
  by?: string[];
}

/** Disclosure rate over the outcomes view (groups from the crosswalk; denominator group `total`). */
export function disclosureRate(outcomes: Table, opts: RateOptions<'with_partial' | 'granted_only'> = {}): Table {
  const groups = opts.variant === 'granted_only' ? ['granted'] : ['granted', 'partial'];
  return groupedRate(outcomes, opts.by ?? DEFAULT_BY, 'disclosure_rate', (rows) => ({
    num: strictSum(groups.map((g) => sumWhere(rows, (r) => r.group === g))),
    den: sumWhere(rows, (r) => r.group === 'total'),
  }));
}

/** Refusal rate over the outcomes view. */
export function refusalRate(outcomes: Table, opts: RateOptions<'denied' | 'denied_or_unable'> = {}): Table {
  const groups = opts.variant === 'denied_or_unable' ? ['denied', 'unable'] : ['denied'];
  return groupedRate(outcomes, opts.by ?? DEFAULT_BY, 'refusal_rate', (rows) => ({
    num: strictSum(groups.map((g) => sumWhere(rows, (r) => r.group === g))),
    den: sumWhere(rows, (r) => r.group === 'total'),
  }));
}

export type AppealKind = 'reconsideration' | 'litigation' | 'litigation_direct' | 'litigation_after_reconsideration';

/** Correction rate of one appeals kind over the appeals view. */
export function correctionRate(
  appeals: Table,
  opts: RateOptions<'decided' | 'all'> & { kind?: AppealKind } = {},
): Table {
  const kind = opts.kind ?? 'reconsideration';
  return groupedRate(
    appeals,
    opts.by ?? DEFAULT_BY,
    'correction_rate',
    (rows) => {
      const total = sumWhere(rows, (r) => r.result === 'total');
      const pendingRows = rows.filter((r) => r.result === 'pending');
      // A form without a pending row (2008) has no pending cases to subtract.
      const pending = pendingRows.length ? strictSum(pendingRows.map((r) => r.count)) : 0;
      const den = opts.variant === 'all' ? total : total === null || pending === null ? null : total - pending;
      return { num: sumWhere(rows, (r) => r.result === 'corrected'), den };
    },
    (r) => r.kind === kind,
  );
}

/** Note on a `total`-variant new-media share above 1 (the `note` column). */
export const NEW_MEDIA_OVER_TOTAL_NOTE =
  '新媒体条数多于主动公开总数：同一信息可经多个渠道公开，渠道分别计数而总数只计 1 条 (share > 1: items published on several channels)';

/**
 * New-media share of proactive disclosure over the channels view. With `variant: 'total'` the
 * share can exceed 1 (channels count an item once each, proactive.total once): such rows get
 * NEW_MEDIA_OVER_TOTAL_NOTE in the `note` column (null otherwise, and for the default variant).
 */
export function newMediaShare(channels: Table, opts: RateOptions<'channels' | 'total'> = {}): Table {
  const t = groupedRate(channels, opts.by ?? DEFAULT_BY, 'new_media_share', (rows) => ({
    num: strictSum(['weibo', 'wechat'].map((c) => sumWhere(rows, (r) => r.channel === c))),
    den:
      opts.variant === 'total'
        ? sumWhere(rows, (r) => r.channel === 'total')
        : sumWhere(rows, (r) => CHANNEL_KEYS.includes(r.channel as string)),
  }));
  const rows = (t.objects() as Rec[]).map((r) => ({
    ...r,
    note: typeof r.new_media_share === 'number' && r.new_media_share > 1 ? NEW_MEDIA_OVER_TOTAL_NOTE : null,
  }));
  return tableFrom<Rec>(rows, [...t.columnNames(), 'note']);
}

const CHANNEL_KEYS = ['gazette', 'website', 'weibo', 'wechat', 'other'];

/** Requests received per agency over the requests view (by=total, key=received rows). */
export function requestsPerAgency(requests: Table, opts: { by?: string[] } = {}): Table {
  const by = opts.by ?? ['year'];
  requireColumns(requests, [...by, 'by', 'key', 'count'], 'requests_per_agency');
  const rows = (requests.objects() as Rec[]).filter((r) => r.by === 'total' && r.key === 'received');
  const out = groupBy(rows, by).map(({ keys, rows: g }) => {
    const received = strictSum(g.map((r) => r.count));
    const agencies = new Set(g.map((r) => r.agency ?? r.report_id)).size;
    return { ...keys, agencies, received, requests_per_agency: safeRatio(received, agencies) };
  });
  return tableFrom<Rec>(out, [...by, 'agencies', 'received', 'requests_per_agency']);
}

/**
 * A view's counts pivoted: one row per `by` combination, one column per value of `column` (in
 * first-seen order), each the Σ of its counts — null when any is null or there is none. What
 * `groupby(by).pivot(column, { count: op.sum(…) })` would give, without counting blanks as 0.
 */
export function pivotCounts(table: Table, by: readonly string[], column: string, value = 'count'): Table {
  requireColumns(table, [...by, column, value], 'pivotCounts');
  const rows = table.objects() as Rec[];
  const names = [...new Set(rows.map((r) => String(r[column])))];
  const out = groupBy(rows, by).map(({ keys, rows: groupRows }) => {
    const row: Rec = { ...keys };
    for (const name of names) row[name] = strictSum(groupRows.filter((r) => String(r[column]) === name).map((r) => r[value]));
    return row;
  });
  return tableFrom(out, [...by, ...names]);
}

/**
 * Year-over-year change: adds `<value>_prev`, `<value>_change` and `<value>_change_pct`,
 * comparing each row with the row of the same `by` keys in year − 1 (null when there is no
 * such single row, or either value is null; pct null when the previous value is 0).
 */
export function yoyChange(table: Table, opts: { value?: string; by?: string[] } = {}): Table {
  const value = opts.value ?? 'count';
  const by = (opts.by ?? ['agency']).filter((c) => c !== 'year');
  requireColumns(table, [...by, 'year', value], 'yoyChange');
  const rows = table.objects() as Rec[];
  const index = new Map<string, Rec[]>();
  const keyOf = (r: Rec, year: unknown) => JSON.stringify([...by.map((c) => r[c] ?? null), year]);
  for (const r of rows) {
    const k = keyOf(r, r.year);
    index.set(k, [...(index.get(k) ?? []), r]);
  }
  const num = (v: unknown) => (typeof v === 'number' && !Number.isNaN(v) ? v : null);
  const out = rows.map((r) => {
    const prevRows = typeof r.year === 'number' ? index.get(keyOf(r, r.year - 1)) ?? [] : [];
    const prev = prevRows.length === 1 ? num(prevRows[0]![value]) : null;
    const cur = num(r[value]);
    const change = prev === null || cur === null ? null : cur - prev;
    return { ...r, [`${value}_prev`]: prev, [`${value}_change`]: change, [`${value}_change_pct`]: safeRatio(change, prev) };
  });
  return tableFrom(out, [...table.columnNames(), `${value}_prev`, `${value}_change`, `${value}_change_pct`]);
}
