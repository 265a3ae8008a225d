/**
 * A figure's layout fitted to the size it is drawn at. The builders lay a chart out for the
 * default 1000 × 600 (or the height they ask for); an export at another size (`--width 640
 * --height 400`) gets text, margins and the source line scaled down with the canvas, category
 * labels re-wrapped into the lines a row has room for (no overlapping two-line agency labels),
 * a top legend given the rows it needs, and a donut whose slice labels name the slices without
 * a legend when it is narrow. At the default size a figure is left as it is, and so is any figure
 * not built by xxgk's chart builders.
 */
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, FONT_FAMILY, lineCount, wrapLabel, type Figure } from './figure.ts';

/** Smallest text size anything is scaled down to (px). */
const MIN_FONT = 9;
/** Smallest tick label size when rows are very tight (px). */
const MIN_TICK_FONT = 8;
/** Line height as a multiple of the font size (CJK glyphs are tall). */
const LINE = 1.3;
/** Below this width a donut's legend goes: its slice labels already name the channels. */
const PIE_LEGEND_MIN_WIDTH = 700;

const YEAR_PART = /^(\d{4}年|（年份不明）)$/;

/** The figure as it should be drawn at width × height CSS px (a copy; the input is not changed). */
export function fitToSize(fig: Figure, width: number, height: number): Figure {
  // Only xxgk's figures (baseLayout/emptyFigure: the CJK font stack): a figure of the caller's
  // own making is drawn as it was laid out.
  if (fig.layout?.font?.family !== FONT_FAMILY) return fig;
  const layout = structuredClone(fig.layout);
  const scale = Math.min(1, width / DEFAULT_WIDTH, height / DEFAULT_HEIGHT);
  if (scale < 1) scaleText(layout, Math.max(0.75, Math.sqrt(scale)));
  wrapTitle(layout, width);
  const data = fig.data ?? [];
  if (data.some((t) => t?.type === 'pie') && width < PIE_LEGEND_MIN_WIDTH) layout.showlegend = false;
  if (data.length) fitTopLegend(layout, data, width);
  fitCategoryRows(layout, data, height);
  // The footer starts at the plot's left edge, after the category labels: wrapped once these are
  // known, then the rows fitted again to the room it leaves.
  if (wrapFooter(layout, width)) fitCategoryRows(layout, data, height);
  return { ...fig, layout };
}

function fontSize(obj: any, fallback: number): number {
  const v = Number(obj?.font?.size);
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Text sizes, margins and annotation offsets × f (never below MIN_FONT). */
function scaleText(layout: Record<string, any>, f: number): void {
  const base = fontSize(layout, 12);
  layout.font = { ...layout.font, size: Math.max(MIN_FONT, Math.round(base * f)) };
  if (layout.title && typeof layout.title === 'object') {
    layout.title.font = { ...layout.title.font, size: Math.max(MIN_FONT + 2, Math.round(fontSize(layout.title, 18) * f)) };
  }
  if (layout.margin) {
    for (const side of ['l', 'r', 't', 'b'] as const) {
      if (typeof layout.margin[side] === 'number') layout.margin[side] = Math.round(layout.margin[side] * f);
    }
  }
  for (const a of layout.annotations ?? []) {
    if (a.font?.size) a.font = { ...a.font, size: Math.max(MIN_FONT, Math.round(a.font.size * f)) };
    if (typeof a.yshift === 'number') a.yshift = Math.round(a.yshift * f);
  }
}

/** A title wider than the canvas is broken into lines; the top margin grows by the lines added. */
function wrapTitle(layout: Record<string, any>, width: number): void {
  const title = layout.title;
  if (!title || typeof title !== 'object' || typeof title.text !== 'string' || !layout.margin) return;
  const size = fontSize(title, 18);
  const text = wrapToWidth(title.text, width - 24, size);
  layout.margin.t += Math.ceil((lineCount(text) - lineCount(title.text)) * size * LINE);
  title.text = text;
}

/**
 * The footer (source line and notes: the first annotation, under the plot) broken into lines
 * that fit between the plot's left edge and the canvas's right edge; the bottom margin grows by
 * the lines added. True when it changed.
 */
function wrapFooter(layout: Record<string, any>, width: number): boolean {
  const footer = layout.annotations?.[0];
  const margin = layout.margin;
  if (!footer || !margin || footer.xref !== 'paper' || footer.yref !== 'paper' || footer.y !== 0 || footer.yanchor !== 'top') return false;
  const size = Number(footer.font?.size) || 11;
  const axis = layout.yaxis;
  const labels: string[] = axis?.ticktext ?? axis?.categoryarray ?? [];
  const tick = Number(axis?.tickfont?.size) || fontSize(layout, 13);
  const labelW = Math.max(0, ...labels.flatMap((l) => String(l).split(/<br\s*\/?>/i)).map((l) => textWidth(l, tick)));
  const left = Math.max(margin.l ?? 80, labelW + 16);
  // (×0.92: the plot's left edge is an estimate; Plotly's automargin decides it.)
  const text = wrapToWidth(String(footer.text), (width - left - 12) * 0.92, size);
  if (text === footer.text) return false;
  margin.b += Math.ceil((lineCount(text) - lineCount(footer.text)) * size * 1.45);
  footer.text = text;
  return true;
}

const BREAK_AFTER = /[，；、。：）)]/;
const CLOSING = /^[，。、；：！？）)」』》]$/;

