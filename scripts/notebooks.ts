/**
 * Execute the notebooks headless (npm run notebooks [-- NAME …]):
 *   notebooks/<name>.ipynb → out/notebooks/<name>.ipynb (executed) and out/notebooks/<name>.html
 * with the `xxgk` kernel, registering it first. A failing cell stops the run with the notebook,
 * the cell (index and first source line) and the error text; exit 1.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KERNEL_NAME, registerKernel } from './kernel.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RunNotebooksOptions {
  /** Repository root (notebooks/ and out/ live there). */
  root?: string;
  /** Where executed notebooks and HTML go; default <root>/out/notebooks. */
  outDir?: string;
  /** Per-cell timeout in seconds; default 600. */
  timeoutSeconds?: number;
  /** Progress lines (one per notebook); default console.log. */
  log?: (line: string) => void;
  /** Register/refresh the kernelspec first; default true. */
  registerKernel?: boolean;
}

export interface NotebookRun {
  name: string;
  notebook: string;
  html: string;
  seconds: number;
}

/** A cell failed (or nbconvert itself did): which notebook, which cell, what error. */
export class NotebookError extends Error {
  constructor(
    readonly notebook: string,
    readonly cellIndex: number | null,
    readonly firstLine: string | null,
    readonly errorText: string,
  ) {
    const where = cellIndex === null ? '' : ` cell ${cellIndex} (${JSON.stringify(firstLine ?? '')})`;
    super(`notebook ${notebook}${where} failed:\n${errorText}`);
    this.name = 'NotebookError';
  }
}

interface Cell {
  cell_type: string;
  source: string | string[];
  outputs?: Output[];
}
interface Output {
  output_type: string;
  name?: string;
  text?: string | string[];
  ename?: string;
  evalue?: string;
  traceback?: string[];
}

const joined = (s: string | string[] | undefined): string => (Array.isArray(s) ? s.join('') : (s ?? ''));

