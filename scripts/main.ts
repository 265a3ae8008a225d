/**
 * `npm start`: the main job on the bundled data. Loads data/raw, writes the tables (CSV and
 * Parquet) to out/tables, the standard charts (PNG, SVG, HTML) to out/charts, the briefing pack
 * to out/brief.html, and executes the notebooks to out/notebooks. One progress line per step.
 *
 *   npm start                # everything
 *   npm start -- --no-notebooks   # skip the Jupyter step (e.g. without Jupyter installed)
 *   npm start -- path/to/folder   # another corpus instead of data/raw
 */
import { existsSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHART_KINDS, standardChart } from '../src/charts/standard.ts';
import { writeBrief } from '../src/export/brief.ts';
import { exportCharts } from '../src/export/chart.ts';
import { exportTables } from '../src/export/table.ts';
import { TABLE_NAMES } from '../src/cli/main.ts';
import { loadReports } from '../src/load.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'out');
const args = process.argv.slice(2);
const inputs = args.filter((a) => !a.startsWith('--'));
const withNotebooks = !args.includes('--no-notebooks');
// A mistyped flag or path must not cost a full run (the notebooks take a minute or more).
const unknown = args.filter((a) => a.startsWith('-') && a !== '--no-notebooks');
const missing = inputs.filter((i) => !existsSync(i));
if (unknown.length || missing.length) {
  for (const a of unknown) console.error(`npm start: unknown option ${a} (the one option is --no-notebooks)`);
  for (const i of missing) console.error(`npm start: no such file or folder: ${i}`);
  process.exit(2);
}
const rel = (p: string) => relative(process.cwd(), p) || '.';
const step = (n: number, total: number, what: string) => console.log(`[${n}/${total}] ${what}`);
const total = withNotebooks ? 5 : 4;

const t0 = Date.now();
step(1, total, `loading ${inputs.length ? inputs.join(', ') : 'data/raw'} …`);
// Relative to the working directory, as the CLI names files (npm runs this from the project root).
const r = await loadReports(inputs.length ? inputs : [rel(join(ROOT, 'data', 'raw'))]);
const errors = r.records.findings.filter((f) => f.severity === 'error').length;
console.log(
  `      ${r.records.reports.length} reports (${r.records.reports.map((x) => x.status).join(', ')}), ${r.records.facts.length} facts, ${r.records.findings.length} findings (${errors} errors)`,
);

step(2, total, 'writing tables (CSV and Parquet) to out/tables …');
const tables = Object.fromEntries(TABLE_NAMES.map((n) => [n, r[n]]));
const written = [...(await exportTables(tables, join(OUT, 'tables'), 'csv')), ...(await exportTables(tables, join(OUT, 'tables'), 'parquet'))];
console.log(`      wrote ${written.length} files: ${written.map((p) => rel(p)).join(' ')}`);

step(3, total, `exporting ${CHART_KINDS.length} standard charts as PNG, SVG and HTML to out/charts …`);
const items = CHART_KINDS.flatMap((kind) => {
  const fig = standardChart(r, kind);
  return (['png', 'svg', 'html'] as const).map((ext) => ({ fig, path: join(OUT, 'charts', `${kind}.${ext}`) }));
});
const charts = await exportCharts(items, {});
console.log(`      wrote ${charts.length} files in ${rel(join(OUT, 'charts'))}/ (one browser for the batch)`);

step(4, total, 'writing the briefing pack …');
console.log(`      wrote ${rel(await writeBrief(r, join(OUT, 'brief.html')))}`);

if (withNotebooks) {
  step(5, total, 'executing notebooks to out/notebooks …');
  const { runNotebooks } = await import('./notebooks.ts');
  // The notebooks load what this run loaded (src/notebook/input.ts); their kernel starts in ROOT.
  if (inputs.length) process.env.XXGK_INPUT = inputs.map((i) => resolve(i)).join(delimiter);
  const runs = await runNotebooks(undefined, { log: (line) => console.log(`      ${line}`) });
  console.log(`      wrote ${runs.map((x) => `${rel(x.html)}`).join(' ')}`);
}
console.log(`done in ${((Date.now() - t0) / 1000).toFixed(1)} s — open out/brief.html, out/charts/*.png${withNotebooks ? ', out/notebooks/*.html' : ''}`);
