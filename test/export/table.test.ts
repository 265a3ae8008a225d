import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { tableFromIPC, Type } from '@uwdata/flechette';
import { csvField, exportTable, exportTables, tableFormat, toArrowBytes, toCsvText } from '../../src/export/table.ts';
import { TABLE_NAMES } from '../../src/corpus/schema.ts';

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

/** `name: Type` of each Arrow field, as read back by flechette. */
function arrowSchema(bytes: Uint8Array): Record<string, string> {
  const name = (t: any): string =>
    t.typeId === Type.Int
      ? `${t.signed ? 'Int' : 'Uint'}${t.bitWidth}`
      : t.typeId === Type.Float
        ? ['Float16', 'Float32', 'Float64'][t.precision]!
        : t.typeId === Type.Utf8
          ? 'Utf8'
          : t.typeId === Type.Bool
            ? 'Bool'
            : t.typeId === Type.Dictionary
              ? `Dictionary<${name(t.dictionary)},${name(t.indices)}>`
              : `type ${t.typeId}`;
  return Object.fromEntries(tableFromIPC(bytes).schema.fields.map((f: any) => [f.name, name(f.type)]));
}

describe('Arrow types of the standard tables', () => {
  it('are fixed per column from the dataset schema, whatever the values: exports of two corpora concatenate', async () => {
    const { loadReports } = await import('../../src/load.ts');
    const small = await loadReports(['data/raw/002_8ce2c52a2533517f.txt']); // counts up to 146
    const large = await loadReports(['data/raw/001_f6584d2c7913d8cd.txt', 'data/raw/004_b5b9a5615959bd1c.txt']); // up to 33196
    const S = 'Dictionary<Utf8,Int32>';
    expect(arrowSchema(toArrowBytes(large.channels, 'channels'))).toEqual({
      report_id: S, agency: S, year: 'Int32', channel: S, count: 'Float64', source: S, inferred: 'Bool', line: 'Int32',
    });
    expect(arrowSchema(toArrowBytes(large.outcomes, 'outcomes'))).toMatchObject({ year: 'Int32', count: 'Float64', line: 'Int32' });
    expect(arrowSchema(toArrowBytes(large.appeals, 'appeals'))).toMatchObject({ count: 'Float64', line: 'Int32' });
    expect(arrowSchema(toArrowBytes(large.facts, 'facts'))).toMatchObject({ value: 'Float64', approx: 'Bool', line: 'Int32', applicant: S });
    expect(arrowSchema(toArrowBytes(large.reports, 'reports'))).toMatchObject({ year: 'Int32', published: S, county: S });
    for (const t of TABLE_NAMES) {
      expect(arrowSchema(toArrowBytes(small[t], t)), t).toEqual(arrowSchema(toArrowBytes(large[t], t)));
      // read back (arquero): same rows; the two concatenate into one table of the same schema
      const a = aq.fromArrow(toArrowBytes(small[t], t));
      const b = aq.fromArrow(toArrowBytes(large[t], t));
      expect(a.objects(), t).toEqual(small[t].objects());
      expect(arrowSchema(toArrowBytes(a.concat(b), t)), t).toEqual(arrowSchema(toArrowBytes(large[t], t)));
    }
  });

  it('other tables: numbers Float64 and text Utf8, never the narrowest integer type of the values', () => {
    expect(arrowSchema(toArrowBytes(aq.from([{ n: 1, s: 'a', b: true }, { n: 2, s: null, b: null }])))).toEqual({
      n: 'Float64', s: 'Dictionary<Utf8,Int32>', b: 'Bool',
    });
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
