import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import {
  correctionRate,
  disclosureRate,
  INDICATORS,
  newMediaShare,
  pivotCounts,
  refusalRate,
  requestsPerAgency,
  strictSum,
  withReportColumns,
  yoyChange,
  NEW_MEDIA_OVER_TOTAL_NOTE,
} from '../../src/tables/indicators.ts';
import { isXxgkError } from '../../src/errors.ts';

type Rec = Record<string, unknown>;

const outcome = (report_id: string, agency: string, year: number, group: string | null, count: number | null, outcome = group): Rec => ({
  report_id,
  agency,
  year,
  template: '2019',
  outcome,
  group,
  count,
});

/** Agency A: 8 of 10 granted, 1 partial. Agency B: 1 of 90 granted, 9 partial. */
const outcomes = aq.from([
  outcome('a', 'A', 2020, 'granted', 8),
  outcome('a', 'A', 2020, 'partial', 1),
  outcome('a', 'A', 2020, 'denied', 1, 'denied.state_secret'),
  outcome('a', 'A', 2020, 'total', 10),
  outcome('b', 'B', 2020, 'granted', 1),
  outcome('b', 'B', 2020, 'partial', 9),
  outcome('b', 'B', 2020, 'denied', 30, 'denied.third_party'),
  outcome('b', 'B', 2020, 'unable', 50, 'unable.not_held'),
  outcome('b', 'B', 2020, 'total', 90),
]);

describe('disclosure rate', () => {
  it('computes both variants per report', () => {
    const withPartial = disclosureRate(outcomes).objects() as Rec[];
    expect(withPartial.map((r) => [r.report_id, r.numerator, r.denominator, r.disclosure_rate])).toEqual([
      ['a', 9, 10, 0.9],
      ['b', 10, 90, 10 / 90],
    ]);
    const grantedOnly = disclosureRate(outcomes, { variant: 'granted_only' }).objects() as Rec[];
    expect(grantedOnly.map((r) => r.disclosure_rate)).toEqual([0.8, 1 / 90]);
  });

  it('rates a group from summed counts, not the mean of rates', () => {
    const [row] = disclosureRate(outcomes, { by: ['year'] }).objects() as Rec[];
    expect(row).toEqual({ year: 2020, reports: 2, numerator: 19, denominator: 100, disclosure_rate: 0.19 });
    // the mean of the two rates would be (0.9 + 0.111…) / 2 ≈ 0.506
  });

  it('is null, not NaN or 0, for a zero or missing denominator', () => {
    const zero = aq.from([outcome('z', 'Z', 2020, 'granted', 0), outcome('z', 'Z', 2020, 'partial', 0), outcome('z', 'Z', 2020, 'total', 0)]);
    expect((disclosureRate(zero).objects() as Rec[])[0]!.disclosure_rate).toBeNull();
    const missing = aq.from([outcome('m', 'M', 2020, 'granted', 3), outcome('m', 'M', 2020, 'partial', 0)]);
    expect((disclosureRate(missing).objects() as Rec[])[0]).toMatchObject({ denominator: null, disclosure_rate: null });
  });

  it('makes a group null when any member count is null (null is not 0)', () => {
    const withBlank = outcomes.concat(
      aq.from([outcome('c', 'C', 2020, 'granted', null), outcome('c', 'C', 2020, 'partial', 1), outcome('c', 'C', 2020, 'total', 5)]),
    );
    const [row] = disclosureRate(withBlank, { by: ['year'] }).objects() as Rec[];
    expect(row).toMatchObject({ reports: 3, numerator: null, denominator: 105, disclosure_rate: null });
  });
});

describe('refusal rate', () => {
  it('counts denied, optionally with unable', () => {
    expect((refusalRate(outcomes, { by: ['year'] }).objects() as Rec[])[0]!.refusal_rate).toBe(31 / 100);
    // Agency A states no unable row: it is missing (not 0), so A and any group with A is null.
    expect((refusalRate(outcomes, { by: ['year'], variant: 'denied_or_unable' }).objects() as Rec[])[0]!.refusal_rate).toBeNull();
    expect(
      (refusalRate(outcomes, { variant: 'denied_or_unable' }).objects() as Rec[]).map((r) => r.refusal_rate),
    ).toEqual([null, 80 / 90]);
  });
});

const appeal = (report_id: string, kind: string, result: string, count: number | null, year = 2020): Rec => ({
  report_id,
  agency: report_id.toUpperCase(),
  year,
  kind,
  result,
  count,
});

