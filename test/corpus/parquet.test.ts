import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { filterPart, openPartStream, readParquetRows, writeParquetRows } from '../../src/corpus/parquet.ts';
import type { ColumnSpec } from '../../src/corpus/schema.ts';

type Row = Record<string, unknown>;

const COLUMNS: readonly ColumnSpec[] = [
  ['id', 'STRING'], ['label', 'STRING'], ['value', 'DOUBLE'], ['line', 'INT32'], ['approx', 'BOOLEAN'], ['note', 'STRING'],
];

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'xxgk-parquet-'));

async function duck(sql: string): Promise<Row[]> {
  const db = await (await DuckDBInstance.create(':memory:')).connect();
  return (await db.runAndReadAll(sql)).getRowObjectsJS() as Row[];
}

// Repeated labels and values (dictionary-encoded; small whole numbers, a fraction, a large
// number), unique lines and notes (plain), nulls, NaN, signed zero,
// a number given as text, Chinese text.
const rows: Row[] = Array.from({ length: 300 }, (_, i) => ({
  id: `r${i % 3}`,
  label: ['依申请公开', '主动公开', '行政复议'][i % 3],
  value: i % 10 === 0 ? null : i === 7 ? -0 : i === 9 ? 2.5 : i % 50 === 3 ? 123_456 : (i % 40) - 5,
  line: i % 25 === 0 ? String(i) : i,
  approx: i % 11 === 0 ? null : i % 2 === 0,
  note: `第${i}行：${'说明'.repeat(i % 7)}`,
}));
rows.push({ id: 'nan', label: null, value: Number.NaN, line: null, approx: true });

/** A row as it reads back: nulls for missing fields, numbers for numeric text, 0 for -0. */
const asRead = (r: Row): Row => ({
  id: r.id,
  label: r.label ?? null,
  value: Object.is(r.value, -0) ? 0 : (r.value ?? null),
  line: r.line === null || r.line === undefined ? null : Number(r.line),
  approx: r.approx ?? null,
  note: r.note ?? null,
});

