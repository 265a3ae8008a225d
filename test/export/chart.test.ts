import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { channelDonut, channelMixBars } from '../../src/charts/index.ts';
import { FONT_FAMILY, type Figure } from '../../src/charts/figure.ts';
import * as browserModule from '../../src/export/browser.ts';
import { exportChart, exportCharts, openRenderer, renderImage } from '../../src/export/chart.ts';
import { isXxgkError } from '../../src/errors.ts';
import { channels } from '../charts/fixtures.ts';
import { fitToSize } from '../../src/charts/fit.ts';
import { standardChart } from '../../src/charts/standard.ts';
import { decodePng, inkMask, pngSize } from './png.ts';
import { skipWithout } from './browser-gate.ts';

vi.mock('../../src/export/browser.ts', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/export/browser.ts')>();
  return { ...m, launchBrowser: vi.fn(m.launchBrowser) };
});

async function tmp(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'xxgk-chart-'));
}

describe('browser discovery', () => {
  it('a missing browser is XxgkError(browser_missing) telling how to install one', async () => {
    expect(browserModule.findBrowser({ CHROME_PATH: '/nonexistent/chrome' })).toBeNull();
    const err = await browserModule.launchBrowser({ CHROME_PATH: '/nonexistent/chrome' }).catch((e) => e);
    expect(isXxgkError(err) && err.code).toBe('browser_missing');
    expect(err.message).toContain('npm run sysdeps');
    expect(err.message).toContain('apt-get install chromium fonts-noto-cjk');
  });

  it('launch flags include the offline/headless set', () => {
    expect(browserModule.LAUNCH_ARGS).toEqual(
      expect.arrayContaining(['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run']),
    );
  });
});

