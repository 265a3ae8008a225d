/**
 * The standard briefing charts, by name: one place that the CLI (`xxgk chart <kind>`), the main
 * job (`npm start`), the briefing pack and the notebooks share.
 */
import type { LoadResult } from '../load.ts';
import { syntheticReportIds, tablesOf } from '../tables/select.ts';
import { appealsByResult, correctionRate } from './appeals.ts';
import { channelDonut, channelMixBars, newMediaShareLine } from './channels.ts';
import type { Figure } from './figure.ts';
import { findingsByCode } from './quality.ts';
import { outcomesByGroup, requestsByApplicant, requestsBySubmissionChannel, requestVolumes } from './requests.ts';
import type { ChartOptions } from './rows.ts';

type Views = Pick<LoadResult, 'reports' | 'findings' | 'channels' | 'requests' | 'outcomes' | 'appeals'>;
export interface StandardOptions extends ChartOptions {
  /** For single-agency charts (the donut): the agency; defaults to the first selected. */
  agency?: string;
  year?: number;
  /**
   * Chart reports written by `xxgk synth` too, marked as such in the source line. By default
   * they are left out: synthetic data is for scale and accuracy tests, never for analysis.
   */
  includeSynthetic?: boolean;
}

export const STANDARD_CHARTS = {
  'channel-mix': { title: '主动公开渠道构成（按机构）', build: (v: Views, o: StandardOptions) => channelMixBars(v.channels, { ...o, by: 'agency' }) },
  'channel-mix-year': { title: '主动公开渠道构成（按年份）', build: (v: Views, o: StandardOptions) => channelMixBars(v.channels, { ...o, by: 'year' }) },
  'channel-donut': {
    title: '单一机构的主动公开渠道',
    build: (v: Views, o: StandardOptions) =>
      channelDonut(v.channels, { ...o, agency: o.agency ?? o.agencies?.[0], year: o.year ?? o.years?.[0], reports: v.reports }),
  },
  'new-media-share': { title: '新媒体占比', build: (v: Views, o: StandardOptions) => newMediaShareLine(v.channels, o) },
  'request-volumes': { title: '收到与结转的申请', build: (v: Views, o: StandardOptions) => requestVolumes(v.requests, o) },
  'request-channels': { title: '申请提交渠道（2008 版）', build: (v: Views, o: StandardOptions) => requestsBySubmissionChannel(v.requests, o) },
  'request-applicants': { title: '申请人类型（2019 版起）', build: (v: Views, o: StandardOptions) => requestsByApplicant(v.requests, o) },
  outcomes: { title: '办理结果', build: (v: Views, o: StandardOptions) => outcomesByGroup(v.outcomes, { ...o, mode: 'count' }) },
  'outcome-shares': { title: '办理结果占比', build: (v: Views, o: StandardOptions) => outcomesByGroup(v.outcomes, { ...o, mode: 'share' }) },
  reconsideration: { title: '行政复议结果', build: (v: Views, o: StandardOptions) => appealsByResult(v.appeals, { ...o, kind: 'reconsideration' }) },
  litigation: { title: '行政诉讼结果', build: (v: Views, o: StandardOptions) => appealsByResult(v.appeals, { ...o, kind: 'litigation' }) },
  'correction-rate': { title: '行政复议纠错率', build: (v: Views, o: StandardOptions) => correctionRate(v.appeals, { ...o, kind: 'reconsideration' }) },
  findings: { title: '数据质量', build: (v: Views, o: StandardOptions) => findingsByCode(v.findings, v.reports, o) },
} as const satisfies Record<string, { title: string; build: (v: Views, o: StandardOptions) => Figure }>;

export type ChartKind = keyof typeof STANDARD_CHARTS;
export const CHART_KINDS = Object.keys(STANDARD_CHARTS) as ChartKind[];

export function isChartKind(kind: string | undefined): kind is ChartKind {
  return kind !== undefined && Object.hasOwn(STANDARD_CHARTS, kind);
}

export function standardChart(views: Views, kind: ChartKind, o: StandardOptions = {}): Figure {
  const synthetic = syntheticReportIds(views.findings);
  if (!synthetic.size) return STANDARD_CHARTS[kind].build(views, o);
  if (!o.includeSynthetic) return STANDARD_CHARTS[kind].build(withoutReports(views, synthetic), o);
  const fig = STANDARD_CHARTS[kind].build(views, o);
  const source = fig.layout.annotations?.[0];
  // After the source line, before any note under it.
  if (source) source.text = source.text.replace(/^[^<]*/, (line: string) => `${line}，含合成年报（xxgk synth，仅供测试）`);
  return fig;
}

const filtered = new WeakMap<Views, Views>();

/** The views without the rows of these reports (kept per views object: each chart of a batch reuses them). */
function withoutReports(v: Views, ids: ReadonlySet<string>): Views {
  let out = filtered.get(v);
  if (!out) filtered.set(v, (out = tablesOf(v, (id) => !ids.has(id))));
  return out;
}
