import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KERNEL_NAME, kernelSpec, parseKernelArgs, registerKernel, userDataDir } from '../../scripts/kernel.ts';

describe('kernelSpec', () => {
  it('starts tslab through tsx and the xxgk launcher, with absolute paths', () => {
    const spec = kernelSpec('/repo', '/opt/node/bin/node');
    expect(spec.argv).toEqual([
      '/opt/node/bin/node',
      '--import',
      '/repo/node_modules/tsx/dist/loader.mjs',
      '/repo/scripts/tslab-kernel.ts',
      '{connection_file}',
    ]);
    expect(spec.display_name).toBe('TypeScript (xxgk)');
    expect(spec.language).toBe('typescript');
  });
});

describe('parseKernelArgs / userDataDir', () => {
  it('maps --user, --sys-prefix and --prefix', () => {
    expect(parseKernelArgs([])).toEqual({ kind: 'user' });
    expect(parseKernelArgs(['--user'])).toEqual({ kind: 'user' });
    expect(parseKernelArgs(['--sys-prefix'])).toEqual({ kind: 'sys-prefix' });
    expect(parseKernelArgs(['--prefix', '/p'])).toEqual({ kind: 'prefix', prefix: '/p' });
    expect(parseKernelArgs(['--prefix=/q'])).toEqual({ kind: 'prefix', prefix: '/q' });
    expect(() => parseKernelArgs(['--global'])).toThrow(/unknown argument --global/);
  });

  it('follows JUPYTER_DATA_DIR, then XDG_DATA_HOME on Linux', () => {
    expect(userDataDir({ JUPYTER_DATA_DIR: '/j' }, 'linux')).toBe('/j');
    expect(userDataDir({ XDG_DATA_HOME: '/x' }, 'linux')).toBe('/x/jupyter');
    expect(userDataDir({ APPDATA: 'C:/A' }, 'win32')).toBe(join('C:/A', 'jupyter'));
  });
});

describe('registerKernel --prefix', () => {
  it('writes kernel.json that `jupyter kernelspec list` finds through JUPYTER_PATH', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'xxgk-kernel-'));
    try {
      const dir = registerKernel({ kind: 'prefix', prefix });
      expect(dir).toBe(join(prefix, 'share', 'jupyter', 'kernels', KERNEL_NAME));
      expect(JSON.parse(readFileSync(join(dir, 'kernel.json'), 'utf8')).argv.at(-1)).toBe('{connection_file}');
      const list = spawnSync('jupyter', ['kernelspec', 'list', '--json'], {
        encoding: 'utf8',
        env: { ...process.env, JUPYTER_PATH: join(prefix, 'share', 'jupyter') },
      });
      if (list.status === null || list.error) return; // no Jupyter here: covered by the notebook suite's CI rule
      const specs = JSON.parse(list.stdout).kernelspecs as Record<string, { resource_dir: string }>;
      expect(Object.values(specs).map((s) => s.resource_dir)).toContain(dir);
    } finally {
      rmSync(prefix, { recursive: true, force: true });
    }
  });
});