describe.skipIf(skipWithout({ browser: true }, 'PNG/SVG export'))('PNG and SVG export', () => {
  it('PNG has the requested width × height × scale (IHDR)', async () => {
    const path = join(await tmp(), 'mix.png');
    await exportChart(channelMixBars(channels(), { by: 'year' }), path, { width: 640, height: 360, scale: 2 });
    expect(pngSize(new Uint8Array(await readFile(path)))).toEqual({ width: 1280, height: 720 });
  });

  it('SVG is an SVG containing the (Chinese) title text', async () => {
    const path = join(await tmp(), 'donut.svg');
    await exportChart(channelDonut(channels(), { agency: '威海市环翠区人民政府', year: 2020 }), path, { width: 800, height: 500 });
    const svg = await readFile(path, 'utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('威海市环翠区人民政府2020年主动公开渠道构成');
    expect(svg).toMatch(/width="800"/);
  });

  it('a batch uses one browser for all images, none for HTML only', async () => {
    const launch = vi.mocked(browserModule.launchBrowser);
    launch.mockClear();
    const dir = await tmp();
    const fig = channelMixBars(channels(), { by: 'agency' });
    const paths = await exportCharts(
      [
        { fig, path: join(dir, 'a.png') },
        { fig, path: join(dir, 'b.svg') },
        { fig, path: join(dir, 'c.html') },
        { fig, path: join(dir, 'sub', 'd.png') },
      ],
      { scale: 1 },
    );
    expect(launch).toHaveBeenCalledTimes(1);
    expect(pngSize(new Uint8Array(await readFile(paths[3])))).toEqual({ width: 1000, height: 600 });
    launch.mockClear();
    await exportCharts([{ fig, path: join(dir, 'e.html') }]);
    expect(launch).toHaveBeenCalledTimes(0);
  });

  it('rejects an unknown extension', async () => {
    await expect(exportChart(channelMixBars(channels(), { by: 'year' }), '/tmp/x.jpg')).rejects.toThrow(/\.png, \.svg or \.html/);
  });
});

/**
 * Chinese glyphs render (not tofu). Chromium falls back to any installed CJK font whatever the
 * font-family says, so "CJK stack vs a Latin-only font" would compare two identical renderings.
 * Instead: when no CJK font is available, every Chinese character becomes the same .notdef box
 * ("tofu"). So render (A) 政府信息公开 and (B) 年度报告统计 and (C) six private-use characters
 * U+E000… (no font has them: the tofu reference) in the CJK stack, and require that A has ink and
 * that A differs substantially from both B and C. With tofu, A, B and C are the same row of
 * boxes and the test fails.
 */
describe.skipIf(skipWithout({ browser: true, cjk: true }, 'CJK glyph rendering'))('CJK glyphs', () => {

  const titleOnly = (text: string): Figure => ({
    data: [],
    layout: {
      title: { text, x: 0.02, xanchor: 'left', y: 0.5, yanchor: 'middle', font: { family: FONT_FAMILY, size: 48, color: '#000' } },
      xaxis: { visible: false },
      yaxis: { visible: false },
      margin: { l: 0, r: 0, t: 0, b: 0 },
      paper_bgcolor: '#fff',
      plot_bgcolor: '#fff',
    },
  });
  const render = async (page: Page, text: string) =>
    decodePng(await renderImage(page, titleOnly(text), 'png', { width: 480, height: 100, scale: 1 }));
  const region = { x0: 0, y0: 0, x1: 480, y1: 100 };
  const diff = (a: boolean[], b: boolean[]) => a.reduce((n, v, i) => n + (v !== b[i] ? 1 : 0), 0);
  const ink = (m: boolean[]) => m.filter(Boolean).length;

  it('distinct Chinese titles render as distinct glyphs, unlike tofu', async () => {
    const browser: Browser = await browserModule.launchBrowser();
    try {
      const page = await openRenderer(browser);
      const a = inkMask(await render(page, '政府信息公开'), region);
      const b = inkMask(await render(page, '年度报告统计'), region);
      const tofu = inkMask(await render(page, '\uE000\uE001\uE002\uE003\uE004\uE005'), region);
      // measured here: ink ≈ 3700 px, A/B differ by ≈ 118 %, A/tofu by ≈ 142 %; with tofu all
      // three are the same 624 px of boxes (0 % difference).
      expect(ink(a)).toBeGreaterThan(1500);
      expect(diff(a, b) / Math.max(ink(a), ink(b))).toBeGreaterThan(0.5);
      expect(diff(a, tofu) / Math.max(ink(a), ink(tofu))).toBeGreaterThan(0.5);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

interface Box {
  text: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Draw a figure at width × height (as given, or fitted first) and measure the elements `selector` picks, in canvas px. */
async function measure(page: Page, fig: Figure, width: number, height: number, selectors: string[]): Promise<Box[][]> {
  return page.evaluate(
    async ({ fig, width, height, selectors }) => {
      const P = (globalThis as any).Plotly;
      const old = document.getElementById('m');
      if (old) {
        P.purge(old);
        old.remove();
      }
      document.body.style.margin = '0';
      const div = document.createElement('div');
      div.id = 'm';
      document.body.appendChild(div);
      await P.newPlot(div, fig.data, { ...fig.layout, width, height }, { staticPlot: true });
      // Outside pie labels push the margins in a second, deferred redraw: let it finish.
      await new Promise((done) => setTimeout(done, 300));
      return selectors.map((sel) =>
        Array.from(div.querySelectorAll(sel)).map((e) => {
          const b = e.getBoundingClientRect();
          return { text: e.textContent ?? '', x: b.x, y: b.y, w: b.width, h: b.height };
        }),
      );
    },
    { fig: { data: fig.data, layout: fig.layout }, width, height, selectors },
  );
}

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, w: number, h: number) => a.x >= 0 && a.y >= 0 && a.x + a.w <= w && a.y + a.h <= h;

describe.skipIf(skipWithout({ browser: true, cjk: true }, 'layout at custom sizes'))('layout at custom sizes (measured in Chromium)', () => {
  it('outcome-shares 640 × 400: no two category labels overlap (they did before fitting)', async () => {
    const { loadReports } = await import('../../src/load.ts');
    const fig = standardChart(await loadReports(['data/raw']), 'outcome-shares');
    const browser = await browserModule.launchBrowser();
    try {
      const page = await openRenderer(browser);
      const ticks = async (f: Figure) => (await measure(page, f, 640, 400, ['.ytick text']))[0]!.sort((a, b) => a.y - b.y);
      const fitted = await ticks(fitToSize(fig, 640, 400));
      expect(fitted.length).toBe(5);
      for (let i = 1; i < fitted.length; i++) expect(fitted[i - 1]!.y + fitted[i - 1]!.h, fitted[i]!.text).toBeLessThanOrEqual(fitted[i]!.y + 0.5);
      for (const t of fitted) expect(inside(t, 640, 400), t.text).toBe(true);
      const raw = await ticks(fig);
      expect(raw.some((t, i) => i > 0 && overlap(raw[i - 1]!, t))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it('channel-donut 500 × 400: every slice label on the canvas, none under the legend or another label', async () => {
    const { loadReports } = await import('../../src/load.ts');
    const r = await loadReports(['data/raw']);
    const fig = standardChart(r, 'channel-donut');
    const browser = await browserModule.launchBrowser();
    try {
      const page = await openRenderer(browser);
      const [labels, legend] = await measure(page, fitToSize(fig, 500, 400), 500, 400, ['text.slicetext', '.legend']);
      expect(labels!.map((l) => l.text)).toEqual(['政府公报0.1%', '政府网站47.7%', '政务微博30.4%', '政务微信18.8%', '其他方式3.1%']);
      expect(legend).toEqual([]); // narrow: the labels name the slices
      for (const l of labels!) expect(inside(l, 500, 400), l.text).toBe(true);
      for (const [i, a] of labels!.entries()) for (const b of labels!.slice(i + 1)) expect(overlap(a, b), `${a.text}/${b.text}`).toBe(false);
      // before fitting, 政府网站's label ran under the legend
      const [rawLabels, rawLegend] = await measure(page, fig, 500, 400, ['text.slicetext', '.legend']);
      expect(rawLabels!.some((l) => overlap(l, rawLegend![0]!))).toBe(true);
    } finally {
      await browser.close();
    }
  }, 60_000);
});

