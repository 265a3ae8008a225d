import { describe, expect, it } from 'vitest';
import { channelDonut, channelMixBars, newMediaShareLine } from '../../src/charts/index.ts';
import { CHANNEL_COLOURS } from '../../src/catalogue/palette.ts';
import * as aq from 'arquero';
import { A000, A001, A002, A003, channelRowsSeed, channels, traceOf } from './fixtures.ts';

const KEYS = ['gazette', 'website', 'weibo', 'wechat', 'other'];

describe('channelMixBars', () => {
  it('by agency: one 100%-stacked bar per agency, shares of the five channels sum to 1', () => {
    const fig = channelMixBars(channels(), { by: 'agency', agencies: [A001, A002, A003] });
    expect(fig.data.map((t) => t.meta.key)).toEqual(KEYS);
    expect(fig.data.map((t) => t.name)).toEqual(['政府公报', '政府网站', '政务微博', '政务微信', '其他方式']);
    expect(fig.layout.barmode).toBe('stack');
    expect(fig.data[0].orientation).toBe('h');
    // pinyin order: 威海环翠 (wei hai huan) < 威海中小 (wei hai zhong) < 温州 (wen); years differ,
    // so every bar names its year
    expect(fig.data[0].y).toEqual([`${A003}<br>2020年`, `${A002}<br>2017年`, `${A001}<br>2017年`]);
    for (let i = 0; i < 3; i++) expect(fig.data.reduce((s, t) => s + t.x[i], 0)).toBeCloseTo(1, 12);
    // 001: website 33196 of 42+33196+13026+6194+1250 = 53708
    expect(traceOf(fig, 'website').x[2]).toBeCloseTo(33196 / 53708, 12);
    expect(traceOf(fig, 'website').hovertext[2]).toContain('33,196 条');
    expect(traceOf(fig, 'gazette').x[1]).toBeCloseTo(6 / 549, 12); // 002
    expect(fig.layout.xaxis.tickformat).toBe('.0%');
    expect(fig.layout.xaxis.title.text).toContain('(%)');
  });

  it('a null channel is left out of the shares and shown as 未报告, never as 0', () => {
    const fig = channelMixBars(channels(), { by: 'agency', agencies: [A000] });
    expect(traceOf(fig, 'website').x).toEqual([1]);
    expect(traceOf(fig, 'weibo').x).toEqual([null]);
    expect(traceOf(fig, 'weibo').hovertext[0]).toContain('未报告');
    expect(fig.layout.annotations[0].text).toContain('不按 0 计');
  });

  it('by year pools agencies from summed counts', () => {
    const fig = channelMixBars(channels(), { by: 'year', agencies: [A001, A002] });
    expect(fig.data[0].x).toEqual(['2017年']);
    expect(fig.data[0].orientation).toBe('v');
    const sum = 53708 + (6 + 146 + 105 + 256 + 36);
    expect(traceOf(fig, 'wechat').y[0]).toBeCloseTo((6194 + 256) / sum, 12);
  });

  it('source line counts distinct reports and years of the selection', () => {
    const fig = channelMixBars(channels(), { by: 'agency' });
    expect(fig.layout.annotations[0].text).toMatch(/^来源：4 份年报 \(2017、2020\)/);
    const one = channelMixBars(channels(), { by: 'agency', years: [2020] });
    expect(one.layout.annotations[0].text).toBe('来源：1 份年报 (2020)');
  });

  it('empty selection: no traces, a clear bilingual message', () => {
    const fig = channelMixBars(channels(), { by: 'agency', agencies: ['不存在的机构'] });
    expect(fig.data).toEqual([]);
    expect(fig.layout.annotations[0].text).toBe('无数据：所选机构/年份没有渠道数据 (no data for this selection)');
    expect(channelMixBars([], { by: 'year' }).data).toEqual([]);
  });

  it('uses the CJK font stack', () => {
    const fig = channelMixBars(channels(), { by: 'agency' });
    expect(fig.layout.font.family).toMatch(/^"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif$/);
  });
});

describe('channelDonut', () => {
  it("one agency's channels with channel colours and the five channels' sum in the centre", () => {
    const fig = channelDonut(channels(), { agency: A003, year: 2020 });
    const pie = fig.data[0];
    expect(pie.type).toBe('pie');
    expect(pie.labels).toEqual(['政府公报', '政府网站', '政务微博', '政务微信', '其他方式']);
    expect(pie.values).toEqual([28, 4140, 10825, 8178, 908]);
    expect(pie.marker.colors).toEqual(KEYS.map((k) => CHANNEL_COLOURS[k as keyof typeof CHANNEL_COLOURS]));
    expect(fig.layout.title.text).toBe(`${A003}2020年主动公开渠道构成`);
    // the centre is what the slices divide (here equal to proactive.total: no note on it)
    expect(fig.layout.annotations[1].text).toBe('五种渠道合计<br><b>24,079 条</b>');
    expect(fig.layout.annotations[0].text).toBe('来源：1 份年报 (2020)');
  });

  it('a channel keeps its colour across charts', () => {
    const donut = channelDonut(channels(), { agency: A001, year: 2017 });
    const bars = channelMixBars(channels(), { by: 'year' });
    const weiboInDonut = donut.data[0].marker.colors[donut.data[0].labels.indexOf('政务微博')];
    expect(traceOf(bars, 'weibo').marker.color).toBe(weiboInDonut);
    expect(weiboInDonut).toBe(CHANNEL_COLOURS.weibo);
  });

  it('null channels are omitted and named', () => {
    const fig = channelDonut(channels(), { agency: A000, year: 2017 });
    expect(fig.data[0].labels).toEqual(['政府网站']);
    expect(fig.layout.annotations[0].text).toContain('未报告：政府公报、政务微博、政务微信、其他方式');
  });

  it('empty selection gives the message', () => {
    const fig = channelDonut(channels(), { agency: A001, year: 2020 });
    expect(fig.data).toEqual([]);
    expect(fig.layout.annotations[0].text).toContain('无数据');
  });
});

describe('newMediaShareLine', () => {
  it('(weibo + wechat) / five channels per agency over years; null when missing', () => {
    const fig = newMediaShareLine(channels());
    const byName = Object.fromEntries(fig.data.map((t) => [t.name, t]));
    expect(byName[A001].x).toEqual([2017, 2020]);
    expect(byName[A001].y[0]).toBeCloseTo((13026 + 6194) / 53708, 12);
    expect(byName[A001].y[1]).toBeNull(); // no 2020 report
    expect(byName[A003].y[1]).toBeCloseTo((10825 + 8178) / (28 + 4140 + 10825 + 8178 + 908), 12);
    expect(byName[A000].y[0]).toBeNull(); // weibo/wechat not reported
    expect(byName[A000].connectgaps).toBe(false);
    expect(fig.layout.yaxis.tickformat).toBe('.0%');
  });
});

/** Seed 004 (all five channels reported as 0, proactive.total 300) and a 2018 report of 002's agency. */
const A004 = '秀英区政府服务中心';
const rowsOf = (report_id: string, agency: string, year: number, c: Record<string, number | null>) =>
  Object.entries(c).map(([channel, count]) => ({ report_id, agency, year, channel, count, source: 'table' }));
const r004 = rowsOf('r004', A004, 2017, { gazette: 0, website: 0, weibo: 0, wechat: 0, other: 0, total: 300 });
const r002b = rowsOf('r002b', A002, 2018, { gazette: 1, website: 50, weibo: 20, wechat: 30, other: null, total: 90 });
const more = () => aq.from([...channelRowsSeed, ...r004, ...r002b]);
const scopes = aq.from([
  { report_id: 'r000', scope: 'self' },
  { report_id: 'r001', scope: 'aggregate' },
  { report_id: 'r002', scope: 'self' },
  { report_id: 'r003', scope: 'aggregate' },
]);

describe('channel mix: years, zeros and pooling (QA)', () => {
  it('by agency: an agency with two years gets a bar per year, each labelled with its year', () => {
    const fig = channelMixBars(more(), { by: 'agency', agencies: [A001, A002] });
    expect(fig.data[0].y).toEqual([`${A002}<br>2017年`, `${A002}<br>2018年`, `${A001}<br>2017年`]);
    expect(traceOf(fig, 'website').x[1]).toBeCloseTo(50 / 101, 12); // 2018 alone: 1 + 50 + 20 + 30
    expect(traceOf(fig, 'website').x[0]).toBeCloseTo(146 / 549, 12); // 2017 alone
    expect(traceOf(fig, 'other').hovertext[1]).toBe(`${A002}<br>2018年<br>其他方式：未报告`);
    // one year in the selection: agency only
    expect(channelMixBars(more(), { by: 'agency', agencies: [A002], years: [2018] }).data[0].y).toEqual([A002]);
  });

  it('all five channels 0: no bar, a label saying so; a reported 0 is never 未报告', () => {
    const fig = channelMixBars(more(), { by: 'agency', agencies: [A004, A001] });
    const i = fig.data[0].y.indexOf(A004);
    expect(fig.data.map((t) => t.x[i])).toEqual([null, null, null, null, null]);
    expect(traceOf(fig, 'gazette').hovertext[i]).toBe(`${A004}<br>政府公报：0 条（五种渠道合计为 0，无占比）`);
    expect(fig.layout.annotations.slice(1)).toEqual([
      expect.objectContaining({ text: '五种渠道均为 0（主动公开总数 300 条）', x: 0, y: A004, xref: 'x', yref: 'y' }),
    ]);
    expect(fig.layout.annotations[0].text).toBe('来源：2 份年报 (2017)<br>注：五种渠道均报告为 0 的不画柱。');
    // a reported 0 beside other channels has a share of 0.0%
    const zeroWechat = aq.from(rowsOf('rz', 'Z局', 2019, { gazette: 0, website: 10, weibo: 0, wechat: 0, other: 0 }));
    expect(traceOf(channelMixBars(zeroWechat, { by: 'agency' }), 'gazette').hovertext[0]).toBe('Z局<br>政府公报：0 条（0.0%）');
  });

  it('donut of an agency whose channels are all 0: the message, not an empty ring', () => {
    const fig = channelDonut(more(), { agency: A004 });
    expect(fig.data).toEqual([]);
    expect(fig.layout.title.text).toBe(`${A004}2017年主动公开渠道构成`);
    expect(fig.layout.annotations[0].text).toBe(
      '无渠道构成：五种渠道报告的条数均为 0（主动公开总数 300 条）<br>(all five channels are 0: no mix to show)',
    );
  });

  it('pooled donut: centre = Σ channels (consistent with the shares), years in the title, pooling, aggregates and 未报告 noted', () => {
    const fig = channelDonut(channels(), { reports: scopes });
    const pie = fig.data[0];
    // 53708 (001) + 549 (002) + 24079 (003) + 120 (000, website only)
    expect(pie.values).toEqual([42 + 6 + 28, 33196 + 146 + 4140 + 120, 13026 + 105 + 10825, 6194 + 256 + 8178, 1250 + 36 + 908]);
    expect(pie.values.reduce((a: number, b: number) => a + b, 0)).toBe(78456);
    expect(fig.layout.annotations[1].text).toBe('五种渠道合计<br><b>78,456 条</b>');
    expect(fig.layout.title.text).toBe('4 个机构 2017、2020年主动公开渠道构成（4 份年报合计）');
    expect(fig.layout.annotations[0].text.split('<br>')).toEqual([
      '来源：4 份年报 (2017、2020)',
      '主动公开总数 61,811 条：同一信息可经多个渠道公开，各渠道分别计数，故渠道合计多于总数。',
      '合并 4 份年报（2017、2020年，跨年份合计），其中 2 份为汇总年报（汇总了所属部门或下级地区，再与这些单位的年报相加会重复计算）。',
      '部分年报未报告：政府公报 1 份、政务微博 1 份、政务微信 1 份、其他方式 1 份（未计入，不按 0 计）',
    ]);
    expect(pie.hovertext[0]).toBe(`76 条（${((76 / 78456) * 100).toFixed(1)}%），1 份年报未报告`);
    expect(pie.automargin).toBe(true);
  });

  it('one agency whose channels add up to more than its total: the total is noted, the centre stays Σ channels', () => {
    const fig = channelDonut(channels(), { agency: A002 });
    expect(fig.layout.annotations[1].text).toBe('五种渠道合计<br><b>549 条</b>');
    expect(fig.layout.annotations[0].text).toBe(
      '来源：1 份年报 (2017)<br>主动公开总数 259 条：同一信息可经多个渠道公开，各渠道分别计数，故渠道合计多于总数。',
    );
  });

  it('new-media line: an all-zero year has no point and says why', () => {
    const fig = newMediaShareLine(more(), { agencies: [A004] });
    expect(fig.data[0].y).toEqual([null]);
    expect(fig.data[0].hovertext[0]).toContain('新媒体占比 五种渠道合计为 0，无占比');
    expect(fig.layout.annotations[0].text).toBe('来源：1 份年报 (2017)<br>注：五种渠道均报告为 0 的年份没有占比，不画点。');
  });
});
