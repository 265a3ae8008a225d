import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync } from 'hyparquet';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.ts';
import { channelMixByYear, queryParquet } from '../../src/corpus/query.ts';
import { DATASET_TABLES, partFiles, TABLE_NAMES } from '../../src/corpus/schema.ts';
import { loadReports } from '../../src/load.ts';
import { readManifest, synthCorpus, type SynthManifestEntry } from '../../src/synth/index.ts';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));
let corpus: string;
let manifest: SynthManifestEntry[];

beforeAll(async () => {
  corpus = tmp('xxgk-corpus-in-');
  const r = await synthCorpus({ n: 40, out: corpus, seed: 7, defectRate: 0.2 });
  manifest = await readManifest(r.manifest);
});

const factKey = (f: object) => {
  const r = f as Record<string, unknown>;
  return [r.report_id, r.metric, r.applicant ?? '', r.value ?? 'null', r.source, r.line].join('|');
};

describe('loadCorpus', () => {
  it('gives the same reports, facts and findings as loadReports, Hive-partitioned and readable by DuckDB', async () => {
    const out = tmp('xxgk-corpus-out-');
    const r = await loadCorpus([corpus], { out, workers: 2, progress: false, batchSize: 4 });
    expect(r).toMatchObject({ files: 40, processed: 40, skipped: 0, failed: 0 });

    // Hive layout: <table>/year=YYYY/*.parquet for each year in the manifest.
    const years = [...new Set(manifest.map((e) => e.year))].sort();
    expect(readdirSync(path.join(out, 'facts')).sort()).toEqual(years.map((y) => `year=${y}`).sort());
    expect(readdirSync(path.join(out, 'reports', `year=${years[0]}`)).every((f) => f.endsWith('.parquet'))).toBe(true);

    const ref = await loadReports([corpus]);
    const facts = await queryParquet(out, 'SELECT * FROM facts');
    expect(facts.numRows()).toBe(ref.records.facts.length);
    expect(facts.objects().map(factKey).sort()).toEqual(ref.records.facts.map((f) => factKey(f as never)).sort());

    const reports = await queryParquet(out, 'SELECT report_id, agency, year, template, status FROM reports ORDER BY report_id');
    expect(reports.objects()).toEqual(
      ref.records.reports
        .map((x) => ({ report_id: x.report_id, agency: x.agency, year: x.year, template: x.template, status: x.status }))
        .sort((a, b) => (a.report_id < b.report_id ? -1 : 1)),
    );
    const byYear = await queryParquet(out, 'SELECT year, count(*) AS n FROM reports GROUP BY year ORDER BY year');
    expect(byYear.objects()).toEqual(years.map((y) => ({ year: y, n: manifest.filter((e) => e.year === y).length })));

    // Per-report and corpus-level findings together equal the in-memory loader's.
    const findingKey = (f: object) => {
      const r = f as Record<string, unknown>;
      return [r.report_id, r.code, r.metric ?? '', r.line ?? ''].join('|');
    };
    const findings = await queryParquet(out, 'SELECT * FROM findings');
    expect(findings.objects().map(findingKey).sort()).toEqual(ref.records.findings.map((f) => findingKey(f as never)).sort());

    // Every view row agrees with loadReports' views, source, inferred and line included (the
    // dataset's `year` is its partition folder).
    for (const view of ['channels', 'requests', 'outcomes', 'appeals'] as const) {
      const cols = DATASET_TABLES[view].map(([name]) => name);
      const rowKey = (r: Record<string, unknown>) => JSON.stringify(cols.map((c) => r[c] ?? null));
      const got = await queryParquet(out, `SELECT ${cols.map((c) => `"${c}"`).join(', ')} FROM ${view}`);
      expect(got.objects().map((r) => rowKey(r as Record<string, unknown>)).sort(), view).toEqual((ref[view].objects() as Array<Record<string, unknown>>).map(rowKey).sort());
    }
    const mix = await channelMixByYear(out);
    const total = (mix.objects() as Array<{ count: number }>).reduce((s, x) => s + x.count, 0);
    const refTotal = (ref.channels.objects() as Array<{ channel: string; count: number | null }>)
      .filter((x) => x.channel !== 'total' && x.count !== null)
      .reduce((s, x) => s + (x.count as number), 0);
    expect(total).toBe(refTotal);
  }, 120_000);

  it('answers a query over a table without part files (no findings) with no rows, the table’s columns and year', async () => {
    const input = tmp('xxgk-clean-in-');
    for (const seed of readdirSync('data/raw').filter((f) => /^00[13]_/.test(f))) copyFileSync(path.join('data/raw', seed), path.join(input, seed));
    const out = tmp('xxgk-clean-out-');
    await loadCorpus([input], { out, progress: false });
    expect(existsSync(path.join(out, 'findings'))).toBe(false);
    const findings = await queryParquet(out, 'SELECT * FROM findings');
    expect(findings.numRows()).toBe(0);
    expect(findings.columnNames()).toEqual([...DATASET_TABLES.findings.map(([name]) => name), 'year']);
    const byCode = await queryParquet(out, 'SELECT code, count(*) AS n FROM findings GROUP BY code');
    expect(byCode.numRows()).toBe(0);
    expect((await queryParquet(out, 'SELECT count(*) AS n FROM reports')).objects()).toEqual([{ n: 2 }]);
  });

  it('writes each table’s row groups when its own rows weigh: facts within the budget, reports not cut with them', async () => {
    // 64 KB of columns: a few reports' facts. A year's reports rows weigh far less than its
    // facts, so they wait and are written in fewer, bigger row groups.
    const out = tmp('xxgk-corpus-out-');
    await loadCorpus([corpus], { out, workers: 1, progress: false, bufferBytes: 64 << 10 });
    const groups = { reports: 0, facts: 0 };
    for (const part of partFiles(out)) {
      if (part.table !== 'reports' && part.table !== 'facts') continue;
      const meta = await parquetMetadataAsync(await asyncBufferFromFile(part.file));
      groups[part.table] += meta.row_groups.length;
    }
    // Each year's reports in one row group (written as its part closes); facts as they weigh.
    const years = new Set(manifest.map((e) => e.year)).size;
    expect(groups.reports).toBe(years);
    expect(groups.facts).toBeGreaterThan(3 * years);
  }, 60_000);

  it('skips unchanged files by content hash and rewrites only what changed', async () => {
    const src = tmp('xxgk-corpus-rerun-');
    await synthCorpus({ n: 12, out: src, seed: 3 });
    const out = tmp('xxgk-corpus-rerun-out-');
    const first = await loadCorpus([src], { out, workers: 2, progress: false });
    expect(first).toMatchObject({ processed: 12, skipped: 0 });
    const again = await loadCorpus([src], { out, workers: 2, progress: false });
    expect(again).toMatchObject({ files: 12, processed: 0, skipped: 12, removed: 0 });

    // Change one file: it is processed again and its old rows are dropped.
    const m = await readManifest(path.join(src, 'manifest.jsonl'));
    appendFileSync(path.join(src, m[0].file), '\n补充说明。\n');
    const third = await loadCorpus([src], { out, workers: 2, progress: false });
    expect(third).toMatchObject({ files: 12, processed: 1, skipped: 11, removed: 1 });
    const n = await queryParquet(out, 'SELECT count(*) AS reports, count(DISTINCT report_id) AS ids FROM reports');
    expect(n.objects()).toEqual([{ reports: 12, ids: 12 }]);
    const ref = await loadReports([src]);
    const facts = await queryParquet(out, 'SELECT count(*) AS n FROM facts');
    expect(facts.objects()).toEqual([{ n: ref.records.facts.length }]);
    expect(existsSync(path.join(out, '_corpus.jsonl'))).toBe(true);
  }, 120_000);

  it('checks reused reports against new ones: the corpus findings of a re-run are the whole corpus’s', async () => {
    const src = tmp('xxgk-corpus-checks-');
    // Every report with a defect: some break their body's carry-over chain.
    await synthCorpus({ n: 12, out: src, seed: 3, defectRate: 1 });
    const m = await readManifest(path.join(src, 'manifest.jsonl'));
    const out = tmp('xxgk-corpus-checks-out-');
    const corpusLevel = async () =>
      (await queryParquet(out, "SELECT report_id, code, message FROM findings WHERE code IN ('duplicate_report', 'cross_year_mismatch')")).objects().map((f) => JSON.stringify(f)).sort();
    const expected = async () =>
      (await loadReports([src])).records.findings
        .filter((f) => f.code === 'duplicate_report' || f.code === 'cross_year_mismatch')
        .map((f) => JSON.stringify({ report_id: f.report_id, code: f.code, message: f.message }))
        .sort();
    await loadCorpus([src], { out, workers: 2, progress: false });
    const first = await corpusLevel();
    expect(first.filter((f) => f.includes('cross_year_mismatch')).length).toBeGreaterThan(0);
    expect(first).toEqual(await expected());
    // A second copy of a report arrives (walked after it); the first is reused from the index: both are warned of.
    const original = path.join(src, m[0].file);
    copyFileSync(original, path.join(path.dirname(original), `zzz-${path.basename(original)}`));
    const again = await loadCorpus([src], { out, workers: 2, progress: false });
    expect(again).toMatchObject({ files: 13, processed: 1, skipped: 12 });
    const found = await corpusLevel();
    expect(found.filter((f) => f.includes('duplicate_report'))).toHaveLength(2);
    expect(found).toEqual(await expected());
  }, 120_000);

  it('re-runs keep one row per file: unreadable files are replaced, parts of a failed run are removed', async () => {
    const src = tmp('xxgk-corpus-orphans-');
    await synthCorpus({ n: 6, out: src, seed: 5 });
    // Over the size cap: never read, so it has no content hash and is read again every run.
    writeFileSync(path.join(src, 'huge.txt'), '政府信息公开'.repeat(20_000));
    const out = tmp('xxgk-corpus-orphans-out-');
    const opts = { out, workers: 1, progress: false, maxFileBytes: 100_000 };
    await loadCorpus([src], opts);
    // What a run that died midway leaves: a part no report of the index is in.
    const year = readdirSync(path.join(out, 'facts'))[0];
    const part = readdirSync(path.join(out, 'facts', year))[0];
    copyFileSync(path.join(out, 'facts', year, part), path.join(out, 'facts', year, 'part-r009w00-0000.parquet'));

    const again = await loadCorpus([src], opts);
    expect(again).toMatchObject({ files: 7, processed: 1, skipped: 6, removed: 1 });
    expect(readdirSync(path.join(out, 'facts', year))).not.toContain('part-r009w00-0000.parquet');
    const n = await queryParquet(out, 'SELECT count(*) AS reports, count(DISTINCT report_id) AS ids, count(*) FILTER (status = \'failed\') AS failed FROM reports');
    expect(n.objects()).toEqual([{ reports: 7, ids: 7, failed: 1 }]);
    const ref = await loadReports([src], { maxFileBytes: 100_000 });
    expect((await queryParquet(out, 'SELECT count(*) AS n FROM facts')).objects()).toEqual([{ n: ref.records.facts.length }]);
  }, 120_000);

  it('an interrupted run leaves the dataset as its last complete run, a rebuild too, and nothing of its own', async () => {
    const src = tmp('xxgk-corpus-stop-');
    await synthCorpus({ n: 600, out: src, seed: 13 });
    const out = tmp('xxgk-corpus-stop-out-');
    const state = async () =>
      (await queryParquet(out, 'SELECT (SELECT count(*) FROM reports) AS reports, (SELECT count(*) FROM facts) AS facts, (SELECT count(*) FROM findings) AS findings')).objects()[0];
    await loadCorpus([src], { out, workers: 1, progress: false });
    const complete = await state();
    expect(complete).toMatchObject({ reports: 600 });
    const index = readFileSync(path.join(out, '_corpus.jsonl'), 'utf8');
    // A third of the files change; the run is stopped once its first reports are written.
    const m = await readManifest(path.join(src, 'manifest.jsonl'));
    for (const e of m.slice(0, 200)) appendFileSync(path.join(src, e.file), '\n补充说明。\n');
    for (const rebuild of [false, true]) {
      const stop = new AbortController();
      const run = loadCorpus([src], { out, workers: 1, batchSize: 4, rebuild, signal: stop.signal, onProgress: (p) => p.done > 0 && stop.abort() });
      await expect(run).rejects.toMatchObject({ name: 'AbortError' });
      expect(await state()).toEqual(complete);
      expect(readFileSync(path.join(out, '_corpus.jsonl'), 'utf8')).toBe(index);
      expect(readdirSync(out).sort()).toEqual(['_corpus.jsonl', ...TABLE_NAMES].sort());
    }
    // Stopped before it starts: nothing written either.
    await expect(loadCorpus([src], { out, progress: false, signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(readdirSync(out).filter((f) => f.startsWith('.'))).toEqual([]);

    const done = await loadCorpus([src], { out, workers: 1, progress: false });
    expect(done).toMatchObject({ files: 600, processed: 200, skipped: 400, removed: 200 });
    const ref = await loadReports([src]);
    expect(await state()).toEqual({ reports: 600, facts: ref.records.facts.length, findings: ref.records.findings.length });
  }, 120_000);

  it('refuses a second run on a folder a run is writing (exit 1 in the CLI), and names a folder it cannot write', async () => {
    const out = tmp('xxgk-corpus-two-');
    const first = loadCorpus(['data/raw'], { out, workers: 1, progress: false });
    await expect(loadCorpus(['data/raw'], { out, progress: false })).rejects.toMatchObject({
      code: 'export_failed',
      message: `cannot write ${out}: another xxgk corpus run (process ${process.pid}) is writing it`,
    });
    expect(await first).toMatchObject({ processed: 5 });
    expect(await loadCorpus(['data/raw'], { out, workers: 1, progress: false })).toMatchObject({ skipped: 5 });
    const file = path.join(out, '_corpus.jsonl');
    await expect(loadCorpus(['data/raw'], { out: file, progress: false })).rejects.toMatchObject({
      code: 'export_failed',
      message: `cannot write ${file}: EEXIST: file already exists, mkdir '${file}'`,
    });
  }, 60_000);

  it('counts the dataset’s error findings, reused reports’ and the corpus checks’ too', async () => {
    const out = tmp('xxgk-corpus-errors-');
    const first = await loadCorpus([corpus], { out, workers: 2, progress: false });
    const errors = await queryParquet(out, "SELECT count(*) AS n FROM findings WHERE severity = 'error'");
    expect(errors.objects()).toEqual([{ n: first.errors }]);
    expect(first.errors).toBeGreaterThan(0);
    const again = await loadCorpus([corpus], { out, workers: 2, progress: false });
    expect(again).toMatchObject({ processed: 0, errors: first.errors });
  }, 60_000);

  it('stops with a worker_failed error when the heap cap is too small for any worker to start', async () => {
    // Worker 1 dies on its batch (handed on to the large-file worker); worker 2, its replacement,
    // dies before reading anything: no file can be the cause, so the run stops.
    const src = tmp('xxgk-corpus-oom-');
    mkdirSync(path.join(src, 'a'));
    await synthCorpus({ n: 2, out: path.join(src, 'a'), seed: 9 });
    const out = tmp('xxgk-corpus-oom-out-');
    const run = loadCorpus([src], { out, workers: 1, progress: false, workerHeapMb: 4 });
    await expect(run).rejects.toMatchObject({ code: 'worker_failed' });
    await expect(run).rejects.toThrow('corpus worker 2 stopped (out of memory) before reading any file; is its heap cap (4 MB) too small? the run is abandoned');
    expect(existsSync(path.join(out, '_corpus.jsonl'))).toBe(false);
  }, 120_000);
});
