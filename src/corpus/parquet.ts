/** Row objects ⇄ Parquet part files with the dataset's fixed schema. */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { ByteWriter, ParquetWriter, parquetWriteBuffer, schemaFromColumnData } from 'hyparquet-writer';
import { withStatistics, type ColumnSpec } from './schema.ts';

type Row = Record<string, unknown>;

/** Write rows as one Parquet file (columns in schema order, missing fields null). */
export function writeParquetRows(file: string, columns: readonly ColumnSpec[], rows: readonly Row[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, new Uint8Array(parquetWriteBuffer({ columnData: columnDataOf(columns, rows) })));
}

/**
 * A Parquet file written a row group at a time: each `append` encodes its rows as one row
 * group and writes it to disk, so a worker keeps one file per table and year however many
 * reports it reads (not thousands of small files) and holds only the rows of the next group.
 */
export interface PartStream {
  readonly file: string;
  /** Rows written so far. */
  readonly rows: number;
  append(rows: readonly Row[]): void;
  /** Write the footer and close the file. */
  close(): void;
}

export function openPartStream(file: string, columns: readonly ColumnSpec[]): PartStream {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  const writer = new ByteWriter(1 << 16);
  // Called by ParquetWriter after every row group: the buffer never holds more than one.
  const flush = () => {
    if (writer.index > 0) writeSync(fd, new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  Object.assign(writer, { flush, finish: flush });
  const schema = schemaFromColumnData({ columnData: columnDataOf(columns, []) });
  const pq = new ParquetWriter({ writer, schema });
  let rows = 0;
  let closed = false;
  return {
    file,
    get rows() {
      return rows;
    },
    append(batch) {
      if (!batch.length) return;
      pq.write({ columnData: columnDataOf(columns, batch), rowGroupSize: batch.length });
      rows += batch.length;
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        pq.finish();
      } finally {
        closeSync(fd);
      }
    },
  };
}

function columnDataOf(columns: readonly ColumnSpec[], rows: readonly Row[]) {
  const data = extractorOf(columns)(rows);
  return columns.map(([name, type], j) => ({ name, data: data[j], type, nullable: true, statistics: withStatistics(type) }));
}

type Extractor = (rows: readonly Row[]) => unknown[][];
const extractors = new WeakMap<readonly ColumnSpec[], Extractor>();

/**
 * Rows → one array per column, compiled once per column list (as arquero compiles its
 * expressions): a literal property name is a fast named load, where `rows[i][name]` with a
 * variable name was a slow keyed load costing a fifth of the Parquet writing. Missing fields
 * become null; numeric columns coerce strings from odd sources to numbers.
 */
function extractorOf(columns: readonly ColumnSpec[]): Extractor {
  let extract = extractors.get(columns);
  if (extract) return extract;
  const cols = columns.map((_, j) => `c${j}`);
  const loads = columns.map(([name, type], j) => {
    const get = `r[${JSON.stringify(name)}] ?? null`;
    return type === 'DOUBLE' || type === 'INT32'
      ? `v = ${get}; ${cols[j]}[i] = v === null || typeof v === 'number' ? v : Number(v);`
      : `${cols[j]}[i] = ${get};`;
  });
  const body = `const n = rows.length; let v; const ${cols.map((c) => `${c} = new Array(n)`).join(', ')};
    for (let i = 0; i < n; i++) { const r = rows[i]; ${loads.join(' ')} }
    return [${cols.join(', ')}];`;
  extract = new Function('rows', body) as Extractor;
  extractors.set(columns, extract);
  return extract;
}

/** Read a part file back as row objects (used to rewrite parts that hold stale reports). */
export async function readParquetRows(file: string): Promise<Row[]> {
  const buf = readFileSync(file);
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  const rows = (await parquetReadObjects({ file: ab })) as Row[];
  // INT64/BigInt never occurs in our schema, but be safe for JSON and comparisons.
  for (const r of rows) for (const k in r) if (typeof r[k] === 'bigint') r[k] = Number(r[k]);
  return rows;
}
