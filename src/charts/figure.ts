/**
 * The figure type every chart builder returns (plain Plotly JSON, so it can be rendered in a
 * notebook, exported to PNG/SVG/HTML or serialised) and the styling all charts share: a CJK
 * font stack, a left-aligned title, axis titles with units and a source line at the bottom.
 */

export interface Figure {
  data: any[];
  layout: Record<string, any>;
  config?: Record<string, any>;
}

/** CJK-capable fonts first, so Chinese never falls back to a Latin font's tofu boxes. */
export const FONT_FAMILY =
  '"Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

export const DEFAULT_CONFIG: Record<string, any> = { displaylogo: false, responsive: true };

/** Default export size when neither the caller nor the figure says otherwise. */
export const DEFAULT_WIDTH = 1000;
export const DEFAULT_HEIGHT = 600;

/** Bottom margin reserved for the x-axis title and the source line below it. */
export const MARGIN_BOTTOM = 96;
/** Top margin when the legend is beside the plot (only the title above it). */
export const MARGIN_TOP_LEGEND_RIGHT = 64;
/** Source line offset below the plot area (px): under tick labels and the axis title. */
const SOURCE_SHIFT = -62;

/** "来源：N 份年报 (2017–2020)" from the distinct report_ids and years of the plotted rows. */
export function sourceLine(rows: ReadonlyArray<{ report_id?: unknown; year?: unknown }>): string {
  const reports = new Set(rows.map((r) => r.report_id).filter((id) => id != null));
  const years = [...new Set(rows.map((r) => r.year).filter((y): y is number => typeof y === 'number'))].sort(
    (a, b) => a - b,
  );
  return `来源：${reports.size} 份年报${years.length ? ` (${yearSpan(years)})` : ''}`;
}

/** 2019 · 2017–2020 (contiguous) · 2017、2019 (gaps shown, not hidden in a range). */
export function yearSpan(years: readonly number[]): string {
  if (years.length === 1) return String(years[0]);
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return contiguous ? `${years[0]}–${years[years.length - 1]}` : years.join('、');
}

/** The standard "no data" message: Chinese first, English in brackets. */
export function noDataMessage(what: string): string {
  return `无数据：所选机构/年份没有${what} (no data for this selection)`;
}

export interface LayoutOptions {
  title: string;
  source: string;
  /** Extra line(s) under the source (e.g. how nulls were treated; `<br>` between lines); omitted when empty. */
  note?: string;
  xTitle?: string;
  yTitle?: string;
  /** Legend beside the plot instead of above it (many categories). */
  legendRight?: boolean;
  height?: number;
}

/** Line height of the footer (source and notes, 11 px text). */
const FOOTER_LINE = 16;

/** How many lines a Plotly text holds (`<br>` separated). */
export function lineCount(text: string | undefined): number {
  return text ? text.split(/<br\s*\/?>/i).length : 0;
}

/** Shared layout: CJK fonts, title top-left, legend on top, source line bottom-left. */
export function baseLayout(o: LayoutOptions): Record<string, any> {
  const footer = o.note ? `${o.source}<br>${o.note}` : o.source;
  // The bottom margin holds the x axis, the source line and each note line.
  const bottom = MARGIN_BOTTOM + FOOTER_LINE * (lineCount(footer) - 1) + (o.note ? 2 : 0);
  return {
    title: { text: o.title, x: 0.01, xanchor: 'left', y: 0.98, yanchor: 'top', font: { size: 18 } },
    font: { family: FONT_FAMILY, size: 13, color: '#222' },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 80, r: o.legendRight ? 20 : 40, t: o.legendRight ? MARGIN_TOP_LEGEND_RIGHT : 96, b: bottom },
    ...(o.height ? { height: o.height } : {}),
    hoverlabel: { font: { family: FONT_FAMILY } },
    legend: o.legendRight
      ? { orientation: 'v', x: 1.02, xanchor: 'left', y: 1, yanchor: 'top', traceorder: 'normal' }
      : { orientation: 'h', x: 0, xanchor: 'left', y: 1.01, yanchor: 'bottom', traceorder: 'normal' },
    xaxis: axis(o.xTitle),
    yaxis: axis(o.yTitle),
    annotations: [
      {
        text: footer,
        xref: 'paper',
        yref: 'paper',
        x: 0,
        y: 0,
        xanchor: 'left',
        yanchor: 'top',
        yshift: SOURCE_SHIFT,
        align: 'left',
        showarrow: false,
        font: { size: 11, color: '#666' },
      },
    ],
  };
}

function axis(title: string | undefined): Record<string, any> {
  return {
    ...(title ? { title: { text: title, standoff: 8 } } : {}),
    automargin: true,
    gridcolor: '#e5e5e5',
    zerolinecolor: '#bdbdbd',
  };
}

/** A figure with no traces and a centred message — what an empty selection gets. */
export function emptyFigure(message: string, title = ''): Figure {
  return {
    data: [],
    layout: {
      title: { text: title, x: 0.01, xanchor: 'left', y: 0.98, yanchor: 'top', font: { size: 18 } },
      font: { family: FONT_FAMILY, size: 13, color: '#222' },
      paper_bgcolor: '#ffffff',
      plot_bgcolor: '#ffffff',
      xaxis: { visible: false },
      yaxis: { visible: false },
      annotations: [
        {
          text: message,
          xref: 'paper',
          yref: 'paper',
          x: 0.5,
          y: 0.5,
          showarrow: false,
          font: { size: 16, color: '#555' },
        },
      ],
    },
    config: { ...DEFAULT_CONFIG },
  };
}

/** Height for a horizontal bar chart with n category rows (readable rows, bounded). */
export function heightForRows(n: number): number {
  return Math.min(2400, Math.max(DEFAULT_HEIGHT, 200 + n * 34));
}

/** Break a long label (agency name) into lines of at most `width` characters. */
export function wrapLabel(text: string, width = 12): string {
  // An HTML entity (&lt; from plotlyText) is one character: never split inside it.
  const chars = text.match(/&(?:[a-z]+|#\d+);|[\s\S]/gu) ?? [];
  if (chars.length <= width) return text;
  // Balanced lines (13 chars → 7 + 6), not a long line and a one-character orphan.
  const n = Math.ceil(chars.length / width);
  const per = Math.ceil(chars.length / n);
  const lines: string[] = [];
  for (let i = 0; i < chars.length; i += per) lines.push(chars.slice(i, i + per).join(''));
  return lines.join('<br>');
}

/** 33,196 / 未报告 — how a count is shown in hover text and labels. */
export function formatCount(value: number | null | undefined, unit = ''): string {
  if (value == null || Number.isNaN(value)) return '未报告';
  return `${value.toLocaleString('zh-CN')}${unit ? ` ${unit}` : ''}`;
}

/** 45.2% / 未报告 */
export function formatShare(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '未报告';
  return `${(value * 100).toFixed(1)}%`;
}
