/**
 * Entry point of the `xxgk` Jupyter kernel (see scripts/kernel.ts, which writes the kernelspec):
 *
 *   node --import <root>/node_modules/tsx/dist/loader.mjs scripts/tslab-kernel.ts {connection_file}
 *
 * It starts tslab with three fixes so that a notebook cell can `import … from './src/….ts'`:
 * 1. cwd = repo root. tslab compiles cells with rootDir = cwd, and Jupyter starts kernels in the
 *    notebook's folder (notebooks/), from where `../src/…` is outside rootDir.
 * 2. tslab's TypeScript 5.0 gets `allowImportingTsExtensions` + `moduleResolution: bundler` (our
 *    sources import each other as `./foo.ts`, and arquero's types sit behind package `exports`),
 *    lib ES2023+DOM like tsconfig.json, and the option diagnostic TS5096 ("only with noEmit") is
 *    dropped: tslab must emit, and the emitted `require('./src/….ts')` is served by tsx.
 *    Diagnostics of imported files on disk are dropped (see keepDiagnostic).
 * 3. tsx (loaded by `--import`) compiles `.ts` files on `require`, so the real module graph runs
 *    the same code as the CLI and tests (ESM package, `.ts` specifiers).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(resolve(root, 'package.json'));

/** TS5096: "Option 'allowImportingTsExtensions' can only be used when … 'noEmit' …". */
const DROPPED_DIAGNOSTICS = new Set([5096]);

interface Diagnostic {
  code: number;
  file?: { fileName: string };
}

/**
 * Keep diagnostics of the cell itself (tslab's in-memory `__tslab__.ts`, `__prev__.d.ts` and
 * `//%module` files). Files on disk are type-checked by `npm run typecheck` with TypeScript 5.9;
 * re-checking them with tslab's 5.0 reports false errors (e.g. ES2023 `toSorted`).
 */
function keepDiagnostic(d: Diagnostic): boolean {
  if (DROPPED_DIAGNOSTICS.has(d.code)) return false;
  return !d.file || !existsSync(d.file.fileName);
}

/** Replace tslab's TypeScript module in the require cache with a patched copy. */
export function patchTslabTypeScript(): void {
  const tslabRequire = createRequire(require.resolve('tslab/package.json'));
  const id = tslabRequire.resolve('@tslab/typescript-for-tslab');
  const ts = tslabRequire(id) as Record<string, any>;
  if (ts.__xxgkPatched) return;
  // The bundle exports getters only (not writable), so copy them into a plain object.
  const patched: Record<string, any> = {};
  for (const key of Object.keys(ts)) patched[key] = ts[key];
  patched.__xxgkPatched = true;
  patched.createWatchCompilerHost = (rootFiles: string[], options: any, ...rest: any[]) =>
    ts.createWatchCompilerHost(
      rootFiles,
      {
        ...options,
        allowImportingTsExtensions: true,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        lib: [...new Set([...(options.lib ?? []), 'lib.es2023.d.ts', 'lib.dom.d.ts'])],
      },
      ...rest,
    );
  patched.getPreEmitDiagnosticsOfFiles = (...args: any[]) =>
    (ts.getPreEmitDiagnosticsOfFiles(...args) as Diagnostic[]).filter(keepDiagnostic);
  const cached = require.cache[id];
  if (!cached) throw new Error(`tslab's TypeScript is not in the require cache: ${id}`);
  cached.exports = patched;
}

function main(): void {
  const connectionFile = process.argv[2];
  if (!connectionFile) {
    console.error('usage: node --import tsx scripts/tslab-kernel.ts <connection_file>');
    process.exit(2);
  }
  process.chdir(root);
  patchTslabTypeScript();
  const { startKernel } = require('tslab/dist/main.js');
  const { version } = require('tslab/package.json');
  startKernel({ configPath: connectionFile, enableFindLocal: false, globalVersion: version });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
