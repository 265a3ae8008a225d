/**
 * Rows → dictionary-encoded columns, gathered as the rows come (each report's rows while they
 * are fresh, so they die young instead of waiting as objects for their row group).
 *
 * Each `add` runs one short loop per column over the batch. A single loop over the rows
 * compiled for a whole column list was a little faster per value once optimized, but its huge
 * code cost seconds of background compilation per worker and was compiled again after every
 * deopt. Here the generated code is one small loop per column (a literal property name is a
 * fast named load; a computed one shared by every column would be megamorphic): for text, most
 * of a dataset's values, the whole dictionary loop (`compileTextGather`, ≈ 20% less time per
 * value than copying the values out first); for numbers and booleans a "pluck" that copies
 * them out for plain code, one function per value type, each seeing one kind of object.
 */
import type { BasicType } from 'hyparquet-writer';
import { detached } from '../detach.ts';
import { withRoom } from './columns.ts';

export type ChunkType = BasicType & ('STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN');

/**
 * One column of a row group: which rows have a value, the distinct values in first-seen order,
 * and each present value's index among them.
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

export interface ColumnBuilder {
  /** Rows added since the last `take`. */
  readonly rows: number;
  /**
   * Memory the rows added since the last `take` hold, estimated: a flag and an index per value,
   * and each distinct value kept (its text at two bytes a character, its dictionary entry).
   */
  readonly bytes: number;
  add(rows: readonly Row[]): void;
  /** The columns of the rows added so far; the builder starts again empty. Once written, the columns may go back with `recycleColumns`. */
  take(): ColumnValues[];
}

/**
 * Copies one column of a batch into `values` (numbers coerced, in a Float64Array; anything
 * else as is) and marks the rows that have a value in `defined` from `at`.
 */
type Pluck = (rows: readonly Row[], values: unknown[] | Float64Array, defined: Uint8Array, at: number) => void;

/** A distinct value's own memory besides its bytes: string header, dictionary entry, key slot. */
const KEY_BYTES = 40;
/** Whole numbers below this are looked up in an array slot of their column, not hashed. */
const SMALL = 1 << 12;
const START = 1024;
const NO_SLOTS = new Int32Array(0);
const NO_FLAGS = new Uint8Array(0);
const NO_INDEXES = new Uint32Array(0);

/**
 * One column being gathered. Every column has this shape (unused fields empty), so each
 * gathering function sees one kind of object.
 */
interface Gathering {
  readonly type: ChunkType;
  /** Numbers and booleans: copies the batch's values out. */
  readonly pluck: Pluck;
  /** Text: gathers the batch's values. */
  readonly gatherText: TextGather;
  defined: Uint8Array;
  indexes: Uint32Array;
  keys: unknown[];
  map: Map<unknown, number>;
  count: number;
  plainBytes: number;
  keyBytes: number;
  /** The previous value and its key: consecutive rows often repeat one (a report's id, unit…). */
  last: unknown;
  /** Numbers: the previous one not in a slot (a field of its own, always a double; NaN at first). */
  lastNumber: number;
  lastKey: number;
  /** Numbers: the key of each small whole number, -1 if unseen (cleared as the columns are taken). */
  small: Int32Array;
  /** Text: the key last found for each slot of `textSlot`. */
  slots: Uint32Array;
  /** Text: by key, the key that followed it the last time another value came next. */
  next: Uint32Array;
}

/**
 * A builder for rows with these columns. Numeric columns coerce strings from odd sources to
 * numbers; -0 is written as 0 (the dictionary would otherwise merge it into whichever came first).
 */
