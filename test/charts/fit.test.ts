import { describe, expect, it } from 'vitest';
import { channelDonut, channelMixBars, outcomesByGroup } from '../../src/charts/index.ts';
import { fitToSize, rewrap, wrapToWidth } from '../../src/charts/fit.ts';
import { lineCount } from '../../src/charts/figure.ts';
import { channels, outcomes } from './fixtures.ts';

/** Five agency-year rows with two- and three-line labels, as the seeds give outcome-shares. */
const LONG = ['威海市环翠区人民政府', '威海市环翠区政务服务中心管理办公室', '威海市中小企业局', '温州市瓯海区人民政府', '秀英区政府服务中心'];
const fiveRows = () =>
  LONG.flatMap((agency, i) =>
    ['granted', 'partial', 'denied', 'unable', 'not_processed', 'other', 'total'].map((group) => ({
      report_id: `r${i}`, agency, year: i ? 2017 : 2020, template: '2019', outcome: group, group, count: group === 'total' ? 60 : 10,
    })),
  );

describe('fitToSize', () => {
  it('leaves a figure at the default size as it is', () => {
    const fig = channelMixBars(channels(), { by: 'agency' });
    expect(fitToSize(fig, 1000, 600).layout).toEqual(fig.layout);
    expect(fitToSize(fig, 1000, 600)).not.toBe(fig); // a copy: the input is never changed
    // a figure not built by xxgk is drawn as laid out, at any size
    const own = { data: [], layout: { title: { text: 'x', font: { size: 48 } } } };
    expect(fitToSize(own, 480, 100)).toBe(own);
  });

  it('640 × 400: text and margins scaled, and every category row has room for its label lines', () => {
    const fig = outcomesByGroup(fiveRows(), { mode: 'share' });
    const before = JSON.stringify(fig.layout);
    const f = fitToSize(fig, 640, 400);
    expect(JSON.stringify(fig.layout)).toBe(before);
    // scale min(640/1000, 400/600) = 0.64 → text × 0.8
    expect(f.layout.font.size).toBe(10);
    expect(f.layout.title.font.size).toBe(14);
    expect(f.layout.margin).toEqual({ l: 64, r: 32, t: 77, b: 91 });
    expect(f.layout.annotations[0].yshift).toBe(-50);
    const labels: string[] = f.layout.yaxis.ticktext ?? f.layout.yaxis.categoryarray;
    const size = f.layout.yaxis.tickfont?.size ?? f.layout.font.size;
    const perRow = (400 - f.layout.margin.t - f.layout.margin.b) / labels.length;
    for (const l of labels) expect(lineCount(l) * size * 1.3).toBeLessThanOrEqual(perRow);
    // unfitted, the same labels at 13 px in 600 px of rows did not fit at 400 px
    expect(3 * 13 * 1.3).toBeGreaterThan((400 - 96 - 114) / 5);
  });

  it('rows too tight for their lines: labels re-wrapped into fewer lines (tickvals keep the categories)', () => {
    const fig = outcomesByGroup(fiveRows(), { mode: 'share' });
    // 640 × 300: (300 − 72 − 86) / 5 = 28.4 px a row → two 10 px lines
    const two = fitToSize(fig, 640, 300);
    expect(two.layout.yaxis.tickvals).toEqual(fig.layout.yaxis.categoryarray);
    expect(two.layout.yaxis.ticktext).toEqual([
      '威海市环翠区人民政府<br>2020年',
      '威海市环翠区政务服务中心管理办公室<br>2017年',
      '威海市中小企业局<br>2017年',
      '温州市瓯海区人民政府<br>2017年',
      '秀英区政府服务中心<br>2017年',
    ]);
    expect(two.data[0].y).toEqual(fig.data[0].y); // bars keep their category keys
    // 640 × 240: 16.4 px a row → one line
    expect(fitToSize(fig, 640, 240).layout.yaxis.ticktext).toEqual([
      '威海市环翠区人民政府 2020年',
      '威海市环翠区政务服务中心管理办公室 2017年',
      '威海市中小企业局 2017年',
      '温州市瓯海区人民政府 2017年',
      '秀英区政府服务中心 2017年',
    ]);
  });

  it('a narrow donut drops its legend (the slice labels name the channels); a wide one keeps it', () => {
    const donut = channelDonut(channels());
    expect(fitToSize(donut, 500, 400).layout.showlegend).toBe(false);
    expect(fitToSize(donut, 1000, 600).layout.showlegend).toBeUndefined();
  });

  it('a footer wider than the canvas is broken into lines and its margin grows with them', () => {
    const donut = channelDonut(channels());
    const f = fitToSize(donut, 500, 400);
    expect(f.layout.annotations[0].text.split('<br>')).toEqual([
      '来源：4 份年报 (2017、2020)',
      '主动公开总数 61,811 条：同一信息可经多个渠道公开，各渠道分别计数，故渠道合计多于总数。',
      '合并 4 份年报（2017、2020年，跨年份合计）。',
      '部分年报未报告：政府公报 1 份、政务微博 1 份、政务微信 1 份、其他方式 1 份（未计入，',
      '不按 0 计）',
    ]);
    // scale min(500/1000, 400/600) = 0.5 → × 0.75 (the floor), plus one 9 px footer line
    expect(donut.layout.margin.b).toBe(146);
    expect(f.layout.margin.b).toBe(110 + 14);
  });
});

describe('label helpers', () => {
  it('rewrap: fewer lines, the year kept on its own line while there is room', () => {
    const three = '威海市环翠区政务服<br>务中心管理办公室<br>2017年';
    expect(rewrap(three, 3)).toBe(three);
    expect(rewrap(three, 2)).toBe('威海市环翠区政务服务中心管理办公室<br>2017年');
    expect(rewrap(three, 1)).toBe('威海市环翠区政务服务中心管理办公室 2017年');
    expect(rewrap('甲乙丙丁戊己庚辛<br>壬癸子丑寅卯', 2)).toBe('甲乙丙丁戊己庚辛<br>壬癸子丑寅卯'); // fits already
    expect(rewrap('甲乙丙丁<br>戊己庚辛<br>壬癸子丑', 2)).toBe('甲乙丙丁戊己<br>庚辛壬癸子丑'); // no year: all agency
    expect(rewrap('A&amp;B<br>局<br>2019年', 1)).toBe('A&amp;B局 2019年');
  });

  it('wrapToWidth: breaks after punctuation in the second half of a line, keeps short lines', () => {
    // 10 px CJK characters, 100 px: ten per line
    expect(wrapToWidth('来源：3 份年报<br>甲乙丙丁戊己，庚辛壬癸子丑寅卯', 100, 10)).toBe('来源：3 份年报<br>甲乙丙丁戊己，<br>庚辛壬癸子丑寅卯');
    expect(wrapToWidth('甲乙丙丁戊己庚辛壬癸子丑', 100, 10)).toBe('甲乙丙丁戊己庚辛壬癸<br>子丑');
    expect(wrapToWidth('短', 100, 10)).toBe('短');
  });
});

it('the outcomes fixture still fits at the default size', () => {
  const fig = outcomesByGroup(outcomes(), { mode: 'share' });
  expect(fitToSize(fig, 1000, 600).layout.yaxis.ticktext).toBeUndefined();
});
