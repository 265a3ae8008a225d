/**
 * Small view tables shaped like the seed reports (data/raw/00x), plus inline quirks.
 * 001 温州市瓯海区 2017 (2008 table), 002 威海市中小企业局 2017 (2008 table),
 * 003 威海市环翠区人民政府 2020 (2019 table; channels from prose), 000 with null channels.
 */
import * as aq from 'arquero';

export const A001 = '温州市瓯海区人民政府';
export const A002 = '威海市中小企业局';
export const A003 = '威海市环翠区人民政府';
export const A000 = '威海市环翠区政务服务中心管理办公室';

type Counts = Record<string, number | null>;

function channelRows(report_id: string, agency: string, year: number, source: string, c: Counts) {
  return Object.entries(c).map(([channel, count]) => ({ report_id, agency, year, channel, count, source }));
}

export const channelRowsSeed = [
  ...channelRows('r001', A001, 2017, 'table', { gazette: 42, website: 33196, weibo: 13026, wechat: 6194, other: 1250, total: 37353 }),
  ...channelRows('r002', A002, 2017, 'table', { gazette: 6, website: 146, weibo: 105, wechat: 256, other: 36, total: 259 }),
  ...channelRows('r003', A003, 2020, 'narrative', { gazette: 28, website: 4140, weibo: 10825, wechat: 8178, other: 908, total: 24079 }),
  // quirk: only the website figure reported; the other channels are blank (null, not 0)
  ...channelRows('r000', A000, 2017, 'narrative', { gazette: null, website: 120, weibo: null, wechat: null, other: null, total: 120 }),
];
export const channels = () => aq.from(channelRowsSeed);

function requestRows(report_id: string, agency: string, year: number, template: string, by: string, c: Counts) {
  return Object.entries(c).map(([key, count]) => ({ report_id, agency, year, template, by, key, count, source: 'table' }));
}

export const requests = () =>
  aq.from([
    ...requestRows('r001', A001, 2017, '2008', 'total', { received: 244 }),
    ...requestRows('r001', A001, 2017, '2008', 'channel', { in_person: 138, fax: 0, online: 11, mail: 95 }),
    ...requestRows('r002', A002, 2017, '2008', 'total', { received: 2 }),
    ...requestRows('r002', A002, 2017, '2008', 'channel', { in_person: 1, fax: null, online: 1, mail: 0 }),
    ...requestRows('r003', A003, 2020, '2019', 'total', { received: 17, carried_over: 0 }),
    ...requestRows('r003', A003, 2020, '2019', 'applicant', {
      natural_person: 17, commercial: 0, research: 0, social_org: 0, legal_service: 0, other_org: 0, total: 17,
    }),
  ]);

function outcomeRows(report_id: string, agency: string, year: number, template: string, c: Record<string, [string | null, number | null]>) {
  return Object.entries(c).map(([outcome, [group, count]]) => ({ report_id, agency, year, template, outcome, group, count, source: 'table' }));
}

export const outcomes = () =>
  aq.from([
    // 2008: 'denied' (19) beside its breakdown (14 + 5) must not count twice
    ...outcomeRows('r001', A001, 2017, '2008', {
      already_public: ['granted', 7],
      granted: ['granted', 152],
      denied: ['denied', 19],
      'denied.not_gov_info': ['denied', 14],
      'denied.other_law': ['denied', 5],
      not_exist: ['unable', 66],
      asked_to_amend: ['other', null],
      total: ['total', 244],
    }),
    ...outcomeRows('r003', A003, 2020, '2019', {
      granted: ['granted', 13],
      partial: ['partial', 1],
      'unable.not_held': ['unable', 3],
      'not_processed.repeat': ['not_processed', 0],
      total: ['total', 17],
    }),
  ]);

function appealRows(report_id: string, agency: string, year: number, kind: string, c: Counts) {
  return Object.entries(c).map(([result, count]) => ({ report_id, agency, year, kind, result, count, source: 'table' }));
}

export const appealRowsSeed = [
  // 2008 table: no pending row at all
  ...appealRows('r001', A001, 2017, 'reconsideration', { upheld: 0, corrected: 2, other: 2, total: 4 }),
  ...appealRows('r001', A001, 2017, 'litigation', { upheld: 0, corrected: 0, other: 0, total: 0 }),
  ...appealRows('r003', A003, 2020, 'reconsideration', { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 }),
  ...appealRows('r003', A003, 2020, 'litigation_direct', { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 }),
  // inline: two years of one agency with pending cases — pooled from summed counts
  ...appealRows('r101', '某市人民政府', 2019, 'reconsideration', { upheld: 3, corrected: 3, other: 2, pending: 2, total: 10 }),
  ...appealRows('r102', '某市人民政府', 2020, 'reconsideration', { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 }),
  // inline: corrected not reported → no rate
  ...appealRows('r103', '某县人民政府', 2020, 'reconsideration', { upheld: 1, corrected: null, other: 0, pending: 0, total: 1 }),
];
export const appeals = () => aq.from(appealRowsSeed);

export const reports = () =>
  aq.from([
    { report_id: 'r000', file: 'data/raw/000_3a5e0d9452cd99a5.txt', agency: A000, year: 2017, template: 'narrative' },
    { report_id: 'r001', file: 'data/raw/001_f6584d2c7913d8cd.txt', agency: A001, year: 2017, template: '2008' },
    { report_id: 'r002', file: 'data/raw/002_8ce2c52a2533517f.txt', agency: A002, year: 2017, template: '2008' },
    { report_id: 'r003', file: 'data/raw/003_0c4d93608fc9577c.txt', agency: A003, year: 2020, template: '2019' },
  ]);

export const findings = () =>
  aq.from([
    { report_id: 'r001', severity: 'warning', code: 'narrative_table_conflict', message: 'm', metric: 'requests.received', line: 22 },
    { report_id: 'r001', severity: 'info', code: 'unrecognised_row', message: 'm', metric: null, line: 200 },
    { report_id: 'r001', severity: 'info', code: 'unrecognised_row', message: 'm', metric: null, line: 201 },
    { report_id: 'r002', severity: 'error', code: 'identity_violation', message: 'm', metric: 'proactive.total', line: 104 },
  ]);

/** trace by its category key (trace.meta.key). */
export function traceOf(fig: { data: any[] }, key: string): any {
  const t = fig.data.find((d) => d.meta?.key === key);
  if (!t) throw new Error(`no trace ${key}`);
  return t;
}