export function columnBuilder(columns: ColumnList): ColumnBuilder {
  const code = codeOf(columns);
  const gathered = columns.map(([, type], j) => gathering(type, code[j]!));
  let n = 0;
  // Arrays are sized for the previous group at the group's first batch: no copying as it grows.
  let expected = START;
  return {
    get rows() {
      return n;
    },
    get bytes() {
      let bytes = n * gathered.length * 5;
      for (const column of gathered) bytes += 2 * column.keyBytes + KEY_BYTES * column.keys.length;
      return bytes;
    },
    add(rows) {
      const count = rows.length;
      if (!count) return;
      for (const column of gathered) {
        if (n + count > column.defined.length) grow(column, n, n + count, expected);
        if (column.type === 'STRING') column.gatherText(column, rows, n);
        else if (column.type === 'BOOLEAN') gatherOther(column, rows, n);
        else gatherNumbers(column, rows, n, column.type === 'DOUBLE' ? 8 : 4);
      }
      n += count;
    },
    take() {
      const out = gathered.map((column) => taken(column, n));
      expected = Math.max(START, n);
      n = 0;
      return out;
    },
  };
}

function gathering(type: ChunkType, code: ColumnCode): Gathering {
  const numeric = type === 'DOUBLE' || type === 'INT32';
  const column: Gathering = {
    type,
    pluck: code.pluck,
    gatherText: code.gatherText,
    defined: new Uint8Array(0),
    indexes: new Uint32Array(0),
    keys: newKeys(numeric),
    map: new Map(),
    count: 0,
    plainBytes: 0,
    keyBytes: 0,
    last: undefined,
    lastNumber: Number.NaN,
    lastKey: 0,
    small: numeric ? new Int32Array(SMALL).fill(-1) : NO_SLOTS,
    slots: new Uint32Array(type === 'STRING' ? TEXT_SLOTS : 0),
    next: new Uint32Array(type === 'STRING' ? 64 : 0),
  };
  // Emptied once now as after every row group: the engine sees these fields change from the
  // start, rather than after the first group, when it would drop the code that assumed they don't.
  empty(column);
  return column;
}

/** A column's generated code: a text column's gathering loop, or another column's pluck. */
interface ColumnCode {
  pluck: Pluck;
  gatherText: TextGather;
}

type TextGather = (column: Gathering, rows: readonly Row[], at: number) => void;

const noPluck: Pluck = () => {};
const noTextGather: TextGather = () => {};

/**
 * The code of a column list, compiled once: every builder of a table (one per year and part)
 * shares its code and type feedback.
 */
const compiled = new WeakMap<ColumnList, ColumnCode[]>();

function codeOf(columns: ColumnList): ColumnCode[] {
  let list = compiled.get(columns);
  if (!list) {
    // The column list is part of each source: identical sources would share compiled code and
    // type feedback, and `report_id` of seven tables would see seven kinds of rows.
    const tag = columns.map(([name]) => name).join();
    list = columns.map(([name, type]) =>
      type === 'STRING'
        ? { pluck: noPluck, gatherText: compileTextGather(name, tag) }
        : { pluck: compilePluck(name, type === 'DOUBLE' || type === 'INT32', tag), gatherText: noTextGather },
    );
    compiled.set(columns, list);
  }
  return list;
}

function compilePluck(name: string, numeric: boolean, tag: string): Pluck {
  const load = `const v = rows[j][${JSON.stringify(name)}];`;
  const store = numeric
    ? `if (v !== null && v !== undefined) { defined[at + j] = 1; values[j] = typeof v === 'number' ? v : Number(v); }`
    : `values[j] = v; if (v !== null && v !== undefined) defined[at + j] = 1;`;
  const body = `for (let j = 0; j < rows.length; j++) { ${load} ${store} }`;
  return new Function(`// ${tag}\nreturn function pluck(rows, values, defined, at) { ${body} };`)() as Pluck;
}

/**
 * A text column's gathering loop. Before hashing a string (fresh ones are hashed in full), two
 * guesses are checked against the dictionary: reports of one template list their rows in the
 * same order, so the key that followed the previous row's key last time; and values that recur
 * out of order (figures as text: "0", "12条") are found by a slot from their length and end
 * characters (`textSlot`). Generated for the column's name (see the top of this file); the
 * helpers it calls come in as arguments.
 */
