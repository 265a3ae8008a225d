import { describe, expect, it } from 'vitest';
import { APPLICANT_SLOTS, indexCells, indexReport, lookupIn, slotOf } from '../../src/validate/cells.ts';
import { fact, matrixRow, prose } from './fixtures.ts';

describe('cell index', () => {
  it('puts the 总计 column (and a 2008 fact without applicant) in slot 0, the six columns after it', () => {
    expect(slotOf(null)).toBe(0);
    expect(slotOf('total')).toBe(0);
    expect(APPLICANT_SLOTS).toEqual(['total', 'natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org']);
    expect(slotOf('other_org')).toBe(6);
    // An Object.prototype name is no column.
    expect(slotOf('toString' as never)).toBeUndefined();
  });

  it('keeps the first stated value over blanks and later repeats, per metric and column', () => {
    const get = lookupIn(
      indexCells([
        fact('proactive.total', null, { line: 1 }),
        fact('proactive.total', 7, { line: 2 }),
        fact('proactive.total', 9, { line: 3 }),
        ...matrixRow('requests.received', [1, null, 0, 0, 0, 0, 1]),
        fact('requests.received', 5, { applicant: 'commercial', line: 4 }),
        fact('requests.received', 8, { applicant: 'natural_person', line: 5 }),
      ]),
    );
    expect(get('proactive.total')).toMatchObject({ value: 7, line: 2 });
    expect(get('requests.received', 'commercial')).toMatchObject({ value: 5, line: 4 });
    expect(get('requests.received', 'natural_person')?.value).toBe(1);
    expect(get('requests.received')?.value).toBe(1);
    expect(get('requests.carried_over')).toBeUndefined();
  });

  it('indexes one report straight from a mixed list: table cells (a metric met again later included), prose in order, blanks noted', () => {
    const facts = [
      fact('proactive.total', 3, { line: 1 }),
      prose('proactive.total', 4),
      fact('proactive.total', 5, { report_id: 'r2' }),
      fact('requests.received', null, { line: 2 }),
      fact('proactive.channel.website', 2, { line: 3 }),
      fact('requests.received', 6, { line: 4 }),
      prose('requests.received', 6),
    ];
    const r1 = indexReport(facts, 'r1');
    expect([...r1.table.keys()]).toEqual(['proactive.total', 'requests.received', 'proactive.channel.website']);
    expect(lookupIn(r1.table)('requests.received')).toMatchObject({ value: 6, line: 4 });
    expect(lookupIn(r1.table)('proactive.total')?.value).toBe(3);
    expect(r1.narrative.map((f) => [f.metric, f.value])).toEqual([
      ['proactive.total', 4],
      ['requests.received', 6],
    ]);
    expect(r1.hasBlank).toBe(true);
    const r2 = indexReport(facts, 'r2');
    expect(r2.table.get('proactive.total')?.[0]?.value).toBe(5);
    expect(r2).toMatchObject({ narrative: [], hasBlank: false });
  });
});
