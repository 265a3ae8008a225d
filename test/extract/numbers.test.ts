import { describe, expect, it } from 'vitest';
import {
  APPROX_ENDINGS,
  APPROX_PREFIXES,
  FIGURE_UNITS,
  MAGNITUDE_FACTORS,
  MAGNITUDES,
  MONEY_UNIT,
  MORE_THAN,
  TOTAL_PREFIXES,
} from '../../src/catalogue/numerals.ts';
import { agreesWithin, FIGURE_DIGITS, parseNumber } from '../../src/extract/numbers.ts';

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
  it('reads a figure in every unit of the catalogue, with the unit kept', () => {
    for (const unit of FIGURE_UNITS) {
      expect(parseNumber(`12${unit}`), unit).toEqual({ value: 12, unit, approx: false, precision: 1 });
      expect(parseNumber(`1,200 ${unit}`), unit).toMatchObject({ value: 1200, unit, approx: false });
    }
  });
  it('scales by every magnitude word as its factor says; before 元 it makes a unit of its own', () => {
    for (const mag of MAGNITUDES) {
      const factor = MAGNITUDE_FACTORS[mag]!;
      expect(parseNumber(`3${mag}`), mag).toEqual({ value: 3 * factor, unit: null, approx: false, precision: factor });
      expect(parseNumber(`3.5${mag}条`), mag).toEqual({ value: 3.5 * factor, unit: '条', approx: false, precision: factor / 10 });
      expect(parseNumber(`16671${mag}${MONEY_UNIT}`), mag).toEqual({ value: 16671, unit: `${mag}${MONEY_UNIT}`, approx: false, precision: 1 });
    }
  });
  it('makes a figure approximate after every approximate prefix, more-than word and ending; a total prefix keeps it exact', () => {
    for (const prefix of APPROX_PREFIXES) expect(parseNumber(`${prefix}300条`), prefix).toMatchObject({ value: 300, unit: '条', approx: true });
    for (const prefix of TOTAL_PREFIXES) expect(parseNumber(`${prefix}300条`), prefix).toMatchObject({ value: 300, unit: '条', approx: false });
    for (const more of MORE_THAN) {
      expect(parseNumber(`1000${more}条`), more).toEqual({ value: 1000, unit: '条', approx: true, precision: 1000 });
      expect(parseNumber(`300条${more}`), more).toMatchObject({ value: 300, unit: '条', approx: true });
    }
    for (const ending of APPROX_ENDINGS) expect(parseNumber(`1000条${ending}`), ending).toMatchObject({ value: 1000, unit: '条', approx: true });
  });
  it('reads the digits FIGURE_DIGITS spells, whole, and nothing else', () => {
    const digits = new RegExp(`^${FIGURE_DIGITS}$`);
    for (const text of ['37353', '2,330', '85.4', '1,234.5', '0']) {
      expect(digits.test(text), text).toBe(true);
      expect(parseNumber(text)?.value, text).toBe(Number(text.replace(/,/g, '')));
    }
    for (const text of ['12,34', '1.', '.5', '1,2345', '1e3']) {
      expect(digits.test(text), text).toBe(false);
      expect(parseNumber(text), text).toBeUndefined();
    }
    expect(new RegExp(`${FIGURE_DIGITS}|`).exec('')!.length).toBe(1); // no group of its own
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
