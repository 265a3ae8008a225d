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
  yearSpan,
  type Figure,
} from './figure.ts';
import {
  agencyName,
  agencyYearCategories,
  agencyYearKey,
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
  /** Channels were reported and all are 0: there are no shares (a reported 0 is not 未报告). */
  allZero: boolean;
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
  return { counts, missing, shares, reported, allZero: reported === 0 };
}

/** Hover text of one channel in a mix: its count and share, or why there is no share. */
function channelHover(m: ChannelMix, ch: Channel): string {
  const count = m.counts[ch];
  // A reported 0 is a count; only a null is 未报告.
  const base =
    count == null ? '未报告' : m.allZero ? `${formatCount(count, '条')}（五种渠道合计为 0，无占比）` : `${formatCount(count, '条')}（${formatShare(m.shares[ch])}）`;
  return m.missing[ch] > 0 && count != null ? `${base}，${m.missing[ch]} 份年报未报告` : base;
}

/** Σ of the reported proactive.total rows (channel = total) of these rows. */
function proactiveTotal(rows: readonly ChannelRow[]): { sum: number | null; missing: number } {
  return sumReported(rows.filter((r) => r.channel === 'total').map((r) => countOf(r.count)));
}

export interface ChannelMixOptions extends ChartOptions {
  by: 'agency' | 'year';
}

/**
 * 100%-stacked bars of the five channels: one bar per agency and year (horizontal; an agency
 * with several years gets a bar per year, labelled with it — years are never merged silently),
 * or one per year pooling the agencies (vertical). A bar whose five channels are all 0 has no
 * shares: it is labelled as such instead of being an empty row.
 */
export function channelMixBars(channels: TableLike, o: ChannelMixOptions): Figure {
  const byAgency = o.by === 'agency';
  const title = o.title ?? `主动公开渠道构成（按${byAgency ? '机构' : '年份'}）`;
  const all = selectRows(toRows<ChannelRow>(channels), o);
  const rows = all.filter((r) => isChannel(r.channel));
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage('渠道数据'), title);

  // By agency: a bar per agency and year, labelled with the agency always and with the year
  // whenever the selection has more than one (an agency's years are never merged silently).
  const cats = byAgency ? agencyYearCategories(rows) : [];
  const manyYears = new Set(cats.map((c) => c.year)).size > 1;
  const groups = byAgency
    ? cats.map((c) => ({
        label: manyYears ? `${wrapAgency(c.agency)}<br>${yearName(c.year)}` : wrapAgency(c.agency),
        match: (r: ChannelRow) => agencyYearKey(r) === c.key,
      }))
    : sortedYears(rows).map((y) => ({ label: yearName(y), match: (r: ChannelRow) => (typeof r.year === 'number' ? r.year : null) === y }));
  const mixes = groups.map((g) => channelMix(rows.filter(g.match)));
  const totals = groups.map((g) => proactiveTotal(all.filter(g.match)).sum);
  const anyMissing = mixes.some((m) => CHANNELS.some((c) => m.missing[c] > 0));
  const anyZero = mixes.some((m) => m.allZero);

  const series: BarSeries[] = CHANNELS.map((ch) => ({
    key: ch,
    name: CHANNEL_LABELS[ch],
    colour: CHANNEL_COLOURS[ch],
    values: mixes.map((m) => m.shares[ch]),
    hover: mixes.map((m) => channelHover(m, ch)),
  }));
  const fig = barFigure({
    title,
    source: sourceLine(rows),
    note:
      [
        anyMissing ? '注：未报告的渠道不计入占比（不按 0 计）。' : '',
        anyZero ? `${anyMissing ? '' : '注：'}五种渠道均报告为 0 的不画柱。` : '',
      ].join('') || undefined,
    categories: groups.map((g) => g.label),
    series,
    orientation: byAgency ? 'h' : 'v',
    barmode: 'stack',
    percent: true,
    valueTitle: '占五种渠道合计的比例 (%)',
    categoryTitle: byAgency ? undefined : '年份',
  });
  mixes.forEach((m, i) => {
    if (!m.allZero) return;
    const total = totals[i];
    const text = `五种渠道均为 0${total != null && total !== 0 ? `（主动公开总数 ${formatCount(total, '条')}）` : ''}`;
    const at = byAgency ? { x: 0, y: groups[i]!.label, xanchor: 'left' } : { x: groups[i]!.label, y: 0, yanchor: 'bottom' };
    fig.layout.annotations.push({ text, ...at, xref: 'x', yref: 'y', showarrow: false, font: { size: 12, color: '#666' } });
  });
  return fig;
}

export interface ChannelDonutOptions extends ChartOptions {
  agency?: string;
  year?: number;
  /** The reports table: with it, aggregate reports (scope = aggregate) pooled into the donut are named in a note. */
  reports?: TableLike;
}

/**
 * One agency's (and year's) channel mix as a donut — or, without an agency, the pooled mix of
 * the selection, which says so (years in the title, how many reports, aggregate reports among
 * them). The centre shows what the slices divide: the sum of the five channels; proactive.total
 * differs (one item published through several channels counts once there) and is given in a
 * note. Channels not reported are named (未报告), never counted as 0; when every reported
 * channel is 0 there is no mix to draw and the figure says so.
 */
