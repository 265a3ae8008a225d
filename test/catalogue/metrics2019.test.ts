import { describe, expect, it } from 'vitest';
import {
  APPEAL_BLOCKS,
  APPEAL_BLOCK_WORDS,
  APPEAL_LABELS,
  MATRIX_HEADERS,
  MATRIX_ROWS,
  SECTION_WORDS,
  TEMPLATE_MARKERS,
} from '../../src/catalogue/metrics2019.ts';
import { UNITS } from '../../src/catalogue/units.ts';
import { matchesAny } from '../../src/extract/labels.ts';

describe('SECTION_WORDS', () => {
  it.each(Object.entries(SECTION_WORDS))('%s is a plain word the reader can find in a cell with its whitespace dropped', (_, word) => {
    expect(word).toMatch(/^\S+$/u);
    expect(word).not.toMatch(/[\\^$.|?*+()[\]{}]/);
  });
  it('the matrix words are labels of the matrix catalogue: its first group row, its first row', () => {
    expect(matchesAny(SECTION_WORDS.matrix, MATRIX_HEADERS.slice(0, 1))).toBe(true);
    expect(matchesAny(SECTION_WORDS.matrixFirstRow, MATRIX_ROWS[0]!.labels)).toBe(true);
    expect(MATRIX_ROWS[0]!.key).toBe('requests.received');
  });
  it('the appeals words are the kinds of appeal the appeals labels start with', () => {
    expect(APPEAL_LABELS.reconsideration.startsWith(SECTION_WORDS.reconsideration)).toBe(true);
    expect(APPEAL_LABELS.litigation_direct.startsWith(SECTION_WORDS.litigation)).toBe(true);
    expect(APPEAL_LABELS.litigation_after_reconsideration.startsWith(SECTION_WORDS.litigation)).toBe(true);
    expect(APPEAL_LABELS.reconsideration).not.toContain(SECTION_WORDS.litigation);
  });
  it('the 万元 header word is a unit, and the 第二十条 marker a 2019 template marker', () => {
    expect(UNITS).toContain(SECTION_WORDS.art20InWan);
    expect(TEMPLATE_MARKERS['2019'].some((m) => m.includes(SECTION_WORDS.art20))).toBe(true);
  });
});

describe('appeals block labels', () => {
  it('are the kind of appeal, then the block sub-header when it has one', () => {
    for (const block of APPEAL_BLOCKS) {
      const { kind, sub } = APPEAL_BLOCK_WORDS[block];
      expect(APPEAL_LABELS[block]).toBe(sub ? `${kind} ${sub}` : kind);
    }
    expect(APPEAL_LABELS.litigation_direct).toBe('行政诉讼 未经复议直接起诉');
  });
});

describe('MATRIX_ROWS groups', () => {
  it('every `under` names a row of the matrix (a group row), which is not itself under one', () => {
    const keys = new Map(MATRIX_ROWS.map((r) => [r.key, r]));
    const unders = MATRIX_ROWS.flatMap((r) => (r.under ? [r.under] : []));
    expect(unders.length).toBeGreaterThan(0);
    for (const g of unders) {
      expect(keys.has(g)).toBe(true);
      expect(keys.get(g)!.under).toBeUndefined();
    }
  });
});
