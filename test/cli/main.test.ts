import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

function capture() {
  const err: string[] = [];
  return { io: { out: () => {}, err: (s: string) => void err.push(s) }, err: () => err.join('') };
}

describe('xxgk corpus', () => {
  const out = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'xxgk-cli-')), 'dataset');

  it('loads the seeds into a dataset and reports the counts', async () => {
    const c = capture();
    const dir = out();
    expect(await main(['corpus', 'data/raw', '--out', dir, '--workers', '1', '--quiet'], c.io)).toBe(0);
    expect(c.err()).toMatch(/^\[xxgk\] 5 report\(s\): 5 processed, 0 unchanged, 0 removed, 0 failed;/);
    expect(existsSync(path.join(dir, '_corpus.jsonl'))).toBe(true);
  }, 60_000);

  it('exits 1 when --worker-heap-mb is too small for a worker to start, and 2 on a bad value', async () => {
    const c = capture();
    expect(await main(['corpus', 'data/raw', '--out', out(), '--workers', '1', '--worker-heap-mb', '4', '--quiet'], c.io)).toBe(1);
    expect(c.err()).toMatch(/^xxgk corpus: corpus worker 2 stopped \(out of memory\) before reading any file; is its heap cap \(4 MB\) too small\?/);

    const bad = capture();
    expect(await main(['corpus', 'data/raw', '--out', out(), '--worker-heap-mb', 'lots'], bad.io)).toBe(2);
    expect(bad.err()).toBe('xxgk corpus: --worker-heap-mb must be a positive number (got "lots")\n');
  }, 60_000);

  it('runs under node flags a worker cannot take (node --max-old-space-size … bin/xxgk.js)', () => {
    // V8 flags apply process-wide; passed on to a Worker they used to stop the run at its start.
    const stderr = execFileSync(process.execPath, ['--max-old-space-size=2048', '--stack-size=2000', 'bin/xxgk.js', 'corpus', 'data/raw', '--out', out(), '--workers', '1', '--quiet'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(stderr).toBe('');
  }, 60_000);
});

describe('npm run xxgk', () => {
  it('runs the CLI, as `npx xxgk` does', () => {
    // Usage goes to stderr; the exit code is 0 for --help.
    const run = spawnSync('npm', ['run', '-s', 'xxgk', '--', '--help'], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/^Usage: xxgk <command> \[options\]/m);
  }, 60_000);
});
