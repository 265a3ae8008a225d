import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { defaultWorkers, largeFileBytes, largeHeapMb } from '../../src/corpus/pool.ts';
import { queryParquet } from '../../src/corpus/query.ts';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));
const RAW = 'data/raw';
const seed = (name: string) => readFileSync(path.join(RAW, name), 'utf8');
const SEEDS = readdirSync(RAW).filter((f) => f.endsWith('.txt')).sort();

/** Every report row once, with its status and error codes. */
async function reportsOf(out: string) {
  const t = await queryParquet(
    out,
    `SELECT r.file, r.status, string_agg(f.code, ',' ORDER BY f.code) FILTER (f.severity = 'error') AS errors
     FROM reports r LEFT JOIN findings f USING (report_id) GROUP BY r.report_id, r.file, r.status ORDER BY r.file`,
  );
  return (t.objects() as Array<{ file: string; status: string; errors: string | null }>).map((r) => ({ ...r, file: path.basename(r.file) }));
}

/**
 * The seeds plus 002a_lines.txt: 600,000 one-character lines (1.2 MB, under the 2 MB large-file
 * bar of a 64 MB heap) that need far more than 64 MB once split, so the regular worker dies on
 * it, and so does the large-file worker (8 × 2 MB + 64 = 80 MB) that then reads it alone.
 */
function seedsWithDeadlyFile(prefix: string): string {
  const src = tmp(prefix);
  for (const f of SEEDS) copyFileSync(path.join(RAW, f), path.join(src, f));
  writeFileSync(path.join(src, '002a_lines.txt'), '1\n'.repeat(600_000));
  return src;
}

/** One worker with a 64 MB heap and batches of 2: the deadly file loses its batch and those behind it. */
const DEADLY_RUN = { workers: 1, batchSize: 2, progress: false, workerHeapMb: 64, maxFileBytes: 2 * 2 ** 20 } as const;

describe('worker pool', () => {
  it('sizes the large-file route from the regular heap and the largest file read', () => {
    expect(largeFileBytes(128)).toBe(4 * 2 ** 20);
    expect(largeHeapMb(128, 50 * 2 ** 20)).toBe(464);
    expect(largeHeapMb(1024, 1000)).toBe(1024); // never below the regular workers' cap
  });

  it('starts one worker per core by default, as many as the available memory holds', () => {
    const GiB = 2 ** 30;
    expect(defaultWorkers(8, 16 * GiB, 128)).toBe(8);
    expect(defaultWorkers(2, 24 * GiB, 128)).toBe(2);
    expect(defaultWorkers(8, 1 * GiB, 128)).toBe(2); // (1 GiB − 512 MB) / 256 MB per worker
    expect(defaultWorkers(8, 0.3 * GiB, 128)).toBe(1); // never none
  });

  it('sends a file too large for a regular worker to a worker of its own, with a larger heap', async () => {
    // 150 copies of a seed: 2.9 MB, over 1/32 of a 32 MB heap; a 32 MB worker runs out of memory on it.
    const src = tmp('xxgk-pool-in-');
    writeFileSync(path.join(src, 'big.txt'), Array.from({ length: 150 }, () => seed(SEEDS[3]!)).join('\n'));
    writeFileSync(path.join(src, 'small.txt'), seed(SEEDS[3]!));
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

  it('survives a file that kills its worker: the rest is read again, the file is a failed report', async () => {
    const src = seedsWithDeadlyFile('xxgk-pool-kill-');
    const out = tmp('xxgk-pool-kill-out-');
    // The deadly file's batch, batches queued behind it and the reports already written to the
    // worker's open parts are all lost with it, and all read again.
    const r = await loadCorpus([src], { out, ...DEADLY_RUN });
    expect(r).toMatchObject({ files: 6, processed: 6, failed: 1 });

    const reports = await reportsOf(out);
    expect(reports).toEqual([
      { file: SEEDS[0], status: 'ok', errors: null },
      { file: SEEDS[1], status: 'ok', errors: null },
      { file: SEEDS[2], status: 'ok', errors: 'identity_violation,narrative_table_conflict' },
      { file: '002a_lines.txt', status: 'failed', errors: 'out_of_memory' },
      { file: SEEDS[3], status: 'ok', errors: null },
      { file: SEEDS[4], status: 'ok', errors: 'narrative_table_conflict,subitem_exceeds_total,value_on_header_row' },
    ]);
    const message = await queryParquet(out, "SELECT message FROM findings WHERE code = 'out_of_memory'");
    expect(message.objects()).toEqual([{ message: `${path.join(src, '002a_lines.txt')}: processing it stopped the large-file worker (out of memory; heap cap 80 MB)` }]);

    // The same facts as a run without the deadly file, each once; the index lists each report once.
    const clean = tmp('xxgk-pool-clean-');
    for (const f of SEEDS) copyFileSync(path.join(RAW, f), path.join(clean, f));
    const cleanOut = tmp('xxgk-pool-clean-out-');
    await loadCorpus([clean], { out: cleanOut, workers: 1, batchSize: 2, progress: false });
    const facts = (dir: string) => queryParquet(dir, 'SELECT count(*) AS n, count(DISTINCT (report_id, metric, applicant, source, line)) AS distinct_facts FROM facts');
    expect((await facts(out)).objects()).toEqual((await facts(cleanOut)).objects());
    const index = readFileSync(path.join(out, '_corpus.jsonl'), 'utf8').trim().split('\n').slice(1).map((l) => path.basename(JSON.parse(l).file));
    expect(index.sort()).toEqual([...SEEDS, '002a_lines.txt'].sort());

    // A re-run finds everything unchanged.
    const again = await loadCorpus([src], { out, ...DEADLY_RUN });
    expect(again).toMatchObject({ files: 6, processed: 0, skipped: 6 });
  }, 180_000);

  it('keeps no part filled by the batch a worker died in: its reports are read again once', async () => {
    // partRows 1: every report fills its part. 002 fills one in the batch that 002a then ends;
    // that part must not survive as closed, or 002 would be in the dataset twice.
    const src = seedsWithDeadlyFile('xxgk-pool-full-');
    const out = tmp('xxgk-pool-full-out-');
    const r = await loadCorpus([src], { out, ...DEADLY_RUN, partRows: 1 });
    expect(r).toMatchObject({ files: 6, processed: 6, failed: 1 });
    expect((await reportsOf(out)).map((x) => [x.file, x.status])).toEqual([
      [SEEDS[0], 'ok'],
      [SEEDS[1], 'ok'],
      [SEEDS[2], 'ok'],
      ['002a_lines.txt', 'failed'],
      [SEEDS[3], 'ok'],
      [SEEDS[4], 'ok'],
    ]);
  }, 180_000);
});
