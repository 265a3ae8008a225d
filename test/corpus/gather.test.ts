import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ColumnList, columnBuilder, recycleColumns } from '../../src/corpus/gather.ts';
import { bigDocument, heapKept } from '../helpers.ts';

type Row = Record<string, unknown>;

const COLUMNS: ColumnList = [
  ['id', 'STRING'],
  ['label', 'STRING'],
  ['value', 'DOUBLE'],
  ['line', 'INT32'],
  ['approx', 'BOOLEAN'],
];

/** The columns as a plain Map-based dictionary encoder sees them (first-seen keys, SameValueZero). */
function reference(columns: ColumnList, rows: readonly Row[]) {
  return columns.map(([name, type]) => {
    const numeric = type === 'DOUBLE' || type === 'INT32';
    const size = type === 'DOUBLE' ? 8 : type === 'INT32' ? 4 : 0;
    const keys: unknown[] = [];
    const map = new Map<unknown, number>();
    const defined = new Uint8Array(rows.length);
    const indexes: number[] = [];
    let plainBytes = 0;
    let keyBytes = 0;
    rows.forEach((row, i) => {
      let v = row[name];
      if (v === null || v === undefined) return;
      if (numeric) v = Object.is(Number(v), -0) ? 0 : Number(v);
      defined[i] = 1;
      const bytes = type === 'STRING' ? 4 + (v as string).length : size;
      plainBytes += bytes;
      let k = map.get(v);
      if (k === undefined) {
        map.set(v, (k = keys.length));
        keys.push(v);
        keyBytes += bytes;
      }
      indexes.push(k);
    });
    return { defined: [...defined], count: indexes.length, keys, indexes, plainBytes, keyBytes };
  });
}

function gathered(columns: ColumnList, batches: readonly (readonly Row[])[]) {
  const builder = columnBuilder(columns);
  for (const batch of batches) builder.add(batch);
  const rows = builder.rows;
  const taken = builder.take();
  const out = taken.map((c) => ({
    defined: [...c.defined],
    count: c.count,
    keys: c.keys,
    indexes: [...c.indexes.subarray(0, c.count)],
    plainBytes: c.plainBytes,
    keyBytes: c.keyBytes,
  }));
  recycleColumns(taken);
  return { rows, out, builder };
}

describe('columnBuilder', () => {
  it('gathers nulls, repeated and shifted text, numbers given as text, -0, NaN and large numbers', () => {
    const batch1: Row[] = [
      { id: 'a', label: '主动公开', value: 1, line: 3, approx: false },
      { id: 'a', label: '依申请', value: -0, line: '4', approx: null },
      { id: 'a', label: null, value: Number.NaN, line: 5000, approx: true },
      { id: 'a', label: '主动公开', value: '2.5', line: undefined },
    ];
    // The same labels one position later (the position guess misses), then again in order.
    const batch2: Row[] = [
      { id: 'b', label: '其他' },
      { id: 'b', label: '主动公开', value: Number.NaN, line: 3 },
      { id: 'b', label: '依申请', value: 0, line: -1 },
      { id: 'b', label: '主动公开', value: 123_456.5, line: 2 ** 40 },
    ];
    const { rows, out } = gathered(COLUMNS, [batch1, [], batch2]);
    expect(rows).toBe(8);
    expect(out).toEqual(reference(COLUMNS, [...batch1, ...batch2]));
    expect(out[2].keys).toEqual([1, 0, Number.NaN, 2.5, 123_456.5]);
    expect(Object.is(out[2].keys[1], 0)).toBe(true);
    expect(out[1].indexes).toEqual([0, 1, 0, 2, 0, 1, 0]);
  });

  it('estimates the memory its pending rows hold: a flag and an index per value, and each distinct value', () => {
    const builder = columnBuilder([['label', 'STRING'], ['count', 'DOUBLE']]);
    builder.add([{ label: 'ab', count: 1 }, { label: 'ab', count: 2 }, { label: 'cde', count: 2 }]);
    // 3 rows × 2 columns × 5 bytes; text keys 'ab' and 'cde' (4 + length each, at 2 bytes, plus
    // 40 per key); number keys 1 and 2 (8 bytes each, at 2, plus 40 per key).
    expect(builder.bytes).toBe(30 + (2 * (6 + 7) + 80) + (2 * 16 + 80));
    builder.add([{ label: 'ab', count: 1 }]);
    expect(builder.bytes).toBe(40 + 106 + 112);
    recycleColumns(builder.take());
    expect(builder.bytes).toBe(0);
  });

  it('keeps no document alive through the text it holds until its row group is taken', () => {
    const builder = columnBuilder([['label', 'STRING']]);
    // 40 documents of 256 KB: 10 MB if a dictionary key were still a view into its document.
    const kept = heapKept(() => {
      for (let i = 0; i < 40; i++) builder.add([{ label: bigDocument(i).slice(0, 40) }]);
    });
    expect(kept).toBeLessThan(2 ** 21);
    const [labels] = builder.take();
    expect(labels!.keys).toHaveLength(40);
    expect(labels!.keys[3]).toBe(bigDocument(3).slice(0, 40));
  });

  it('starts empty after take, also with arrays back from the pool', () => {
    const builder = columnBuilder(COLUMNS);
    const many = Array.from({ length: 3000 }, (_, i) => ({ id: `r${i % 7}`, label: i % 2 ? 'x' : null, value: i, line: i % 13, approx: i % 3 === 0 }));
    builder.add(many);
    recycleColumns(builder.take());
    expect(builder.rows).toBe(0);
    const few: Row[] = [{ id: 'z' }, { id: 'z', label: 'y', value: 9 }];
    builder.add(few);
    const again = builder.take();
    expect(again.map((c) => [...c.defined])).toEqual([
      [1, 1],
      [0, 1],
      [0, 1],
      [0, 0],
      [0, 0],
    ]);
    expect(again.map((c) => c.keys)).toEqual([['z'], ['y'], [9], [], []]);
  });

  it('agrees with a plain dictionary encoder on any batches', () => {
    const text = fc.option(fc.constantFrom('甲', '乙', '丙', 'x', ''), { nil: undefined });
    const number = fc.option(fc.oneof(fc.integer({ min: -3, max: 5000 }), fc.constantFrom(-0, 0.5, Number.NaN, 1e9, '7')), { nil: null });
    const row = fc.record({ id: text, label: text, value: number, line: number, approx: fc.option(fc.boolean(), { nil: null }) });
    fc.assert(
      fc.property(fc.array(fc.array(row, { maxLength: 80 }), { maxLength: 6 }), (batches) => {
        expect(gathered(COLUMNS, batches).out).toEqual(reference(COLUMNS, batches.flat()));
      }),
      { numRuns: 200 },
    );
  });
});
