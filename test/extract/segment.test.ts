import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blocksHold,
  blocksPrefix,
  columnBalance,
  columnSum,
  digitsOf,
  formatCandidates,
  recoverCells,
  resolveJointly,
  rowTotalHolds,
  rowTotalPrefix,
  splitRun,
  splitSeparated,
  stretchesOf,
  tokensOf,
  yearWithinCumulative,
} from '../../src/extract/segment.ts';

const matrixRow = (digits: string) =>
  splitRun(digits, 7, { accept: rowTotalHolds, prefixOk: rowTotalPrefix(digits.length, 7) }).candidates;

describe('splitting a glued digit run', () => {
  it('splits the spec example 640020470 one way only: 64|0|0|2|0|4|70', () => {
    expect(matrixRow('640020470')).toEqual([[64, 0, 0, 2, 0, 4, 70]]);
  });
  it('never starts a cell with 0 unless the cell is 0', () => {
    expect(splitRun('0012', 3).candidates).toEqual([[0, 0, 12]]);
    expect(splitRun('105', 2).candidates).toEqual([[10, 5]]);
  });
  it('keeps the boundaries of cells the layout did separate', () => {
    // "6" and "40020470" in two cells: 64 cannot be one number any more.
    expect(splitRun('640020470', 7, { accept: rowTotalHolds, cuts: [1] }).candidates).toEqual([]);
    expect(splitRun('1234', 2, { cuts: [2] }).candidates).toEqual([[12, 34]]);
  });
  it('lists every consistent split when the row total allows several', () => {
    // 1+0+2+0+0+10 = 13 and 10+2+0+0+1+0 = 13.
    expect(matrixRow('102001013')).toEqual([
      [1, 0, 2, 0, 0, 10, 13],
      [10, 2, 0, 0, 1, 0, 13],
    ]);
    expect(formatCandidates(matrixRow('102001013'))).toBe('1|0|2|0|0|10|13 or 10|2|0|0|1|0|13');
  });
  it('finds nothing when no split adds up, and nothing from too few digits', () => {
    expect(matrixRow('1234567')).toEqual([]);
    expect(matrixRow('12')).toEqual([]);
  });
  it('splits an appeals row of 15 cells by its three block totals', () => {
    const appeals = (d: string) => splitRun(d, 15, { accept: blocksHold(5), prefixOk: blocksPrefix(5) }).candidates;
    expect(appeals('210031000100000')).toEqual([[2, 1, 0, 0, 3, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0]]);
    // 17 digits for 15 cells: only 12|0|0|0|12 absorbs the two extra digits.
    expect(appeals('12000120000000000')).toEqual([[12, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]]);
  });
  it('two-column pairs: this year ≤ cumulative leaves 12345 ambiguous (1|2345 or 12|345)', () => {
    expect(splitRun('12345', 2, { accept: yearWithinCumulative(0, 1) }).candidates).toEqual([
      [1, 2345],
      [12, 345],
    ]);
  });
});

describe('a row total prunes the search (lastIsSum)', () => {
  it('finds the same splits as the plain search, on long runs too', () => {
    for (const d of ['640020470', '102001013', '273281120301211395271895172883', '253487996205904291014117999']) {
      const pruned = splitRun(d, 7, { accept: rowTotalHolds, lastIsSum: true }).candidates;
      expect(pruned).toEqual(splitRun(d, 7, { accept: rowTotalHolds }).candidates);
    }
    expect(splitRun('273281120301211395271895172883', 7, { accept: rowTotalHolds, lastIsSum: true }).candidates).toEqual([[27328, 1120, 3012, 1, 139527, 1895, 172883]]);
  });
});

describe('runs with separators (第二十条)', () => {
  const units = ['宗', '万元', '件'];
  it('cuts at signs and units, spaces ignored', () => {
    expect(stretchesOf('196+4134757', units)).toEqual([{ sign: '', digits: '196', unit: '' }, { sign: '+', digits: '4134757', unit: '' }]);
    expect(stretchesOf('129宗16671万元', units)).toEqual([{ sign: '', digits: '129', unit: '宗' }, { sign: '', digits: '16671', unit: '万元' }]);
    expect(stretchesOf('2249 -133 5375', units)).toEqual([{ sign: '', digits: '2249', unit: '' }, { sign: '-', digits: '1335375', unit: '' }]);
    expect(stretchesOf('见附件', units)).toBeUndefined();
  });
  it('every split into the columns, with lost blank cells when asked', () => {
    const s = (t: string, n: number, blanks: boolean) => splitSeparated(stretchesOf(t, units)!, n, blanks).candidates;
    expect(s('000', 3, true)).toEqual([['0', '0', '0']]);
    expect(s('129宗16671万元', 2, true)).toEqual([['129宗', '16671万元']]);
    expect(s('112', 3, false)).toEqual([['1', '1', '2']]);
    expect(s('112', 3, true)).toHaveLength(10);
    expect(s('10+2', 3, false)).toEqual([['1', '0', '+2']]);
    expect(s('85.6', 2, false)).toEqual([]); // a decimal number is never cut
  });
});

