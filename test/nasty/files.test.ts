/**
 * Nasty files: each gets a defined outcome (a reports row with a status, and a finding with a
 * code and severity), never an exception and never a missing row.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReports, type LoadResult } from '../../src/load.ts';
import { ROOT, seedPath } from '../helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-nasty-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** "status code/severity …" of the only report, for compact exact assertions. */
function outcome(r: LoadResult): string {
  expect(r.records.reports).toHaveLength(1);
  const report = r.records.reports[0]!;
  const codes = r.records.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}/${f.severity}`);
  return [report.status, ...codes].join(' ');
}

function file(name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

describe('empty inputs', () => {
  it('a 0-byte file is a failed row with empty_file', async () => {
    expect(outcome(await loadReports(file('zero.txt', '')))).toBe('failed empty_file/error');
  });
  it('a file read but unreadable as a report keeps its content-hash id; one not read at all gets a path id', async () => {
    // 0 bytes: the SHA-256 of nothing, as the corpus loader's main thread computes it.
    const zero = (await loadReports(file('zero-id.txt', ''))).records.reports[0]!;
    expect(zero.report_id).toBe('e3b0c44298fc1c14');
    const missing = (await loadReports(join(dir, 'no-such-file.txt'))).records.reports[0]!;
    expect(missing.report_id).toMatch(/^nofile-[0-9a-f]{16}$/);
  });
  it('an empty in-memory text is a failed row with empty_file', async () => {
    expect(outcome(await loadReports({ file: 'empty.txt', text: '' }))).toBe('failed empty_file/error');
  });
  it('a file of whitespace, BOM and zero-width spaces is empty_file', async () => {
    expect(outcome(await loadReports(file('blank.txt', '\uFEFF  \r\n\t\u3000\u200B\n')))).toBe('failed empty_file/error');
  });
  it('text without any report content is no_report (and unknown_year)', async () => {
    expect(outcome(await loadReports(file('notes.txt', '今天天气很好。\n明天见。\n')))).toBe('failed unknown_year/error no_report/error');
  });
});

describe('size limit', () => {
  it('a file over maxFileBytes is not read: failed row, file_too_large, size in the message', async () => {
    const p = join(dir, 'seed-copy.txt');
    copyFileSync(seedPath('003'), p);
    const r = await loadReports(p, { maxFileBytes: 1000 });
    expect(outcome(r)).toBe('failed file_too_large/error');
    expect(r.records.findings[0]!.message).toContain('19509 bytes, over the limit of 1000 bytes');
  });
  it('in-memory bytes over maxFileBytes get the same outcome', async () => {
    const r = await loadReports({ file: 'mem.txt', bytes: new Uint8Array(2000).fill(0x41) }, { maxFileBytes: 1999 });
    expect(outcome(r)).toBe('failed file_too_large/error');
  });
  it('a 200 MB (sparse) file under the default 50 MB limit: file_too_large, nothing read into memory', async () => {
    const p = join(dir, 'huge.txt');
    writeFileSync(p, '');
    truncateSync(p, 200 * 1024 * 1024); // sparse: instant, no disk used
    const before = process.memoryUsage().rss;
    const r = await loadReports(p);
    expect(outcome(r)).toBe('failed file_too_large/error');
    expect(r.records.findings[0]!.message).toContain(`${200 * 1024 * 1024} bytes, over the limit of ${50 * 1024 * 1024} bytes`);
    // Reading it would have added ~200 MB; the size check comes first.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('binary and mislabelled files', () => {
  it('binary data (NUL bytes) named .txt is binary_file', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
    expect(outcome(await loadReports(file('picture.txt', png)))).toBe('failed binary_file/error');
  });
  it('control-byte noise without NULs named .txt is binary_file', async () => {
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 31 + 1);
    expect(outcome(await loadReports(file('noise.txt', noise)))).toBe('failed binary_file/error');
  });
  it('an executable (ELF) named .txt is binary_file', async () => {
    expect(outcome(await loadReports(file('program.txt', readFileSync(process.execPath).subarray(0, 65536))))).toBe(
      'failed binary_file/error',
    );
  });
});

describe('names and duplicates', () => {
  it('file names with spaces and Chinese characters load and keep their exact name', async () => {
    const p = join(dir, '威海 环翠区 2017年 年度报告 (副本).txt');
    copyFileSync(seedPath('000'), p);
    const r = await loadReports(p);
    expect(outcome(r)).toBe('ok');
    expect(r.records.reports[0]!.file).toBe(p);
    expect(r.records.reports[0]!.agency).toBe('威海市环翠区政务服务中心管理办公室');
  });
  it('the same report under two names: two rows, distinct ids, a duplicate_report warning on each', async () => {
    const a = join(dir, 'report-a.txt');
    const b = join(dir, 'report-b.txt');
    copyFileSync(seedPath('001'), a);
    copyFileSync(seedPath('001'), b);
    const r = await loadReports([a, b]);
    const [ra, rb] = r.records.reports;
    expect([ra!.file, rb!.file]).toEqual([a, b]);
    expect(rb!.report_id).toBe(`${ra!.report_id}-2`);
    const dup = r.records.findings.filter((f) => f.code === 'duplicate_report');
    expect(dup.map((f) => [f.report_id, f.severity])).toEqual([
      [ra!.report_id, 'warning'],
      [rb!.report_id, 'warning'],
    ]);
    // Both keep all their facts: a duplicate is flagged, not dropped.
    const count = (id: string) => r.records.facts.filter((f) => f.report_id === id).length;
    expect(count(rb!.report_id)).toBe(count(ra!.report_id));
    expect(count(ra!.report_id)).toBeGreaterThan(50);
  });
  it('a path that does not exist is a failed row with unreadable_file', async () => {
    const r = await loadReports(join(dir, 'no-such-file.txt'));
    expect(outcome(r)).toBe('failed unreadable_file/error');
    expect(r.records.findings[0]!.message).toContain('ENOENT');
  });
});

describe('permissions', () => {
  // Root reads everything, so the case runs in a child process as the unprivileged user nobody.
  it('an unreadable file (mode 000, read as user nobody) is a failed row with unreadable_file, EACCES', () => {
    const sub = mkdtempSync(join(tmpdir(), 'xxgk-perm-'));
    try {
      chmodSync(sub, 0o755);
      const locked = join(sub, 'locked.txt');
      copyFileSync(seedPath('004'), locked);
      chmodSync(locked, 0o000);
      const open = join(sub, 'open.txt');
      copyFileSync(seedPath('004'), open);
      chmodSync(open, 0o644);
      const script = join(sub, 'run.mts');
      writeFileSync(
        script,
        `import { loadReports } from ${JSON.stringify(join(ROOT, 'src/load.ts'))};\n` +
          `const r = await loadReports(${JSON.stringify(sub)});\n` +
          `console.log(JSON.stringify({ reports: r.records.reports.map((x) => [x.file, x.status]), findings: r.records.findings.filter((f) => f.code === 'unreadable_file').map((f) => [f.code, f.message]) }));\n`,
      );
      chmodSync(script, 0o644);
      const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] : [];
      const cmd = [...asNobody, process.execPath, '--import', 'tsx', script];
      const out = execFileSync(cmd[0]!, cmd.slice(1), {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, HOME: sub, TSX_DISABLE_CACHE: '1' },
      });
      const got = JSON.parse(out.trim().split('\n').at(-1)!) as { reports: string[][]; findings: string[][] };
      expect(got.reports).toEqual([
        [locked, 'failed'],
        [open, 'ok'],
      ]);
      expect(got.findings).toHaveLength(1);
      expect(got.findings[0]![0]).toBe('unreadable_file');
      expect(got.findings[0]![1]).toContain('EACCES');
    } finally {
      rmSync(sub, { recursive: true, force: true });
    }
  });
});
