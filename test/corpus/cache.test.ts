import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FILE, CACHE_VERSION, openCacheWriter, openEntries, previousRun, readCache } from '../../src/corpus/cache.ts';
import type { ReportSummary } from '../../src/corpus/worker.ts';

const hex = (i: number) => i.toString(16).padStart(64, '0').replace(/^0/, 'a');

function entry(i: number, over: Partial<ReportSummary> = {}): ReportSummary {
  return {
    hash: hex(i),
    file: `in/省${i % 7}/report-${i}.txt`,
    report_id: hex(i).slice(0, 16),
    year: 2019 + (i % 3),
    part: `year=${2019 + (i % 3)}/part-r001w00-0000`,
    status: 'ok',
    facts: i % 150,
    findings: i % 4,
    errors: i % 2,
    agency: `某局${i % 5}`,
    toNext: i % 2 ? { value: i, line: 40 } : null,
    over: null,
    ...over,
  };
}

function written(entries: ReportSummary[]): string {
  const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-cache-'));
  const w = openCacheWriter(out, { version: CACHE_VERSION, run: 3 });
  for (const e of entries) w.add(e);
  w.commit();
  return out;
}

describe('the previous run index', () => {
  it('finds an entry by content hash and file, once, and leaves the rest as stale in file order (unreadable files always)', () => {
    const all = Array.from({ length: 40_000 }, (_, i) => entry(i)); // ≈ 8 MB: crosses the 4 MB read chunks
    const out = written([...all, entry(1, { hash: null, file: 'unreadable.txt' })]);
    const cache = readCache(out)!;
    expect(cache.header).toEqual({ version: CACHE_VERSION, run: 3 });
    expect(cache.entries.size).toBe(40_001); // the unreadable file too: never matched, always stale
    expect([...cache.parts].sort()).toEqual(['year=2019/part-r001w00-0000', 'year=2020/part-r001w00-0000', 'year=2021/part-r001w00-0000']);

    const yes = () => true;
    expect(cache.entries.take(all[39_999].hash!, all[39_999].file, yes)).toEqual(all[39_999]);
    expect(cache.entries.take(all[39_999].hash!, all[39_999].file, yes)).toBeUndefined(); // taken already
    expect(cache.entries.take(all[5].hash!, 'moved/elsewhere.txt', yes)).toBeUndefined(); // same content, other path
    expect(cache.entries.take(hex(99_999), all[6].file, yes)).toBeUndefined(); // changed content
    expect(cache.entries.take(all[7].hash!, all[7].file, () => false)).toBeUndefined(); // refused: still stale
    const missed = [];
    for (let i = 10; i < 40_000 - 1; i++) if (cache.entries.take(all[i].hash!, all[i].file, yes)?.report_id !== all[i].report_id) missed.push(i);
    expect(missed).toEqual([]);

    expect(cache.entries.rest()).toEqual([...all.slice(0, 10), entry(1, { hash: null, file: 'unreadable.txt' })]);
    cache.entries.close();
  });

  it('reads a last line without a newline, and ignores an index of another version', () => {
    const out = written([entry(1)]);
    const file = path.join(out, CACHE_FILE);
    appendFileSync(file, JSON.stringify(entry(2)));
    const cache = readCache(out)!;
    expect(cache.entries.take(entry(2).hash!, entry(2).file, () => true)).toEqual(entry(2));
    expect(cache.entries.rest()).toEqual([entry(1)]);
    cache.entries.close();

    writeFileSync(file, readFileSync(file, 'utf8').replace(`"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION - 1}`));
    expect(readCache(out)).toBeNull();
    expect(readCache(path.join(out, 'missing'))).toBeNull();
  });
});

describe('the index being written', () => {
  it("drops the entries of a dead worker's parts, returning them, and commits without them", () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-cache-'));
    const w = openCacheWriter(out, { version: CACHE_VERSION, run: 3 });
    const lost = 'year=2020/part-r003w01-0002';
    const kept = [entry(1), entry(2, { part: 'year=2020/part-r003w00-0000' })];
    const gone = [entry(3, { part: lost }), entry(4, { part: lost })];
    for (const e of [kept[0], gone[0], kept[1], gone[1]]) w.add(e);
    expect(w.drop(new Set([lost, 'year=2021/part-r003w01-0003']))).toEqual(gone);
    expect(w.drop(new Set([lost]))).toEqual([]); // dropped already
    const reread = entry(3, { part: 'year=2020/part-r003w02-0000' });
    w.add(reread);
    w.commit();

    const cache = readCache(out)!;
    expect([...cache.parts].sort()).toEqual(['year=2020/part-r001w00-0000', 'year=2020/part-r003w00-0000', 'year=2020/part-r003w02-0000']);
    expect(cache.entries.rest()).toEqual([...kept, reread]);
    cache.entries.close();
    expect(w.drop(new Set([lost]))).toEqual([]); // committed: nothing to read back
  });
});

describe('entries read back where the writer put them', () => {
  it('reads any entry of the committed index at the span add returned; the file is as long as the spans say', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'xxgk-cache-'));
    const w = openCacheWriter(out, { version: CACHE_VERSION, run: 3 });
    // Chinese agency names: spans count bytes, not characters. 30,000 lines cross the 1 MB writes.
    const all = Array.from({ length: 30_000 }, (_, i) => ({ ...entry(i), agency: `某区第${i}局` }));
    const spans = all.map((e) => w.add(e));
    w.commit();
    const entries = openEntries(out);
    for (const i of [0, 12_345, 29_999]) expect(entries.at(spans[i]!)).toEqual(all[i]);
    const last = spans[29_999]!;
    expect(entries.bytes).toBe(last.offset + last.length + 1);
    expect(spans[0]!.offset).toBe(Buffer.byteLength(JSON.stringify({ version: CACHE_VERSION, run: 3 })) + 1);
    entries.close();
  });
});

describe('the run count', () => {
  it('is read from any index, of this version or not, and is 0 without one: a rebuild never reuses a part name', () => {
    const out = written([entry(1)]);
    expect(previousRun(out)).toBe(3);
    const file = path.join(out, CACHE_FILE);
    writeFileSync(file, readFileSync(file, 'utf8').replace(`"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION - 1}`));
    expect(readCache(out)).toBeNull();
    expect(previousRun(out)).toBe(3);
    expect(previousRun(path.join(out, 'missing'))).toBe(0);
  });
});
