/**
 * Proactive-disclosure channel mix (channels view). Shares are taken over the sum of the five
 * channels' reported counts — not over proactive.total, because one item published through two
 * channels counts once in the total but once per channel. A channel that was not reported is
 * left out of the shares (never counted as 0) and named as 未报告 in the hover text.
 */
import { CHANNEL_LABELS, CHANNELS, type Channel } from '../catalogue/labels.ts';
import { CHANNEL_COLOURS } from '../catalogue/palette.ts';
import { barFigure, type BarSeries } from './bars.ts';
import {
  baseLayout,
  DEFAULT_CONFIG,
  emptyFigure,
  formatCount,
  formatShare,
  noDataMessage,
  sourceLine,
  type Figure,
} from './figure.ts';
import {
  agencyName,
  countOf,
  groupBy,
  plotlyText,
  selectRows,
  sortedAgencies,
  sortedYears,
  sumReported,
  toRows,
  wrapAgency,
  yearName,
  type ChartOptions,
  type TableLike,
  type ViewRow,
} from './rows.ts';

interface ChannelRow extends ViewRow {
  channel: string;
}

const isChannel = (c: unknown): c is Channel => (CHANNELS as readonly unknown[]).includes(c);

/** Channel rows of the selection (the five channels only; total is not a share). */
function channelRows(channels: TableLike, o: ChartOptions): ChannelRow[] {
  return selectRows(toRows<ChannelRow>(channels), o).filter((r) => isChannel(r.channel));
}

/** Pooled channel counts of a group of rows: per channel, the sum of reported counts. */
export interface ChannelMix {
  counts: Record<Channel, number | null>;
  /** Per channel, how many reports in the group did not report it. */
  missing: Record<Channel, number>;
  /** Share of each channel in the sum of reported channels; null when not reported. */
  shares: Record<Channel, number | null>;
  /** Sum of the reported channel counts (null when no channel was reported). */
  reported: number | null;
}

export function channelMix(rows: readonly ChannelRow[]): ChannelMix {
  const counts = {} as Record<Channel, number | null>;
  const missing = {} as Record<Channel, number>;
  const byReport = groupBy(rows, (r) => r.report_id);
  for (const ch of CHANNELS) {
    // A report with no row for a channel did not report it either.
    const values = [...byReport.values()].map((rs) => {
      const own = rs.filter((r) => r.channel === ch).map((r) => countOf(r.count));
      return sumReported(own).sum;
    });
    const s = sumReported(values);
    counts[ch] = s.sum;
    missing[ch] = s.missing;
  }
  const reported = sumReported(CHANNELS.map((c) => counts[c])).sum;
  const shares = {} as Record<Channel, number | null>;
  for (const ch of CHANNELS) {
    const c = counts[ch];
    shares[ch] = c == null || !reported ? null : c / reported;
  }
  return { counts, missing, shares, reported };
}

export interface ChannelMixOptions extends ChartOptions {
  by: 'agency' | 'year';
}

/** 100%-stacked bars of the five channels, one bar per agency (horizontal) or per year. */
export function channelMixBars(channels: TableLike, o: ChannelMixOptions): Figure {
  const byAgency = o.by === 'agency';
  const title = o.title ?? `主动公开渠道构成（按${byAgency ? '机构' : '年份'}）`;
  const rows = channelRows(channels, o);
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage('渠道数据'), title);

  const groups = byAgency
    ? sortedAgencies(rows).map((a) => ({ label: wrapAgency(a), rows: rows.filter((r) => agencyName(r.agency) === a) }))
    : sortedYears(rows).map((y) => ({ label: yearName(y), rows: rows.filter((r) => (r.year ?? null) === y) }));
  const mixes = groups.map((g) => channelMix(g.rows));
  const anyMissing = mixes.some((m) => CHANNELS.some((c) => m.missing[c] > 0));

  const series: BarSeries[] = CHANNELS.map((ch) => ({
    key: ch,
    name: CHANNEL_LABELS[ch],
    colour: CHANNEL_COLOURS[ch],
    values: mixes.map((m) => m.shares[ch]),
    hover: mixes.map((m) => {
      const base = m.counts[ch] == null ? '未报告' : `${formatCount(m.counts[ch], '条')}（${formatShare(m.shares[ch])}）`;
      return m.missing[ch] > 0 && m.counts[ch] != null ? `${base}，${m.missing[ch]} 份年报未报告` : base;
    }),
  }));
  return barFigure({
    title,
    source: sourceLine(rows),
    note: anyMissing ? '注：未报告的渠道不计入占比（不按 0 计）。' : undefined,
    categories: groups.map((g) => g.label),
    series,
    orientation: byAgency ? 'h' : 'v',
    barmode: 'stack',
    percent: true,
    valueTitle: '占五种渠道合计的比例 (%)',
    categoryTitle: byAgency ? undefined : '年份',
  });
}

