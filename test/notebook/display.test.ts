import { describe, expect, it, beforeEach } from 'vitest';
import * as aq from 'arquero';
import { PLOTLY_MIME, plotlyBundle, resetPlotlySession, tableBundle } from '../../src/notebook/display.ts';
import { jsonForScript as scriptJson, plotlySource as plotlyLibrary, scriptSafe as escapeScript } from '../../src/export/html.ts';

const fig = {
  data: [{ type: 'bar', x: ['政府网站', '政务微博'], y: [33196, 13026] }],
  layout: { title: { text: '渠道' }, height: 300 },
};

/** How many times the plotly.js bundle's banner occurs in an HTML string. */
const libraryCopies = (html: string) => html.split('plotly.js v').length - 1;

describe('plotlyBundle', () => {
  beforeEach(() => resetPlotlySession());

  it('carries the plotly JSON, HTML and plain text in one bundle', () => {
    const b = plotlyBundle(fig, { divId: 'p1' });
    expect(Object.keys(b.data).sort()).toEqual([PLOTLY_MIME, 'text/html', 'text/plain'].sort());
    expect(b.data[PLOTLY_MIME]).toEqual({
      data: fig.data,
      layout: fig.layout,
      config: { responsive: true, displaylogo: false },
    });
    const html = b.data['text/html'] as string;
    expect(html).toContain('<div id="p1" class="xxgk-plotly" style="width:100%;height:300px;"></div>');
    expect(html).toContain('document.getElementById("p1")');
    expect(html).toContain('"y":[33196,13026]');
    expect(b.data['text/plain']).toBe('Plotly figure: 渠道 (1 trace)');
  });

  it('embeds plotly.js once per session, then reuses window.Plotly', () => {
    const first = plotlyBundle(fig).data['text/html'] as string;
    const second = plotlyBundle(fig).data['text/html'] as string;
    expect(libraryCopies(first)).toBe(1);
    expect(first.length).toBeGreaterThan(plotlyLibrary().length);
    expect(libraryCopies(second)).toBe(0);
    expect(second.length).toBeLessThan(5000);
    expect(second).toContain('window.Plotly.newPlot');
    expect(first).not.toMatch(/<script[^>]+src=/);
    resetPlotlySession();
    expect(libraryCopies(plotlyBundle(fig).data['text/html'] as string)).toBe(1);
    expect(libraryCopies(plotlyBundle(fig, { embedLibrary: true }).data['text/html'] as string)).toBe(1);
  });

  it('escapes </script> and <!-- inside the embedded figure JSON', () => {
    const evil = { data: [{ type: 'bar', x: ['</script><script>alert(1)</script>', '<!--x'], y: [1, 2] }], layout: {} };
    const html = plotlyBundle(evil, { embedLibrary: false, divId: 'e' }).data['text/html'] as string;
    expect(html).not.toMatch(/<\/script><script>alert/i);
    expect(html).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(html).not.toContain('<!--x');
    // The escaped JSON still parses back to the same strings.
    const json = /var fig = (.*);\n/.exec(html)![1]!;
    expect(JSON.parse(json).data[0].x).toEqual(['</script><script>alert(1)</script>', '<!--x']);
    // Exactly one closing tag per <script> element in the chart part.
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });
});

describe('escapeScript / scriptJson', () => {
  it('breaks every closing script tag regardless of case', () => {
    expect(escapeScript('a</SCRIPT>b</script >')).toBe('a<\\/SCRIPT>b<\\/script >');
    expect(scriptJson('<a>&\u2028')).toBe('"\\u003ca\\u003e\\u0026\\u2028"');
  });
});

describe('tableBundle', () => {
  it('renders an Arquero table as HTML, limited to `limit` rows', () => {
    const t = aq.table({ channel: ['gazette', 'website', 'weibo'], count: [42, 33196, 13026] });
    const html = tableBundle(t, { limit: 2 }).data['text/html'] as string;
    expect(html).toContain('<table');
    expect(html).toContain('gazette');
    expect(html).toContain('website');
    expect(html).not.toContain('weibo');
    expect(html).toContain('2 of 3 rows');
    expect(tableBundle(t).data['text/html']).not.toContain('of 3 rows');
  });
});
