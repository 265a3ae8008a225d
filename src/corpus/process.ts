/**
 * One source → the rows of every dataset table. What `loadReports` does per file (read,
 * processDoc, validateReport, views), without holding anything beyond the one document.
 */
import type { ReportResult } from '../extract/document.ts';
import { readAndProcess } from '../pipeline.ts';
import { reportViewRows } from '../tables/views.ts';
import type { FindingCode, ReportRow } from '../types.ts';
import type { ReportCells } from '../validate/cells.ts';
import { checkReport } from '../validate/validate.ts';
import type { DatasetTable } from './schema.ts';

export type Row = Record<string, unknown>;
export type TableRows = Record<DatasetTable, Row[]>;

/** What a work item carries: the source and the report id the main thread assigned. */
export interface WorkItem {
  file: string;
  bytes?: Uint8Array;
  readError?: { code: FindingCode; message: string };
  id: string;
  hash: string | null;
}

export interface Processed {
  result: ReportResult;
  rows: TableRows;
  /** The report's cells (checkReport), which its validation and views read, and the worker its carry-over cells. */
  cells: ReportCells;
}

export { fallbackId } from '../pipeline.ts';

export interface ProcessOptions {
  /** Build the analysis views (channels, requests, outcomes, appeals). Default true. */
  views?: boolean;
}

export async function processItem(item: WorkItem, options: ProcessOptions = {}): Promise<Processed> {
  const result = await readAndProcess({ file: item.file, bytes: item.bytes, readError: item.readError, hash: item.hash ?? undefined }, () => item.id);
  const { report, facts } = result;
  const { cells, findings } = checkReport(result);
  const rows: TableRows = {
    reports: [reportRow(report, item.hash)],
    facts: facts as unknown as Row[],
    findings: findings as unknown as Row[],
    channels: [],
    requests: [],
    outcomes: [],
    appeals: [],
  };
  // The views' rows go straight into the lists above.
  if (options.views !== false && report.status !== 'failed') reportViewRows(report, cells, findings, rows);
  return { result, rows, cells };
}

/**
 * The dataset's `reports` row: the report and its content hash, in one literal. A spread
 * (`{ ...report, content_hash }`) gave every row a hidden class of its own once its call site
 * had seen a few kinds of report: a new class (old-space garbage) per report, and lookups the
 * gathering could not cache.
 */
function reportRow(r: ReportRow, hash: string | null): Row {
  // `satisfies`: a field added to ReportRow and not copied here is a type error.
  return {
    report_id: r.report_id, file: r.file, format: r.format, encoding: r.encoding, agency: r.agency, agency_type: r.agency_type,
    province: r.province, city: r.city, county: r.county, admin_code: r.admin_code, level: r.level, year: r.year,
    template: r.template, scope: r.scope, published: r.published, status: r.status, content_hash: hash,
  } satisfies ReportRow & { content_hash: string | null };
}
