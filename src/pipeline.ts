/**
 * One source → one report's result: read, then the per-document pipeline (layout → template →
 * extract; no validation). What `loadReports` does per file and what each corpus worker runs; kept
 * apart from load.ts so a worker does not load the table builders (and Arquero) it never uses.
 */
import { fnv1a } from './fnv.ts';
import { type DocLimits, type ReportResult, failedReport, processDoc } from './extract/document.ts';
import { findingOf } from './extract/cells.ts';
import { formatOf, readSourceAsync } from './read/index.ts';
import type { Source } from './types.ts';

/**
 * Read one source and run the per-document pipeline (no cross-report validation). `idFor`
 * names the report from its content hash (null when the file could not be read). The corpus
 * loader's workers run this too.
 */
export async function readAndProcess(
  source: Source,
  idFor: (hash: string | null) => string,
  limits: DocLimits = {},
): Promise<ReportResult> {
  const format = formatOf(source.file);
  if (source.readError) return failedReport(source.file, idFor(null), format, null, source.readError);
  const doc = await readSourceAsync(source);
  if ('error' in doc) return failedReport(source.file, idFor(null), format, null, doc.error);
  const result = processDoc(doc, idFor(doc.hash), limits);
  // What the reader noticed (a PDF table it could not rebuild, a cut-off file) joins the findings.
  for (const n of doc.notes ?? []) result.findings.push(findingOf(n, result.report.report_id));
  return result;
}

/** Unreadable files have no content hash: derive a stable id from the path instead. */
export function fallbackId(file: string): string {
  return `nofile-${fnv1a(file).toString(16).padStart(8, '0')}`;
}
