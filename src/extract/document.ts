/**
 * One decoded document → its reports row, facts and findings (before cross-report validation).
 * Pure: the same document always gives the same result.
 */
import { SYNTH_MARKER } from '../catalogue/synthetic.ts';
import { layout } from '../layout/index.ts';
import { isBlank } from '../layout/lines.ts';
import { detectTemplate, isFlattenedTable } from '../template/detect.ts';
import type { Block, DecodedDoc, Fact, Finding, ReportRow, Status } from '../types.ts';
import { findingOf, type LocalFinding } from './cells.ts';
import { extractMetadata } from './metadata.ts';
import { appendNarrativeFacts, type ProseLine } from './narrative.ts';
import { extractTable2008 } from './table2008.ts';
import { extractTable2019 } from './table2019.ts';

export interface ReportResult {
  report: ReportRow;
  facts: Fact[];
  findings: Finding[];
}

/** Loader-stage codes that mean part of the document could not be read. */
const PARTIAL_CODES = new Set([
  'unrecognised_row', 'unit_mismatch', 'ambiguous_cells', 'truncated', 'unknown_year', 'missing_section', 'unparsed_value', 'table_too_large',
]);

/** Tables with more rows than this are skipped (no real statistics table comes near it). */
export const DEFAULT_MAX_TABLE_ROWS = 5000;

export interface DocLimits {
  /** Tables with more rows are skipped with a table_too_large finding. Default 5000. */
  maxTableRows?: number;
  /**
   * Epoch milliseconds after which processing stops with a timeout finding. Processing is
   * synchronous, so the deadline is checked between stages (layout, template, tables, prose,
   * metadata), not inside one.
   */
  deadline?: number;
  /** The limit the deadline came from, for the finding's message. */
  timeoutMs?: number;
  /** Clock, injectable for tests. Default Date.now. */
  now?: () => number;
}

/** A failed row for a document whose processing ran past its deadline. */
function timedOut(doc: DecodedDoc, reportId: string, stage: string, limits: DocLimits): ReportResult {
  const limit = limits.timeoutMs !== undefined ? ` of ${limits.timeoutMs} ms` : '';
  return failedReport(doc.file, reportId, doc.format, doc.encoding, {
    code: 'timeout',
    message: `processing stopped after ${stage}: over the time limit${limit}`,
  });
}

/** Drop tables over the row limit, with one finding each (a huge grid is garbage, not data). */
function capTables(blocks: Block[], maxRows: number): { blocks: Block[]; findings: LocalFinding[] } {
  const findings: LocalFinding[] = [];
  // A copy only when a table is dropped (almost never).
  let kept: Block[] | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'table' || b.rows.length <= maxRows) {
      kept?.push(b);
      continue;
    }
    kept ??= blocks.slice(0, i);
    findings.push({
      severity: 'warning',
      code: 'table_too_large',
      message: `table of lines ${b.line}–${b.endLine} has ${b.rows.length} rows, over the limit of ${maxRows}; skipped`,
      metric: null,
      line: b.line,
    });
  }
  return { blocks: kept ?? blocks, findings };
}

/** Table lines as a mask (index = 1-based line): cheaper than a Set of every table line. */
function tableMask(lineCount: number, tables: ReadonlyArray<{ line: number; endLine: number }>): Uint8Array {
  const mask = new Uint8Array(lineCount + 1);
  for (const t of tables) mask.fill(1, Math.max(1, t.line), Math.min(t.endLine, lineCount) + 1);
  return mask;
}