describe('Parquet part files', () => {
  it('read back exactly, row by row, with hyparquet and DuckDB', async () => {
    const file = path.join(tmp(), 'nested', 'part.parquet');
    const stream = openPartStream(file, COLUMNS);
    stream.append(rows.slice(0, 120));
    stream.append([]);
    stream.append(rows.slice(120));
    stream.close();
    stream.close();
    expect(stream.rows).toBe(301);

    const expected = rows.map(asRead);
    expect(await readParquetRows(file)).toEqual(expected);
    expect(await duck(`select * from read_parquet('${file}')`)).toEqual(expected);
    // Signed zero is written as 0 (a dictionary cannot keep both).
    expect(Object.is((await readParquetRows(file))[7].value, 0)).toBe(true);
  });

  it('chooses dictionary or plain per column and writes min/max statistics on numbers and booleans', async () => {
    const file = path.join(tmp(), 'part.parquet');
    writeParquetRows(file, COLUMNS, rows);
    const meta = await duck(
      `select path_in_schema as col, encodings, stats_min_value as min, stats_max_value as max, stats_null_count as nulls
       from parquet_metadata('${file}') order by column_id`,
    );
    expect(meta.map((m) => [m.col, m.encodings])).toEqual([
      ['id', 'PLAIN, RLE_DICTIONARY'],
      ['label', 'PLAIN, RLE_DICTIONARY'],
      ['value', 'PLAIN, RLE_DICTIONARY'],
      ['line', 'PLAIN'],
      ['approx', 'RLE'],
      ['note', 'PLAIN'],
    ]);
    const value = meta.find((m) => m.col === 'value')!;
    expect([value.min, value.max, value.nulls]).toEqual(['-4.0', '123456.0', 30n]);
    const approx = meta.find((m) => m.col === 'approx')!;
    expect([approx.min, approx.max, approx.nulls]).toEqual(['false', 'true', 28n]);
    expect(meta.find((m) => m.col === 'note')!.min).toBeNull();
    // NaN is skipped by the statistics but still read back as NaN.
    expect(await duck(`select count(*) as n from read_parquet('${file}') where isnan(value)`)).toEqual([{ n: 1n }]);
  });

  it('gathers rows added report by report into row groups, the builder starting empty after each', async () => {
    const file = path.join(tmp(), 'added.parquet');
    const stream = openPartStream(file, COLUMNS);
    // Over 1,024 rows (the builder's first capacity) before the first flush; then the same
    // small numbers and labels again in the next group: slots and dictionaries were reset.
    const many = [...rows, ...rows, ...rows, ...rows];
    for (let k = 0; k < many.length; k += 7) stream.add(many.slice(k, k + 7));
    expect([stream.pending, stream.rows]).toEqual([1204, 0]);
    stream.flush();
    stream.flush(); // nothing pending: no empty row group
    stream.add(rows.slice(0, 2));
    stream.add([]);
    expect([stream.pending, stream.rows]).toEqual([2, 1204]);
    stream.add(rows.slice(2));
    stream.close(); // writes the pending rows first
    expect([stream.pending, stream.rows]).toEqual([0, 1505]);

    const expected = [...many, ...rows].map(asRead);
    expect(await duck(`select * from read_parquet('${file}')`)).toEqual(expected);
    expect(await duck(`select row_group_id as g, row_group_num_rows as n from parquet_metadata('${file}') where column_id = 0`)).toEqual([
      { g: 0n, n: 1204n },
      { g: 1n, n: 301n },
    ]);
  });

  it('writes a readable file with the schema and no rows', async () => {
    const file = path.join(tmp(), 'empty.parquet');
    writeParquetRows(file, COLUMNS, []);
    expect(await readParquetRows(file)).toEqual([]);
    expect(await duck(`select count(*) as n from read_parquet('${file}')`)).toEqual([{ n: 0n }]);
    const schema = await duck(`select name, type from parquet_schema('${file}') where type is not null`);
    expect(schema.map((s) => s.type)).toEqual(['BYTE_ARRAY', 'BYTE_ARRAY', 'DOUBLE', 'INT32', 'BOOLEAN', 'BYTE_ARRAY']);
  });

  it('copies a part without some rows into another file (a run’s staging), row group by row group; the part untouched, no copy without rows', async () => {
    const dir = tmp();
    const file = path.join(dir, 'part.parquet');
    const stream = openPartStream(file, COLUMNS);
    for (let k = 0; k < rows.length; k += 50) stream.append(rows.slice(k, k + 50));
    stream.close();

    const dest = path.join(dir, 'staging', 'facts', 'part.parquet');
    expect(await filterPart(file, dest, COLUMNS, (r) => r.id !== 'r1')).toBe(201);
    const kept = await readParquetRows(dest);
    expect(kept.map((r) => r.note)).toEqual(rows.filter((r) => r.id !== 'r1').map((r) => r.note ?? null));
    // The row groups stay (one per original group that kept rows), so memory holds one at a time.
    expect(await duck(`select count(*) as groups from parquet_metadata('${dest}') where column_id = 0`)).toEqual([{ groups: 7n }]);
    expect((await readParquetRows(file)).length).toBe(rows.length);

    expect(await filterPart(file, path.join(dir, 'none.parquet'), COLUMNS, () => false)).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['part.parquet', 'staging']);
  });

  it('reads back columns with one distinct value, wide dictionaries, all nulls, and values that move between groups', async () => {
    const columns: readonly ColumnSpec[] = [['same', 'STRING'], ['wide', 'STRING'], ['none', 'STRING'], ['flag', 'BOOLEAN'], ['n', 'INT32'], ['label', 'STRING']];
    const labels = ['主动公开', '依申请公开', '行政复议', '行政诉讼'];
    // Group 1: every column present; group 2: the same positions null (the builder's reused
    // arrays must not keep group 1's values), labels in another order each batch.
    const group1: Row[] = Array.from({ length: 700 }, (_, i) => ({
      same: 'x', wide: `w${i % 600}`, none: null, flag: i % 3 === 0, n: i * 1000, label: labels[i % 4],
    }));
    const group2: Row[] = Array.from({ length: 300 }, (_, i) => ({
      same: i % 2 ? 'x' : null, wide: null, none: null, flag: null, n: i % 5 ? null : 1 - i, label: labels[(i + Math.floor(i / 10)) % 4],
    }));
    const file = path.join(tmp(), 'edges.parquet');
    const stream = openPartStream(file, columns);
    for (let k = 0; k < group1.length; k += 10) stream.add(group1.slice(k, k + 10));
    stream.flush();
    for (let k = 0; k < group2.length; k += 10) stream.add(group2.slice(k, k + 10));
    stream.close();
    const expected = [...group1, ...group2].map((r) => Object.fromEntries(columns.map(([c]) => [c, r[c] ?? null])));
    expect(await readParquetRows(file)).toEqual(expected);
    expect(await duck(`select * from read_parquet('${file}')`)).toEqual(expected);
  });
});
