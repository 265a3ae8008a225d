import { describe, expect, it } from 'vitest';
import { findingsByCode } from '../../src/charts/index.ts';
import { FINDING_CODE_COLOURS } from '../../src/catalogue/palette.ts';
import { A000, A001, A002, A003, findings, reports, traceOf } from './fixtures.ts';

describe('findingsByCode', () => {
  it('one bar per report (zero-finding reports included), stacked by code', () => {
    const fig = findingsByCode(findings(), reports());
    expect(fig.data.map((t) => t.meta.key)).toEqual(['unrecognised_row', 'identity_violation', 'narrative_table_conflict']);
    expect(fig.data.map((t) => t.name)).toEqual(['无法识别的行', '勾稽关系不符', '正文与表格不一致']);
    const cats: string[] = fig.data[0].y;
    expect(cats.length).toBe(4);
    const i001 = cats.findIndex((c) => c.startsWith(A001));
    const i000 = cats.findIndex((c) => c.replace(/<br>/g, '').startsWith(A000));
    expect(traceOf(fig, 'unrecognised_row').x[i001]).toBe(2);
    expect(fig.data.map((t) => t.x[i000])).toEqual([0, 0, 0]);
    expect(fig.layout.annotations.slice(1).map((a: any) => [a.y, a.text])).toEqual([
      [cats.find((c) => c.startsWith(A003)), '未发现问题'],
      [cats[i000], '未发现问题'],
    ]);
    expect(fig.layout.xaxis.dtick).toBe(1); // small counts: whole-number ticks
    expect(traceOf(fig, 'identity_violation').marker.color).toBe(FINDING_CODE_COLOURS.identity_violation);
    expect(fig.layout.annotations[0].text).toBe('来源：4 份年报 (2017、2020)');
  });

  it('filters by severity and by agency', () => {
    const fig = findingsByCode(findings(), reports(), { severities: ['error'], agencies: [A002, A003] });
    expect(fig.data.map((t) => t.meta.key)).toEqual(['identity_violation']);
    expect(fig.data[0].x).toEqual([0, 1]);
  });

  it('empty selection', () => {
    const fig = findingsByCode(findings(), reports(), { years: [2030] });
    expect(fig.data).toEqual([]);
    expect(fig.layout.annotations[0].text).toBe('无数据：所选机构/年份没有年报 (no data for this selection)');
  });

  it('sized to its rows: a corpus with one report and no findings is a short chart, the row on top of it', () => {
    const fig = findingsByCode(findings(), reports(), { agencies: [A003] });
    expect(fig.data).toEqual([]); // no finding codes: no traces
    const label = `${A003}<br>2020年`;
    expect(fig.layout.yaxis.categoryarray).toEqual([label]);
    expect(fig.layout.yaxis.range).toEqual([0.5, -0.5]); // the one row fills the plot
    // 64 (title) + 96 (axis, source) + 18 (note) + one 2-line row of 48 px → the 240 px floor
    expect(fig.layout.height).toBe(240);
    expect(fig.layout.margin.t).toBe(64);
    expect(fig.layout.annotations.slice(1)).toEqual([expect.objectContaining({ text: '未发现问题', y: label })]);
    expect(fig.layout.annotations[0].text).toBe('来源：1 份年报 (2020)<br>所选年报没有发现问题。');
  });

  it('height grows with rows (three-line labels get the room they need) and with the legend', () => {
    const fig = findingsByCode(findings(), reports());
    // 4 rows, the longest label three lines (3 × 17 + 14 = 65 px a row): 64 + 96 + 4 × 65
    expect(fig.layout.height).toBe(64 + 96 + 4 * 65);
    expect(fig.layout.yaxis.range).toEqual([3.5, -0.5]);
  });
});