describe('from layout cells to runs', () => {
  it('reads spaced values as cells, stray spaces inside a run are removed', () => {
    expect(tokensOf('10 2 0 0 1 0 13')).toEqual(['10', '2', '0', '0', '1', '0', '13']);
    expect(tokensOf('196+41')).toEqual(['196', '+41']);
    expect(digitsOf('230 000023')).toBe('230000023');
    expect(recoverCells(['10 2 0 0 1 0 13'], 7)).toMatchObject({ kind: 'tokens' });
    const r = recoverCells(['230 000023'], 7, { accept: rowTotalHolds });
    expect(r).toMatchObject({ kind: 'split', digits: '230000023', result: { candidates: [[23, 0, 0, 0, 0, 0, 23]] } });
  });
  it('drops blank cells at the ends, refuses a blank between values or text', () => {
    expect(recoverCells(['', '640020470', ''], 7, { accept: rowTotalHolds })).toMatchObject({ kind: 'split', result: { candidates: [[64, 0, 0, 2, 0, 4, 70]] } });
    expect(recoverCells(['64', '', '0020470'], 7)).toBeUndefined();
    expect(recoverCells(['见附件'], 7)).toBeUndefined();
    expect(recoverCells(['196+4134757'], 3)).toBeUndefined(); // a signed run is never cut
  });
});

describe('column identities settle rows a row total cannot', () => {
  const columns = 7;
  const constraints = [
    columnBalance('balance', ['received', 'carried_over'], ['outcome_total', 'carried_to_next'], columns),
    columnSum('outcomes', 'outcome_total', ['granted', 'other'], columns),
  ];
  const known = new Map<string, Array<number | null>>([
    ['carried_over', [1, 0, 0, 0, 0, 0, 1]],
    ['outcome_total', [9, 2, 0, 0, 1, 0, 12]],
    ['carried_to_next', [2, 0, 0, 0, 0, 0, 2]],
  ]);
  it('keeps only the split that balances 新收 + 结转 = 总计 + 结转下年度', () => {
    const r = resolveJointly(new Map([['received', matrixRow('102001013')]]), known, constraints);
    expect(r.surviving.get('received')).toEqual([[10, 2, 0, 0, 1, 0, 13]]);
  });
  it('keeps both when the constraining row is absent (a truncated table): still ambiguous', () => {
    const partial = new Map(known);
    partial.delete('outcome_total');
    const r = resolveJointly(new Map([['received', matrixRow('102001013')]]), partial, constraints);
    expect(r.surviving.get('received')).toHaveLength(2);
  });
  it('keeps none when no split fits (broken identity): the caller reports, never picks', () => {
    const broken = new Map(known);
    broken.set('carried_to_next', [5, 5, 5, 5, 5, 5, 30]);
    const r = resolveJointly(new Map([['received', matrixRow('102001013')]]), broken, constraints);
    expect(r.surviving.get('received')).toEqual([]);
  });
});

describe('property: a glued clean row splits back to itself or is ambiguous, never to other numbers', () => {
  it('request-matrix rows', () => {
    const cell = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 10, max: 999 }));
    fc.assert(
      fc.property(fc.array(cell, { minLength: 6, maxLength: 6 }), (six) => {
        const row = [...six, six.reduce((a, b) => a + b, 0)];
        const found = matrixRow(row.join(''));
        expect(found).toContainEqual(row);
        if (found.length === 1) expect(found[0]).toEqual(row);
      }),
      { numRuns: 300 },
    );
  });
  it('appeals rows', () => {
    const block = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 4, maxLength: 4 }).map((p) => [...p, p.reduce((a, b) => a + b, 0)]);
    fc.assert(
      fc.property(fc.array(block, { minLength: 3, maxLength: 3 }), (blocks) => {
        const row = blocks.flat();
        const r = splitRun(row.join(''), 15, { accept: blocksHold(5), prefixOk: blocksPrefix(5) });
        if (r.complete) expect(r.candidates).toContainEqual(row);
      }),
      { numRuns: 200 },
    );
  });
});
