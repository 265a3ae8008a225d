/**
 * One bar-figure builder behind every bar chart, so orientation, stacking, colours and hover
 * text work the same way everywhere.
 */
import { baseLayout, DEFAULT_CONFIG, heightForRows, type Figure } from './figure.ts';

export interface BarSeries {
  /** Category key of the series (channel, group, result…), kept in `trace.meta.key`. */
  key: string;
  name: string;
  colour: string;
  /** One value per category; null draws no bar (never a zero bar). */
  values: Array<number | null>;
  /** One hover line per category (already formatted, e.g. "33,196 条（45.2%）" or "未报告"). */
  hover: string[];
}

export interface BarFigureOptions {
  title: string;
  source: string;
  note?: string;
  /** Category axis labels, in display order. */
  categories: string[];
  series: BarSeries[];
  /** 'h': categories down the y axis (long agency names stay readable). */
  orientation: 'h' | 'v';
  barmode: 'stack' | 'group';
  valueTitle: string;
  categoryTitle?: string;
  /** Values are fractions: axis 0–100 %. */
  percent?: boolean;
  /** Text drawn on each bar (e.g. rates); omitted → none. */
  text?: (series: BarSeries, i: number) => string;
  legendRight?: boolean;
  showLegend?: boolean;
  /** Height (px) instead of the default for the number of rows (horizontal bars). */
  height?: number;
}

export function barFigure(o: BarFigureOptions): Figure {
  const h = o.orientation === 'h';
  const layout = baseLayout({
    title: o.title,
    source: o.source,
    note: o.note,
    xTitle: h ? o.valueTitle : o.categoryTitle,
    yTitle: h ? o.categoryTitle : o.valueTitle,
    legendRight: o.legendRight,
    height: o.height ?? (h ? heightForRows(o.categories.length * (o.barmode === 'group' ? o.series.length / 2 + 0.5 : 1)) : undefined),
  });
  layout.barmode = o.barmode;
  layout.bargap = 0.25;
  layout.showlegend = o.showLegend ?? true;
  const valueAxis = h ? layout.xaxis : layout.yaxis;
  const categoryAxis = h ? layout.yaxis : layout.xaxis;
  categoryAxis.type = 'category';
  categoryAxis.categoryorder = 'array';
  categoryAxis.categoryarray = o.categories;
  // First category on top, as in a table; an explicit range, so the rows fill the plot even
  // when no trace has a bar (a findings chart of reports without findings).
  if (h) categoryAxis.range = [o.categories.length - 0.5, -0.5];
  valueAxis.rangemode = 'tozero';
  if (o.percent) {
    valueAxis.tickformat = '.0%';
    if (o.barmode === 'stack') valueAxis.range = [0, 1];
  } else {
    valueAxis.separatethousands = true;
    // Counts are whole numbers: no 0.5 ticks on small axes.
    const top = o.categories.reduce((m, _, i) => {
      const vals = o.series.map((s) => s.values[i] ?? 0);
      return Math.max(m, o.barmode === 'stack' ? vals.reduce((a, b) => a + b, 0) : Math.max(0, ...vals));
    }, 0);
    if (top <= 10) {
      valueAxis.dtick = 1;
      valueAxis.tick0 = 0;
      valueAxis.range = [0, Math.max(1, top) * 1.05];
    } else valueAxis.tickformat = ',d';
  }
  const data = o.series.map((s) => ({
    type: 'bar',
    orientation: o.orientation,
    name: s.name,
    meta: { key: s.key },
    [h ? 'y' : 'x']: o.categories,
    [h ? 'x' : 'y']: s.values,
    marker: { color: s.colour },
    hovertext: s.hover.map((line, i) => `${o.categories[i]}<br>${s.name}：${line}`),
    hovertemplate: '%{hovertext}<extra></extra>',
    ...(o.text
      ? { text: s.values.map((_, i) => o.text!(s, i)), textposition: 'outside', cliponaxis: false }
      : { textposition: 'none' }),
  }));
  return { data, layout, config: { ...DEFAULT_CONFIG } };
}
