import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as aq from 'arquero';
import { describe, expect, it } from 'vitest';
import { channelDonut, channelMixBars } from '../../src/charts/index.ts';
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
    // (boolean checks: a failing toMatch would print 5 MB of plotly.js)
    expect(/<script[^>]*\bsrc=/i.test(html)).toBe(false);
    expect(/<link[^>]*\bhref=/i.test(html)).toBe(false);
    expect(/<(img|iframe)\b/i.test(html)).toBe(false);
    expect(html.length).toBeGreaterThan(3_000_000); // plotly.min.js is in the page
  });

  it('agency text cannot break out of the script or the title', () => {
    expect(html.includes('<script>alert(1)')).toBe(false);
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
      const dir = await mkdtemp(join(tmpdir(), 'xxgk-html-'));
      await exportChart(fig, join(dir, 'bars.html'));
      // default title built from the agency name (escaped for Plotly, decoded for <title>)
      await exportChart(channelDonut(evilChannels(), { agency: EVIL, year: 2019 }), join(dir, 'donut.html'));
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
        await page.setContent(await readFile(join(dir, 'bars.html'), 'utf8'));
        await page.waitForSelector('#chart .main-svg');
        // the agency (from report text) is shown literally as a tick label
        expect(await page.locator('#chart .ytick text').first().textContent()).toBe(EVIL);
        expect(await page.locator('#chart .bars .point').count()).toBe(5);

        await page.setContent(await readFile(join(dir, 'donut.html'), 'utf8'));
        await page.waitForSelector('#chart .main-svg');
        expect(await page.title()).toBe(`${EVIL}2019年主动公开渠道构成`);
        expect(await page.locator('#chart .gtitle').textContent()).toBe(`${EVIL}2019年主动公开渠道构成`);
        expect(await page.locator('#chart .slice').count()).toBe(5);
        expect(dialogs).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        await browser.close();
      }
    },
    60_000,
  );
});
