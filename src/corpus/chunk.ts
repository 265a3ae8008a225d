/**
 * One Parquet column chunk of a flat, nullable dataset column, written straight from its
 * gathered values (./gather.ts): a dictionary page when the dictionary pays for itself, then
 * one data page (V2), snappy-compressed. hyparquet-writer's general path (nested levels,
 * per-value size estimates, page splitting, sampling) spent most of the Parquet time on work a
 * flat column never needs. Its footer encoder is reused; the page headers (./pageheader.ts),
 * the RLE/bit-packed hybrid and snappy encoders write its layout straight into reused byte
 * arrays, as its object-walking Thrift writer and byte-at-a-time ByteWriter calls were a third
 * of the remaining time.
 */
import type { ColumnChunk, Encoding, ParquetType } from 'hyparquet';
import type { ChunkStatistics } from 'hyparquet-writer/src/types.js';
import type { ByteWriter } from 'hyparquet-writer';
import type { ChunkType, ColumnValues } from './gather.ts';
import { PAGE_HEADER_MAX, type PageEncoding, writeDataPageHeader, writeDictionaryPageHeader } from './pageheader.ts';

export { columnBuilder, recycleColumns, type ChunkType, type ColumnBuilder, type ColumnList, type ColumnValues } from './gather.ts';

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
      encodings: dictionary ? ['PLAIN', 'RLE_DICTIONARY'] : [encoding as Encoding],
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
 * definition levels, plain values, headers and compressed bytes are built here, then copied
 * once into the file's writer, instead of each growing its own ByteWriter a byte at a time.
 */
let pageScratch = new Uint8Array(1 << 16);
let levelScratch = new Uint8Array(1 << 14);
let plainScratch = Buffer.allocUnsafe(1 << 16);
let snappyScratch = new Uint8Array(1 << 16);
const headerScratch = new Uint8Array(PAGE_HEADER_MAX);

/** `buffer` if it holds `size` bytes, else a bigger one (contents not kept). */
function room<T extends Uint8Array>(buffer: T, size: number): T {
  if (buffer.length >= size) return buffer;
  const bigger = Math.max(size, 2 * buffer.length);
  return (Buffer.isBuffer(buffer) ? Buffer.allocUnsafe(bigger) : new Uint8Array(bigger)) as T;
}

/** A dictionary page of `values` keys. Returns its uncompressed size (header included). */
function writeDictionaryPage(writer: Writer, body: Uint8Array, values: number): number {
  const compressed = snappy(body);
  const header = writeDictionaryPageHeader(headerScratch, 0, body.length, compressed.length, values);
  writer.appendBytes(headerScratch.subarray(0, header));
  writer.appendBytes(compressed);
  return header + body.length;
}

