/**
 * Table export to CSV, JSON, Arrow IPC and Parquet, chosen by file extension or `format`.
 *
 * CSV is written for Excel users: UTF-8 with a byte-order mark (so Excel detects UTF-8 and
 * shows Chinese), RFC 4180 quoting, CRLF line ends, null as an empty cell, and protection
 * against formula injection: a *text* cell that starts with =, +, -, @, tab or carriage return
 * gets a leading apostrophe ('=HYPERLINK(…) stays text in Excel). Numbers stored as numbers are
 * written as they are (-133 stays -133); only strings are guarded, so a label "-133" in a text
 * column becomes '-133.
 */
import { extname, join } from 'node:path';
import * as aq from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { BasicType, ColumnSource } from 'hyparquet-writer';
import { bool, dictionary, float64, int32, utf8, type DataType } from '@uwdata/flechette';
import { DATASET_TABLES } from '../corpus/schema.ts';
import { XxgkError } from '../errors.ts';
import { writeOut } from './write.ts';

export const TABLE_FORMATS = ['csv', 'json', 'arrow', 'parquet'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

/** An Arquero table, or plain row objects (converted with aq.from). */
export type TableInput = aq.ColumnTable | readonly Record<string, unknown>[];

const EXTENSIONS: Record<string, TableFormat> = {
  '.csv': 'csv',
  '.json': 'json',
  '.arrow': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
  '.parquet': 'parquet',
};

export function tableFormat(path: string, format?: string): TableFormat {
  if (format) {
    if ((TABLE_FORMATS as readonly string[]).includes(format)) return format as TableFormat;
    throw new XxgkError('bad_argument', `unknown table format "${format}": use ${TABLE_FORMATS.join(', ')}`);
  }
  const f = EXTENSIONS[extname(path).toLowerCase()];
  if (!f) throw new XxgkError('bad_argument', `cannot tell the table format of "${path}": use .csv, .json, .arrow or .parquet`);
  return f;
}

function asTable(input: TableInput): aq.ColumnTable {
  return Array.isArray(input) ? aq.from(input as Record<string, unknown>[]) : (input as aq.ColumnTable);
}

// ---------------------------------------------------------------- CSV

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A text cell Excel would evaluate gets a leading apostrophe. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV field: null → empty, numbers as numbers, text guarded and quoted when needed. */
export function csvField(value: unknown): string {
  if (value == null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  let text: string;
  if (value instanceof Date) text = Number.isNaN(value.getTime()) ? '' : value.toISOString();
  else if (typeof value === 'string') text = guardFormula(value);
  else text = guardFormula(JSON.stringify(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsvText(input: TableInput): string {
  const t = asTable(input);
  const names = t.columnNames();
  const columns = names.map((n) => t.array(n) as ArrayLike<unknown>);
  const lines = [names.map(csvField).join(',')];
  const n = t.numRows();
  for (let i = 0; i < n; i++) lines.push(columns.map((c) => csvField(c[i])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------- JSON

export function toJsonText(input: TableInput): string {
  const rows = asTable(input).objects();
  if (!rows.length) return '[]\n';
  // One row per line: diffable and still a single JSON array.
  return `[\n${rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? Number(v) : v))).join(',\n')}\n]\n`;
}

// ---------------------------------------------------------------- Arrow

/** The Arrow type of each Parquet type the exports use (text dictionary-encoded, int32 keys). */
const ARROW_TYPES: Partial<Record<BasicType, () => DataType>> = {
  DOUBLE: () => float64(),
  INT32: () => int32(),
  BOOLEAN: () => bool(),
  STRING: () => dictionary(utf8(), int32()),
};

/**
 * Arrow type of a column: a standard table's declared type (as for Parquet) when its values fit
 * it, else the type its values give — numbers always Float64 (never the narrowest integer type
 * that happens to hold this corpus's values), text Utf8, booleans Bool. Undefined leaves the
 * choice to Arquero (mixed, bigint or date columns).
 */
function arrowType(values: ArrayLike<unknown>, declared: BasicType | undefined): DataType | undefined {
  const type = columnType(values, declared);
  if (type === 'STRING') {
    for (let i = 0; i < values.length; i++) if (values[i] != null && typeof values[i] !== 'string') return undefined;
  }
  return ARROW_TYPES[type]?.();
}

/**
 * Arrow IPC (file format). `table`: a standard table's name (reports, facts…), whose columns get
 * fixed types from the dataset schema (src/corpus/schema.ts, as Parquet): DOUBLE → Float64, INT32
 * → Int32, STRING → Utf8 (dictionary), BOOLEAN → Bool — so exports of different corpora have the
 * same schema and concatenate.
 */
export function toArrowBytes(input: TableInput, table?: string): Uint8Array {
  const t = asTable(input);
  const declared = table ? STANDARD_TYPES[table] : undefined;
  const types: Record<string, DataType> = {};
  for (const n of t.columnNames()) {
    const type = arrowType(t.array(n) as ArrayLike<unknown>, declared?.[n]);
    if (type) types[n] = type;
  }
  return aq.toArrowIPC(t, { format: 'file', types }) as Uint8Array;
}

// ---------------------------------------------------------------- Parquet

/** Parquet type of a column from its non-null values; mixed or empty columns become STRING. */
export function parquetType(values: ArrayLike<unknown>): BasicType {
  let type: BasicType | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null || (typeof v === 'number' && Number.isNaN(v))) continue;
    const t: BasicType =
      typeof v === 'number'
        ? 'DOUBLE'
        : typeof v === 'boolean'
          ? 'BOOLEAN'
          : typeof v === 'bigint'
            ? 'INT64'
            : v instanceof Date
              ? 'TIMESTAMP'
              : 'STRING';
    if (type && type !== t) return 'STRING';
    type = t;
  }
  return type ?? 'STRING';
}

/**
 * The Parquet types of the standard tables' columns, as the corpus dataset writes them (`year`,
 * there a partition folder, as INT32): an export's schema does not depend on the values in it.
 */
const STANDARD_TYPES: Record<string, Record<string, BasicType>> = Object.fromEntries(
  Object.entries(DATASET_TABLES).map(([table, columns]) => [table, { ...Object.fromEntries(columns), year: 'INT32' }]),
);

/** A declared type the values fit (whole numbers for INT32), else the type the values give. */
function columnType(values: ArrayLike<unknown>, declared: BasicType | undefined): BasicType {
  const given = parquetType(values);
  if (!declared) return given;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v == null || (typeof v === 'number' && Number.isNaN(v))) continue;
    const fits =
      declared === 'STRING' ? typeof v === 'string' : declared === 'BOOLEAN' ? typeof v === 'boolean' : declared === 'INT32' ? Number.isInteger(v) && Math.abs(v as number) < 2 ** 31 : typeof v === 'number';
    if (!fits) return given;
  }
  return declared;
}

function parquetColumn(name: string, values: ArrayLike<unknown>, declared?: BasicType): ColumnSource {
  const type = columnType(values, declared);
  const data = Array.from(values, (v) => {
    if (v == null || (typeof v === 'number' && Number.isNaN(v))) return null;
    if (type !== 'STRING') return v;
    return typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
  return { name, data, type, nullable: true };
}

/** `table`: a standard table's name (reports, facts…), whose columns get their declared types. */
export function toParquetBytes(input: TableInput, table?: string): Uint8Array {
  const t = asTable(input);
  const types = table ? STANDARD_TYPES[table] : undefined;
  const columnData = t.columnNames().map((n) => parquetColumn(n, t.array(n) as ArrayLike<unknown>, types?.[n]));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}

// ---------------------------------------------------------------- files

export interface TableExportOptions {
  /** Overrides the extension. */
  format?: TableFormat;
  /** A standard table's name: Parquet and Arrow columns get the dataset's types (see toParquetBytes, toArrowBytes). */
  table?: string;
}

export function tableBytes(input: TableInput, format: TableFormat, table?: string): Uint8Array | string {
  switch (format) {
    case 'csv':
      return toCsvText(input);
    case 'json':
      return toJsonText(input);
    case 'arrow':
      return toArrowBytes(input, table);
    case 'parquet':
      return toParquetBytes(input, table);
  }
}

/** Write one table; returns the path written. */
export async function exportTable(input: TableInput, path: string, o: TableExportOptions = {}): Promise<string> {
  const format = tableFormat(path, o.format);
  await writeOut(path, tableBytes(input, format, o.table));
  return path;
}

export const FORMAT_EXTENSIONS: Record<TableFormat, string> = {
  csv: 'csv',
  json: 'json',
  arrow: 'arrow',
  parquet: 'parquet',
};

/** Write `<dir>/<name>.<ext>` for each table; returns the paths in the order given. */
export async function exportTables(
  tables: Record<string, TableInput>,
  dir: string,
  format: TableFormat = 'csv',
): Promise<string[]> {
  if (!(TABLE_FORMATS as readonly string[]).includes(format)) tableFormat('', format);
  const paths: string[] = [];
  for (const [name, table] of Object.entries(tables)) {
    paths.push(await exportTable(table, join(dir, `${name}.${FORMAT_EXTENSIONS[format]}`), { format, table: name }));
  }
  return paths;
}
