/**
 * One source → one report's result: read, then the per-document pipeline (layout → template →
 * extract; no validation). What `loadReports` does per file and what each corpus worker runs; kept
 * apart from load.ts so a worker does not load the table builders (and Arquero) it never uses.
 */
import { type DocLimits, type ReportResult, failedReport, processDoc } from './extract/document.ts';
import { findingOf } from './extract/cells.ts';
import { sha256 } from './read/decode.ts';
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
  // Read but not readable as a report (empty, binary, a format it cannot open): its bytes still
  // give the content-hash id, as the corpus loader's main thread gives it.
  if ('error' in doc) return failedReport(source.file, idFor(contentHash(source)), format, null, doc.error);
  const result = processDoc(doc, idFor(doc.hash), limits);
  // What the reader noticed (a PDF table it could not rebuild, a cut-off file) joins the findings.
  for (const n of doc.notes ?? []) result.findings.push(findingOf(n, result.report.report_id));
  return result;
}

/**
 * The hash the read stage computes: the one the caller gave (the corpus loader's main thread has
 * hashed every file), else of the bytes or of the text given in memory; null when nothing was read.
 */
function contentHash(source: Source): string | null {
  if (source.hash) return source.hash;
  const data = source.text ?? source.bytes;
  return data === undefined ? null : sha256(data);
}

/**
 * Files that could not be read at all (missing, not a regular file, over the size limit) have no
 * content hash: their id comes from the path (16 hex digits of its SHA-256, as a content id has).
 */
export function fallbackId(file: string): string {
  return `nofile-${sha256(file).slice(0, 16)}`;
}
