/**
 * Report text reaching exports: markup is escaped in HTML and SVG, and CSV cells that Excel
 * would run as formulas (=, +, -, @ first) are defused with a leading apostrophe.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Figure } from '../../src/charts/figure.ts';
import { exportChart } from '../../src/export/chart.ts';
import { standaloneHtml } from '../../src/export/html.ts';
import { csvField, exportTable } from '../../src/export/table.ts';
import { loadReports } from '../../src/load.ts';
import { skipWithout } from '../export/browser-gate.ts';

const SCRIPT = '<script>alert(1)</script>';
const dir = mkdtempSync(join(tmpdir(), 'xxgk-inject-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hostile = [
  { file: `${SCRIPT}.txt`, text: `${SCRIPT}局2019年政府信息公开工作年度报告\n=HYPERLINK("http://evil.example")全年主动公开政府信息120条。\n` },
  { file: '=HYPERLINK("http://evil.example","x").txt', text: '+cmd|calc A0 本年度共收到政府信息公开申请5件。\n@cmd 全年主动公开政府信息7条。\n' },
];

describe('hostile text in loaded reports', () => {
  it('the loader keeps it as data: an agency that is markup is not taken as an agency name', async () => {
    const r = await loadReports(hostile);
    expect(r.records.reports.map((x) => [x.file, x.agency])).toEqual([
      [`${SCRIPT}.txt`, null],
      ['=HYPERLINK("http://evil.example","x").txt', null],
    ]);
    expect(r.records.facts.map((f) => f.label)).toEqual([
      '=HYPERLINK("http://evil.example")全年主动公开政府信息120条',
      '+cmd|calc A0 本年度共收到政府信息公开申请5件',
      '@cmd 全年主动公开政府信息7条',
    ]);
  });

  it('CSV export defuses formula cells (=, +, @) and keeps markup as plain quoted text', async () => {
    const r = await loadReports(hostile);
    const facts = join(dir, 'facts.csv');
    const reports = join(dir, 'reports.csv');
    await exportTable(r.facts, facts);
    await exportTable(r.reports, reports);
    const csv = readFileSync(facts, 'utf8') + readFileSync(reports, 'utf8');
    // No field (start of line or after a comma, quoted or not) begins with a formula character.
    expect(csv).not.toMatch(/(^|,)"?[=+@]/m);
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"")全年主动公开政府信息120条`);
    expect(csv).toContain("'+cmd|calc A0 本年度共收到政府信息公开申请5件");
    expect(csvField('-2+3+cmd|x')).toBe("'-2+3+cmd|x"); // '-' too (none of the seeds' labels start with it)
    expect(csvField(-133)).toBe('-133'); // numbers are numbers, not formulas
    expect(csv).toContain("'@cmd 全年主动公开政府信息7条");
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"").txt"`);
    expect(csv).toContain(`${SCRIPT}.txt`); // CSV is not markup: kept verbatim
  });
});

/** A figure whose title, categories and hover text are a hostile agency name. */
function hostileFigure(): Figure {
  return {
    data: [{ type: 'bar', x: [SCRIPT, '=HYPERLINK("x")'], y: [3, 4], name: SCRIPT, hovertext: [SCRIPT, SCRIPT] }],
    layout: { title: { text: `${SCRIPT} 主动公开` }, width: 600, height: 400 },
  };
}

describe('hostile agency names in charts', () => {
  it('standalone HTML escapes them in <title> and in the embedded figure JSON', () => {
    const html = standaloneHtml(hostileFigure(), { title: `${SCRIPT} 年报` });
    expect(html).not.toContain(SCRIPT);
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt; 年报</title>');
    // The JSON still carries the original text (escaped as \u003c…), so the chart shows it as text.
    expect(html).toContain('\\u003cscript\\u003ealert(1)\\u003c/script\\u003e');
    // Exactly the page's own script elements: plotly.js and the figure.
    expect(html.match(/<script>/g)).toHaveLength(2);
  });

  const skip = skipWithout({ browser: true }, 'SVG export of hostile text');
  it.skipIf(skip)('SVG export renders them as text, never as elements', async () => {
    const path = join(dir, 'hostile.svg');
    await exportChart(hostileFigure(), path);
    const svg = readFileSync(path, 'utf8');
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});
