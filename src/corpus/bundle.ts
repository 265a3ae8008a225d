/**
 * The corpus workers' entry point. A worker started from TypeScript (worker-boot.mjs → tsx)
 * spins up its own loader-hook thread and resolves and transpiles ~50 modules one by one: about
 * 0.5 s of CPU per worker before its first report. Bundling worker.ts with esbuild instead
 * (≈40 ms, once per run) lets every worker start from one plain JavaScript file.
 *
 * Packages stay external: the bundle is written inside the project's node_modules/.cache, so
 * they resolve from the project's node_modules as before. Data files that modules read next to
 * themselves (the crosswalk CSV) are copied beside the bundle. Without esbuild, or when the
 * cache folder is not writable, workers fall back to worker-boot.mjs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Files modules read with `new URL('./x', import.meta.url)`, relative to src/. */
const SIDE_FILES = ['catalogue/crosswalk.csv'];

export interface WorkerEntry {
  url: URL;
  /** True when it is a plain JavaScript bundle (no TypeScript loader needed). */
  bundled: boolean;
  /** Remove the run's bundle (after the workers have loaded it). */
  dispose(): void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fallback: WorkerEntry = { url: new URL('./worker-boot.mjs', import.meta.url), bundled: false, dispose() {} };

/** Bundle worker.ts for this run; `XXGK_WORKER_BUNDLE=0` (or any failure) uses tsx instead. */
export async function workerEntry(): Promise<WorkerEntry> {
  if (process.env.XXGK_WORKER_BUNDLE === '0') return fallback;
  const src = path.resolve(here, '..');
  const cache = path.join(src, '..', 'node_modules', '.cache', 'xxgk');
  let dir: string | null = null;
  try {
    removeAbandoned(cache);
    const { build } = await import('esbuild');
    mkdirSync(cache, { recursive: true });
    dir = mkdtempSync(path.join(cache, 'worker-')); // unique, also for concurrent runs
    const outfile = path.join(dir, 'worker.mjs');
    await build({
      entryPoints: [path.join(here, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    // In the bundle, `import.meta.url` is the bundle's own URL: side files go next to it.
    for (const f of SIDE_FILES) copyFileSync(path.join(src, f), path.join(dir, path.basename(f)));
    const made = dir;
    return { url: pathToFileURL(outfile), bundled: true, dispose: () => rmSync(made, { recursive: true, force: true }) };
  } catch {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return fallback;
  }
}

/** Bundles left by runs that died before disposing of theirs (older than a day). */
function removeAbandoned(cache: string): void {
  let names: string[];
  try {
    names = readdirSync(cache);
  } catch {
    return;
  }
  for (const name of names) {
    const dir = path.join(cache, name);
    try {
      if (name.startsWith('worker-') && Date.now() - statSync(dir).mtimeMs > 86_400_000) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}
