/**
 * Offline HTML for figures: plotly.js inlined (no CDN, no network) and figure JSON embedded so
 * that text from reports (agency names) cannot close the <script> element or inject markup.
 * The briefing pack and the notebooks reuse these pieces; plotly.js is embedded once per page.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_CONFIG, DEFAULT_HEIGHT, FONT_FAMILY, type Figure } from '../charts/figure.ts';

let plotlyCache: string | null = null;

/** Path of the bundled plotly.js (node_modules/plotly.js-dist-min). */
export function plotlyPath(): string {
  return createRequire(import.meta.url).resolve('plotly.js-dist-min');
}

/** The plotly.js source, read once. */
export function plotlySource(): string {
  plotlyCache ??= readFileSync(plotlyPath(), 'utf8');
  return plotlyCache;
}

/** Text for HTML element content or attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * JSON safe inside <script>: `<`, `>` and `&` become \u escapes (so no `</script>` or `<!--`
 * can appear), and U+2028/2029 are escaped for pre-ES2019 parsers. JSON.parse and JS both
 * read the escapes back as the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Library code made safe to inline: a literal `</script` or `<!--` (none today) is neutralised. */
export function scriptSafe(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** `<script>` element with plotly.js inlined — put it once per page, before any figure. */
export function plotlyScriptTag(): string {
  return `<script>${scriptSafe(plotlySource())}</script>`;
}

/** Plain text of a figure's title (Plotly titles may contain <br>, <b>…). */
export function figureTitle(fig: Figure): string {
  const t = fig.layout?.title;
  const text = typeof t === 'string' ? t : typeof t?.text === 'string' ? t.text : '';
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

let embedCounter = 0;

/** A div plus the script that draws `fig` into it (needs plotlyScriptTag() earlier on the page). */
export function figureEmbed(fig: Figure, id = `xxgk-chart-${++embedCounter}`): string {
  const height = Number(fig.layout?.height) || DEFAULT_HEIGHT;
  const safeId = escapeHtml(id);
  const spec = { data: fig.data, layout: fig.layout, config: { ...DEFAULT_CONFIG, ...(fig.config ?? {}) } };
  return (
    `<div id="${safeId}" class="xxgk-chart" style="width:100%;height:${height}px"></div>\n` +
    `<script>(function(){var f=${jsonForScript(spec)};` +
    `Plotly.newPlot(${jsonForScript(id)},f.data,f.layout,f.config);})();</script>`
  );
}

export interface HtmlOptions {
  /** Document <title>; defaults to the figure's title. */
  title?: string;
}

/** A standalone, offline HTML page showing one interactive figure. */
export function standaloneHtml(fig: Figure, o: HtmlOptions = {}): string {
  const title = o.title ?? (figureTitle(fig) || 'xxgk chart');
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>body{margin:16px;font-family:${FONT_FAMILY.replace(/"/g, "'")};background:#fff}</style>`,
    plotlyScriptTag(),
    '</head>',
    '<body>',
    figureEmbed(fig, 'chart'),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
