/** Row objects ⇄ Parquet part files with the dataset's fixed schema. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { NO_STATISTICS, type ColumnSpec } from './schema.ts';

type Row = Record<string, unknown>;

/** Write rows as one Parquet file (columns in schema order, missing fields null). */
export function writeParquetRows(file: string, columns: readonly ColumnSpec[], rows: readonly Row[]): void {
  const columnData = columns.map(([name, type]) => {
    const data = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      let v = rows[i][name] ?? null;
      // Counts may arrive as strings from odd sources: the schema decides.
      if (v !== null && type === 'DOUBLE' && typeof v !== 'number') v = Number(v);
      if (v !== null && type === 'INT32' && typeof v !== 'number') v = Number(v);
      data[i] = v;
    }
    return { name, data, type, nullable: true, statistics: !NO_STATISTICS.has(name) };
  });
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, new Uint8Array(parquetWriteBuffer({ columnData })));
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