describe('correction rate', () => {
  const appeals = aq.from([
    appeal('a', 'reconsideration', 'corrected', 1),
    appeal('a', 'reconsideration', 'pending', 2),
    appeal('a', 'reconsideration', 'total', 6),
    appeal('a', 'litigation', 'corrected', 0),
    appeal('a', 'litigation', 'total', 0),
    // a 2008-form report: no pending row
    appeal('old', 'reconsideration', 'corrected', 1, 2017),
    appeal('old', 'reconsideration', 'total', 5, 2017),
  ]);

  it('divides by decided cases (total − pending) or by all cases', () => {
    const decided = correctionRate(appeals).objects() as Rec[];
    expect(decided.map((r) => [r.report_id, r.numerator, r.denominator, r.correction_rate])).toEqual([
      ['a', 1, 4, 0.25],
      ['old', 1, 5, 0.2],
    ]);
    const all = correctionRate(appeals, { variant: 'all' }).objects() as Rec[];
    expect(all.map((r) => r.correction_rate)).toEqual([1 / 6, 0.2]);
  });

  it('is null when there are no cases, and for a blank pending cell', () => {
    expect((correctionRate(appeals, { kind: 'litigation' }).objects() as Rec[])[0]!.correction_rate).toBeNull();
    const blank = aq.from([appeal('x', 'reconsideration', 'corrected', 1), appeal('x', 'reconsideration', 'pending', null), appeal('x', 'reconsideration', 'total', 4)]);
    expect((correctionRate(blank).objects() as Rec[])[0]!.correction_rate).toBeNull();
    expect((correctionRate(blank, { variant: 'all' }).objects() as Rec[])[0]!.correction_rate).toBe(0.25);
  });
});

describe('new-media share', () => {
  const channel = (report_id: string, ch: string, count: number | null): Rec => ({ report_id, agency: report_id, year: 2020, channel: ch, count });
  const channels = aq.from([
    channel('a', 'gazette', 28),
    channel('a', 'website', 4140),
    channel('a', 'weibo', 10825),
    channel('a', 'wechat', 8178),
    channel('a', 'other', 908),
    channel('a', 'total', 24079),
    channel('b', 'website', 100),
    channel('b', 'weibo', null),
    channel('b', 'wechat', 0),
  ]);

  it('is (weibo + wechat) / Σ channels, or / proactive.total', () => {
    const rows = newMediaShare(channels).objects() as Rec[];
    expect(rows.map((r) => [r.report_id, r.numerator, r.denominator])).toEqual([
      ['a', 19003, 24079],
      ['b', null, null],
    ]);
    expect(rows.map((r) => r.new_media_share)).toEqual([19003 / 24079, null]);
    expect((newMediaShare(channels, { variant: 'total' }).objects() as Rec[])[0]!.new_media_share).toBe(19003 / 24079);
    expect(rows.map((r) => r.note)).toEqual([null, null]);
  });

  it("variant total above 100% (seed 002: 105 + 256 of 259) is flagged in the note column", () => {
    const seed002 = aq.from(
      Object.entries({ gazette: 6, website: 146, weibo: 105, wechat: 256, other: 36, total: 259 }).map(([ch, count]) => channel('c', ch, count)),
    );
    const [row] = newMediaShare(seed002, { variant: 'total' }).objects() as Rec[];
    expect(row).toEqual({
      report_id: 'c', agency: 'c', year: 2020, reports: 1, numerator: 361, denominator: 259, new_media_share: 361 / 259,
      note: NEW_MEDIA_OVER_TOTAL_NOTE,
    });
    expect(NEW_MEDIA_OVER_TOTAL_NOTE).toContain('同一信息可经多个渠道公开');
    expect((newMediaShare(seed002).objects() as Rec[])[0]).toMatchObject({ new_media_share: 361 / 549, note: null });
    expect(INDICATORS.new_media_share!.variants.total).toMatch(/may exceed 1/);
  });
});

describe('year-over-year change and requests per agency', () => {
  const requests = aq.from([
    { report_id: 'a18', agency: 'A', year: 2018, by: 'total', key: 'received', count: 10 },
    { report_id: 'a19', agency: 'A', year: 2019, by: 'total', key: 'received', count: 15 },
    { report_id: 'a21', agency: 'A', year: 2021, by: 'total', key: 'received', count: 20 },
    { report_id: 'b19', agency: 'B', year: 2019, by: 'total', key: 'received', count: 0 },
    { report_id: 'b20', agency: 'B', year: 2020, by: 'total', key: 'received', count: 4 },
    { report_id: 'b19', agency: 'B', year: 2019, by: 'channel', key: 'online', count: 99 },
  ]);

  it('compares with the same agency and key in year − 1 only', () => {
    const rows = yoyChange(requests, { by: ['agency', 'by', 'key'] }).objects() as Rec[];
    expect(rows.map((r) => [r.report_id, r.key, r.count_prev, r.count_change, r.count_change_pct])).toEqual([
      ['a18', 'received', null, null, null],
      ['a19', 'received', 10, 5, 0.5],
      ['a21', 'received', null, null, null], // 2020 missing: no change across a gap
      ['b19', 'received', null, null, null],
      ['b20', 'received', 0, 4, null], // from 0: no percentage
      ['b19', 'online', null, null, null],
    ]);
  });

  it('divides summed received requests by the number of agencies', () => {
    const rows = requestsPerAgency(requests).objects() as Rec[];
    expect(rows).toEqual([
      { year: 2018, agencies: 1, received: 10, requests_per_agency: 10 },
      { year: 2019, agencies: 2, received: 15, requests_per_agency: 7.5 },
      { year: 2021, agencies: 1, received: 20, requests_per_agency: 20 },
      { year: 2020, agencies: 1, received: 4, requests_per_agency: 4 },
    ]);
  });
});

