import { describe, expect, it } from 'vitest';
import { agreesWithin, NUMBER_RE, parseNumber } from '../../src/extract/numbers.ts';

describe('number forms', () => {
  it.each([
    ['37353', 37353, null, false],
    ['3.7万多', 37000, null, true],
    ['3.7万多条', 37000, '条', true],
    ['1000多条', 1000, '条', true],
    ['85.4', 85.4, null, false],
    ['16671万元', 16671, '万元', false],
    ['129宗', 129, '宗', false],
    ['+41', 41, null, false],
    ['-133', -133, null, false],
    ['约300条', 300, '条', true],
    ['2,330', 2330, null, false],
    ['3.3万条', 33000, '条', false],
  ])('%s', (text, value, unit, approx) => {
    expect(parseNumber(text)).toMatchObject({ value, unit, approx });
  });
  it.each(['—', '——', '/', '无', '', '  '])('"%s" is an explicit blank (null)', (text) => {
    expect(parseNumber(text)).toEqual({ value: null, unit: null, approx: false, precision: 1 });
  });
  it.each(['见附件', '12a', '2017年', '0631-5230638'])('"%s" is not a number form', (text) => {
    expect(parseNumber(text)).toBeUndefined();
  });
  it('compares approximate figures within their precision', () => {
    expect(agreesWithin(parseNumber('3.7万多') as { value: number; approx: boolean; precision: number }, 37353)).toBe(true);
    expect(agreesWithin(parseNumber('3.7万多') as { value: number; approx: boolean; precision: number }, 38353)).toBe(false);
    expect(agreesWithin(parseNumber('3.3万') as { value: number; approx: boolean; precision: number }, 33196)).toBe(true);
    expect(agreesWithin(parseNumber('1000多') as { value: number; approx: boolean; precision: number }, 6194)).toBe(false);
    expect(agreesWithin(parseNumber('259') as { value: number; approx: boolean; precision: number }, 146)).toBe(false);
  });
});

describe('the number grammar built from the catalogue (../catalogue/numerals.ts)', () => {
  it('is the regex it was when its words were written in code', () => {
    expect(NUMBER_RE.source).toBe(
      '^(约|近|超过|超|逾|共|达)?\\s*([+-])?\\s*(\\d+(?:,\\d{3})*(?:\\.\\d+)?)\\s*(万|亿)?\\s*(多|余)?\\s*' +
        '((?:万元|亿元|元|人次|条|件|次|篇|人|个|期|份|宗|项|起|场|家|批次|户|册|页|套|台))?\\s*(多|余|左右|以上)?$',
    );
    expect(NUMBER_RE.flags).toBe('');
  });
  it.each([
    ['超过300条', 300, '条', true],
    ['超300条', 300, '条', true],
    ['逾5万', 50000, null, true],
    ['近2亿', 2e8, null, true],
    ['共12件', 12, '件', false],
    ['达3.5亿元', 3.5, '亿元', false],
    ['1000条左右', 1000, '条', true],
    ['20人次以上', 20, '人次', true],
    ['5万余', 50000, null, true],
  ])('%s', (text, value, unit, approx) => {
    expect(parseNumber(text)).toMatchObject({ value, unit, approx });
  });
});
