import { describe, expect, it } from 'vitest';
import { agreesWithin, parseNumber } from '../../src/extract/numbers.ts';

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
