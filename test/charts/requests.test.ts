import { describe, expect, it } from 'vitest';
import {
  outcomesByGroup,
  requestVolumes,
  requestsByApplicant,
  requestsBySubmissionChannel,
} from '../../src/charts/index.ts';
import { OUTCOME_GROUP_COLOURS } from '../../src/catalogue/palette.ts';
import { A001, A002, A003, outcomes, requests, traceOf } from './fixtures.ts';

describe('requestVolumes', () => {
  it('received and carried_over per agency and year, grouped; 2008 carried_over stays null', () => {
    const fig = requestVolumes(requests());
    expect(fig.layout.barmode).toBe('group');
    expect(fig.data.map((t) => t.name)).toEqual(['本年新收申请', '上年结转申请']);
    const cats = fig.data[0].y;
    expect(cats).toEqual([`${A003}<br>2020年`, `${A002}<br>2017年`, `${A001}<br>2017年`]);
    expect(traceOf(fig, 'received').x).toEqual([17, 2, 244]);
    expect(traceOf(fig, 'carried_over').x).toEqual([0, null, null]);
    expect(traceOf(fig, 'carried_over').hovertext[1]).toContain('未报告');
    expect(fig.layout.xaxis.title.text).toBe('申请数 (件)');
    expect(fig.layout.annotations[0].text).toMatch(/^来源：3 份年报 \(2017、2020\)/);
  });

  it('one agency: categories are years only', () => {
    const fig = requestVolumes(requests(), { agencies: [A001] });
    expect(fig.data[0].y).toEqual([A001]);
  });
});

describe('requestsBySubmissionChannel', () => {
  it('2008-era channels stacked, only keys present, null kept', () => {
    const fig = requestsBySubmissionChannel(requests());
    expect(fig.data.map((t) => t.meta.key)).toEqual(['in_person', 'fax', 'online', 'mail']);
    expect(fig.data.map((t) => t.name)).toEqual(['当面申请', '传真申请', '网络申请', '信函申请']);
    expect(fig.data[0].y).toEqual([A002, A001]); // 003 (2019 template) has no channel rows
    expect(traceOf(fig, 'in_person').x).toEqual([1, 138]);
    expect(traceOf(fig, 'fax').x).toEqual([null, 0]);
    const total001 = fig.data.reduce((s, t) => s + (t.x[1] ?? 0), 0);
    expect(total001).toBe(244);
  });

  it('2019-only selection has no channel data', () => {
    const fig = requestsBySubmissionChannel(requests(), { years: [2020] });
    expect(fig.data).toEqual([]);
    expect(fig.layout.annotations[0].text).toContain('无数据：所选机构/年份没有按申请方式的申请数据');
  });
});

describe('requestsByApplicant', () => {
  it('applicant types stacked (total excluded)', () => {
    const fig = requestsByApplicant(requests());
    expect(fig.data.map((t) => t.meta.key)).toEqual([
      'natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org',
    ]);
    expect(fig.data[0].name).toBe('自然人');
    expect(traceOf(fig, 'natural_person').x).toEqual([17]);
    expect(fig.layout.annotations[0].text).toBe('来源：1 份年报 (2020)');
  });
});

describe('outcomesByGroup', () => {
  it('counts by crosswalk group; a parent row beside its breakdown is not counted twice', () => {
    const fig = outcomesByGroup(outcomes());
    expect(fig.data.map((t) => t.meta.key)).toEqual(['granted', 'partial', 'denied', 'unable', 'not_processed', 'other']);
    expect(fig.data[0].y).toEqual([`${A003}<br>2020年`, `${A001}<br>2017年`]);
    expect(traceOf(fig, 'granted').x).toEqual([13, 159]);
    expect(traceOf(fig, 'denied').x).toEqual([null, 19]); // 14 + 5, not 38
    expect(traceOf(fig, 'unable').x).toEqual([3, 66]);
    expect(traceOf(fig, 'other').x).toEqual([null, null]); // asked_to_amend blank
    expect(traceOf(fig, 'other').hovertext[1]).toContain('未报告');
    expect(traceOf(fig, 'denied').marker.color).toBe(OUTCOME_GROUP_COLOURS.denied);
  });

  it('share mode: shares of the outcomes total (办理结果合计), as the disclosure rate takes them', () => {
    const fig = outcomesByGroup(outcomes(), { mode: 'share' });
    for (const i of [0, 1]) expect(fig.data.reduce((s, t) => s + (t.x[i] ?? 0), 0)).toBeCloseTo(1, 12);
    expect(traceOf(fig, 'granted').x[1]).toBeCloseTo(159 / 244, 12);
    expect(traceOf(fig, 'granted').hovertext[1]).toMatch(/予以公开：159 件（65\.2%）$/);
    expect(fig.layout.xaxis.tickformat).toBe('.0%');
  });

  it('a group with a blank part is null, not the sum of the rest; shares keep the stated total (001 with 申请信息不存在数 blank)', () => {
    const rows = (outcomes().objects() as Array<Record<string, unknown>>).map((r) => (r.outcome === 'not_exist' ? { ...r, count: null } : r));
    rows.push({ ...rows.find((r) => r.outcome === 'not_exist')!, outcome: 'not_this_agency', count: 6 });
    const counts = outcomesByGroup(rows);
    expect(traceOf(counts, 'unable').x).toEqual([3, null]);
    expect(traceOf(counts, 'unable').hovertext[1]).toMatch(/无法提供：不完整：已报告部分 6 件，1 项未报告$/);
    expect(counts.layout.annotations.map((a: { text: string }) => a.text).join()).toContain('有空项的类别不画');
    const shares = outcomesByGroup(rows, { mode: 'share' });
    expect(traceOf(shares, 'granted').x[1]).toBeCloseTo(159 / 244, 12);
    expect(traceOf(shares, 'unable').x[1]).toBeNull();
  });

  it('reported zeros under a zero total are zeros, with no share (not 未报告)', () => {
    const zero = [
      { report_id: 'z', agency: '某局', year: 2017, template: '2008', outcome: 'granted', group: 'granted', count: 0 },
      { report_id: 'z', agency: '某局', year: 2017, template: '2008', outcome: 'total', group: 'total', count: 0 },
    ];
    const fig = outcomesByGroup(zero, { mode: 'share' });
    expect(traceOf(fig, 'granted').x).toEqual([null]);
    expect(traceOf(fig, 'granted').hovertext).toEqual(['某局<br>予以公开：0 件（合计为 0，无占比）']);
  });

  it('empty selection', () => {
    expect(outcomesByGroup(outcomes(), { years: [2018] }).layout.annotations[0].text).toContain('没有办理结果数据');
  });
});