export function channelDonut(channels: TableLike, o: ChannelDonutOptions = {}): Figure {
  const sel: ChartOptions = {
    agencies: o.agency != null ? [o.agency] : o.agencies,
    years: o.year != null ? [o.year] : o.years,
  };
  const all = selectRows(toRows<ChannelRow>(channels), sel);
  const rows = all.filter((r) => isChannel(r.channel));
  const agencies = sortedAgencies(rows);
  const years = sortedYears(rows).filter((y): y is number => y != null);
  const reportIds = [...new Set(rows.map((r) => r.report_id))];
  const who = o.agency != null ? plotlyText(o.agency) : agencies.length === 1 ? agencies[0] : `${agencies.length} 个机构 `;
  const when = o.year != null ? `${o.year}年` : years.length ? `${yearSpan(years)}年` : '';
  const pooled = reportIds.length > 1;
  const title = o.title ?? `${who}${when}主动公开渠道构成${pooled ? `（${reportIds.length} 份年报合计）` : ''}`;
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage('渠道数据'), title);

  const mix = channelMix(rows);
  const total = proactiveTotal(all);
  if (mix.allZero) {
    const stated = total.sum != null && total.sum !== 0 ? `（主动公开总数 ${formatCount(total.sum, '条')}）` : '';
    return emptyFigure(`无渠道构成：五种渠道报告的条数均为 0${stated}<br>(all five channels are 0: no mix to show)`, title);
  }
  const shown = CHANNELS.filter((c) => mix.counts[c] != null);
  const unreported = CHANNELS.filter((c) => mix.counts[c] == null).map((c) => CHANNEL_LABELS[c]);
  const partly = CHANNELS.filter((c) => mix.counts[c] != null && mix.missing[c] > 0).map(
    (c) => `${CHANNEL_LABELS[c]} ${mix.missing[c]} 份`,
  );

  const notes: string[] = [];
  if (total.sum == null) notes.push('主动公开总数未报告。');
  else if (total.sum !== mix.reported) {
    const why =
      mix.reported! > total.sum
        ? '同一信息可经多个渠道公开，各渠道分别计数，故渠道合计多于总数'
        : '渠道合计少于总数（有的信息未按渠道报告，或有渠道未报告）';
    notes.push(`主动公开总数 ${formatCount(total.sum, '条')}${total.missing ? `（${total.missing} 份年报未报告总数）` : ''}：${why}。`);
  }
  if (pooled) {
    const scopes = scopeOf(o.reports);
    const aggregate = reportIds.filter((id) => scopes.get(id) === 'aggregate').length;
    notes.push(
      `合并 ${reportIds.length} 份年报${years.length > 1 ? `（${yearSpan(years)}年，跨年份合计）` : ''}` +
        (aggregate ? `，其中 ${aggregate} 份为汇总年报（汇总了所属部门或下级地区，再与这些单位的年报相加会重复计算）` : '') +
        '。',
    );
  }
  if (unreported.length || partly.length) {
    notes.push(
      [unreported.length ? `未报告：${unreported.join('、')}` : '', partly.length ? `部分年报未报告：${partly.join('、')}` : '']
        .filter(Boolean)
        .join('；') + '（未计入，不按 0 计）',
    );
  }

  const layout = baseLayout({
    title,
    source: sourceLine(rows),
    note: notes.length ? notes.join('<br>') : undefined,
  });
  delete layout.xaxis;
  delete layout.yaxis;
  layout.margin.l = 40;
  layout.legend = { orientation: 'v', x: 1, xanchor: 'left', y: 0.5, yanchor: 'middle' };
  layout.annotations[0].yshift = -10;
  layout.annotations.push({
    text: `五种渠道合计<br><b>${formatCount(mix.reported, '条')}</b>`,
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
      // Outside labels push the margins instead of running under the legend or off the canvas.
      automargin: true,
      hovertext: shown.map((c) => channelHover(mix, c)),
      hovertemplate: '%{label}：%{hovertext}<extra></extra>',
    },
  ];
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}

/** report_id → scope, from a reports table (empty without one). */
function scopeOf(reports: TableLike | undefined): Map<string, unknown> {
  return new Map(toRows<{ report_id: string; scope?: unknown }>(reports).map((r) => [r.report_id, r.scope]));
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
  let zeros = false;
  const data = sortedAgencies(rows).map((agency) => {
    const own = rows.filter((r) => agencyName(r.agency) === agency);
    const points = years.map((y) => {
      const yearRows = own.filter((r) => r.year === y);
      if (!yearRows.length) return { share: null, hover: '无年报', gap: false, zero: false };
      const m = channelMix(yearRows);
      const social = m.counts.weibo == null || m.counts.wechat == null ? null : m.counts.weibo + m.counts.wechat;
      const share = social == null || !m.reported ? null : social / m.reported;
      const shareText = m.allZero ? '五种渠道合计为 0，无占比' : formatShare(share);
      const hover =
        `${shareText}<br>政务微博 ${formatCount(m.counts.weibo, '条')}，政务微信 ${formatCount(m.counts.wechat, '条')}` +
        `<br>五种渠道合计 ${formatCount(m.reported, '条')}`;
      return { share, hover, gap: share == null && !m.allZero, zero: m.allZero };
    });
    gaps ||= points.some((p) => p.gap);
    zeros ||= points.some((p) => p.zero);
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
    note:
      [
        gaps ? '注：政务微博或政务微信未报告的年份不画点（不按 0 计）。' : '',
        zeros ? `${gaps ? '' : '注：'}五种渠道均报告为 0 的年份没有占比，不画点。` : '',
      ].join('') || undefined,
  });
  layout.xaxis.tickmode = 'array';
  layout.xaxis.tickvals = years;
  layout.xaxis.ticktext = years.map(String);
  layout.yaxis.tickformat = '.0%';
  layout.yaxis.rangemode = 'tozero';
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