function compileTextGather(name: string, tag: string): TextGather {
  const body = `
    const { defined, indexes, keys, slots } = column;
    let next = column.next;
    let count = column.count;
    let plain = column.plainBytes;
    let last = column.last;
    let lastKey = column.lastKey;
    for (let j = 0; j < rows.length; j++) {
      const v = rows[j][${JSON.stringify(name)}];
      if (v === null || v === undefined) continue;
      defined[at + j] = 1;
      let k;
      if (v === last) k = lastKey;
      else {
        k = next[lastKey];
        if (k >= keys.length || keys[k] !== v) {
          const slot = textSlot(v);
          k = slots[slot];
          if (k >= keys.length || keys[k] !== v) {
            k = slots[slot] = keyOf(column, v, 4 + v.length);
            column.next = next = withRoom(next, k);
          }
        }
        next[lastKey] = k;
        last = v;
        lastKey = k;
      }
      indexes[count++] = k;
      plain += 4 + v.length;
    }
    column.count = count;
    column.plainBytes = plain;
    column.last = last;
    column.lastKey = lastKey;`;
  const make = new Function('textSlot', 'keyOf', 'withRoom', `// ${tag}\nreturn function gatherText(column, rows, at) {${body}};`);
  return make(textSlot, keyOf, withRoom) as TextGather;
}

/** Room for `rows` rows, keeping the first `kept`: at least `expected`, else doubling. */
function grow(column: Gathering, kept: number, rows: number, expected: number): void {
  let cap = START;
  while (cap < Math.max(rows, expected, column.defined.length)) cap *= 2;
  const defined = flagsArray(cap);
  const indexes = indexArray(cap);
  if (kept) {
    defined.set(column.defined.subarray(0, kept));
    indexes.set(column.indexes.subarray(0, column.count));
  }
  release(column.defined, column.indexes);
  column.defined = defined;
  column.indexes = indexes;
}

/**
 * Row arrays (definition flags and keys by row) come from a pool shared by the worker's
 * builders and go back to it once their row group is written (`recycleColumns`). Big typed
 * arrays live outside the JS heap and are zeroed by the system page by page; a builder per
 * table and year would otherwise get them afresh for every row group. The pool only keeps
 * arrays that were in use before, so memory still follows the rows pending at once.
 */
const freeFlags = new Map<number, Uint8Array[]>();
const freeIndexes = new Map<number, Uint32Array[]>();
/** Arrays kept per size, and the largest kept (a worker's row groups are smaller): others are left to the garbage collector. */
const POOL_DEPTH = 16;
const POOL_MAX = 1 << 17;

function flagsArray(cap: number): Uint8Array {
  return freeFlags.get(cap)?.pop() ?? new Uint8Array(cap);
}

function indexArray(cap: number): Uint32Array {
  return freeIndexes.get(cap)?.pop() ?? new Uint32Array(cap);
}

/** Back to the pool: whole arrays (not views), flags cleared for their next rows. */
function release(defined: Uint8Array, indexes: Uint32Array): void {
  const cap = indexes.length;
  if (cap < START || cap > POOL_MAX || defined.buffer.byteLength !== cap) return;
  const flags = freeFlags.get(cap) ?? freeFlags.set(cap, []).get(cap)!;
  const keys = freeIndexes.get(cap) ?? freeIndexes.set(cap, []).get(cap)!;
  if (flags.length >= POOL_DEPTH) return;
  const whole = new Uint8Array(defined.buffer, 0, cap);
  whole.fill(0, 0, defined.length);
  flags.push(whole);
  keys.push(indexes);
}

/**
 * Hand the arrays of columns taken from a builder back to the pool, once they are written.
 * The columns must not be used afterwards.
 */
export function recycleColumns(columns: readonly ColumnValues[]): void {
  for (const column of columns) release(column.defined, column.indexes);
}

/**
 * The column's values so far. The column starts again empty and holds no arrays until its next
 * rows come: a worker has a builder per table and year, so memory follows the rows pending, not
 * the number of years.
 */