export function processDoc(doc: DecodedDoc, reportId: string, limits: DocLimits = {}): ReportResult {
  const now = limits.now ?? Date.now;
  const overdue = () => limits.deadline !== undefined && now() >= limits.deadline;
  if (overdue()) return timedOut(doc, reportId, 'reading', limits);
  const capped = capTables(layout({ lines: doc.lines, raw: doc.raw }), limits.maxTableRows ?? DEFAULT_MAX_TABLE_ROWS);
  const blocks = capped.blocks;
  if (overdue()) return timedOut(doc, reportId, 'layout', limits);
  const decision = detectTemplate(blocks);
  if (overdue()) return timedOut(doc, reportId, 'template detection', limits);
  const lineCount = doc.lines.length;
  const inTable = tableMask(lineCount, decision.tables);

  const local: LocalFinding[] = capped.findings; // capTables' fresh list: the other findings join it
  // Metadata first (it reads the lines and the table mask only): the report year tells the
  // tables which dated column (2016年 | 2017年) is the year's own, and the prose which sentence
  // is about another year.
  const { meta, findings: metaFindings } = extractMetadata(doc.lines, { file: doc.file, tableMask: inTable });
  for (const f of metaFindings) local.push(f);
  if (overdue()) return timedOut(doc, reportId, 'metadata extraction', limits);

  // Table facts come as final rows (report_id first): the table extractors build each once.
  let facts: Fact[] = [];
  if (decision.template === '2008') {
    const r = extractTable2008(decision.tables, { endsDocument: endsDocument(doc, decision.tables), reportId, year: meta.year });
    facts = r.facts;
    for (const f of r.findings) local.push(f);
  } else if (decision.template === '2019' || decision.template === '2021') {
    const r = extractTable2019(decision.tables, decision.template, { endsDocument: endsDocument(doc, decision.tables), reportId });
    facts = r.facts;
    for (const f of r.findings) local.push(f);
  }
  if (overdue()) return timedOut(doc, reportId, 'table extraction', limits);

  const prose: ProseLine[] = [];
  for (const b of blocks) {
    if (b.kind === 'prose' && !inTable[b.line]) prose.push({ text: b.text, line: b.line, raw: doc.raw[b.line - 1] ?? '' });
  }
  // Narrative facts follow the table facts; the report year tells a sentence about another year.
  appendNarrativeFacts(prose, reportId, facts, meta.year);

  if (overdue()) return timedOut(doc, reportId, 'narrative extraction', limits);

  // No table found, but a prose line holds one flattened (a whole page saved as one line): its
  // figures are lost, and the report must say so.
  if (decision.template === 'narrative') {
    for (const p of prose) {
      if (!isFlattenedTable(p.text)) continue;
      local.push({
        severity: 'warning',
        code: 'missing_section',
        message: `line ${p.line} holds a statistics table flattened into prose (its labels and figures run on in one line); its table figures were not read`,
        metric: null,
        line: p.line,
      });
    }
  }
  if (!facts.length && decision.template === 'narrative') {
    local.push({
      severity: 'error',
      code: 'no_report',
      message: 'no statistics table and no figure in the prose: this does not look like a disclosure report',
      metric: null,
      line: null,
    });
  }
  if (isSynthetic(doc)) {
    local.push({
      severity: 'info',
      code: 'synthetic_report',
      message: `synthetic report written by xxgk synth (first line ${SYNTH_MARKER}): for scale and accuracy tests, never for analysis`,
      metric: null,
      line: 1,
    });
  }
  // A literal filled by push, not `map`: a literal learns the kind of array it ends up as, so
  // every report's list is of one kind, where `map` makes an empty list of another.
  const findings: Finding[] = [];
  let failed = false;
  let partial = false;
  for (const f of local) {
    findings.push(findingOf(f, reportId));
    if (f.code === 'no_report') failed = true;
    else if (PARTIAL_CODES.has(f.code) && f.severity !== 'info') partial = true;
  }
  const status: Status = failed ? 'failed' : partial ? 'partial' : 'ok';

  // The metadata but its evidence, field by field (a rest/spread copy costs more).
  const report: ReportRow = {
    report_id: reportId,
    file: doc.file,
    format: doc.format,
    encoding: doc.encoding,
    agency: meta.agency,
    agency_type: meta.agency_type,
    province: meta.province,
    city: meta.city,
    county: meta.county,
    admin_code: meta.admin_code,
    level: meta.level,
    year: meta.year,
    scope: meta.scope,
    published: meta.published,
    template: status === 'failed' ? 'unknown' : decision.template,
    status,
  };
  return { report, facts, findings };
}

/** The reports row of a file that could not be read at all. */
export function failedReport(
  file: string,
  reportId: string,
  format: string,
  encoding: string | null,
  error: { code: Finding['code']; message: string },
): ReportResult {
  return {
    report: {
      report_id: reportId,
      file,
      format,
      encoding,
      agency: null,
      agency_type: null,
      province: null,
      city: null,
      county: null,
      admin_code: null,
      level: 'unknown',
      year: null,
      template: 'unknown',
      scope: 'unknown',
      published: null,
      status: 'failed',
    },
    facts: [],
    findings: [{ report_id: reportId, severity: 'error', code: error.code, message: `${file}: ${error.message}`, metric: null, line: null }],
  };
}

/** Written by `xxgk synth`: its mark is the first line. */
function isSynthetic(doc: DecodedDoc): boolean {
  return doc.raw.length > 0 && doc.raw[0]!.trim() === SYNTH_MARKER;
}

/** No text after the last statistics table: a page copy may have been cut off inside it. */
function endsDocument(doc: DecodedDoc, tables: ReadonlyArray<{ endLine: number }>): boolean {
  const last = tables[tables.length - 1];
  if (!last) return false;
  for (let i = doc.lines.length - 1; i >= 0; i--) if (!isBlank(doc.lines[i]!)) return last.endLine >= i + 1;
  return false;
}
