import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { csvField, exportTable, exportTables, tableFormat, toCsvText } from '../../src/export/table.ts';

const rows = [
  { report_id: 'r001', agency: '温州市瓯海区人民政府', label: '=HYPERLINK("http://x","点我")', value: 244, ok: true },
  { report_id: 'r002', agency: '威海市中小企业局', label: '本年增/减', value: -133, ok: false },
  { report_id: 'r003', agency: null, label: '-133', value: null, ok: null },
  { report_id: 'r004', agency: '含,逗号"引号', label: '@SUM(A1)\n换行', value: 0.5, ok: true },
];
const table = () => aq.from(rows);

async function tmp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'xxgk-table-'));
}

describe('CSV', () => {
  it('UTF-8 with BOM, Chinese kept, nulls empty, RFC 4180 quoting, CRLF', async () => {
    const path = join(await tmp(), 'facts.csv');
    await exportTable(table(), path);
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('report_id,agency,label,value,ok');
    expect(lines[1]).toBe(`r001,温州市瓯海区人民政府,"'=HYPERLINK(""http://x"",""点我"")",244,true`);
    expect(lines[2]).toBe('r002,威海市中小企业局,本年增/减,-133,false'); // a real number keeps its sign
    expect(lines[3]).toBe("r003,,'-133,,"); // text "-133" is guarded; nulls are empty
    expect(text).toContain(`r004,"含,逗号""引号","'@SUM(A1)\n换行",0.5,true\r\n`);
  });

  it('guards every formula lead character in text only', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r']) expect(csvField(`${lead}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField(-5)).toBe('-5');
    expect(csvField('正常文本')).toBe('正常文本');
    expect(csvField(Number.NaN)).toBe('');
  });

  it('accepts plain rows too', () => {
    expect(toCsvText([{ a: 1 }])).toBe('\uFEFFa\r\n1\r\n');
  });
});

describe('JSON', () => {
  it('array of row objects with nulls', async () => {
    const path = join(await tmp(), 't.json');
    await exportTable(table(), path);
    const back = JSON.parse(await readFile(path, 'utf8'));
    expect(back).toEqual(rows);
  });
});

describe('Arrow', () => {
  it('round trip through arquero fromArrow keeps values and nulls', async () => {
    const path = join(await tmp(), 't.arrow');
    await exportTable(table(), path);
    const back = aq.fromArrow(new Uint8Array(await readFile(path)));
    expect(back.objects()).toEqual(rows);
  });
});

describe('Parquet', () => {
  it('round trip with hyparquet: same rows, nulls preserved, proper types', async () => {
    const path = join(await tmp(), 't.parquet');
    await exportTable(table(), path);
    const buf = await readFile(path);
    const file = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
    const back = await parquetReadObjects({ file });
    expect(back).toEqual(rows);
    const schema = parquetSchema(parquetMetadata(file));
    const types = Object.fromEntries(schema.children.map((c) => [c.element.name, [c.element.type, c.element.converted_type]]));
    expect(types.agency).toEqual(['BYTE_ARRAY', 'UTF8']);
    expect(types.value[0]).toBe('DOUBLE');
    expect(types.ok[0]).toBe('BOOLEAN');
    expect(schema.children.every((c) => c.element.repetition_type === 'OPTIONAL')).toBe(true);
  });
});

describe('Parquet types of the standard tables', () => {
  it('are the dataset’s whatever the values: year and line INT32, count DOUBLE, inferred BOOLEAN', async () => {
    const { loadReports } = await import('../../src/load.ts');
    const r = await loadReports(['data/raw']);
    const typesOf = (bytes: Uint8Array) => {
      const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
      return Object.fromEntries(parquetSchema(parquetMetadata(file)).children.map((c) => [c.element.name, c.element.type]));
    };
    const { toParquetBytes } = await import('../../src/export/table.ts');
    expect(typesOf(toParquetBytes(r.channels, 'channels'))).toEqual({
      report_id: 'BYTE_ARRAY', agency: 'BYTE_ARRAY', year: 'INT32', channel: 'BYTE_ARRAY', count: 'DOUBLE',
      source: 'BYTE_ARRAY', inferred: 'BOOLEAN', line: 'INT32',
    });
    expect(typesOf(toParquetBytes(r.facts, 'facts'))).toMatchObject({ value: 'DOUBLE', line: 'INT32', approx: 'BOOLEAN' });
    // Any other table: types from its values.
    expect(typesOf(toParquetBytes(r.channels))).toMatchObject({ year: 'DOUBLE', line: 'DOUBLE' });
  });
});

describe('formats and batches', () => {
  it('format by extension or option; unknown is a bad_argument', () => {
    expect(tableFormat('x.CSV')).toBe('csv');
    expect(tableFormat('x.data', 'parquet')).toBe('parquet');
    expect(() => tableFormat('x.xlsx')).toThrow(/cannot tell the table format/);
  });

  it('exportTables writes <dir>/<name>.<ext>', async () => {
    const dir = join(await tmp(), 'out', 'tables');
    const paths = await exportTables({ reports: table(), facts: rows }, dir, 'parquet');
    expect(paths).toEqual([join(dir, 'reports.parquet'), join(dir, 'facts.parquet')]);
    const buf = await readFile(paths[1]);
    expect(buf.subarray(0, 4).toString()).toBe('PAR1');
  });
});
