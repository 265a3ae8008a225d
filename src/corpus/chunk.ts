/**
 * One Parquet column chunk of a flat, nullable dataset column, written straight from its
 * gathered values (./gather.ts): a dictionary page when the dictionary pays for itself, then
 * one data page (V2), snappy-compressed. hyparquet-writer's general path (nested levels,
 * per-value size estimates, page splitting, sampling) spent most of the Parquet time on work a
 * flat column never needs (its page header and footer encoders are still used). The
 * RLE/bit-packed hybrid and snappy encoders (./encodings.ts) write into reused byte arrays, as
 * its byte-at-a-time ByteWriter calls were a third of the remaining time.
 */
import type { ColumnChunk, ParquetType } from 'hyparquet';
import type { ChunkStatistics } from 'hyparquet-writer/src/types.js';
import type { ByteWriter } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import type { ChunkType, ColumnValues } from './gather.ts';
import { hybridBound, room, snappy, writeHybrid, writeRun } from './encodings.ts';

/** The encodings a data page here may have. */
type PageEncoding = 'PLAIN' | 'RLE' | 'RLE_DICTIONARY';

type Writer = InstanceType<typeof ByteWriter>;

const PHYSICAL: Record<ChunkType, ParquetType> = {
  STRING: 'BYTE_ARRAY',
  DOUBLE: 'DOUBLE',
  INT32: 'INT32',
  BOOLEAN: 'BOOLEAN',
};

/**
 * Write one gathered column as the chunk of column `name` and return its metadata for the row
 * group. `statistics` adds min/max/null counts (numbers and booleans only).
 */
export function writeColumnChunk(writer: Writer, name: string, type: ChunkType, column: ColumnValues, statistics: boolean): ColumnChunk {
  const start = writer.offset;
  const n = column.defined.length;
  const { count, keys, indexes } = column;
  let uncompressed = 0;
  let dictionaryOffset: bigint | undefined;
  let data: Uint8Array;
  let encoding: PageEncoding;

  // The dictionary plus its bit-packed indexes must at most halve the plain bytes (hyparquet-writer's rule).
  const bitWidth = Math.ceil(Math.log2(keys.length));
  const dictionary = type !== 'BOOLEAN' && count > 0 && 2 * (column.keyBytes + Math.ceil((count * bitWidth) / 8)) <= column.plainBytes;
  if (dictionary) {
    dictionaryOffset = BigInt(writer.offset);
    uncompressed += writeDictionaryPage(writer, plainBytes(keys, keys.length, null, type), keys.length);
    const body = (pageScratch = room(pageScratch, 1 + hybridBound(count, bitWidth)));
    body[0] = bitWidth;
    data = body.subarray(0, writeHybrid(body, 1, indexes, count, bitWidth));
    encoding = 'RLE_DICTIONARY';
  } else if (type === 'BOOLEAN') {
    // Booleans as a length-prefixed RLE/bit-packed run, as hyparquet-writer writes them.
    const bits = new Uint8Array(count);
    for (let i = 0; i < count; i++) bits[i] = keys[indexes[i]] ? 1 : 0;
    const body = (pageScratch = room(pageScratch, 4 + hybridBound(count, 1)));
    const end = writeHybrid(body, 4, bits, count, 1);
    new DataView(body.buffer, body.byteOffset).setUint32(0, end - 4, true);
    data = body.subarray(0, end);
    encoding = 'RLE';
  } else {
    data = plainBytes(keys, count, indexes, type);
    encoding = 'PLAIN';
  }

  const dataOffset = BigInt(writer.offset);
  const levels = (levelScratch = room(levelScratch, hybridBound(n, 1)));
  // A column without nulls (most are) has one run of 1s: no need to scan its levels.
  const levelBytes = count === n ? writeRun(levels, 0, 1, n, 1) : writeHybrid(levels, 0, column.defined, n, 1);
  uncompressed += writeDataPage(writer, data, levels.subarray(0, levelBytes), n, count, encoding);

  return {
    file_offset: BigInt(start),
    meta_data: {
      type: PHYSICAL[type],
      encodings: dictionary ? ['PLAIN', encoding] : [encoding],
      path_in_schema: [name],
      codec: 'SNAPPY',
      num_values: BigInt(n),
      total_compressed_size: BigInt(writer.offset - start),
      total_uncompressed_size: BigInt(uncompressed),
      data_page_offset: dataOffset,
      dictionary_page_offset: dictionaryOffset,
      statistics: statistics ? statisticsOf(column, type) : undefined,
    },
  };
}

