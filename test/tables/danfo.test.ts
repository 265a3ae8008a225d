import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { fromDanfo, toDanfo } from '../../src/tables/danfo.ts';

describe('danfojs-node interop', () => {
  const table = aq.table({
    report_id: ['a', 'b', 'c'],
    agency: ['威海市中小企业局', null, '秀英区政府服务中心'],
    year: [2017, 2020, null],
    count: [37353, null, 85.4],
    inferred: [false, true, null],
  });

  it('keeps column names, order, values and nulls through a round trip', () => {
    const df = toDanfo(table);
    expect(df.columns).toEqual(['report_id', 'agency', 'year', 'count', 'inferred']);
    expect(df.shape).toEqual([3, 5]);
    const back = fromDanfo(df);
    expect(back.columnNames()).toEqual(table.columnNames());
    expect(back.objects()).toEqual(table.objects());
  });

  it('maps danfo missing values (NaN, undefined) back to null', async () => {
    const dfd = await import('danfojs-node');
    const df = new dfd.DataFrame({ x: [1, Number.NaN, 3], y: ['p', undefined, 'r'] });
    expect(fromDanfo(df).objects()).toEqual([
      { x: 1, y: 'p' },
      { x: null, y: null },
      { x: 3, y: 'r' },
    ]);
  });

  it('round-trips an empty table with its columns', () => {
    const empty = aq.table({ channel: [], count: [] });
    const df = toDanfo(empty);
    expect(df.columns).toEqual(['channel', 'count']);
    const back = fromDanfo(df);
    expect(back.columnNames()).toEqual(['channel', 'count']);
    expect(back.numRows()).toBe(0);
  });
});