/** A data page: header, the (uncompressed) definition levels, then the compressed values. */
function writeDataPage(writer: Writer, body: Uint8Array, levels: Uint8Array, rows: number, present: number, encoding: PageEncoding): number {
  const compressed = snappy(body);
  const size = levels.length + body.length;
  const header = writeDataPageHeader(headerScratch, 0, size, levels.length + compressed.length, rows, rows - present, encoding, levels.length);
  writer.appendBytes(headerScratch.subarray(0, header));
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

/** Bytes `writeHybrid` may need for `count` values of `bitWidth` bits (at most 24). */
export const hybridBound = (count: number, bitWidth: number) => 16 + 2 * count + Math.ceil((count * bitWidth) / 8);

/**
 * The RLE/bit-packed hybrid encoding of `values[0..count)` written into `out` from `at`;
 * returns the end. Runs of 8 or more equal values become RLE runs, the rest bit-packed groups
 * of 8 (the last one padded with zeros) — hyparquet-writer's layout, written straight into a
 * byte array rather than a byte at a time through a growing ByteWriter.
 */
export function writeHybrid(out: Uint8Array, at: number, values: ArrayLike<number>, count: number, bitWidth: number): number {
  let packedFrom = -1; // first value of the pending bit-packed groups
  let i = 0;
  while (i < count) {
    const v = values[i];
    let end = i + 1;
    while (end < count && values[end] === v) end++;
    if (end - i >= 8) {
      if (packedFrom >= 0) at = writePacked(out, at, values, count, packedFrom, i, bitWidth);
      packedFrom = -1;
      at = writeRun(out, at, v, end - i, bitWidth);
      i = end;
    } else {
      if (packedFrom < 0) packedFrom = i;
      i += 8;
    }
  }
  if (packedFrom >= 0) at = writePacked(out, at, values, count, packedFrom, i, bitWidth);
  return at;
}

/** An RLE run: `count` times `value`. */
function writeRun(out: Uint8Array, at: number, value: number, count: number, bitWidth: number): number {
  at = writeVarInt(out, at, count * 2);
  for (let b = 0; b < bitWidth; b += 8) out[at++] = (value >>> b) & 0xff;
  return at;
}

/** Bit-packed groups for values [from, to) (a multiple of 8; values past `count` are 0). */
function writePacked(out: Uint8Array, at: number, values: ArrayLike<number>, count: number, from: number, to: number, bitWidth: number): number {
  at = writeVarInt(out, at, ((to - from) >> 3) * 2 + 1);
  if (bitWidth === 1) {
    // Definition levels and booleans: a byte per 8 values.
    for (let i = from; i < to; i += 8) {
      let byte = 0;
      for (let b = 0; b < 8; b++) if (i + b < count && values[i + b]) byte |= 1 << b;
      out[at++] = byte;
    }
    return at;
  }
  const mask = (1 << bitWidth) - 1;
  const last = Math.min(to, count);
  let buffer = 0;
  let bits = 0;
  for (let i = from; i < last; i++) {
    buffer |= (values[i] & mask) << bits;
    bits += bitWidth;
    while (bits >= 8) {
      out[at++] = buffer & 0xff;
      buffer >>>= 8;
      bits -= 8;
    }
  }
  // Padding values are zeros: only whole bytes remain to be written.
  const total = ((to - from) * bitWidth) >> 3;
  const written = ((last - from) * bitWidth) >> 3;
  if (bits > 0) out[at++] = buffer & 0xff;
  const rest = total - written - (bits > 0 ? 1 : 0);
  for (let b = 0; b < rest; b++) out[at++] = 0;
  return at;
}

function writeVarInt(out: Uint8Array, at: number, value: number): number {
  while (value > 0x7f) {
    out[at++] = (value & 0x7f) | 0x80;
    value >>>= 7;
  }
  out[at++] = value;
  return at;
}

const HASH_BITS = 14;
const hashTable = new Int32Array(1 << HASH_BITS);

/**
 * Snappy compression (the reference algorithm, as snappyjs and hyparquet-writer port it),
 * written into a scratch array sized for the worst case instead of a growing ByteWriter.
 * The result is valid until the next call.
 */
export function snappy(input: Uint8Array): Uint8Array {
  const n = input.length;
  const out = (snappyScratch = room(snappyScratch, 32 + n + Math.ceil(n / 6)));
  let op = writeVarInt(out, 0, n);
  let bits = 1;
  while (1 << bits <= n && bits <= HASH_BITS) bits++;
  bits--;
  const shift = 32 - bits;
  const table = hashTable.subarray(0, 1 << bits).fill(0);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const load32 = (i: number) => view.getInt32(i, true);
  const hash = (i: number) => Math.imul(load32(i), 0x1e35a7bd) >>> shift;
  let emitted = 0;
  if (n >= 15) {
    const limit = n - 15;
    let ip = 1;
    let nextHash = hash(ip);
    search: for (;;) {
      // Look for a 4-byte match, skipping faster the longer none is found.
      let skip = 32;
      let next = ip;
      let candidate: number;
      do {
        ip = next;
        const h = nextHash;
        next = ip + (skip++ >>> 5);
        if (next > limit) break search;
        nextHash = hash(next);
        candidate = table[h];
        table[h] = ip;
      } while (ip - candidate > 0xffff || load32(ip) !== load32(candidate));
      op = emitLiteral(out, op, input, emitted, ip - emitted);
      // Emit copies as long as the next bytes match again.
      do {
        const base = ip;
        let matched = 4;
        // Four bytes at a time, then byte by byte.
        while (ip + matched + 4 <= n && load32(ip + matched) === load32(candidate + matched)) matched += 4;
        while (ip + matched < n && input[ip + matched] === input[candidate + matched]) matched++;
        ip += matched;
        op = emitCopy(out, op, base - candidate, matched);
        emitted = ip;
        if (ip >= limit) break search;
        table[hash(ip - 1)] = ip - 1;
        const h = hash(ip);
        candidate = table[h];
        table[h] = ip;
      } while (ip - candidate <= 0xffff && load32(ip) === load32(candidate));
      ip++;
      nextHash = hash(ip);
    }
  }
  if (emitted < n) op = emitLiteral(out, op, input, emitted, n - emitted);
  return out.subarray(0, op);
}

function emitLiteral(out: Uint8Array, op: number, input: Uint8Array, from: number, length: number): number {
  const v = length - 1;
  if (v < 60) out[op++] = v << 2;
  else {
    const bytes = v < 0x100 ? 1 : v < 0x10000 ? 2 : v < 0x1000000 ? 3 : 4;
    out[op++] = (59 + bytes) << 2;
    for (let b = 0; b < bytes; b++) out[op++] = (v >>> (8 * b)) & 0xff;
  }
  if (length < 16) for (let i = 0; i < length; i++) out[op + i] = input[from + i];
  else out.set(input.subarray(from, from + length), op);
  return op + length;
}

function emitCopy(out: Uint8Array, op: number, offset: number, length: number): number {
  // Copies of at most 64 bytes; a 60-byte one first if the remainder would be under 4.
  while (length >= 68) {
    op = emitShortCopy(out, op, offset, 64);
    length -= 64;
  }
  if (length > 64) {
    op = emitShortCopy(out, op, offset, 60);
    length -= 60;
  }
  return emitShortCopy(out, op, offset, length);
}

function emitShortCopy(out: Uint8Array, op: number, offset: number, length: number): number {
  if (length < 12 && offset < 2048) {
    out[op++] = 1 + ((length - 4) << 2) + ((offset >>> 8) << 5);
    out[op++] = offset & 0xff;
  } else {
    out[op++] = 2 + ((length - 1) << 2);
    out[op++] = offset & 0xff;
    out[op++] = offset >>> 8;
  }
  return op;
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