export interface ChannelDonutOptions extends ChartOptions {
  agency?: string;
  year?: number;
}

/** One agency's (and year's) channel mix as a donut; the centre shows proactive.total. */
export function channelDonut(channels: TableLike, o: ChannelDonutOptions = {}): Figure {
  const sel: ChartOptions = {
    agencies: o.agency != null ? [o.agency] : o.agencies,
    years: o.year != null ? [o.year] : o.years,
  };
  const all = selectRows(toRows<ChannelRow>(channels), sel);
  const rows = all.filter((r) => isChannel(r.channel));
  const agencies = sortedAgencies(rows);
  const years = sortedYears(rows).filter((y): y is number => y != null);
  const who = o.agency != null ? plotlyText(o.agency) : (agencies.length === 1 ? agencies[0] : `${agencies.length} 个机构`);
  const when = o.year != null ? `${o.year}年` : years.length === 1 ? `${years[0]}年` : '';
  const title = o.title ?? `${who}${when}主动公开渠道构成`;
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage('渠道数据'), title);

  const mix = channelMix(rows);
  const shown = CHANNELS.filter((c) => mix.counts[c] != null);
  const unreported = CHANNELS.filter((c) => mix.counts[c] == null).map((c) => CHANNEL_LABELS[c]);
  const total = sumReported(all.filter((r) => r.channel === 'total').map((r) => countOf(r.count)));

  const layout = baseLayout({
    title,
    source: sourceLine(rows),
    note: unreported.length ? `未报告：${unreported.join('、')}（未计入）` : undefined,
  });
  delete layout.xaxis;
  delete layout.yaxis;
  layout.legend = { orientation: 'v', x: 1, xanchor: 'left', y: 0.5, yanchor: 'middle' };
  layout.annotations[0].yshift = -10;
  layout.annotations.push({
    text: `主动公开<br><b>${formatCount(total.sum, '条')}</b>`,
    x: 0.5,
    y: 0.5,
    xref: 'paper',
    yref: 'paper',
    showarrow: false,
    font: { size: 15 },
  });
  const data = [
    {
      type: 'pie',
      hole: 0.55,
      sort: false,
      direction: 'clockwise',
      labels: shown.map((c) => CHANNEL_LABELS[c]),
      values: shown.map((c) => mix.counts[c]),
      meta: { keys: shown },
      marker: { colors: shown.map((c) => CHANNEL_COLOURS[c]), line: { color: '#fff', width: 1 } },
      texttemplate: '%{label}<br>%{percent:.1%}',
      textposition: 'outside',
      hovertemplate: '%{label}：%{value:,} 条（%{percent}）<extra></extra>',
    },
  ];
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/**
 * New-media share per agency over years: (weibo + wechat) / sum of the reported channels.
 * Null (a gap in the line) when weibo or wechat was not reported.
 */
export function newMediaShareLine(channels: TableLike, o: ChartOptions = {}): Figure {
  const title = o.title ?? '新媒体（政务微博 + 政务微信）占主动公开渠道的比例';
  const rows = channelRows(channels, o);
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage('渠道数据'), title);

  const years = sortedYears(rows).filter((y): y is number => y != null);
  let gaps = false;
  const data = sortedAgencies(rows).map((agency) => {
    const own = rows.filter((r) => agencyName(r.agency) === agency);
    const points = years.map((y) => {
      const yearRows = own.filter((r) => r.year === y);
      if (!yearRows.length) return { share: null, hover: '无年报', gap: false };
      const m = channelMix(yearRows);
      const social = m.counts.weibo == null || m.counts.wechat == null ? null : m.counts.weibo + m.counts.wechat;
      const share = social == null || !m.reported ? null : social / m.reported;
      const hover =
        `${formatShare(share)}<br>政务微博 ${formatCount(m.counts.weibo, '条')}，政务微信 ${formatCount(m.counts.wechat, '条')}` +
        `<br>五种渠道合计 ${formatCount(m.reported, '条')}`;
      return { share, hover, gap: share == null };
    });
    gaps ||= points.some((p) => p.gap);
    return {
      type: 'scatter',
      mode: 'lines+markers',
      name: agency,
      x: years,
      y: points.map((p) => p.share),
      connectgaps: false,
      hovertext: points.map((p, i) => `${agency} ${years[i]}年<br>新媒体占比 ${p.hover}`),
      hovertemplate: '%{hovertext}<extra></extra>',
    };
  });
  const layout = baseLayout({
    title,
    source: sourceLine(rows),
    xTitle: '年份',
    yTitle: '新媒体占五种渠道合计的比例 (%)',
    note: gaps ? '注：政务微博或政务微信未报告的年份不画点（不按 0 计）。' : undefined,
  });
  layout.xaxis.tickmode = 'array';
  layout.xaxis.tickvals = years;
  layout.xaxis.ticktext = years.map(String);
  layout.yaxis.tickformat = '.0%';
  layout.yaxis.rangemode = 'tozero';
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
