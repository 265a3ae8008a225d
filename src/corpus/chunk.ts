/**
 * One Parquet column chunk of a flat, nullable dataset column, written straight from its JS
 * values: a dictionary page when the dictionary pays for itself, then one data page (V2),
 * snappy-compressed. hyparquet-writer's general path (nested levels, per-value size estimates,
 * page splitting, sampling) spent most of the Parquet time on work a flat column never needs.
 * Its page header and footer encoders are reused; the RLE/bit-packed hybrid and snappy encoders
 * are its algorithms (same layout) written straight into reused byte arrays, as those byte-at-a-
 * time ByteWriter calls were a third of the remaining time.
 */
import type { ColumnChunk, Encoding, ParquetType } from 'hyparquet';
import type { ChunkStatistics } from 'hyparquet-writer/src/types.js';
import type { ByteWriter, BasicType } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';

type Writer = InstanceType<typeof ByteWriter>;

const PHYSICAL: Record<BasicType & ('STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN'), ParquetType> = {
  STRING: 'BYTE_ARRAY',
  DOUBLE: 'DOUBLE',
  INT32: 'INT32',
  BOOLEAN: 'BOOLEAN',
};

export type ChunkType = keyof typeof PHYSICAL;

/**
 * One column of a row group, gathered in a single pass over the rows: which rows have a value,
 * the distinct values in first-seen order, and each present value's index among them.
 */
export interface ColumnValues {
  defined: Uint8Array;
  /** Present (non-null) values. */
  count: number;
  keys: unknown[];
  /** `indexes[0..count)`: each present value's key (the array may be longer). */
  indexes: Uint32Array;
  /** Plain-encoded bytes of all present values and of the distinct ones (UTF-16 length for text, as hyparquet-writer estimates). */
  plainBytes: number;
  keyBytes: number;
}

export type ColumnList = ReadonlyArray<readonly [name: string, type: ChunkType]>;
type Row = Readonly<Record<string, unknown>>;

/**
 * Gathers rows into columns as they come: each report's rows are added while they are fresh
 * (and then die young), not held as objects until their row group is written.
 */
export interface ColumnBuilder {
  /** Rows added since the last `take`. */
  readonly rows: number;
  add(rows: readonly Row[]): void;
  /** The columns of the rows added so far; the builder starts again empty (with new arrays). */
  take(): ColumnValues[];
}

type BuilderFactory = () => ColumnBuilder;
const factories = new WeakMap<ColumnList, BuilderFactory>();

/** Whole numbers below this are looked up in an array slot of the builder, not hashed. */
const SMALL = 1 << 12;

/**
 * A builder for rows with these columns. Its code is compiled once per column list (as arquero
 * compiles its expressions): literal property names are fast named loads, and one pass builds
 * every column's dictionary without intermediate arrays. Numeric columns coerce strings from
 * odd sources to numbers.
 */
export function columnBuilder(columns: ColumnList): ColumnBuilder {
  let factory = factories.get(columns);
  if (!factory) factories.set(columns, (factory = compileBuilder(columns)));
  return factory();
}

