/**
 * Register the `xxgk` Jupyter kernel ("TypeScript (xxgk)"): tslab started from the repo root with
 * tsx, so notebook cells can `import … from './src/….ts'` (see scripts/tslab-kernel.ts for why).
 *
 *   npm run kernel                    # per-user kernelspec (found by Lab, Notebook, VS Code, nbconvert)
 *   npm run kernel -- --sys-prefix    # into the Python environment that runs Jupyter
 *   npm run kernel -- --prefix DIR    # into DIR/share/jupyter/kernels/xxgk
 *   npm run kernel -- --user          # explicit per-user (the default)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const KERNEL_NAME = 'xxgk';
export const KERNEL_DISPLAY_NAME = 'TypeScript (xxgk)';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export type KernelTarget =
  | { kind: 'user' }
  | { kind: 'sys-prefix' }
  | { kind: 'prefix'; prefix: string };

export interface KernelSpec {
  argv: string[];
  display_name: string;
  language: string;
  interrupt_mode: 'signal';
  metadata: Record<string, unknown>;
}

/** The kernel.json content; absolute paths so any frontend can start it from any folder. */
export function kernelSpec(repoRoot = root, nodePath = process.execPath): KernelSpec {
  return {
    argv: [
      nodePath,
      '--import',
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'loader.mjs'),
      join(repoRoot, 'scripts', 'tslab-kernel.ts'),
      '{connection_file}',
    ],
    display_name: KERNEL_DISPLAY_NAME,
    language: 'typescript',
    interrupt_mode: 'signal',
    metadata: { xxgk: { root: repoRoot } },
  };
}

/** Jupyter's per-user data dir, as jupyter_core computes it (no Python needed). */
export function userDataDir(env = process.env, platform = process.platform): string {
  if (env.JUPYTER_DATA_DIR) return env.JUPYTER_DATA_DIR;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Jupyter');
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'jupyter');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'jupyter');
}

/** The Python that runs `jupyter` (from its shebang), else python3: it defines sys.prefix. */
export function jupyterPython(): string {
  const which = spawnSync('sh', ['-c', 'command -v jupyter'], { encoding: 'utf8' }).stdout?.trim();
  if (!which) return 'python3';
  try {
    const shebang = /^#!\s*(\S+)/.exec(readFileSync(which, 'utf8').split('\n')[0]!);
    return shebang && !shebang[1]!.endsWith('/env') ? shebang[1]! : 'python3';
  } catch {
    return 'python3';
  }
}

function pythonSysPrefix(): string {
  const r = spawnSync(jupyterPython(), ['-c', 'import sys; print(sys.prefix)'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`--sys-prefix: cannot run python3 (${r.stderr || r.error})`);
  return r.stdout.trim();
}

export function kernelDir(target: KernelTarget = { kind: 'user' }): string {
  switch (target.kind) {
    case 'user':
      return join(userDataDir(), 'kernels', KERNEL_NAME);
    case 'sys-prefix':
      return join(pythonSysPrefix(), 'share', 'jupyter', 'kernels', KERNEL_NAME);
    case 'prefix':
      return join(resolve(target.prefix), 'share', 'jupyter', 'kernels', KERNEL_NAME);
  }
}

/** Write (or refresh) the kernelspec; returns its directory. Idempotent. */
export function registerKernel(target: KernelTarget = { kind: 'user' }): string {
  const dir = kernelDir(target);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'kernel.json'), JSON.stringify(kernelSpec(), null, 2) + '\n');
  return dir;
}

export function parseKernelArgs(args: string[]): KernelTarget {
  let target: KernelTarget = { kind: 'user' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--user') target = { kind: 'user' };
    else if (a === '--sys-prefix') target = { kind: 'sys-prefix' };
    else if (a === '--prefix' && args[i + 1]) target = { kind: 'prefix', prefix: args[++i]! };
    else if (a.startsWith('--prefix=')) target = { kind: 'prefix', prefix: a.slice('--prefix='.length) };
    else throw new Error(`unknown argument ${a} (use --user, --sys-prefix or --prefix DIR)`);
  }
  return target;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const dir = registerKernel(parseKernelArgs(process.argv.slice(2)));
    console.log(`Registered Jupyter kernel "${KERNEL_DISPLAY_NAME}" (name ${KERNEL_NAME}) in ${dir}`);
  } catch (e) {
    console.error(String((e as Error).message ?? e));
    process.exit(1);
  }
}
