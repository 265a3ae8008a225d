/** Data quality: findings per report, stacked by finding code (findings + reports tables). */
import { FINDING_CODE_LABELS, labelOf } from '../catalogue/labels.ts';
import { FINDING_CODE_COLOURS, colourOf } from '../catalogue/palette.ts';
import { FINDING_CODES, type Severity } from '../types.ts';
import { barFigure, type BarSeries } from './bars.ts';
import { emptyFigure, formatCount, lineCount, MARGIN_BOTTOM, MARGIN_TOP_LEGEND_RIGHT, noDataMessage, sourceLine, type Figure } from './figure.ts';
import {
  agencyName,
  orderedKeys,
  selectRows,
  toRows,
  wrapAgency,
  yearName,
  type ChartOptions,
  type TableLike,
} from './rows.ts';

interface ReportLike {
  report_id: string;
  file?: string | null;
  agency: string | null;
  year: number | null;
}

interface FindingLike {
  report_id: string;
  severity: string;
  code: string;
}

export interface FindingsOptions extends ChartOptions {
  /** Only these severities (default: all). */
  severities?: readonly Severity[];
}

const collator = new Intl.Collator('zh-CN');

/**
 * One bar per selected report (reports without findings show as 0 — a real zero, every report
 * is checked), one colour per finding code.
 */
export function findingsByCode(findings: TableLike, reports: TableLike, o: FindingsOptions = {}): Figure {
  const title = o.title ?? '数据质量：各年报发现的问题（按类型）';
  const selected = selectRows(toRows<ReportLike>(reports), o).sort(
    (a, b) =>
      collator.compare(agencyName(a.agency), agencyName(b.agency)) ||
      (a.year ?? Infinity) - (b.year ?? Infinity) ||
      String(a.report_id).localeCompare(String(b.report_id)),
  );
  if (!selected.length) return emptyFigure(noDataMessage('年报'), title);

  const ids = new Map(selected.map((r, i) => [r.report_id, i]));
  const severities = o.severities?.length ? new Set<string>(o.severities) : null;
  const rows = toRows<FindingLike>(findings).filter(
    (f) => ids.has(f.report_id) && (!severities || severities.has(f.severity)),
  );
  const codes = orderedKeys(
    rows.map((f) => f.code),
    FINDING_CODES,
  );
  const counts: Record<string, number[]> = Object.fromEntries(codes.map((c) => [c, selected.map(() => 0)]));
  for (const f of rows) counts[f.code][ids.get(f.report_id)!] += 1;

  // Label: agency + year; add the file name when two selected reports would share a label.
  const base = selected.map((r) => `${wrapAgency(agencyName(r.agency))}<br>${yearName(r.year)}`);
  const labels = base.map((l, i) =>
    base.indexOf(l) !== base.lastIndexOf(l) ? `${l}<br>${fileName(selected[i].file) ?? selected[i].report_id}` : l,
  );

  const series: BarSeries[] = codes.map((c) => ({
    key: c,
    name: labelOf(FINDING_CODE_LABELS, c),
    colour: colourOf(FINDING_CODE_COLOURS, c),
    values: counts[c],
    hover: counts[c].map((n) => formatCount(n, '条')),
  }));
  const note = rows.length ? undefined : '所选年报没有发现问题。';
  const fig = barFigure({
    title,
    source: sourceLine(selected),
    note,
    height: findingsHeight(labels, codes.length, note != null),
    categories: labels,
    series,
    orientation: 'h',
    barmode: 'stack',
    valueTitle: '问题数 (条)',
    legendRight: true,
  });
  // A checked report without findings says so, instead of an empty row.
  selected.forEach((_, i) => {
    if (codes.some((c) => counts[c][i] > 0)) return;
    fig.layout.annotations.push({
      text: '未发现问题',
      x: 0,
      y: labels[i],
      xref: 'x',
      yref: 'y',
      xanchor: 'left',
      showarrow: false,
      font: { size: 12, color: '#888' },
    });
  });
  return fig;
}

/**
 * Height sized to the rows: each row as tall as its label's lines need, the legend beside the
 * plot as tall as its entries, plus the title and footer margins — a corpus with one or two
 * reports gets a short chart instead of rows lost in a 600 px plot.
 */
export function findingsHeight(labels: readonly string[], legendEntries: number, note: boolean): number {
  const rowPx = Math.max(40, ...labels.map((l) => lineCount(l) * 17 + 14));
  const plot = Math.max(labels.length * rowPx, legendEntries * 21 + 10);
  return Math.min(2400, Math.max(240, MARGIN_TOP_LEGEND_RIGHT + MARGIN_BOTTOM + (note ? 18 : 0) + plot));
}

function fileName(file: string | null | undefined): string | null {
  if (!file) return null;
  return file.split(/[\\/]/).pop() ?? file;
}