function compileBuilder(columns: ColumnList): BuilderFactory {
  const state: string[] = [];
  const resets: string[] = [];
  const grows: string[] = [];
  const guesses: string[] = [];
  const enter: string[] = [];
  const leave: string[] = [];
  const loads: string[] = [];
  const results: string[] = [];
  columns.forEach(([name, type], j) => {
    const numeric = type === 'DOUBLE' || type === 'INT32';
    const text = type === 'STRING';
    // The builder's state (upper case) lives in its closure; `add` works on local copies
    // (lower case), which the engine keeps in registers, and stores them back at the end.
    // Its arrays start small again after each row group: a worker has a builder per table and
    // year, and each holds only its pending rows, so memory is bounded by the rows pending over
    // all years (rowGroupRows), not by the years times the largest group each ever had.
    state.push(`let D${j}, X${j}, M${j}, K${j}, C${j}, P${j}, Q${j}, L${j}, LK${j};${numeric ? ` const S${j} = new Int32Array(small).fill(-1);` : ''}${text ? ` let G${j} = new Uint32Array(64);` : ''}`);
    resets.push(`D${j} = new Uint8Array(cap); X${j} = new Uint32Array(cap); M${j} = new Map(); K${j} = []; C${j} = P${j} = Q${j} = LK${j} = 0; L${j} = undefined;`);
    grows.push(`D${j} = grown(D${j}, new Uint8Array(cap)); X${j} = grown(X${j}, new Uint32Array(cap));`);
    if (text) guesses.push(`if (count > G${j}.length) G${j} = new Uint32Array(2 * count);`);
    enter.push(`const d${j} = D${j}, x${j} = X${j}, m${j} = M${j}, k${j} = K${j}${numeric ? `, s${j} = S${j}` : ''}${text ? `, g${j} = G${j}` : ''}; let c${j} = C${j}, p${j} = P${j}, q${j} = Q${j}, l${j} = L${j}, lk${j} = LK${j};`);
    leave.push(`C${j} = c${j}; P${j} = p${j}; Q${j} = q${j}; L${j} = l${j}; LK${j} = lk${j};`);
    // -0 is written as 0: the dictionary would otherwise merge it into whichever came first.
    const coerce = numeric ? `if (typeof v !== 'number') v = Number(v); if (v === 0) v = 0; ` : '';
    const size = type === 'STRING' ? '4 + v.length' : type === 'DOUBLE' ? '8' : type === 'INT32' ? '4' : '0';
    const add = `if (k === undefined) { k = k${j}.length; k${j}.push(v); m${j}.set(v, k); q${j} += ${size}; }`;
    // Consecutive rows often repeat a value (one report's facts share its id, unit, source…):
    // the previous value's index is reused before asking the Map.
    let lookup = `if (v === l${j}) k = lk${j}; else { k = m${j}.get(v); ${add} l${j} = v; lk${j} = k; }`;
    if (text) {
      // Reports of one template list their rows in the same order (metric, label at the same
      // position): the key found at this position in the previous batch is tried next, which
      // spares hashing a fresh string. The guess checks itself against the dictionary.
      lookup = `if (v === l${j}) k = lk${j};
        else { k = g${j}[j]; if (k${j}[k] !== v) { k = m${j}.get(v); ${add} } l${j} = v; lk${j} = k; }
        g${j}[j] = k;`;
    }
    if (numeric) {
      // Most figures and line numbers are small whole numbers: an array slot, not a hashed
      // look-up. The slots used are cleared when the columns are taken.
      lookup = `if (v >= 0 && v < ${SMALL} && (v | 0) === v) { k = s${j}[v]; if (k < 0) { k = k${j}.length; k${j}.push(v); s${j}[v] = k; q${j} += ${size}; } }
        else { ${lookup} }`;
      results.push(`for (const key of K${j}) if (key >= 0 && key < ${SMALL} && (key | 0) === key) S${j}[key] = -1;`);
    }
    loads.push(`v = r[${JSON.stringify(name)}]; if (v !== null && v !== undefined) { ${coerce}d${j}[i] = 1;
      ${lookup}
      x${j}[c${j}++] = k; p${j} += ${size}; }`);
  });
  const taken = columns.map((_, j) => `{ defined: D${j}.subarray(0, n), count: C${j}, keys: K${j}, indexes: X${j}, plainBytes: P${j}, keyBytes: Q${j} }`);
  const body = `return function create() {
    const small = ${SMALL};
    const grown = (from, to) => { to.set(from); return to; };
    let n = 0, cap = 1024;
    ${state.join('\n')}
    const reset = () => { n = 0; cap = 1024; ${resets.join('\n')} };
    reset();
    return {
      get rows() { return n; },
      add(rows) {
        const count = rows.length;
        if (n + count > cap) { while (n + count > cap) cap *= 2; ${grows.join('\n')} }
        ${guesses.join('\n')}
        ${enter.join('\n')}
        for (let j = 0, i = n; j < count; j++, i++) { const r = rows[j]; let v, k; ${loads.join('\n')} }
        n += count;
        ${leave.join('\n')}
      },
      take() {
        ${results.join('\n')}
        const out = [${taken.join(', ')}];
        reset();
        return out;
      },
    };
  };`;
  return new Function(body)() as BuilderFactory;
}

/**
 * Write one gathered column as the chunk of column `name` and return its metadata for the row
 * group. `statistics` adds min/max/null counts (numbers and booleans only).
 */
