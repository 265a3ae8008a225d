import { describe, expect, it } from 'vitest';
import { emptyFigure, sourceLine, wrapLabel, yearSpan } from '../../src/charts/figure.ts';

describe('figure helpers', () => {
  it('source line from distinct reports and years', () => {
    const rows = [
      { report_id: 'a', year: 2017 },
      { report_id: 'a', year: 2017 },
      { report_id: 'b', year: 2018 },
      { report_id: 'c', year: 2020 },
      { report_id: 'd', year: 2019 },
    ];
    expect(sourceLine(rows)).toBe('来源：4 份年报 (2017–2020)');
    expect(sourceLine([{ report_id: 'x', year: null }])).toBe('来源：1 份年报');
    expect(yearSpan([2017, 2019])).toBe('2017、2019');
  });

  it('emptyFigure has no traces and the message', () => {
    const fig = emptyFigure('无数据：x (no data for this selection)', '标题');
    expect(fig.data).toEqual([]);
    expect(fig.layout.annotations[0].text).toBe('无数据：x (no data for this selection)');
    expect(fig.layout.title.text).toBe('标题');
  });

  it('wraps long names into balanced lines', () => {
    expect(wrapLabel('威海市环翠区政务服务中心管理办公室')).toBe('威海市环翠区政务服<br>务中心管理办公室');
    expect(wrapLabel('威海市中小企业局')).toBe('威海市中小企业局');
  });
});
