/**
 * Executes the real notebooks with Jupyter and checks the HTML in Chromium. Needs the Debian
 * packages from `npm run sysdeps`: without them the suite is skipped locally (with a message)
 * and FAILS when CI=true.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotebookError, missingNotebookTools, runNotebooks, type NotebookRun } from '../../scripts/notebooks.ts';
import { chromiumPath, startChromium } from '../../scripts/chromium.ts';
import { proveNotebookUi } from '../../scripts/prove-notebook-ui.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CI = process.env.CI === 'true';
const missing = [...missingNotebookTools(), ...(chromiumPath() ? [] : ['chromium (or CHROME_PATH)'])];
const skip = missing.length > 0 && !CI;
if (skip) console.warn(`[notebook tests] SKIPPED, missing: ${missing.join(', ')}. Run \`npm run sysdeps\`.`);

interface Nb {
  cells: { cell_type: string; source: string | string[]; outputs?: any[] }[];
}
const text = (s: string | string[]) => (Array.isArray(s) ? s.join('') : s);

function notebook(cells: string[]): string {
  return JSON.stringify({
    cells: cells.map((source, i) => ({
      cell_type: 'code',
      id: `c${i}`,
      metadata: {},
      execution_count: null,
      outputs: [],
      source,
    })),
    metadata: { kernelspec: { name: 'xxgk', display_name: 'TypeScript (xxgk)', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
}

describe.skipIf(skip)('notebooks (Jupyter + Chromium)', () => {
  it('has the tools it needs (fails in CI when a system package is missing)', () => {
    expect(missing).toEqual([]);
  });

  describe('00_welcome', () => {
    let runs: NotebookRun[] = [];
    const html = join(ROOT, 'out', 'notebooks', '00_welcome.html');

    beforeAll(async () => {
      runs = await runNotebooks(undefined, { log: () => {} });
    }, 900_000);

    it('executes every notebook to .ipynb and .html', () => {
      expect(runs.map((r) => r.name)).toContain('00_welcome');
      for (const r of runs) {
        expect(existsSync(r.notebook)).toBe(true);
        expect(existsSync(r.html)).toBe(true);
      }
    });

    it('ran the cells: the seed table, the total and the chart bundle', () => {
      const nb = JSON.parse(readFileSync(join(ROOT, 'out', 'notebooks', '00_welcome.ipynb'), 'utf8')) as Nb;
      const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
      const streams = outputs.filter((o) => o.output_type === 'stream').map((o) => text(o.text)).join('');
      expect(streams).toContain('items published through the five channels: 53708');
      expect(streams).not.toMatch(/error/i);
      const displays = outputs.filter((o) => o.output_type === 'display_data');
      const chart = displays.find((o) => o.data['application/vnd.plotly.v1+json']);
      expect(chart.data['application/vnd.plotly.v1+json'].data[0].y).toEqual([42, 33196, 13026, 6194, 1250]);
      expect(Object.keys(chart.data)).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
      expect(displays.some((o) => /<table/.test(text(o.data['text/html'] ?? '')))).toBe(true);
    });

    it('05_national_scale builds a Parquet dataset from data/raw and answers DuckDB queries', () => {
      const nb = JSON.parse(readFileSync(join(ROOT, 'out', 'notebooks', '05_national_scale.ipynb'), 'utf8')) as Nb;
      const outputs = nb.cells.flatMap((c) => c.outputs ?? []);
      expect(outputs.filter((o) => o.output_type === 'error')).toEqual([]);
      const streams = outputs.filter((o) => o.output_type === 'stream').map((o) => text(o.text)).join('');
      expect(streams).toMatch(/dataset out\/dataset: 5 reports \(\d+ unchanged, \d+ loaded\)/);
      expect(streams).toMatch(/coverage: 2 year\(s\), 5 reports, query \d+ ms/);
      expect(streams).toMatch(/channel mix: 10 rows/);
      // 2017 website: the four 2017 seeds' resolved counts, summed by DuckDB.
      const tables = outputs.filter((o) => o.output_type === 'display_data').map((o) => text(o.data['text/html'] ?? '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '));
      expect(tables.some((t) => t.includes('2017 website 33405 4'))).toBe(true);
    });

    it('HTML has plotly.js inline, no CDN or remote script, and the figure JSON', () => {
      const page = readFileSync(html, 'utf8');
      expect(page).toContain('plotly.js v3.');
      expect(page).toContain('window.Plotly = Plotly');
      expect(page).not.toMatch(/<script[^>]*src=["']https?:/i);
      expect(page).not.toMatch(/src=["'][^"']*cdn\.plot\.ly/i);
      expect(page).toContain('"y":[42,33196,13026,6194,1250]');
      expect(page).toContain('"title":{"text":"瓯海区 2017：主动公开政府信息数（按渠道）"}');
    });

    it('Chromium draws the chart from the HTML (screenshot in out/screenshots/00_welcome.png)', async () => {
      const browser = await startChromium();
      try {
        const page = await browser.context.newPage();
        await page.goto(`file://${html}`);
        await page.waitForSelector('.xxgk-plotly .main-svg', { timeout: 60_000 });
        const bars = await page.locator('.xxgk-plotly g.trace.bars g.point path').count();
        expect(bars).toBe(5);
        const title = await page.locator('.xxgk-plotly .gtitle').textContent();
        expect(title).toBe('瓯海区 2017：主动公开政府信息数（按渠道）');
        const shot = join(ROOT, 'out', 'screenshots', '00_welcome.png');
        mkdirSync(dirname(shot), { recursive: true });
        await page.locator('.xxgk-plotly').first().scrollIntoViewIfNeeded();
        await page.screenshot({ path: shot, fullPage: true });
        expect(readFileSync(shot).subarray(1, 4).toString()).toBe('PNG');
      } finally {
        await browser.close();
      }
    });

    it('classic Notebook (jupyter notebook + Chromium) draws the chart, saved and after Run All', async () => {
      const proof = await proveNotebookUi('00_welcome');
      expect(proof.bars).toBe(5);
      expect(proof.liveBars).toBe(5);
      expect(proof.title).toBe('瓯海区 2017：主动公开政府信息数（按渠道）');
      expect(existsSync(proof.screenshot)).toBe(true);
    });
  });

  describe('kernel and failures', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'xxgk-nb-'));
    // The kernel runs from the repo root, so the helper module must live inside it.
    const depDir = join(ROOT, 'out', 'test-kernel');
    afterAll(() => {
      rmSync(tmp, { recursive: true, force: true });
      rmSync(depDir, { recursive: true, force: true });
    });

    it('cells import ./src/….ts modules that use .ts imports and TS 5.9-only lib types', async () => {
      mkdirSync(depDir, { recursive: true });
      writeFileSync(
        join(depDir, 'dep.ts'),
        "import { parseNumber } from '../../src/extract/numbers.ts';\n" +
          'export const sortedValues = (xs: string[]): number[] =>\n' +
          '  xs.map((x) => parseNumber(x)?.value ?? NaN).toSorted((a, b) => a - b);\n',
      );
      mkdirSync(join(tmp, 'notebooks'));
      writeFileSync(
        join(tmp, 'notebooks', 'imports.ipynb'),
        notebook([
          "import { sortedValues } from './out/test-kernel/dep.ts';\nimport { parseNumber } from './src/extract/numbers.ts';",
          "console.log(sortedValues(['3.7万多', '42', '1000多']).join(','), parseNumber('129宗')?.unit);",
        ]),
      );
      const [run] = await runNotebooks(['imports'], { root: tmp, log: () => {} });
      const nb = JSON.parse(readFileSync(run!.notebook, 'utf8')) as Nb;
      expect(text(nb.cells[1]!.outputs![0].text)).toBe('42,1000,37000 宗\n');
    });

    it('names the notebook, the cell and the error when a cell throws', async () => {
      writeFileSync(
        join(tmp, 'notebooks', 'broken.ipynb'),
        notebook(['const ok = 1;', "// the failing cell\nthrow new Error('boom 42');", 'console.log("never")']),
      );
      const error = await runNotebooks(['broken'], { root: tmp, log: () => {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NotebookError);
      const e = error as NotebookError;
      expect([e.notebook, e.cellIndex, e.firstLine]).toEqual(['broken', 1, '// the failing cell']);
      expect(e.errorText).toContain('boom 42');
      expect(e.message).toContain('notebook broken cell 1 ("// the failing cell") failed');
    });

    it('reports a type error in a cell with the compiler message', async () => {
      writeFileSync(join(tmp, 'notebooks', 'typo.ipynb'), notebook(['const n: number = "x";']));
      const e = (await runNotebooks(['typo'], { root: tmp, log: () => {} }).catch((x: unknown) => x)) as NotebookError;
      expect(e).toBeInstanceOf(NotebookError);
      expect(e.cellIndex).toBe(0);
      expect(e.errorText).toContain("Type 'string' is not assignable to type 'number'");
    });
  });
});
