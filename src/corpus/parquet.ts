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
  return columns.map(([name, type]) => {
    const data = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      let v = rows[i][name] ?? null;
      // Counts may arrive as strings from odd sources: the schema decides.
      if (v !== null && type === 'DOUBLE' && typeof v !== 'number') v = Number(v);
      if (v !== null && type === 'INT32' && typeof v !== 'number') v = Number(v);
      data[i] = v;
    }
    return { name, data, type, nullable: true, statistics: withStatistics(type) };
  });
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
