import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { largeFileBytes, largeHeapMb } from '../../src/corpus/pool.ts';
import { queryParquet } from '../../src/corpus/query.ts';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

describe('worker pool', () => {
  it('sizes the large-file route from the regular heap and the largest file read', () => {
    expect(largeFileBytes(128)).toBe(4 * 2 ** 20);
    expect(largeHeapMb(128, 50 * 2 ** 20)).toBe(464);
    expect(largeHeapMb(1024, 1000)).toBe(1024); // never below the regular workers' cap
  });

  it('sends a file too large for a regular worker to a worker of its own, with a larger heap', async () => {
    // 150 copies of a seed: 2.9 MB, over 1/32 of a 32 MB heap; a 32 MB worker runs out of memory on it.
    const src = tmp('xxgk-pool-in-');
    const seed = readFileSync('data/raw/003_0c4d93608fc9577c.txt', 'utf8');
    writeFileSync(path.join(src, 'big.txt'), Array.from({ length: 150 }, () => seed).join('\n'));
    writeFileSync(path.join(src, 'small.txt'), seed);
    const out = tmp('xxgk-pool-out-');
    const r = await loadCorpus([src], { out, workers: 1, progress: false, workerHeapMb: 32 });
    expect(r).toMatchObject({ files: 2, processed: 2, failed: 0 });
    // Two workers wrote parts: the regular one (w00) and the large-file one (w01).
    const reports = await queryParquet(out, "SELECT regexp_extract(filename, 'part-r001(w0[0-9])', 1) AS worker, file FROM read_parquet('" + out + "/reports/*/*.parquet', filename = true) ORDER BY file");
    expect(reports.objects()).toEqual([
      { worker: 'w01', file: path.join(src, 'big.txt') },
      { worker: 'w00', file: path.join(src, 'small.txt') },
    ]);
  }, 120_000);
});
