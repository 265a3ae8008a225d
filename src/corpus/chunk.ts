/**
 * One Parquet column chunk of a flat, nullable dataset column, written straight from its JS
 * values: a dictionary page when the dictionary pays for itself, then one data page (V2),
 * snappy-compressed. hyparquet-writer's general path (nested levels, per-value size estimates,
 * page splitting, sampling) spent most of the Parquet time on work a flat column never needs;
 * its page header, level and footer encoders are reused, so the files read the same everywhere.
 */
import type { ColumnChunk, Encoding, ParquetType } from 'hyparquet';
import type { ChunkStatistics } from 'hyparquet-writer/src/types.js';
import { ByteWriter, type BasicType } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';

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
  /** The columns of the rows added so far; the builder starts again empty. */
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
  const enter: string[] = [];
  const leave: string[] = [];
  const loads: string[] = [];
  const results: string[] = [];
  columns.forEach(([name, type], j) => {
    const numeric = type === 'DOUBLE' || type === 'INT32';
    // The builder's state (upper case) lives in its closure; `add` works on local copies
    // (lower case), which the engine keeps in registers, and stores them back at the end.
    state.push(`let D${j}, X${j}, M${j}, K${j}, C${j}, P${j}, Q${j}, L${j}, LK${j};${numeric ? ` const S${j} = new Int32Array(small).fill(-1);` : ''}`);
    resets.push(`D${j} = new Uint8Array(cap); X${j} = new Uint32Array(cap); M${j} = new Map(); K${j} = []; C${j} = P${j} = Q${j} = LK${j} = 0; L${j} = undefined;`);
    grows.push(`D${j} = grown(D${j}, new Uint8Array(cap)); X${j} = grown(X${j}, new Uint32Array(cap));`);
    enter.push(`const d${j} = D${j}, x${j} = X${j}, m${j} = M${j}, k${j} = K${j}${numeric ? `, s${j} = S${j}` : ''}; let c${j} = C${j}, p${j} = P${j}, q${j} = Q${j}, l${j} = L${j}, lk${j} = LK${j};`);
    leave.push(`C${j} = c${j}; P${j} = p${j}; Q${j} = q${j}; L${j} = l${j}; LK${j} = lk${j};`);
    // -0 is written as 0: the dictionary would otherwise merge it into whichever came first.
    const coerce = numeric ? `if (typeof v !== 'number') v = Number(v); if (v === 0) v = 0; ` : '';
    const size = type === 'STRING' ? '4 + v.length' : type === 'DOUBLE' ? '8' : type === 'INT32' ? '4' : '0';
    const add = `if (k === undefined) { k = k${j}.length; k${j}.push(v); m${j}.set(v, k); q${j} += ${size}; }`;
    // Consecutive rows often repeat a value (one report's facts share its id, unit, source…):
    // the previous value's index is reused before asking the Map.
    let lookup = `if (v === l${j}) k = lk${j}; else { k = m${j}.get(v); ${add} l${j} = v; lk${j} = k; }`;
    if (numeric) {
      // Most figures and line numbers are small whole numbers: an array slot, not a hashed
      // look-up. The slots used are cleared when the columns are taken.
      lookup = `if (v >= 0 && v < ${SMALL} && v % 1 === 0) { k = s${j}[v]; if (k < 0) { k = k${j}.length; k${j}.push(v); s${j}[v] = k; q${j} += ${size}; } }
        else { ${lookup} }`;
      results.push(`for (const key of K${j}) if (key >= 0 && key < ${SMALL} && key % 1 === 0) S${j}[key] = -1;`);
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
  const indexes = column.indexes.subarray(0, count);
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
    uncompressed += writePage(writer, plainBytes(keys, type), (size, compressed) => ({
      type: 'DICTIONARY_PAGE',
      uncompressed_page_size: size,
      compressed_page_size: compressed,
      dictionary_page_header: { num_values: keys.length, encoding: 'PLAIN' },
    }));
    encodings.push('PLAIN');
    const body = new ByteWriter(64 + count);
    body.appendUint8(bitWidth);
    writeRleBitPackedHybrid(body, indexes, bitWidth);
    data = body.getBytes();
    encoding = 'RLE_DICTIONARY';
  } else if (type === 'BOOLEAN') {
    // Booleans as a length-prefixed RLE/bit-packed run, as hyparquet-writer writes them.
    const bits = new Uint8Array(count);
    for (let i = 0; i < count; i++) bits[i] = keys[indexes[i]] ? 1 : 0;
    const body = new ByteWriter(64 + (count >> 3));
    body.appendUint32(0);
    body.view.setUint32(0, writeRleBitPackedHybrid(body, bits, 1), true);
    data = body.getBytes();
    encoding = 'RLE';
  } else {
    data = plainBytes(Array.from(indexes, (k) => keys[k]), type);
    encoding = 'PLAIN';
  }
  encodings.push(encoding);

  const dataOffset = BigInt(writer.offset);
  const levels = new ByteWriter(64 + (n >> 3));
  const levelBytes = writeRleBitPackedHybrid(levels, column.defined, 1);
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
    levels.getBytes(),
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

/** Header, then `prefix` (uncompressed levels), then the compressed body. Returns the uncompressed size. */
function writePage(writer: Writer, body: Uint8Array, header: (size: number, compressed: number) => Header, prefix?: Uint8Array): number {
  const compressed = snappyCompress(body);
  const start = writer.offset;
  writePageHeader(writer, header(body.length, compressed.length));
  const headerSize = writer.offset - start;
  if (prefix) writer.appendBytes(prefix);
  writer.appendBytes(compressed);
  return headerSize + (prefix?.length ?? 0) + body.length;
}

/** PLAIN encoding of non-null values. */
function plainBytes(values: readonly unknown[], type: ChunkType): Uint8Array {
  if (type === 'STRING') {
    let bound = 0;
    for (const v of values) bound += 4 + 3 * (v as string).length;
    const out = Buffer.allocUnsafe(bound);
    let at = 0;
    for (const v of values) {
      const bytes = out.write(v as string, at + 4, 'utf8');
      out.writeUInt32LE(bytes, at);
      at += 4 + bytes;
    }
    return out.subarray(0, at);
  }
  const width = type === 'DOUBLE' ? 8 : 4;
  const out = new DataView(new ArrayBuffer(values.length * width));
  for (let i = 0; i < values.length; i++) {
    if (type === 'DOUBLE') out.setFloat64(i * 8, values[i] as number, true);
    else out.setInt32(i * 4, values[i] as number, true);
  }
  return new Uint8Array(out.buffer);
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
