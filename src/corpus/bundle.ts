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
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Files modules read with `new URL('./x', import.meta.url)`, relative to src/. */
const SIDE_FILES = ['catalogue/crosswalk.csv'];

/**
 * A bundle folder not touched for this long is no run's: removed. A run touches its bundle when
 * it starts and every minute after (a worker replaced late in a long run loads it again).
 */
export const BUNDLE_STALE_MS = 10 * 60_000;

export interface WorkerEntry {
  url: URL;
  /** True when it is a plain JavaScript bundle (no TypeScript loader needed). */
  bundled: boolean;
  /** The run no longer needs it (the bundle stays for the next run of the same code). */
  dispose(): void;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const fallback: WorkerEntry = { url: new URL('./worker-boot.mjs', import.meta.url), bundled: false, dispose() {} };

/**
 * Bundle worker.ts into `worker-<hash of the bundle>/` (a killed run leaves no folder of its own:
 * the next run of the same code reuses it); `XXGK_WORKER_BUNDLE=0` (or any failure) uses tsx.
 */
export async function workerEntry(): Promise<WorkerEntry> {
  if (process.env.XXGK_WORKER_BUNDLE === '0') return fallback;
  const src = path.resolve(here, '..');
  const cache = path.join(src, '..', 'node_modules', '.cache', 'xxgk');
  let tmp: string | null = null;
  try {
    const { build } = await import('esbuild');
    const built = await build({
      entryPoints: [path.join(here, 'worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outfile: 'worker.mjs',
      // Paths in the bundle's comments are relative to it: the same code hashes the same from any folder.
      absWorkingDir: path.resolve(src, '..'),
      write: false,
      logLevel: 'silent',
    });
    const code = built.outputFiles[0]!.contents;
    const sides = SIDE_FILES.map((f) => readFileSync(path.join(src, f)));
    const hash = createHash('sha256').update(code);
    for (const side of sides) hash.update(side);
    const name = `worker-${hash.digest('hex').slice(0, 16)}`;
    const dir = path.join(cache, name);
    removeAbandoned(cache, name);
    try {
      statSync(path.join(dir, 'worker.mjs'));
    } catch {
      // Written whole in a folder of its own, then renamed: a run never loads half a bundle.
      mkdirSync(cache, { recursive: true });
      tmp = mkdtempSync(path.join(cache, 'tmp-'));
      writeFileSync(path.join(tmp, 'worker.mjs'), code);
      // In the bundle, `import.meta.url` is the bundle's own URL: side files go next to it.
      SIDE_FILES.forEach((f, i) => writeFileSync(path.join(tmp!, path.basename(f)), sides[i]!));
      try {
        renameSync(tmp, dir);
      } catch {
        // Another run of the same code made it meanwhile.
        rmSync(tmp, { recursive: true, force: true });
      }
      tmp = null;
    }
    const touch = () => {
      const now = new Date();
      try {
        utimesSync(dir, now, now);
      } catch {
        // Removed by hand: workers already started keep their code.
      }
    };
    touch();
    const heartbeat = setInterval(touch, 60_000);
    heartbeat.unref();
    return { url: pathToFileURL(path.join(dir, 'worker.mjs')), bundled: true, dispose: () => clearInterval(heartbeat) };
  } catch {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    return fallback;
  }
}

/** Bundles of other code (or of a version that named them per run) no run has touched for a while, and half-written ones. */
function removeAbandoned(cache: string, keep: string): void {
  let names: string[];
  try {
    names = readdirSync(cache);
  } catch {
    return;
  }
  for (const name of names) {
    if (name === keep || !/^(worker|tmp)-/.test(name)) continue;
    const dir = path.join(cache, name);
    try {
      if (Date.now() - statSync(dir).mtimeMs > BUNDLE_STALE_MS) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}
