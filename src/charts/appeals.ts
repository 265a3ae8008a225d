/**
 * Administrative reconsideration and litigation (appeals view): results stacked, and the
 * correction rate per agency with its two named variants (data-contract.md, 口径).
 */
import {
  APPEAL_KIND_LABELS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  labelOf,
  type AppealKind,
} from '../catalogue/labels.ts';
import { APPEAL_RESULT_COLOURS, colourOf } from '../catalogue/palette.ts';
import { barFigure, type BarSeries } from './bars.ts';
import { emptyFigure, formatShare, noDataMessage, sourceLine, type Figure } from './figure.ts';
import {
  agencyName,
  countOf,
  countsByCategory,
  groupBy,
  orderedKeys,
  selectRows,
  sortedAgencies,
  toRows,
  wrapAgency,
  type ChartOptions,
  type TableLike,
  type ViewRow,
} from './rows.ts';

interface AppealRow extends ViewRow {
  kind: string;
  result: string;
}

export interface AppealsOptions extends ChartOptions {
  kind?: AppealKind;
}

function appealRows(appeals: TableLike, kind: string, o: ChartOptions): AppealRow[] {
  return selectRows(toRows<AppealRow>(appeals), o).filter((r) => r.kind === kind);
}

/** Cases per agency-year stacked by result (维持/纠正/其他/尚未审结). */
export function appealsByResult(appeals: TableLike, o: AppealsOptions = {}): Figure {
  const kind = o.kind ?? 'reconsideration';
  const kindLabel = labelOf(APPEAL_KIND_LABELS, kind);
  const title = o.title ?? `${kindLabel}结果`;
  const rows = appealRows(appeals, kind, o).filter((r) => r.result !== 'total');
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage(`${kindLabel}数据`), title);

  const results = orderedKeys(
    rows.map((r) => r.result),
    APPEAL_RESULTS,
  );
  const { categories, counts, hover } = countsByCategory(rows, (r) => r.result, results, '件');
  const series: BarSeries[] = results.map((k) => ({
    key: k,
    name: labelOf(APPEAL_RESULT_LABELS, k),
    colour: colourOf(APPEAL_RESULT_COLOURS, k),
    values: counts[k],
    hover: hover[k],
  }));
  return barFigure({
    title,
    source: sourceLine(rows),
    note: results.includes('pending') ? undefined : '注：2008 年版模板没有"尚未审结"一项。',
    categories: categories.map((c) => c.label),
    series,
    orientation: 'h',
    barmode: 'stack',
    valueTitle: `${kindLabel}案件数 (件)`,
  });
}

export interface CorrectionRateOptions extends AppealsOptions {
  /** decided: corrected / (total − pending) (default); all: corrected / total. */
  variant?: 'decided' | 'all';
}

export interface CorrectionCounts {
  corrected: number;
  denominator: number;
}

/**
 * One report's numerator and denominator, or null when they are not known. For `decided`,
 * a report without a pending row at all (2008 template, which has no such category) uses
 * upheld + corrected + other, which its identity makes equal to total.
 */
export function reportCorrection(rows: readonly AppealRow[], variant: 'decided' | 'all'): CorrectionCounts | null {
  const get = (result: string): number | null | undefined => {
    const own = rows.filter((r) => r.result === result);
    if (!own.length) return undefined; // no such row
    const values = own.map((r) => countOf(r.count));
    return values.some((v) => v == null) ? null : values.reduce<number>((a, b) => a + (b as number), 0);
  };
  const corrected = get('corrected');
  const total = get('total');
  if (corrected == null) return null;
  if (variant === 'all') return total == null ? null : { corrected, denominator: total };
  const pending = get('pending');
  if (total != null && pending != null) return { corrected, denominator: total - pending };
  if (pending === undefined) {
    const upheld = get('upheld');
    const other = get('other');
    if (upheld != null && other != null) return { corrected, denominator: upheld + corrected + other };
  }
  return null;
}

/**
 * Correction rate per agency over the selected years, from summed counts (never an average of
 * yearly rates). Reports whose rate is not computable are left out and counted in the hover.
 */
export function correctionRate(appeals: TableLike, o: CorrectionRateOptions = {}): Figure {
  const kind = o.kind ?? 'reconsideration';
  const variant = o.variant ?? 'decided';
  const kindLabel = labelOf(APPEAL_KIND_LABELS, kind);
  const title = o.title ?? `${kindLabel}纠错率（${variant === 'decided' ? '已审结口径' : '全部案件口径'}）`;
  const rows = appealRows(appeals, kind, o);
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage(`${kindLabel}数据`), title);

  const agencies = sortedAgencies(rows);
  const stats = agencies.map((agency) => {
    let corrected = 0;
    let denominator = 0;
    let used = 0;
    let skipped = 0;
    for (const rs of groupBy(
      rows.filter((r) => agencyName(r.agency) === agency),
      (r) => r.report_id,
    ).values()) {
      const c = reportCorrection(rs, variant);
      if (!c) {
        skipped += 1;
        continue;
      }
      corrected += c.corrected;
      denominator += c.denominator;
      used += 1;
    }
    const rate = used && denominator > 0 ? corrected / denominator : null;
    return { corrected, denominator, used, skipped, rate };
  });
  const denomLabel = variant === 'decided' ? '已审结' : '总计';
  const series: BarSeries = {
    key: 'corrected',
    name: '纠错率',
    colour: APPEAL_RESULT_COLOURS.corrected,
    values: stats.map((s) => s.rate),
    hover: stats.map((s) => {
      const base = !s.used
        ? '未报告'
        : s.denominator > 0
          ? `${formatShare(s.rate)}（纠正 ${s.corrected} 件 / ${denomLabel} ${s.denominator} 件）`
          : `无${variant === 'decided' ? '已审结' : ''}案件`;
      return s.skipped ? `${base}，${s.skipped} 份年报无法计算` : base;
    }),
  };
  const fig = barFigure({
    title,
    source: sourceLine(rows),
    note:
      variant === 'decided'
        ? '口径：纠错率 = 结果纠正 ÷ (总计 − 尚未审结)；多年合并时先合计件数再相除。'
        : '口径：纠错率 = 结果纠正 ÷ 总计（含尚未审结）；多年合并时先合计件数再相除。',
    categories: agencies.map(wrapAgency),
    series: [series],
    orientation: 'h',
    barmode: 'group',
    percent: true,
    valueTitle: '纠错率 (%)',
    showLegend: false,
    text: (s, i) => formatShare(s.values[i]),
  });
  // A missing rate gets a visible word at the zero line, not just an absent bar.
  stats.forEach((s, i) => {
    if (s.rate != null) return;
    fig.layout.annotations.push({
      text: s.used ? '无案件' : '未报告',
      x: 0,
      y: fig.data[0].y[i],
      xref: 'x',
      yref: 'y',
      xanchor: 'left',
      showarrow: false,
      font: { size: 12, color: '#888' },
    });
  });
  const top = Math.max(0, ...stats.map((s) => s.rate ?? 0));
  fig.layout.xaxis.range = [0, Math.max(0.1, top) * 1.15];
  return fig;
}