/** Each line of a Plotly text broken where it would pass `px` (after punctuation when it can). */
export function wrapToWidth(text: string, px: number, size: number): string {
  if (px <= size * 4) return text;
  return text
    .split(/<br\s*\/?>/i)
    .map((line) => {
      if (textWidth(line, size) <= px) return line;
      const units = line.match(/<[^>]*>|&(?:[a-z]+|#\d+);|[\s\S]/gu) ?? [];
      const out: string[] = [];
      let cur: string[] = [];
      let w = 0;
      for (const u of units) {
        const uw = u.startsWith('<') ? 0 : textWidth(u, size);
        // A closing mark never starts a line: it stays on this one, a little past the edge.
        if (w + uw > px && cur.length && !CLOSING.test(u)) {
          // Break after the last punctuation in the second half of the line, else after its last
          // space there ("1 份" is not split before a punctuation mark is), else here.
          const at = (re: RegExp) => {
            for (let i = cur.length - 1; i >= cur.length / 2; i--) if (re.test(cur[i]!)) return i + 1;
            return 0;
          };
          const cut = at(BREAK_AFTER) || at(/\s/) || cur.length;
          out.push(cur.slice(0, cut).join('').trimEnd());
          cur = cur.slice(cut);
          w = cur.reduce((s, x) => s + (x.startsWith('<') ? 0 : textWidth(x, size)), 0);
        }
        cur.push(u);
        w += uw;
      }
      if (cur.length) out.push(cur.join(''));
      return out.join('<br>');
    })
    .join('<br>');
}

/** Width of a text in px at a font size (CJK full width, ASCII about half). */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text.replace(/<[^>]*>/g, '').replace(/&[a-z]+;|&#\d+;/g, '&')) w += ch.charCodeAt(0) > 0x2e7f ? size : size * 0.6;
  return w;
}

/** A horizontal legend above the plot: as many rows as its entries need at this width, inside the top margin. */
function fitTopLegend(layout: Record<string, any>, data: any[], width: number): void {
  const legend = layout.legend;
  if (layout.showlegend === false || legend?.orientation !== 'h' || !(legend.y > 1) || !layout.margin) return;
  const size = fontSize(layout, 13);
  const names = data.filter((t) => t.showlegend !== false && t.name).map((t) => String(t.name));
  if (!names.length) return;
  const room = width - (layout.margin.l ?? 80) - (layout.margin.r ?? 40);
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 40 + textWidth(name, size);
    if (x > 0 && x + w > room) {
      rows += 1;
      x = 0;
    }
    x += w;
  }
  const titleH = fontSize(layout.title, 18) * LINE + 12;
  const need = Math.ceil(titleH + rows * size * 1.5 + 8);
  if (layout.margin.t < need) layout.margin.t = need;
}

/**
 * Horizontal bars: each category row gets (plot height / rows) px. When the labels have more
 * lines than fit, they are re-wrapped into fewer (tickvals stay the categories, so bars,
 * hover text and annotations keep their keys) and, if one line still does not fit, set smaller.
 */
function fitCategoryRows(layout: Record<string, any>, data: any[], height: number): void {
  const axis = layout.yaxis;
  if (axis?.type !== 'category' || !Array.isArray(axis.categoryarray) || !axis.categoryarray.length) return;
  if (!data.every((t) => t?.type === 'bar' && t.orientation === 'h')) return;
  const cats: string[] = axis.categoryarray.map(String);
  const margin = layout.margin ?? {};
  const plotH = height - (margin.t ?? 96) - (margin.b ?? 96);
  const per = plotH / cats.length;
  let size = Number(axis.tickfont?.size) || fontSize(layout, 13);
  const lines = Math.max(...cats.map((c) => lineCount(c)));
  if (lines * size * LINE <= per) return;
  const fit = Math.max(1, Math.floor(per / (size * LINE)));
  if (fit === 1 && size * LINE > per) size = Math.max(MIN_TICK_FONT, Math.floor(per / LINE));
  axis.tickmode = 'array';
  axis.tickvals = cats;
  axis.ticktext = cats.map((c) => rewrap(c, fit));
  axis.tickfont = { ...axis.tickfont, size };
}

/**
 * A category label (agency lines, then a year line and maybe a file line) in at most `lines`
 * lines: the agency joined back and wrapped again, the year kept on its own line while there is
 * room, everything on one line when there is one.
 */
export function rewrap(label: string, lines: number): string {
  const parts = label.split(/<br\s*\/?>/i);
  if (parts.length <= lines) return label;
  const first = parts.findIndex((p) => YEAR_PART.test(p));
  const agency = (first < 0 ? parts : parts.slice(0, first)).join('');
  const rest = first < 0 ? [] : parts.slice(first);
  if (lines <= 1) return [agency, ...rest].join(' ');
  const tail = rest.join(' ');
  const agencyLines = tail ? lines - 1 : lines;
  const chars = [...agency.matchAll(/&(?:[a-z]+|#\d+);|[\s\S]/gu)].length;
  const wrapped = wrapLabel(agency, Math.max(1, Math.ceil(chars / agencyLines)));
  return tail ? `${wrapped}<br>${tail}` : wrapped;
}
