/**
 * Shared record types of the pipeline: read → layout → template → extract → validate → tables.
 * Column names follow ../shared/spec/data-contract.md (snake_case, stable).
 */

/** One input document as handed to the pipeline. */
export interface Source {
  /** Path as given by the caller, or a caller-chosen name for in-memory text. */
  file: string;
  /** Raw bytes (files) — decoded by the read stage. */
  bytes?: Uint8Array;
  /** Already-decoded text (in-memory inputs). */
  text?: string;
  /** Filled by the read stage when the file could not be read at all. */
  readError?: { code: FindingCode; message: string };
  /** sha256 (hex) of `bytes` when the caller already computed it (the corpus loader does). */
  hash?: string;
}

/** A decoded document, split into lines. Line numbers are 1-based. */
export interface DecodedDoc {
  file: string;
  format: string;
  encoding: string;
  /** Content hash (hex) of the raw bytes, the base of report_id. */
  hash: string;
  /** Lines exactly as decoded (provenance). */
  raw: string[];
  /**
   * Normalized lines, index-aligned with `raw` and of the same length character by character
   * (full-width → half-width, bracket variants unified, noise blanked with spaces), so an offset
   * in a normalized line is the same offset in the raw line.
   */
  lines: string[];
}

/** A table cell recovered by the layout stage. */
export interface Cell {
  /** Normalized text, trimmed; continuation lines joined without separator. */
  text: string;
  /** Raw text of the cell (trimmed), for provenance. */
  raw: string;
  /** 1-based line of the cell's first line. */
  line: number;
}

export interface Row {
  cells: Cell[];
  /** 1-based line of the row's first cell. */
  line: number;
}

/** `glued`: rows recovered from text whose cell boundaries were lost (crawler flattening). */
export type LayoutKind = 'cell_per_line' | 'tab_rows' | 'pipe_cells' | 'glued' | 'html' | 'docx' | 'pdf';

export interface TableBlock {
  kind: 'table';
  layout: LayoutKind;
  rows: Row[];
  line: number;
  endLine: number;
}

export interface ProseBlock {
  kind: 'prose';
  /** Normalized text of the line. */
  text: string;
  line: number;
}

export type Block = TableBlock | ProseBlock;

export type Template = '2008' | '2019' | '2021' | 'narrative' | 'unknown';

export type Applicant =
  | 'natural_person'
  | 'commercial'
  | 'research'
  | 'social_org'
  | 'legal_service'
  | 'other_org'
  | 'total';

export type FactSource = 'table' | 'narrative';
export type FactHow = 'cell' | 'segmented' | 'sentence';

/** One figure a report states (facts table row). */
export interface Fact {
  report_id: string;
  metric: string;
  applicant: Applicant | null;
  value: number | null;
  unit: string | null;
  source: FactSource;
  approx: boolean;
  how: FactHow;
  label: string;
  text: string;
  line: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** The closed list of finding codes. Add here (and to the README) — never ad hoc strings. */
export const FINDING_CODES = [
  // reading
  'unreadable_file',
  'empty_file',
  'binary_file',
  'unknown_encoding',
  'file_too_large',
  'unsupported_format',
  'pdf_layout',
  // structure
  'no_report',
  'unknown_year',
  'unknown_agency',
  'unknown_template',
  'missing_section',
  'unrecognised_row',
  'value_on_header_row',
  'unparsed_value',
  'truncated',
  'ambiguous_cells',
  'column_choice',
  'unit_mismatch',
  // validation
  'identity_violation',
  'subitem_exceeds_total',
  'narrative_table_conflict',
  'year_template_mismatch',
  'duplicate_report',
  'cross_year_mismatch',
  // limits (LoadOptions)
  'table_too_large',
  'timeout',
  'out_of_memory',
  // provenance
  'synthetic_report',
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];

/** A problem noticed in a report (findings table row). */
export interface Finding {
  report_id: string;
  severity: Severity;
  code: FindingCode;
  message: string;
  /** Metric key(s), comma-separated; null when not about a metric. */
  metric: string | null;
  line: number | null;
}

export type AgencyType = 'government' | 'department' | 'other';
export type Level = 'province' | 'prefecture' | 'county' | 'township' | 'unknown';
export type Scope = 'self' | 'aggregate' | 'unknown';
export type Status = 'ok' | 'partial' | 'failed';

/** One input document (reports table row). */
export interface ReportRow {
  report_id: string;
  file: string;
  format: string;
  encoding: string | null;
  agency: string | null;
  agency_type: AgencyType | null;
  province: string | null;
  city: string | null;
  county: string | null;
  admin_code: string | null;
  level: Level;
  year: number | null;
  template: Template;
  scope: Scope;
  published: string | null;
  status: Status;
}

/** Metadata extracted from a document (the descriptive part of a report row). */
export type ReportMeta = Pick<
  ReportRow,
  'agency' | 'agency_type' | 'province' | 'city' | 'county' | 'admin_code' | 'level' | 'year' | 'scope' | 'published'
> & {
  /** Lines the metadata came from, for findings. */
  evidence: { agency?: number; year?: number; published?: number };
};
