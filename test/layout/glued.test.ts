import { describe, expect, it } from 'vitest';
import {
  APPROX_PREFIXES,
  BOUND_AFTER_DIGITS,
  FIGURE_UNITS,
  MAGNITUDES,
  MORE_THAN,
  TOTAL_PREFIXES,
} from '../../src/catalogue/numerals.ts';
import { UNITS } from '../../src/catalogue/units.ts';
import { gluedPieces, isGluedHeaderLine, isGluedRowLine, NOT_A_CELL_AFTER, NOT_A_CELL_BEFORE } from '../../src/layout/glued.ts';

/** Every character of the Basic Multilingual Plane but the surrogates. */
const BMP = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c));

/** The characters of the catalogue words that bind digits before them into a phrase. */
const WORD_CHARS = new Set(
  [...UNITS, ...FIGURE_UNITS, ...MAGNITUDES, ...MORE_THAN, ...Object.values(BOUND_AFTER_DIGITS).flat()].flatMap((w) => [...w]),
);

function stickyAt0(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

/** The one piece of a line whose only cell value is its last digit run, `value`. */
const lastRunOnly = (line: string, value: string) => [{ labelStart: 0, runStart: line.length - value.length, runEnd: line.length }];

describe('NOT_A_CELL_AFTER, built from the catalogue', () => {
  it('accepts every character of a catalogue word (units, magnitudes, more-than, dates, counters, measures, percent)', () => {
    expect([...WORD_CHARS].filter((ch) => !stickyAt0(NOT_A_CELL_AFTER, ch))).toEqual([]);
  });
  it('accepts nothing else but punctuation: no label character, digit or letter', () => {
    const other = BMP.filter((ch) => stickyAt0(NOT_A_CELL_AFTER, ch) && !WORD_CHARS.has(ch));
    expect(other.filter((ch) => !/[\p{P}\p{S}]/u.test(ch))).toEqual([]);
    expect(['数', '申', '的', '0', '9', 'a', ' '].filter((ch) => stickyAt0(NOT_A_CELL_AFTER, ch))).toEqual([]);
  });
  it('keeps a figure glued to any catalogue word inside the label', () => {
    for (const ch of WORD_CHARS) {
      const line = `其中办理12${ch}的事项数量24079`;
      expect(gluedPieces(line), ch).toEqual(lastRunOnly(line, '24079'));
    }
  });
  it('stays sticky and Unicode-aware', () => {
    expect(NOT_A_CELL_AFTER.flags).toBe('uy');
    NOT_A_CELL_AFTER.lastIndex = 2;
    expect(NOT_A_CELL_AFTER.test('12条')).toBe(true);
    NOT_A_CELL_AFTER.lastIndex = 1;
    expect(NOT_A_CELL_AFTER.test('12条')).toBe(false);
  });
});

describe('NOT_A_CELL_BEFORE, built from the catalogue', () => {
  const PREFIXES = [...APPROX_PREFIXES, ...TOTAL_PREFIXES];
  it('binds digits after every figure prefix, 超过 included, and after 第, 计 (not 总计 / 合计), 至 and a dash', () => {
    expect(PREFIXES).toContain('超过');
    expect([...PREFIXES, '第', '共计', '统计', '至', '-'].map((w) => `答复期限${w}`).filter((t) => !NOT_A_CELL_BEFORE.test(t))).toEqual([]);
    expect(['总计', '合计', '申请数量', '数', '', '超过的'].filter((t) => NOT_A_CELL_BEFORE.test(t))).toEqual([]);
  });
  it('keeps digits after a figure prefix inside the label, though no unit follows them', () => {
    for (const w of PREFIXES) {
      const line = `答复期限${w}20工作日的申请数量3`;
      expect(gluedPieces(line), w).toEqual(lastRunOnly(line, '3'));
    }
  });
});

describe('gluedPieces', () => {
  it('keeps digits bound by a prefix or a unit inside the label, and cuts the value run', () => {
    const line = '共计1条约3件主动公开政府信息数24079';
    expect(gluedPieces(line)).toEqual([{ labelStart: 0, runStart: line.length - 5, runEnd: line.length }]);
  });
});

describe('sentence ends (。 ! ?, as normalization leaves ！ ？)', () => {
  it('keep a line with a value run out of the flattened rows', () => {
    expect(isGluedRowLine('本年新收政府信息公开申请数量12')).toBe(true);
    for (const end of ['。', '!', '?', '！', '？']) expect(isGluedRowLine(`本年新收政府信息公开申请数量12${end}`), end).toBe(false);
  });
  it('keep a short line out of the header lines', () => {
    expect(isGluedHeaderLine('申请人情况')).toBe(true);
    for (const end of ['。', '!', '?']) expect(isGluedHeaderLine(`申请人情况${end}`), end).toBe(false);
  });
});
