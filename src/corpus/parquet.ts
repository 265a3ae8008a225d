/** Row objects ⇄ Parquet part files with the dataset's fixed schema. */
import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, type RowGroup } from 'hyparquet';
import { ByteWriter, schemaFromColumnData } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { writeColumnChunk } from './chunk.ts';
import { type ChunkType, type ColumnList, columnBuilder, recycleColumns } from './gather.ts';
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
 * A Parquet file written a row group at a time: rows are added (gathered into columns at once,
 * so the row objects need not be kept) and each `flush` encodes the rows added since the last
 * one as a row group and writes it to disk. A worker keeps one file per table and year however
 * many reports it reads (not thousands of small files) and holds only the next group's columns.
 */
export interface PartStream {
  readonly file: string;
  /** Rows written so far. */
  readonly rows: number;
  /** Rows added and not yet written. */
  readonly pending: number;
  /** Memory the rows added and not yet written hold (estimated, see ColumnBuilder.bytes). */
  readonly pendingBytes: number;
  add(rows: readonly Row[]): void;
  /** Write the rows added so far as one row group (nothing if there are none). */
  flush(): void;
  /** `add` then `flush`: the rows as one row group. */
  append(rows: readonly Row[]): void;
  /** Write what is pending, the footer, and close the file. */
  close(): void;
}

const MAGIC = 0x31524150; // "PAR1"

export function openPartStream(file: string, columns: readonly ColumnSpec[]): PartStream {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, 'w');
  const writer = new ByteWriter(1 << 16);
  const builder = columnBuilder(columns as ColumnList);
  // Written to disk after every row group: the buffer never holds more than one.
  const write = () => {
    if (writer.index > 0) writeSync(fd, new Uint8Array(writer.buffer, 0, writer.index));
    writer.index = 0;
  };
  const schema = schemaFromColumnData({ columnData: columns.map(([name, type]) => ({ name, data: [], type, nullable: true })) });
  const rowGroups: RowGroup[] = [];
  writer.appendUint32(MAGIC);
  let rows = 0;
  let closed = false;
  const flush = () => {
    const n = builder.rows;
    if (!n) return;
    const start = writer.offset;
    const data = builder.take();
    const chunks = columns.map(([name, type], j) => writeColumnChunk(writer, name, type as ChunkType, data[j], withStatistics(type)));
    recycleColumns(data);
    let total = 0n;
    for (const c of chunks) total += c.meta_data?.total_uncompressed_size ?? 0n;
    rowGroups.push({ columns: chunks, total_byte_size: total, num_rows: BigInt(n), total_compressed_size: BigInt(writer.offset - start) });
    rows += n;
    write();
  };
  return {
    file,
    get rows() {
      return rows;
    },
    get pending() {
      return builder.rows;
    },
    get pendingBytes() {
      return builder.bytes;
    },
    add: (batch) => builder.add(batch),
    flush,
    append(batch) {
      builder.add(batch);
      flush();
    },
    close() {
      if (closed) return;
      closed = true;
      try {
        flush();
        writeMetadata(writer, { version: 2, created_by: 'xxgk', schema, num_rows: BigInt(rows), row_groups: rowGroups, metadata_length: 0 });
        writer.appendUint32(MAGIC);
        write();
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** Read a part file back as row objects. */
export async function readParquetRows(file: string): Promise<Row[]> {
  return plain((await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Row[]);
}

// INT64/BigInt never occurs in our schema, but be safe for JSON and comparisons.
function plain(rows: Row[]): Row[] {
  for (const r of rows) for (const k in r) if (typeof r[k] === 'bigint') r[k] = Number(r[k]);
  return rows;
}

/**
 * Copy a part file into `dest` keeping the rows `keep` accepts, one row group at a time: a part
 * holds up to 500,000 rows, too many to hold as objects at once. A copy without rows is not
 * left behind. Returns the rows kept.
 */
export async function filterPart(file: string, dest: string, columns: readonly ColumnSpec[], keep: (row: Row) => boolean): Promise<number> {
  const source = await asyncBufferFromFile(file);
  const metadata = await parquetMetadataAsync(source);
  const stream = openPartStream(dest, columns);
  try {
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      stream.append(plain((await parquetReadObjects({ file: source, metadata, rowStart, rowEnd })) as Row[]).filter(keep));
      rowStart = rowEnd;
    }
  } catch (e) {
    stream.close();
    rmSync(dest, { force: true });
    throw e;
  }
  stream.close();
  if (!stream.rows) rmSync(dest, { force: true });
  return stream.rows;
}