/** Notebook names (without .ipynb) in <root>/notebooks, sorted. */
export function listNotebooks(root = ROOT): string[] {
  const dir = join(root, 'notebooks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .map((f) => f.slice(0, -'.ipynb'.length))
    .sort();
}

/** Tools the notebook run needs that are missing (empty when all present). */
export function missingNotebookTools(): string[] {
  const missing: string[] = [];
  const nbconvert = spawnSync('jupyter', ['nbconvert', '--version'], { encoding: 'utf8' });
  if (nbconvert.status !== 0) missing.push('jupyter nbconvert (Debian: jupyter-nbconvert)');
  const kernelspec = spawnSync('jupyter', ['kernelspec', 'list'], { encoding: 'utf8' });
  if (kernelspec.status !== 0) missing.push('jupyter kernelspec (Debian: jupyter-client)');
  return missing;
}

interface Exec {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(cmd: string, args: string[], cwd: string): Promise<Exec> {
  return new Promise((done, fail) => {
    const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

function nbconvertExecute(input: string, outDir: string, name: string, timeout: number, allowErrors: boolean) {
  return [
    'nbconvert',
    '--execute',
    '--to',
    'notebook',
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`,
    `--ExecutePreprocessor.timeout=${timeout}`,
    ...(allowErrors ? ['--allow-errors'] : []),
    '--output-dir',
    outDir,
    '--output',
    name,
    input,
  ];
}

/**
 * Number the executed notebook's code cells 1, 2, … (In [1]: …): tslab's replies carry no
 * execution count, so a notebook run through it would read as never run.
 */
export function numberCells(file: string): void {
  const text = readFileSync(file, 'utf8');
  const nb = JSON.parse(text) as { cells: Array<Cell & { execution_count?: number | null }> };
  let n = 0;
  for (const cell of nb.cells) {
    if (cell.cell_type !== 'code') continue;
    cell.execution_count ??= ++n;
    for (const o of cell.outputs ?? []) if (o.output_type === 'execute_result') (o as { execution_count?: number | null }).execution_count ??= cell.execution_count;
  }
  // nbconvert writes one space of indent and a final newline.
  writeFileSync(file, JSON.stringify(nb, null, 1) + '\n');
}

/** nbclient prints the failing cell's source between dashed lines. */
export function failedCellSource(stderr: string): string | null {
  const m = /An error occurred while executing the following cell:\n-{10,}\n([\s\S]*?)\n-{10,}\n/.exec(stderr);
  return m ? m[1]! : null;
}

/** The text a failed cell printed: tslab reports errors on stderr, other kernels as `error`. */
export function cellErrorText(cell: Cell | undefined): string {
  const parts: string[] = [];
  for (const o of cell?.outputs ?? []) {
    if (o.output_type === 'error') parts.push(`${o.ename}: ${o.evalue}`);
    else if (o.output_type === 'stream' && o.name === 'stderr') parts.push(joined(o.text));
  }
  return parts.join('\n').trim();
}

function tail(text: string, lines = 15): string {
  return text
    .split('\n')
    .filter((l) => !/Debugger warning|frozen modules|-Xfrozen_modules|PYDEVD_DISABLE|make the debugger|Debugging will proceed/.test(l))
    .slice(-lines)
    .join('\n')
    .trim();
}

async function explainFailure(name: string, input: string, outDir: string, timeout: number, first: Exec, root: string): Promise<NotebookError> {
  const source = failedCellSource(first.stderr);
  const cells = (JSON.parse(readFileSync(input, 'utf8')) as { cells: Cell[] }).cells;
  const index = source === null ? -1 : cells.findIndex((c) => joined(c.source).trim() === source.trim());
  if (index < 0) return new NotebookError(name, null, null, tail(first.stderr) || `nbconvert exited with ${first.code}`);
  const firstLine = joined(cells[index]!.source).split('\n')[0] ?? '';
  // Re-run keeping going past errors to get the cell's own output (tslab writes errors to
  // stderr, so nbclient's message has no text); the partial notebook is left for inspection.
  const again = await run('jupyter', nbconvertExecute(input, outDir, name, timeout, true), root);
  let text = '';
  const partial = join(outDir, `${name}.ipynb`);
  if (again.code === 0 && existsSync(partial)) {
    text = cellErrorText((JSON.parse(readFileSync(partial, 'utf8')) as { cells: Cell[] }).cells[index]);
  }
  if (/CellTimeoutError|timed out/.test(first.stderr)) text = `timed out after ${timeout}s\n${text}`.trim();
  return new NotebookError(name, index, firstLine, text || tail(first.stderr));
}

/** Execute notebooks (all of notebooks/*.ipynb by default) to .ipynb and .html under outDir. */
export async function runNotebooks(names?: string[], opts: RunNotebooksOptions = {}): Promise<NotebookRun[]> {
  const root = opts.root ?? ROOT;
  const outDir = opts.outDir ?? join(root, 'out', 'notebooks');
  const timeout = opts.timeoutSeconds ?? 600;
  const log = opts.log ?? ((line: string) => console.log(line));
  if (opts.registerKernel ?? true) registerKernel();
  mkdirSync(outDir, { recursive: true });
  const wanted = names && names.length > 0 ? names.map((n) => basename(n).replace(/\.ipynb$/, '')) : listNotebooks(root);
  const runs: NotebookRun[] = [];
  // A run that stops at a failing notebook must not leave a previous run's outputs of the
  // notebooks after it, to be read as this run's.
  for (const name of wanted) for (const ext of ['ipynb', 'html']) rmSync(join(outDir, `${name}.${ext}`), { force: true });
  for (const name of wanted) {
    const input = join(root, 'notebooks', `${name}.ipynb`);
    if (!existsSync(input)) throw new NotebookError(name, null, null, `no such notebook: ${input}`);
    const started = Date.now();
    const executed = await run('jupyter', nbconvertExecute(input, outDir, name, timeout, false), root);
    if (executed.code !== 0) {
      const error = await explainFailure(name, input, outDir, timeout, executed, root);
      log(`✗ ${name}: ${error.cellIndex === null ? 'nbconvert failed' : `cell ${error.cellIndex} failed`}`);
      throw error;
    }
    const notebook = join(outDir, `${name}.ipynb`);
    numberCells(notebook);
    const html = await run('jupyter', ['nbconvert', '--to', 'html', '--output-dir', outDir, '--output', name, notebook], root);
    if (html.code !== 0) throw new NotebookError(name, null, null, `HTML export failed:\n${tail(html.stderr)}`);
    const seconds = (Date.now() - started) / 1000;
    runs.push({ name, notebook, html: join(outDir, `${name}.html`), seconds });
    log(`✓ ${name} (${seconds.toFixed(1)}s) → ${join(outDir, name)}.{ipynb,html}`);
  }
  return runs;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingNotebookTools();
  if (missing.length > 0) {
    console.error(`missing: ${missing.join(', ')}. Run: npm run sysdeps`);
    process.exit(1);
  }
  runNotebooks(process.argv.slice(2)).then(
    (runs) => console.log(`${runs.length} notebook(s) executed.`),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