function taken(column: Gathering, n: number): ColumnValues {
  const out: ColumnValues = {
    defined: column.defined.subarray(0, n),
    count: column.count,
    keys: column.keys,
    indexes: column.indexes,
    plainBytes: column.plainBytes,
    keyBytes: column.keyBytes,
  };
  if (column.small !== NO_SLOTS) {
    for (const key of column.keys as number[]) if (key >= 0 && key < SMALL && (key | 0) === key) column.small[key] = -1;
  }
  empty(column);
  return out;
}

/** No rows, no keys (the arrays come with the next rows). */
function empty(column: Gathering): void {
  column.defined = NO_FLAGS;
  column.indexes = NO_INDEXES;
  column.keys = newKeys(column.small !== NO_SLOTS);
  column.map = new Map();
  column.count = column.plainBytes = column.keyBytes = column.lastKey = 0;
  column.last = undefined;
  column.lastNumber = Number.NaN;
}

/**
 * An empty dictionary. Numbers and other values come from two array literals: each literal
 * learns the element kind its arrays end up with, so later ones start with it rather than
 * changing kind (and deoptimizing the code that fills them) in every row group.
 */
function newKeys(numeric: boolean): unknown[] {
  return numeric ? numberKeys() : valueKeys();
}
const numberKeys = (): number[] => [];
const valueKeys = (): unknown[] => [];

/** The key of a value the quick checks missed: looked up, or added to the dictionary. */
function keyOf(column: Gathering, v: unknown, size: number): number {
  let k = column.map.get(v);
  if (k === undefined) {
    k = column.keys.length;
    // A text kept as a key lives until the row group is written: a copy, not a view into its document.
    const key = typeof v === 'string' ? detached(v) : v;
    column.keys.push(key);
    column.map.set(key, k);
    column.keyBytes += size;
  }
  return k;
}

const TEXT_SLOTS = 1024;

/** A cheap slot for a string: its length and first and last characters (the empty string gets 0). */
const textSlot = (v: string): number =>
  v.length ? ((v.length * 31 + v.charCodeAt(0)) * 31 + v.charCodeAt(v.length - 1)) & (TEXT_SLOTS - 1) : 0;

/** A batch's numbers (reused: one batch at a time). */
let numbers = new Float64Array(256);

/** Numbers. Most figures and line numbers are small whole numbers: an array slot, not a hash. */
function gatherNumbers(column: Gathering, rows: readonly Row[], at: number, size: number): void {
  const { defined, indexes, keys, small } = column;
  const total = rows.length;
  if (total > numbers.length) numbers = new Float64Array(2 * total);
  const values = numbers;
  let count = column.count;
  let last = column.lastNumber;
  let lastKey = column.lastKey;
  column.pluck(rows, values, defined, at);
  for (let j = 0; j < total; j++) {
    if (!defined[at + j]) continue;
    let v = values[j];
    if (v === 0) v = 0;
    const slot = v | 0;
    let k: number;
    if (slot === v && slot >= 0 && slot < SMALL) {
      k = small[slot];
      if (k < 0) {
        k = small[slot] = keys.length;
        keys.push(v);
        column.keyBytes += size;
      }
    } else if (v === last) k = lastKey;
    else {
      k = keyOf(column, v, size);
      last = v;
      lastKey = k;
    }
    indexes[count++] = k;
  }
  column.plainBytes += (count - column.count) * size;
  column.count = count;
  column.lastNumber = last;
  column.lastKey = lastKey;
}

/** A batch's boolean values (reused: one batch at a time). */
let others: unknown[] = [];

/** Booleans: the previous row's key, else the dictionary. */
function gatherOther(column: Gathering, rows: readonly Row[], at: number): void {
  const { defined, indexes } = column;
  let count = column.count;
  let last = column.last;
  let lastKey = column.lastKey;
  column.pluck(rows, others, defined, at);
  const values = others;
  for (let j = 0; j < rows.length; j++) {
    if (!defined[at + j]) continue;
    const v = values[j];
    let k: number;
    if (v === last) k = lastKey;
    else {
      k = keyOf(column, v, 0);
      last = v;
      lastKey = k;
    }
    indexes[count++] = k;
  }
  column.count = count;
  column.last = last;
  column.lastKey = lastKey;
}
