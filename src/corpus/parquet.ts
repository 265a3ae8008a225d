/** Row objects ⇄ Parquet part files with the dataset's fixed schema. */
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import path from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import type { RowGroup } from 'hyparquet';
import { ByteWriter, schemaFromColumnData } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { type ChunkType, type ColumnList, gathererOf, writeColumnChunk } from './chunk.ts';
import { withStatistics, type ColumnSpec } from './schema.ts';

type Row = Record<string, unknown>;

/** Write rows as one Parquet file (columns in schema order, missing fields null). */
export function writeParquetRows(file: string, columns: readonly ColumnSpec[], rows: readonly Row[]): void {
  const stream = openPartStream(file, columns);
  try {
    stream.append(rows);
  } finally {
    stream.close();
  }
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

const MAGIC = 0x31524150; // "PAR1"

export function openPartStream(file: string, columns: readonly ColumnSpec[]): PartStream {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  const writer = new ByteWriter(1 << 16);
  // Written to disk after every row group: the buffer never holds more than one.
  const flush = () => {
    if (writer.index > 0) writeSync(fd, new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  const schema = schemaFromColumnData({ columnData: columns.map(([name, type]) => ({ name, data: [], type, nullable: true })) });
  const rowGroups: RowGroup[] = [];
  writer.appendUint32(MAGIC);
  let rows = 0;
  let closed = false;
  return {
    file,
    get rows() {
      return rows;
    },
    append(batch) {
      if (!batch.length) return;
      const start = writer.offset;
      const data = gathererOf(columns as ColumnList)(batch);
      const chunks = columns.map(([name, type], j) => writeColumnChunk(writer, name, type as ChunkType, data[j], withStatistics(type)));
      let total = 0n;
      for (const c of chunks) total += c.meta_data?.total_uncompressed_size ?? 0n;
      rowGroups.push({ columns: chunks, total_byte_size: total, num_rows: BigInt(batch.length), total_compressed_size: BigInt(writer.offset - start) });
      rows += batch.length;
      flush();
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        writeMetadata(writer, { version: 2, created_by: 'xxgk', schema, num_rows: BigInt(rows), row_groups: rowGroups, metadata_length: 0 });
        writer.appendUint32(MAGIC);
        flush();
      } finally {
        closeSync(fd);
      }
    },
  };
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
