import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { standardChart } from '../../src/charts/standard.ts';
import { syntheticReportIds } from '../../src/tables/select.ts';
import { A001, channelRowsSeed } from './fixtures.ts';

/** The seed channels plus one synthetic report (flagged `synthetic_report`, as `xxgk synth` files are). */
function views() {
  const synth = { report_id: 'rsyn', agency: '宝鸡市千阳县民政局', year: 2023, channel: 'website', count: 999, source: 'table' };
  const reports = [...new Set(channelRowsSeed.map((r) => r.report_id)), 'rsyn'].map((report_id) => ({ report_id }));
  const empty = aq.from([{ report_id: 'none' }]).filter(() => false);
  return {
    reports: aq.from(reports),
    findings: aq.from([
      { report_id: 'rsyn', severity: 'info', code: 'synthetic_report' },
      { report_id: 'r001', severity: 'warning', code: 'unrecognised_row' },
    ]),
    channels: aq.from([...channelRowsSeed, synth]),
    requests: empty,
    outcomes: empty,
    appeals: empty,
  };
}

describe('standardChart', () => {
  it('leaves out synthetic reports by default', () => {
    const v = views();
    expect([...syntheticReportIds(v.findings)]).toEqual(['rsyn']);
    const fig = standardChart(v, 'channel-mix-year');
    expect(fig.data[0].x).toEqual(['2017年', '2020年']);
    expect(fig.layout.annotations[0].text).toMatch(/^来源：4 份年报 \(2017、2020\)</);
  });

  it('includes them when asked, and says so in the source line', () => {
    const fig = standardChart(views(), 'channel-mix-year', { includeSynthetic: true });
    expect(fig.data[0].x).toEqual(['2017年', '2020年', '2023年']);
    expect(fig.layout.annotations[0].text).toMatch(/^来源：5 份年报 \(2017、2020、2023\)，含合成年报（xxgk synth，仅供测试）</);
  });

  it('charts without synthetic reports are unchanged', () => {
    const v = { ...views(), findings: aq.from([{ report_id: 'r001', severity: 'warning', code: 'unrecognised_row' }]) };
    const fig = standardChart(v, 'channel-donut', { agency: A001 });
    expect(fig.layout.annotations[0].text).toMatch(/^来源：1 份年报 \(2017\)(<br>|$)/);
    expect(fig.layout.annotations[0].text).not.toContain('合成');
  });
});
