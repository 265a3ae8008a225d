import { describe, expect, it } from 'vitest';
import {
  APPROX_ENDINGS,
  APPROX_PREFIXES,
  BOUND_BEFORE_DIGITS,
  FIGURE_ONLY_UNITS,
  FIGURE_UNITS,
  MAGNITUDE_FACTORS,
  MAGNITUDES,
  MORE_THAN,
  TOTAL_PREFIXES,
} from '../../src/catalogue/numerals.ts';
import { UNITS } from '../../src/catalogue/units.ts';

/** Words of a list that a later, longer word begins with: an alternation would never reach the longer one. */
function shadowed(words: readonly string[]): string[] {
  return words.flatMap((w, i) => words.slice(i + 1).filter((later) => later.startsWith(w) && later !== w).map((later) => `${w} before ${later}`));
}

describe('the number grammar words', () => {
  it('lists every word before any longer word it begins with (超过 before 超, 万元 before 元, 人次 before 人)', () => {
    for (const list of [FIGURE_UNITS, MAGNITUDES, MORE_THAN, [...APPROX_PREFIXES, ...TOTAL_PREFIXES], [...MORE_THAN, ...APPROX_ENDINGS]]) {
      expect(shadowed(list)).toEqual([]);
    }
  });
  it('tries every magnitude of MAGNITUDE_FACTORS, each a multiplier (a power of ten above 1)', () => {
    expect([...MAGNITUDES].sort()).toEqual(Object.keys(MAGNITUDE_FACTORS).sort());
    for (const mag of MAGNITUDES) {
      const factor = MAGNITUDE_FACTORS[mag]!;
      expect(factor, mag).toBeGreaterThan(1);
      expect(Math.log10(factor) % 1, mag).toBe(0);
    }
  });
});

describe('FIGURE_UNITS, built from the 2008 unit column (UNITS) and the grammar\'s own units', () => {
  it('holds every unit of UNITS and of FIGURE_ONLY_UNITS, each once, and nothing else', () => {
    expect(new Set(FIGURE_UNITS).size).toBe(FIGURE_UNITS.length);
    expect([...FIGURE_UNITS].sort()).toEqual([...new Set([...UNITS, ...FIGURE_ONLY_UNITS])].sort());
    for (const unit of UNITS) expect(FIGURE_UNITS, unit).toContain(unit);
  });
  it('lists no unit that the 2008 column lists too among its own', () => {
    expect(FIGURE_ONLY_UNITS.filter((u) => UNITS.includes(u))).toEqual([]);
  });
});

describe('BOUND_BEFORE_DIGITS', () => {
  it('holds every figure prefix, of any length (超过 as well as 超)', () => {
    const prefixes = [...APPROX_PREFIXES, ...TOTAL_PREFIXES];
    expect(prefixes).toContain('超过');
    for (const word of prefixes) expect(BOUND_BEFORE_DIGITS, word).toContain(word);
  });
  it('is a list of regex sources, each of which compiles and matches a word at the end of a label', () => {
    for (const src of BOUND_BEFORE_DIGITS) expect(() => new RegExp(`(?:${src})$`, 'u'), src).not.toThrow();
    const ending = new RegExp(`(?:${BOUND_BEFORE_DIGITS.join('|')})$`, 'u');
    expect(['第', '共计', '1至', '超过'].filter((t) => !ending.test(t))).toEqual([]);
    expect(['总计', '合计', '申请数量', ''].filter((t) => ending.test(t))).toEqual([]);
  });
});
