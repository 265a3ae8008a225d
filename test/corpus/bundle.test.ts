import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLE_STALE_MS, workerEntry } from '../../src/corpus/bundle.ts';
import { loadCorpus } from '../../src/corpus/index.ts';
import { queryParquet } from '../../src/corpus/query.ts';
import { synthCorpus } from '../../src/synth/index.ts';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

afterEach(() => {
  delete process.env.XXGK_WORKER_BUNDLE;
});

describe('workerEntry', () => {
  it('bundles worker.ts into one JavaScript file with the crosswalk beside it, in a folder named by its content, kept for the next run', async () => {
    const entry = await workerEntry();
    expect(entry.bundled).toBe(true);
    const file = fileURLToPath(entry.url);
    expect(path.dirname(path.dirname(file))).toBe(path.resolve('node_modules/.cache/xxgk'));
    expect(path.basename(path.dirname(file))).toMatch(/^worker-[0-9a-f]{16}$/);
    const code = readFileSync(file, 'utf8');
    // Our modules are inside; packages stay imports resolved from node_modules.
    expect(code).toContain('function processItem(');
    expect(code).toMatch(/from "hyparquet-writer"/);
    expect(existsSync(path.join(path.dirname(file), 'crosswalk.csv'))).toBe(true);
    entry.dispose();
    // A killed run leaves nothing of its own: the next run of the same code takes the same folder.
    expect(existsSync(file)).toBe(true);
    const again = await workerEntry();
    expect(again.url.href).toBe(entry.url.href);
    again.dispose();
  });

  it('removes bundle folders no run has touched for 10 minutes (other code, killed runs of older versions), keeps recent ones', async () => {
    const cache = path.resolve('node_modules/.cache/xxgk');
    mkdirSync(cache, { recursive: true });
    const stale = mkdtempSync(path.join(cache, 'worker-'));
    const half = mkdtempSync(path.join(cache, 'tmp-'));
    const recent = mkdtempSync(path.join(cache, 'worker-'));
    writeFileSync(path.join(stale, 'worker.mjs'), '');
    const then = new Date(Date.now() - BUNDLE_STALE_MS - 60_000);
    for (const dir of [stale, half]) utimesSync(dir, then, then);
    const entry = await workerEntry();
    entry.dispose();
    expect([existsSync(stale), existsSync(half), existsSync(recent)]).toEqual([false, false, true]);
    rmSync(recent, { recursive: true });
  });

  it('falls back to the tsx stub when XXGK_WORKER_BUNDLE=0', async () => {
    process.env.XXGK_WORKER_BUNDLE = '0';
    const entry = await workerEntry();
    expect(entry.bundled).toBe(false);
    expect(entry.url.pathname.endsWith('/src/corpus/worker-boot.mjs')).toBe(true);
  });

  it('bundled and tsx workers write the same dataset', async () => {
    const src = tmp('xxgk-bundle-in-');
    await synthCorpus({ n: 16, out: src, seed: 11, defectRate: 0.3 });
    const sql = 'SELECT report_id, metric, applicant, value, source, line FROM facts ORDER BY ALL';
    const bundled = tmp('xxgk-bundle-out-');
    await loadCorpus([src], { out: bundled, workers: 2, progress: false });
    process.env.XXGK_WORKER_BUNDLE = '0';
    const plain = tmp('xxgk-plain-out-');
    await loadCorpus([src], { out: plain, workers: 2, progress: false });
    const a = (await queryParquet(bundled, sql)).objects();
    expect(a.length).toBeGreaterThan(16 * 50);
    expect(a).toEqual((await queryParquet(plain, sql)).objects());
  }, 60_000);
});
