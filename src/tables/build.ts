/**
 * Record arrays → Arquero tables with the contract's columns in a fixed order, also when empty
 * (an empty batch still has typed, named columns for scripts to rely on).
 */
import * as aq from 'arquero';
import type { Fact, Finding, ReportRow } from '../types.ts';
import { VIEW_COLUMNS, type ViewInput, type ViewRows, type Views, viewRows } from './views.ts';

type Table = ReturnType<typeof aq.table>;

export const REPORT_COLUMNS = [
  'report_id', 'file', 'format', 'encoding', 'agency', 'agency_type', 'province', 'city', 'county',
  'admin_code', 'level', 'year', 'template', 'scope', 'published', 'status',
] as const satisfies ReadonlyArray<keyof ReportRow>;

export const FACT_COLUMNS = [
  'report_id', 'metric', 'applicant', 'value', 'unit', 'source', 'approx', 'how', 'label', 'text', 'line',
] as const satisfies ReadonlyArray<keyof Fact>;

export const FINDING_COLUMNS = ['report_id', 'severity', 'code', 'message', 'metric', 'line'] as const satisfies ReadonlyArray<
  keyof Finding
>;

/** Columnar table from row objects, columns in the given order. */
export function tableFrom<T extends object>(rows: readonly T[], columns: readonly (keyof T & string)[]): Table {
  const data: Record<string, unknown[]> = {};
  for (const c of columns) data[c] = rows.map((r) => (r as Record<string, unknown>)[c] ?? null);
  return aq.table(data);
}

export const reportsTable = (rows: readonly ReportRow[]) => tableFrom(rows, REPORT_COLUMNS);
export const factsTable = (rows: readonly Fact[]) => tableFrom(rows, FACT_COLUMNS);
export const findingsTable = (rows: readonly Finding[]) => tableFrom(rows, FINDING_COLUMNS);

/** The analysis views (channels, requests, outcomes, appeals: src/tables/views.ts) as tables. */
export function buildViews(input: ViewInput): Views {
  return viewTables(viewRows(input));
}

/** View rows (viewRows, reportViewRows) as tables. */
export function viewTables(rows: ViewRows): Views {
  return {
    channels: tableFrom(rows.channels, VIEW_COLUMNS.channels),
    requests: tableFrom(rows.requests, VIEW_COLUMNS.requests),
    outcomes: tableFrom(rows.outcomes, VIEW_COLUMNS.outcomes),
    appeals: tableFrom(rows.appeals, VIEW_COLUMNS.appeals),
  };
}
