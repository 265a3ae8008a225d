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