describe('definitions', () => {
  it('names every indicator with a definition and variants', () => {
    expect(Object.keys(INDICATORS)).toEqual([
      'disclosure_rate',
      'refusal_rate',
      'correction_rate',
      'new_media_share',
      'yoy_change',
      'requests_per_agency',
    ]);
    expect(Object.keys(INDICATORS.disclosure_rate!.variants)).toEqual(['with_partial', 'granted_only']);
    expect(Object.keys(INDICATORS.correction_rate!.variants)).toEqual(['decided', 'all']);
    expect(INDICATORS.correction_rate!.variants.decided).toBe('corrected / (total − pending)');
  });

  it('pivots counts per group without counting a blank as 0', () => {
    const t = aq.from([
      outcome('a', 'A', 2017, 'unable', 6, 'not_this_agency'),
      outcome('a', 'A', 2017, 'unable', null, 'not_exist'),
      outcome('a', 'A', 2017, 'granted', 135),
      outcome('b', 'B', 2017, 'granted', 3),
    ]);
    expect(pivotCounts(t, ['agency', 'year'], 'group').objects()).toEqual([
      { agency: 'A', year: 2017, unable: null, granted: 135 },
      { agency: 'B', year: 2017, unable: null, granted: 3 },
    ]);
  });

  it('sums strictly', () => {
    expect(strictSum([1, 2])).toBe(3);
    expect(strictSum([1, null])).toBeNull();
    expect(strictSum([])).toBeNull();
    expect(strictSum([1, Number.NaN])).toBeNull();
  });
});

describe('grouping by a column the table does not have', () => {
  const requests = aq.from([
    { report_id: 'a', agency: 'A', year: 2019, template: '2019', by: 'total', key: 'received', count: 10 },
    { report_id: 'b', agency: 'B', year: 2019, template: '2019', by: 'total', key: 'received', count: 4 },
    { report_id: 'c', agency: 'C', year: 2019, template: '2019', by: 'total', key: 'received', count: 1 },
  ]);
  const reports = aq.from([
    { report_id: 'a', province: '山东省', scope: 'self' },
    { report_id: 'b', province: '山东省', scope: 'aggregate' },
    { report_id: 'c', province: '浙江省', scope: 'self' },
  ]);
  const err = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e;
    }
    throw new Error('no error');
  };

  it('is an XxgkError naming the column (views have no province: never one row keyed null)', () => {
    const e = err(() => requestsPerAgency(requests, { by: ['province'] })) as Error;
    expect(isXxgkError(e) && e.code).toBe('bad_argument');
    expect(e.message).toBe(
      'requests_per_agency: no column "province" in this table (columns: report_id, agency, year, template, by, key, count); ' +
        "province is a reports column: join it first, e.g. withReportColumns(view, r.reports, ['province'])",
    );
  });

  it('in every indicator helper', () => {
    const messages = [
      () => disclosureRate(outcomes, { by: ['province'] }),
      () => refusalRate(outcomes, { by: ['level'] }),
      () => correctionRate(aq.from([appeal('a', 'reconsideration', 'total', 1)]), { by: ['city'] }),
      () => newMediaShare(aq.from([{ report_id: 'a', channel: 'weibo', count: 1 }]), { by: ['scope'] }),
      () => pivotCounts(outcomes, ['province'], 'group'),
      () => pivotCounts(outcomes, ['agency'], 'no_such_column'),
      () => yoyChange(requests, { by: ['county'] }),
      () => yoyChange(requests, { value: 'received' }),
    ].map((f) => (err(f) as Error).message.split(':')[0] + ': ' + /no column ("[^"]+")/.exec((err(f) as Error).message)?.[1]);
    expect(messages).toEqual([
      'disclosure_rate: "province"',
      'refusal_rate: "level"',
      'correction_rate: "city"',
      'new_media_share: "scope"',
      'pivotCounts: "province"',
      'pivotCounts: "no_such_column"',
      'yoyChange: "county"',
      'yoyChange: "received"',
    ]);
  });

  it('withReportColumns joins a reports column by report_id, and then the grouping works', () => {
    const joined = withReportColumns(requests, reports, ['province', 'scope']);
    expect(joined.columnNames()).toEqual([...requests.columnNames(), 'province', 'scope']);
    expect(requestsPerAgency(joined, { by: ['province'] }).objects()).toEqual([
      { province: '山东省', agencies: 2, received: 14, requests_per_agency: 7 },
      { province: '浙江省', agencies: 1, received: 1, requests_per_agency: 1 },
    ]);
    expect(withReportColumns(requests, reports, ['agency'] as string[]).columnNames()).toEqual(requests.columnNames());
  });
});

