import { describe, expect, it } from 'vitest';
import { cellValue, isValueCell, knownRows, type SettledRow, textValue } from '../../src/extract/cells.ts';
import { parseNumber } from '../../src/extract/numbers.ts';

const cell = (text: string) => ({ text, raw: text, line: 1 });

describe('cell values (memoised parseNumber)', () => {
  it.each(['0', '007', '123456789', '1234567890123', '3.7万多', '16671万元', '+41', '-133', '—', '', '无', '12 345', '主动公开'])(
    'reads %j as parseNumber does, also the second time',
    (text) => {
      const p = parseNumber(text);
      const want = p ? { value: p.value, unit: p.unit, approx: p.approx, parsed: true } : { value: null, unit: null, approx: false, parsed: false };
      expect({ ...textValue(text) }).toEqual(want);
      expect({ ...cellValue(cell(text)) }).toEqual(want);
      expect(isValueCell(cell(text))).toBe(p !== undefined);
    },
  );
  it('gives an absent cell a blank, parsed value', () => {
    expect(cellValue(undefined)).toEqual({ value: null, unit: null, approx: false, parsed: true });
  });
  it('reads a cell holding only a unit (the form\'s unit left in a blank cell) as blank with that unit', () => {
    expect({ ...textValue('个') }).toEqual({ value: null, unit: '个', approx: false, parsed: true });
    expect({ ...textValue('万元') }).toEqual({ value: null, unit: '万元', approx: false, parsed: true });
    expect({ ...textValue('个人') }).toEqual({ value: null, unit: null, approx: false, parsed: false });
  });
});

describe('knownRows (settled rows for the column identities)', () => {
  it('takes a row read already as it is, and reads a row of cells from its `from` for `count` cells', () => {
    const read = [1, null, 3];
    const known = knownRows(
      new Map<string, SettledRow>([
        ['a', { kind: 'values', values: read }],
        ['b', { kind: 'cells', cells: [cell('label'), cell('7'), cell(''), cell('—'), cell('9')], from: 1, count: 3 }],
      ]),
    );
    expect(known.get('a')).toBe(read);
    expect(known.get('b')).toEqual([7, null, null]);
  });
});
