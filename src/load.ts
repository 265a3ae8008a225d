/**
 * The loader: inputs (files, folders, in-memory texts) → the contract's tables.
 *
 *   read → layout → template → extract → validate → tables
 *
 * Never throws on data: every input becomes a `reports` row (status ok / partial / failed) and
 * every problem a `findings` row. Throws XxgkError('bad_argument') only on programmer errors.
 */
import * as aq from 'arquero';
import { XxgkError } from './errors.ts';
import { DEFAULT_MAX_TABLE_ROWS, type DocLimits, type ReportResult } from './extract/document.ts';
import { type Input as InputItem, iterateSources } from './read/inputs.ts';
import { factsTable, findingsTable, reportsTable, viewTables } from './tables/build.ts';
import { reportViewRows, type ViewRows } from './tables/views.ts';
import type { Fact, Finding, ReportRow, Source } from './types.ts';
import { validateCorpus } from './validate/corpus.ts';
import { checkReport } from './validate/validate.ts';
import { fallbackId, readAndProcess } from './pipeline.ts';

type Table = ReturnType<typeof aq.table>;

export interface LoadOptions {
  /** Files larger than this are not read (a file_too_large finding). Default 50 MB. */
  maxFileBytes?: number;
  /**
   * Tables with more rows than this are skipped with a table_too_large finding (the report is
   * then partial, or failed when nothing else is left). Default 5000.
   */
  maxTableRows?: number;
  /**
   * Time budget per file in milliseconds, from decoding to the last extraction stage. Processing
   * is synchronous, so the budget is checked between stages: a file over it gets a failed row
   * with a timeout finding. Default 30 000; Infinity disables it.
   */
  timeoutMs?: number;
  /** Called after each file, for progress reporting. */
  onProgress?: (done: number, file: string) => void;
}

export interface LoadResult {
  reports: Table;
  facts: Table;
  findings: Table;
  channels: Table;
  requests: Table;
  outcomes: Table;
  appeals: Table;
  /** The same data as plain records, for code that prefers arrays. */
  records: { reports: ReportRow[]; facts: Fact[]; findings: Finding[] };
}

export type LoadInput = InputItem | InputItem[];

/** Load reports and return the tables of the data contract. */
export async function loadReports(inputs: LoadInput, options: LoadOptions = {}): Promise<LoadResult> {
  const items = Array.isArray(inputs) ? inputs : [inputs];
  if (!items.length) throw new XxgkError('bad_argument', 'loadReports needs at least one file, folder or text');
  const maxTableRows = limitOption(options.maxTableRows, 'maxTableRows', DEFAULT_MAX_TABLE_ROWS);
  const timeoutMs = limitOption(options.timeoutMs, 'timeoutMs', DEFAULT_TIMEOUT_MS);
  const results: ReportResult[] = [];
  const ids = new Map<string, number>();
  let done = 0;
  for await (const source of iterateSources(items, { maxFileBytes: options.maxFileBytes })) {
    // The clock starts when the file's bytes are in memory: decoding counts, disk I/O does not.
    const limits: DocLimits = { maxTableRows, timeoutMs, deadline: timeoutMs === Infinity ? undefined : Date.now() + timeoutMs };
    results.push(await loadOne(source, ids, limits));
    options.onProgress?.(++done, source.file);
  }
  return assemble(results);
}

/** Default of LoadOptions.timeoutMs. */
export const DEFAULT_TIMEOUT_MS = 30_000;

function limitOption(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !(value >= 0)) {
    throw new XxgkError('bad_argument', `${name} must be a non-negative number, got ${String(value)}`);
  }
  return value;
}

/** One source → one result; ids are content hashes, made unique within a batch. */
function loadOne(source: Source, ids: Map<string, number>, limits: DocLimits = {}): Promise<ReportResult> {
  return readAndProcess(source, (hash) => uniqueId(hash ? hash.slice(0, 16) : fallbackId(source.file), ids), limits);
}

/** Validate across reports, build views and tables. */
export function assemble(results: ReportResult[]): LoadResult {
  const reports = results.map((r) => r.report);
  const facts = results.flatMap((r) => r.facts);
  const checked = results.map(checkReport);
  const corpus = validateCorpus(reports, facts);
  // The corpus findings implicate no value (a duplicate is a warning, a cross-year mismatch is a
  // disagreement: views.ts NOT_IMPLICATING), so each report's views read its own findings only.
  const rows: ViewRows = { channels: [], requests: [], outcomes: [], appeals: [] };
  results.forEach((r, i) => reportViewRows(r.report, checked[i]!.cells, checked[i]!.findings, rows));
  const findings: Finding[] = [...checked.flatMap((c) => c.findings), ...corpus];
  const views = viewTables(rows);
  return {
    reports: reportsTable(reports),
    facts: factsTable(facts),
    findings: findingsTable(findings),
    ...views,
    records: { reports, facts, findings },
  };
}

function uniqueId(id: string, ids: Map<string, number>): string {
  const n = (ids.get(id) ?? 0) + 1;
  ids.set(id, n);
  return n === 1 ? id : `${id}-${n}`;
}