export function writeColumnChunk(writer: Writer, name: string, type: ChunkType, column: ColumnValues, statistics: boolean): ColumnChunk {
  const start = writer.offset;
  const n = column.defined.length;
  const { count, keys } = column;
  const indexes = column.indexes;
  const encodings: Encoding[] = [];
  let uncompressed = 0;
  let dictionaryOffset: bigint | undefined;
  let data: Uint8Array;
  let encoding: Encoding;

  // The dictionary plus its bit-packed indexes must at most halve the plain bytes (hyparquet-writer's rule).
  const bitWidth = Math.ceil(Math.log2(keys.length));
  const dictionary = type !== 'BOOLEAN' && count > 0 && 2 * (column.keyBytes + Math.ceil((count * bitWidth) / 8)) <= column.plainBytes;
  if (dictionary) {
    dictionaryOffset = BigInt(writer.offset);
    uncompressed += writePage(writer, plainBytes(keys, keys.length, null, type), (size, compressed) => ({
      type: 'DICTIONARY_PAGE',
      uncompressed_page_size: size,
      compressed_page_size: compressed,
      dictionary_page_header: { num_values: keys.length, encoding: 'PLAIN' },
    }));
    encodings.push('PLAIN');
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
  encodings.push(encoding);

  const dataOffset = BigInt(writer.offset);
  const levels = (levelScratch = room(levelScratch, hybridBound(n, 1)));
  // A column without nulls (most are) has one run of 1s: no need to scan its levels.
  const levelBytes = count === n ? writeRun(levels, 0, 1, n, 1) : writeHybrid(levels, 0, column.defined, n, 1);
  uncompressed += writePage(
    writer,
    data,
    (size, compressed) => ({
      type: 'DATA_PAGE_V2',
      uncompressed_page_size: levelBytes + size,
      compressed_page_size: levelBytes + compressed,
      data_page_header_v2: {
        num_values: n,
        num_nulls: n - count,
        num_rows: n,
        encoding,
        definition_levels_byte_length: levelBytes,
        repetition_levels_byte_length: 0,
        is_compressed: true,
      },
    }),
    levels.subarray(0, levelBytes),
  );

  return {
    file_offset: BigInt(start),
    meta_data: {
      type: PHYSICAL[type],
      encodings,
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

type Header = Parameters<typeof writePageHeader>[1];

/**
 * Scratch buffers reused for every page (a worker writes one page at a time): page bodies,
 * definition levels, plain values and compressed bytes are built here, then copied once into
 * the file's writer, instead of each growing its own ByteWriter a byte at a time.
 */
let pageScratch = new Uint8Array(1 << 16);
let levelScratch = new Uint8Array(1 << 14);
let plainScratch = Buffer.allocUnsafe(1 << 16);
let snappyScratch = new Uint8Array(1 << 16);

/** `buffer` if it holds `size` bytes, else a bigger one (contents not kept). */
function room<T extends Uint8Array>(buffer: T, size: number): T {
  if (buffer.length >= size) return buffer;
  const bigger = Math.max(size, 2 * buffer.length);
  return (Buffer.isBuffer(buffer) ? Buffer.allocUnsafe(bigger) : new Uint8Array(bigger)) as T;
}

/** Header, then `prefix` (uncompressed levels), then the compressed body. Returns the uncompressed size. */
function writePage(writer: Writer, body: Uint8Array, header: (size: number, compressed: number) => Header, prefix?: Uint8Array): number {
  const compressed = snappy(body);
  const start = writer.offset;
  writePageHeader(writer, header(body.length, compressed.length));
  const headerSize = writer.offset - start;
  if (prefix) writer.appendBytes(prefix);
  writer.appendBytes(compressed);
  return headerSize + (prefix?.length ?? 0) + body.length;
}

/**
 * PLAIN encoding of `count` values: `values` themselves, or `values[indexes[i]]` (a column's
 * dictionary keys by row). The bytes live in a scratch buffer until the next page.
 */
function plainBytes(values: readonly unknown[], count: number, indexes: Uint32Array | null, type: ChunkType): Uint8Array {
  const value = (i: number) => values[indexes ? indexes[i] : i];
  if (type === 'STRING') {
    let bound = 0;
    for (let i = 0; i < count; i++) bound += 4 + 3 * (value(i) as string).length;
    const out = (plainScratch = room(plainScratch, bound));
    let at = 0;
    for (let i = 0; i < count; i++) {
      const bytes = out.write(value(i) as string, at + 4, 'utf8');
      out.writeUInt32LE(bytes, at);
      at += 4 + bytes;
    }
    return out.subarray(0, at);
  }
  const width = type === 'DOUBLE' ? 8 : 4;
  const out = (plainScratch = room(plainScratch, count * width));
  for (let i = 0; i < count; i++) {
    if (type === 'DOUBLE') out.writeDoubleLE(value(i) as number, i * 8);
    else out.writeInt32LE(value(i) as number, i * 4);
  }
  return out.subarray(0, count * width);
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
