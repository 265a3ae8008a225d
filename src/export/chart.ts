/**
 * Chart export: PNG and SVG rendered by plotly.js in headless Chromium (one browser for a whole
 * batch, one page reused), HTML as a standalone offline page. The page never touches the
 * network: plotly.js is injected from node_modules.
 */
import { extname } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_HEIGHT, DEFAULT_WIDTH, type Figure } from '../charts/figure.ts';
import { fitToSize } from '../charts/fit.ts';
import { XxgkError } from '../errors.ts';
import { launchBrowser } from './browser.ts';
import { plotlySource, standaloneHtml } from './html.ts';
import { writeOut } from './write.ts';

export type ChartFormat = 'png' | 'svg' | 'html';

export interface ChartExportOptions {
  /** CSS pixels; default: the figure's layout.width, else 1000. */
  width?: number;
  /** CSS pixels; default: the figure's layout.height, else 600. */
  height?: number;
  /** PNG pixel ratio (PNG is width·scale × height·scale pixels); default 2. */
  scale?: number;
}

export const DEFAULT_SCALE = 2;

export function chartFormat(path: string): ChartFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.png' || ext === '.svg') return ext.slice(1) as ChartFormat;
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new XxgkError('bad_argument', `cannot export a chart to "${path}": use .png, .svg or .html`);
}

/** A page with plotly.js loaded, ready to render figures. */
export async function openRenderer(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  // Offline by construction: any request the page tries (there should be none) is refused.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: plotlySource() });
  return page;
}

/** Render one figure to image bytes on a prepared page, its layout fitted to the size (fitToSize). */
export async function renderImage(
  page: Page,
  fig: Figure,
  format: 'png' | 'svg',
  o: ChartExportOptions = {},
): Promise<Uint8Array> {
  const width = o.width ?? (Number(fig.layout?.width) || DEFAULT_WIDTH);
  const height = o.height ?? (Number(fig.layout?.height) || DEFAULT_HEIGHT);
  const scale = o.scale ?? DEFAULT_SCALE;
  // Text, margins and labels fitted to the size asked for (a 640 × 400 export stays legible).
  fig = fitToSize(fig, width, height);
  const url = await page.evaluate(
    async ({ fig, opts }) => {
      const P = (globalThis as any).Plotly;
      return (await P.toImage({ data: fig.data, layout: fig.layout, config: { staticPlot: true } }, opts)) as string;
    },
    { fig: { data: fig.data, layout: fig.layout }, opts: { format, width, height, scale } },
  );
  const comma = url.indexOf(',');
  const header = url.slice(0, comma);
  const body = url.slice(comma + 1);
  if (header.endsWith(';base64')) return new Uint8Array(Buffer.from(body, 'base64'));
  return new TextEncoder().encode(decodeURIComponent(body));
}

export interface ChartItem {
  fig: Figure;
  path: string;
}

/** Export several charts with one browser (launched only if a PNG or SVG is asked for). */
export async function exportCharts(items: readonly ChartItem[], o: ChartExportOptions = {}): Promise<string[]> {
  const formats = items.map((it) => chartFormat(it.path));
  let browser: Browser | null = null;
  let page: Page | null = null;
  try {
    for (const [i, { fig, path }] of items.entries()) {
      const format = formats[i];
      let bytes: Uint8Array | string;
      if (format === 'html') {
        bytes = standaloneHtml(fig);
      } else {
        if (!page) {
          browser = await launchBrowser();
          page = await openRenderer(browser);
        }
        try {
          bytes = await renderImage(page, fig, format, o);
        } catch (e) {
          throw new XxgkError('export_failed', `rendering ${path} failed: ${(e as Error).message.split('\n')[0]}`);
        }
      }
      await writeOut(path, bytes);
    }
  } finally {
    await browser?.close();
  }
  return items.map((it) => it.path);
}

/** Export one chart; the format comes from the extension (.png, .svg, .html). */
export async function exportChart(fig: Figure, path: string, o: ChartExportOptions = {}): Promise<string> {
  const [written] = await exportCharts([{ fig, path }], o);
  return written;
}