/**
 * Scratch buffers reused for every page (a worker writes one page at a time): page bodies,
 * definition levels and plain values are built here (compressed bytes in encodings.ts), then
 * copied once into the file's writer, instead of each growing its own ByteWriter a byte at a time.
 */
let pageScratch = new Uint8Array(1 << 16);
let levelScratch = new Uint8Array(1 << 14);
let plainScratch = Buffer.allocUnsafe(1 << 16);

/** A dictionary page of `values` keys. Returns its uncompressed size (header included). */
function writeDictionaryPage(writer: Writer, body: Uint8Array, values: number): number {
  const compressed = snappy(body);
  const start = writer.offset;
  writePageHeader(writer, {
    type: 'DICTIONARY_PAGE',
    uncompressed_page_size: body.length,
    compressed_page_size: compressed.length,
    dictionary_page_header: { num_values: values, encoding: 'PLAIN' },
  });
  const header = writer.offset - start;
  writer.appendBytes(compressed);
  return header + body.length;
}

/** A data page: header, the (uncompressed) definition levels, then the compressed values. */
function writeDataPage(writer: Writer, body: Uint8Array, levels: Uint8Array, rows: number, present: number, encoding: PageEncoding): number {
  const compressed = snappy(body);
  const size = levels.length + body.length;
  const start = writer.offset;
  writePageHeader(writer, {
    type: 'DATA_PAGE_V2',
    uncompressed_page_size: size,
    compressed_page_size: levels.length + compressed.length,
    data_page_header_v2: {
      num_values: rows,
      num_nulls: rows - present,
      num_rows: rows,
      encoding,
      definition_levels_byte_length: levels.length,
      repetition_levels_byte_length: 0,
      is_compressed: true,
    },
  });
  const header = writer.offset - start;
  writer.appendBytes(levels);
  writer.appendBytes(compressed);
  return header + size;
}

/**
 * PLAIN encoding of `count` values: `values` themselves, or `values[indexes[i]]` (a column's
 * dictionary keys by row). The bytes live in a scratch buffer until the next page.
 */
function plainBytes(values: readonly unknown[], count: number, indexes: Uint32Array | null, type: ChunkType): Uint8Array {
  if (type === 'STRING') return plainText(values as readonly string[], count, indexes);
  const width = type === 'DOUBLE' ? 8 : 4;
  const out = (plainScratch = room(plainScratch, count * width));
  if (type === 'DOUBLE') for (let i = 0; i < count; i++) out.writeDoubleLE(values[indexes ? indexes[i] : i] as number, i * 8);
  else for (let i = 0; i < count; i++) out.writeInt32LE(values[indexes ? indexes[i] : i] as number, i * 4);
  return out.subarray(0, count * width);
}

function plainText(values: readonly string[], count: number, indexes: Uint32Array | null): Uint8Array {
  let bound = 0;
  for (let i = 0; i < count; i++) bound += 4 + 3 * values[indexes ? indexes[i] : i].length;
  const out = (plainScratch = room(plainScratch, bound));
  let at = 0;
  for (let i = 0; i < count; i++) {
    const bytes = out.write(values[indexes ? indexes[i] : i], at + 4, 'utf8');
    out.writeUInt32LE(bytes, at);
    at += 4 + bytes;
  }
  return out.subarray(0, at);
}

/**
 * Min/max over the distinct values (NaN skipped but counted per occurrence, signed zeros
 * normalized per spec) and the null count.
 */
function statisticsOf({ keys, indexes, count, defined }: ColumnValues, type: ChunkType): ChunkStatistics {
  let min: number | boolean | undefined;
  let max: number | boolean | undefined;
  let nanKey = -1;
  keys.forEach((v, k) => {
    if (typeof v === 'number' && Number.isNaN(v)) {
      nanKey = k;
      return;
    }
    const x = v as number | boolean;
    if (min === undefined || x < min) min = x;
    if (max === undefined || x > max) max = x;
  });
  let nan = 0;
  if (nanKey >= 0) for (let i = 0; i < count; i++) if (indexes[i] === nanKey) nan++;
  if (min === 0) min = -0;
  if (max === 0) max = 0;
  return { min_value: min, max_value: max, null_count: BigInt(defined.length - count), nan_count: type === 'DOUBLE' ? BigInt(nan) : undefined };
}
