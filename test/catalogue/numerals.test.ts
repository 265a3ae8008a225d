import { describe, expect, it } from 'vitest';
import {
  APPROX_ENDINGS,
  APPROX_PREFIXES,
  FIGURE_UNITS,
  MAGNITUDE_FACTORS,
  MAGNITUDES,
  MORE_THAN,
  TOTAL_PREFIXES,
} from '../../src/catalogue/numerals.ts';

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
  it('gives the magnitudes in the order 万, 亿 with their factors', () => {
    expect(MAGNITUDES).toEqual(['万', '亿']);
    expect(MAGNITUDE_FACTORS).toEqual({ 万: 1e4, 亿: 1e8 });
  });
});
