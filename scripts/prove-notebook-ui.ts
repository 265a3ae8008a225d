/**
 * Prove that an executed notebook draws its Plotly chart in the classic Jupyter Notebook UI:
 * start `jupyter notebook` headless on 127.0.0.1 with a token and a throwaway Jupyter data and
 * config dir, open the notebook in headless Chromium, wait for the bars, take a screenshot.
 *
 *   npx tsx scripts/prove-notebook-ui.ts [name]     (default 00_welcome; runs it first if needed)
 *
 * The executed copy is marked trusted (nbformat's trust app, in the throwaway data dir): classic
 * Notebook only runs the scripts of text/html outputs in trusted notebooks.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KERNEL_NAME, jupyterPython, kernelSpec } from './kernel.ts';
import { runNotebooks } from './notebooks.ts';
import { startChromium } from './chromium.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface NotebookUiProof {
  url: string;
  /** Bars drawn from the saved outputs (as opened). */
  bars: number;
  /** Bars drawn after clearing the outputs and running all cells live in the UI. */
  liveBars: number;
  title: string | null;
  screenshot: string;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => done(port));
    });
  });
}

/** Resolve when the server prints its URL (it logs to stderr), reject on exit or timeout. */
function waitForServer(child: ChildProcess, port: number, timeoutMs = 60_000): Promise<void> {
  return new Promise((done, fail) => {
    let log = '';
    const timer = setTimeout(() => fail(new Error(`jupyter notebook did not start:\n${log}`)), timeoutMs);
    const onData = (b: Buffer) => {
      log += b;
      if (log.includes(`127.0.0.1:${port}/`)) {
        clearTimeout(timer);
        done();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`jupyter notebook exited with ${code}:\n${log}`));
    });
  });
}

async function stopServer(child: ChildProcess, base: string, token: string): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // /api/shutdown also shuts the kernels down; SIGTERM is the fallback.
  await fetch(`${base}api/shutdown`, { method: 'POST', headers: { Authorization: `token ${token}` } }).catch(() => {});
  const timer = setTimeout(() => child.kill('SIGTERM'), 10_000);
  await exited;
  clearTimeout(timer);
}

export async function proveNotebookUi(name = '00_welcome', screenshot?: string): Promise<NotebookUiProof> {
  const executed = join(ROOT, 'out', 'notebooks', `${name}.ipynb`);
  if (!existsSync(executed)) await runNotebooks([name], { log: () => {} });
  const shot = screenshot ?? join(ROOT, 'out', 'screenshots', `${name}-notebook-ui.png`);
  const work = mkdtempSync(join(tmpdir(), 'xxgk-nbui-'));
  const dataDir = join(work, 'data');
  const env = { ...process.env, JUPYTER_DATA_DIR: dataDir, JUPYTER_CONFIG_DIR: join(work, 'config'), JUPYTER_RUNTIME_DIR: join(work, 'runtime') };
  mkdirSync(join(dataDir, 'kernels', KERNEL_NAME), { recursive: true });
  writeFileSync(join(dataDir, 'kernels', KERNEL_NAME, 'kernel.json'), JSON.stringify(kernelSpec()));
  const served = join(work, 'nb');
  mkdirSync(served);
  copyFileSync(executed, join(served, `${name}.ipynb`));
  const trust = spawnSync(
    jupyterPython(),
    ['-c', 'from nbformat.sign import TrustNotebookApp as T; T.launch_instance()', join(served, `${name}.ipynb`)],
    { env, encoding: 'utf8' },
  );
  if (trust.status !== 0) throw new Error(`jupyter trust failed: ${trust.stderr}`);

  const port = await freePort();
  const token = randomBytes(16).toString('hex');
  const base = `http://127.0.0.1:${port}/`;
  const server = spawn(
    'jupyter',
    ['notebook', '--no-browser', '--ip=127.0.0.1', `--port=${port}`, '--port-retries=0', `--NotebookApp.token=${token}`, `--notebook-dir=${served}`, ...(process.getuid?.() === 0 ? ['--allow-root'] : [])],
    { env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let browser: Awaited<ReturnType<typeof startChromium>> | undefined;
  try {
    await waitForServer(server, port);
    browser = await startChromium({ width: 1200, height: 1000 });
    const page = await browser.context.newPage();
    const url = `${base}notebooks/${name}.ipynb`;
    await page.goto(`${url}?token=${token}`);
    await page.waitForSelector('.output_area .xxgk-plotly .main-svg', { timeout: 90_000 });
    const barsSelector = '.xxgk-plotly g.trace.bars g.point path';
    const bars = await page.locator(barsSelector).count();
    const title = await page.locator('.xxgk-plotly .gtitle').first().textContent();
    // Live: clear the outputs, run every cell through the xxgk kernel, wait for the new chart.
    await page.waitForFunction(() => (window as any).Jupyter?.notebook?.kernel?.is_connected?.(), null, { timeout: 90_000 });
    await page.evaluate(() => {
      const nb = (window as any).Jupyter.notebook;
      nb.clear_all_output();
      nb.execute_all_cells();
    });
    await page.waitForSelector('.output_area .xxgk-plotly .main-svg', { timeout: 120_000 });
    const liveBars = await page.locator(barsSelector).count();
    const plot = page.locator('.xxgk-plotly').first();
    await plot.scrollIntoViewIfNeeded();
    mkdirSync(dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    return { url, bars, liveBars, title, screenshot: shot };
  } finally {
    await browser?.close();
    await stopServer(server, base, token);
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  proveNotebookUi(process.argv[2]).then(
    (p) => {
      console.log(
        `classic Notebook drew ${p.bars} bars from saved outputs and ${p.liveBars} after Run All ("${p.title}") at ${p.url}; screenshot ${p.screenshot}`,
      );
      if (p.bars === 0 || p.liveBars === 0) process.exit(1);
    },
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : String(e));
      process.exit(1);
    },
  );
}
