import { describe, expect, it } from 'vitest';
import { channelDonut, channelMixBars, newMediaShareLine } from '../../src/charts/index.ts';
import { CHANNEL_COLOURS } from '../../src/catalogue/palette.ts';
import { A000, A001, A002, A003, channels, traceOf } from './fixtures.ts';

const KEYS = ['gazette', 'website', 'weibo', 'wechat', 'other'];

describe('channelMixBars', () => {
  it('by agency: one 100%-stacked bar per agency, shares of the five channels sum to 1', () => {
    const fig = channelMixBars(channels(), { by: 'agency', agencies: [A001, A002, A003] });
    expect(fig.data.map((t) => t.meta.key)).toEqual(KEYS);
    expect(fig.data.map((t) => t.name)).toEqual(['政府公报', '政府网站', '政务微博', '政务微信', '其他方式']);
    expect(fig.layout.barmode).toBe('stack');
    expect(fig.data[0].orientation).toBe('h');
    // pinyin order: 威海环翠 (wei hai huan) < 威海中小 (wei hai zhong) < 温州 (wen)
    expect(fig.data[0].y).toEqual([A003, A002, A001]);
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
  it("one agency's channels with channel colours and proactive.total in the centre", () => {
    const fig = channelDonut(channels(), { agency: A003, year: 2020 });
    const pie = fig.data[0];
    expect(pie.type).toBe('pie');
    expect(pie.labels).toEqual(['政府公报', '政府网站', '政务微博', '政务微信', '其他方式']);
    expect(pie.values).toEqual([28, 4140, 10825, 8178, 908]);
    expect(pie.marker.colors).toEqual(KEYS.map((k) => CHANNEL_COLOURS[k as keyof typeof CHANNEL_COLOURS]));
    expect(fig.layout.title.text).toBe(`${A003}2020年主动公开渠道构成`);
    expect(fig.layout.annotations.map((a: any) => a.text).join()).toContain('24,079 条');
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
