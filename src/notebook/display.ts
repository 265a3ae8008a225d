/**
 * Inline rich output for notebooks run by the `xxgk` tslab kernel.
 *
 * A Plotly figure is published as ONE display_data carrying two representations:
 * - `application/vnd.plotly.v1+json`: JupyterLab (with the plotly renderer) and VS Code draw it;
 * - `text/html`: a <div> plus a script that draws it with plotly.js, for classic Notebook and
 *   `jupyter nbconvert --to html`. plotly.js comes from node_modules/plotly.js-dist-min and is
 *   inlined once per kernel session (no CDN: reports are read offline); later charts reuse
 *   `window.Plotly` and wait briefly for it in case the first chart's script runs later.
 */
// "Safe inside <script>" has one definition, the exporters': reuse it.
import { jsonForScript, plotlySource, scriptSafe } from '../export/html.ts';
import { createRequire } from 'node:module';
import { randomBytes } from 'node:crypto';
import { toHTML, type Table } from 'arquero';
import type { Figure } from '../charts/figure.ts';

/** A Plotly figure as plotly.js `newPlot` takes it: what every src/charts builder returns. */
export type PlotlyFigure = Figure;

export const PLOTLY_MIME = 'application/vnd.plotly.v1+json';

/** A Jupyter display_data payload: mime type → representation. */
export interface MimeBundle {
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export interface PlotlyBundleOptions {
  /** Inline plotly.js in the HTML. Default: only on the first chart of the session. */
  embedLibrary?: boolean;
  /** id of the chart's <div>; random by default. */
  divId?: string;
}

const require = createRequire(import.meta.url);
let libraryEmitted = false;

/** Forget that plotly.js was sent (tests; a fresh page that lost the library). */
export function resetPlotlySession(): void {
  libraryEmitted = false;
}

/** The two-representation bundle for a figure. Marks the library as sent when it embeds it. */
export function plotlyBundle(fig: PlotlyFigure, opts: PlotlyBundleOptions = {}): MimeBundle {
  const embed = opts.embedLibrary ?? !libraryEmitted;
  const divId = opts.divId ?? `xxgk-plot-${randomBytes(6).toString('hex')}`;
  const config = { responsive: true, displaylogo: false, ...(fig.config ?? {}) };
  const figure = { data: fig.data, layout: fig.layout ?? {}, config };
  const height = Number(fig.layout?.height) > 0 ? Number(fig.layout.height) : 450;
  const html = [
    embed ? `<script type="text/javascript">${scriptSafe(plotlySource())}</script>` : '',
    `<div id="${divId}" class="xxgk-plotly" style="width:100%;height:${height}px;"></div>`,
    '<script type="text/javascript">',
    '(function () {',
    `  var fig = ${jsonForScript(figure)};`,
    `  var tries = 0;`,
    '  function draw() {',
    `    var el = document.getElementById(${JSON.stringify(divId)});`,
    '    if (!el) return;',
    '    if (window.Plotly) { window.Plotly.newPlot(el, fig.data, fig.layout, fig.config); return; }',
    '    if (tries++ < 100) { setTimeout(draw, 100); return; }',
    "    el.textContent = 'plotly.js is not loaded on this page: re-run the first chart cell, or show(fig, { embedLibrary: true }).';",
    '  }',
    '  draw();',
    '})();',
    '</script>',
  ].join('\n');
  if (embed) libraryEmitted = true;
  const title = fig.layout?.title;
  const titleText = typeof title === 'string' ? title : title?.text;
  return {
    data: {
      [PLOTLY_MIME]: figure,
      'text/html': html,
      'text/plain': `Plotly figure${titleText ? `: ${titleText}` : ''} (${fig.data.length} trace${fig.data.length === 1 ? '' : 's'})`,
    },
    metadata: {},
  };
}

/** The HTML bundle for an Arquero table (first `limit` rows, default 20). */
export function tableBundle(table: Table, opts: { limit?: number } = {}): MimeBundle {
  const limit = opts.limit ?? 20;
  const rows = table.numRows();
  const shown = Math.min(rows, limit);
  const note = shown < rows ? `<p><small>${shown} of ${rows} rows</small></p>` : '';
  return {
    data: {
      // A blank is "not reported": show it empty, never as "undefined" or 0.
      'text/html': `<div class="xxgk-table">${toHTML(table, { limit, null: () => '' })}${note}</div>`,
      'text/plain': table.toString ? `${table.toString()}` : `table ${rows}×${table.numCols()}`,
    },
    metadata: {},
  };
}

type WriteDisplayData = (msg: MimeBundle & { transient: { display_id?: string } }, update: boolean) => void;

/** tslab's current writer (set by the kernel for each executing cell), if running in tslab. */
function tslabWriter(): WriteDisplayData | undefined {
  try {
    const jupyter = require('tslab/dist/jupyter.js') as { lastWriteDisplayData: WriteDisplayData | null };
    return jupyter.lastWriteDisplayData ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Publish a bundle as a display_data. tslab's public `display.raw()` sends one mime type per
 * message, so this uses the writer behind it. Outside a kernel the text/plain form is printed.
 */
export function publish(bundle: MimeBundle): void {
  const write = tslabWriter();
  if (!write) {
    console.log(String(bundle.data['text/plain'] ?? ''));
    return;
  }
  write({ ...bundle, transient: { display_id: randomBytes(8).toString('hex') } }, false);
}

/** Draw a Plotly figure inline in the notebook (outside a kernel: print a one-line summary). */
export function show(fig: PlotlyFigure, opts: PlotlyBundleOptions = {}): void {
  // Only build (and mark plotly.js as sent) when a notebook will receive the bundle.
  if (!tslabWriter()) {
    console.log(`Plotly figure (${fig.data.length} traces): run in a notebook to draw it`);
    return;
  }
  publish(plotlyBundle(fig, opts));
}

/** Render an Arquero table as an HTML table in the notebook. */
export function showTable(table: Table, opts: { limit?: number } = {}): void {
  publish(tableBundle(table, opts));
}
