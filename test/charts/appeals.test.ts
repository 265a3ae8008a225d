import { describe, expect, it } from 'vitest';
import { appealsByResult, correctionRate } from '../../src/charts/index.ts';
import { APPEAL_RESULT_COLOURS } from '../../src/catalogue/palette.ts';
import { A001, A003, appeals, traceOf } from './fixtures.ts';

describe('appealsByResult', () => {
  it('reconsideration stacked by result, total excluded, colours by result', () => {
    const fig = appealsByResult(appeals(), { kind: 'reconsideration', agencies: [A001, A003] });
    expect(fig.layout.title.text).toBe('行政复议结果');
    expect(fig.data.map((t) => t.name)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结']);
    expect(fig.data[0].y).toEqual([`${A003}<br>2020年`, `${A001}<br>2017年`]);
    expect(traceOf(fig, 'corrected').x).toEqual([0, 2]);
    expect(traceOf(fig, 'pending').x).toEqual([0, null]); // 2008 has no pending
    expect(traceOf(fig, 'corrected').marker.color).toBe(APPEAL_RESULT_COLOURS.corrected);
    expect(fig.layout.xaxis.title.text).toBe('行政复议案件数 (件)');
  });

  it('litigation_direct kind', () => {
    const fig = appealsByResult(appeals(), { kind: 'litigation_direct' });
    expect(fig.layout.title.text).toBe('行政诉讼（未经复议直接起诉）结果');
    expect(traceOf(fig, 'upheld').x).toEqual([1]);
  });

  it('empty selection', () => {
    const fig = appealsByResult(appeals(), { kind: 'litigation_after_reconsideration' });
    expect(fig.data).toEqual([]);
    expect(fig.layout.annotations[0].text).toContain('无数据');
  });
});

describe('correctionRate', () => {
  it('decided: corrected / (total − pending), pooled over years from summed counts', () => {
    const fig = correctionRate(appeals(), { kind: 'reconsideration', variant: 'decided' });
    const t = fig.data[0];
    expect(t.y).toEqual(['某市人民政府', '某县人民政府', A003, A001]);
    // 某市: (3 + 1) / ((10 − 2) + (2 − 0)) = 0.4 — not the mean of 3/8 and 1/2
    expect(t.x[0]).toBeCloseTo(0.4, 12);
    expect(t.x[1]).toBeNull(); // corrected not reported
    expect(t.x[2]).toBeNull(); // no cases: 0 / 0
    expect(t.x[3]).toBeCloseTo(0.5, 12); // 2008: no pending row → 2 / (0 + 2 + 2)
    const words = fig.layout.annotations.slice(1).map((a: any) => [a.y, a.text]);
    expect(words).toEqual([['某县人民政府', '未报告'], [A003, '无案件']]);
    expect(fig.layout.annotations[0].text).toContain('结果纠正 ÷ (总计 − 尚未审结)');
  });

  it('all: corrected / total', () => {
    const fig = correctionRate(appeals(), { kind: 'reconsideration', variant: 'all' });
    expect(fig.data[0].x[0]).toBeCloseTo(4 / 12, 12);
    expect(fig.layout.title.text).toBe('行政复议纠错率（全部案件口径）');
  });
});
