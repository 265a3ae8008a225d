import { describe, expect, it } from 'vitest';
import { gluedPieces, NOT_A_CELL_AFTER, NOT_A_CELL_BEFORE } from '../../src/layout/glued.ts';

// The classes as they were written before their words moved to src/catalogue/numerals.ts.
const LITERAL_AFTER = /[条件个份次人年月日号时%％万亿元期篇项家场起宗届名位天倍岁户册页套台批余多里米克吨亩平.,，。、;；:：)）〕\]\-/~～—]/uy;
const LITERAL_BEFORE = /(?:第|(?<![总合])计|共|约|近|超|逾|达|至|-)$/u;

/** Every character of the Basic Multilingual Plane but the surrogates. */
const BMP = Array.from({ length: 0x10000 }, (_, c) => c).filter((c) => c < 0xd800 || c > 0xdfff).map((c) => String.fromCharCode(c));

function stickyAt0(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  return re.test(text);
}

describe('NOT_A_CELL_AFTER, built from the catalogue', () => {
  it('accepts exactly the characters of the former literal class, over the whole BMP', () => {
    const built = BMP.filter((ch) => stickyAt0(NOT_A_CELL_AFTER, ch));
    const literal = BMP.filter((ch) => stickyAt0(LITERAL_AFTER, ch));
    expect(built.join('')).toBe(literal.join(''));
    expect(built).toHaveLength(61);
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
  it('matches the same label endings as the former literal', () => {
    const samples = BMP.flatMap((ch) => [ch, `总${ch}`, `合${ch}`, `数量${ch}`]).concat(['超过', '总计', '合计', '共计', '统计', '']);
    const differ = samples.filter((t) => NOT_A_CELL_BEFORE.test(t) !== LITERAL_BEFORE.test(t));
    expect(differ).toEqual([]);
    expect(samples.filter((t) => LITERAL_BEFORE.test(t)).length).toBeGreaterThan(10);
  });
});

describe('gluedPieces', () => {
  it('keeps digits bound by a prefix or a unit inside the label, and cuts the value run', () => {
    const line = '共计1条约3件主动公开政府信息数24079';
    expect(gluedPieces(line)).toEqual([{ labelStart: 0, runStart: line.length - 5, runEnd: line.length }]);
  });
});
