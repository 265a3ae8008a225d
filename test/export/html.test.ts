import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { channelMixBars } from '../../src/charts/index.ts';
import { launchBrowser } from '../../src/export/browser.ts';
import { exportChart } from '../../src/export/chart.ts';
import { escapeHtml, jsonForScript, standaloneHtml } from '../../src/export/html.ts';
import { skipWithout } from './browser-gate.ts';

const EVIL = '<script>alert(1)</script>威海市';

const evilChannels = () =>
  aq.from(
    Object.entries({ gazette: 1, website: 2, weibo: 3, wechat: 4, other: 5 }).map(([channel, count]) => ({
      report_id: 'rx', agency: EVIL, year: 2019, channel, count, source: 'table',
    })),
  );

describe('standalone HTML', () => {
  const fig = channelMixBars(evilChannels(), { by: 'agency', title: `${EVIL}渠道` });
  const html = standaloneHtml(fig, { title: `${EVIL}渠道` });

  it('is offline: plotly inlined, no external script, stylesheet or CDN', () => {
    expect(html).not.toMatch(/<script[^>]*\bsrc=/i);
    expect(html).not.toMatch(/<link[^>]*\bhref=/i);
    expect(html).not.toMatch(/cdn\.plot\.ly/);
    expect(html.length).toBeGreaterThan(3_000_000); // plotly.min.js is in the page
  });

  it('agency text cannot break out of the script or the title', () => {
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;威海市渠道</title>');
    // exactly two script elements: plotly.js and the figure
    expect(html.match(/<script\b/gi)?.length).toBe(2);
    expect(html.match(/<\/script>/gi)?.length).toBe(2);
  });

  it('escaping helpers', () => {
    expect(jsonForScript({ a: '</script><!--&' })).toBe('{"a":"\\u003c/script\\u003e\\u003c!--\\u0026"}');
    expect(JSON.parse(jsonForScript({ a: '</script>\u2028' }))).toEqual({ a: '</script>\u2028' });
    expect(escapeHtml(`<a href="x">'&`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;');
  });

  it.skipIf(skipWithout({ browser: true }, 'HTML rendering'))(
    'opens offline in Chromium: chart drawn, the agency shown as text, no script run',
    async () => {
      const path = join(await mkdtemp(join(tmpdir(), 'xxgk-html-')), 'chart.html');
      await exportChart(fig, path);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        const requests: string[] = [];
        await page.route('**/*', (route) => {
          requests.push(route.request().url());
          return route.abort();
        });
        const dialogs: string[] = [];
        page.on('dialog', (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.setContent(await readFile(path, 'utf8'));
        await page.waitForSelector('#chart .main-svg');
        expect(await page.title()).toBe(`${EVIL}渠道`);
        const title = await page.locator('#chart .gtitle').textContent();
        expect(title).toBe(`${EVIL}渠道`);
        expect(await page.locator('#chart .bars .point').count()).toBe(5);
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
