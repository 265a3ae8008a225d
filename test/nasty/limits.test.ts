/** The loader's limits (LoadOptions): table size and time per file, with their findings. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { XxgkError } from '../../src/errors.ts';
import { DEFAULT_MAX_TABLE_ROWS } from '../../src/extract/document.ts';
import { DEFAULT_TIMEOUT_MS, loadReports } from '../../src/load.ts';
import { seedPath } from '../helpers.ts';

const seed002 = { file: 'seed002.txt', text: readFileSync(seedPath('002'), 'utf8') };

describe('maxTableRows', () => {
  it('defaults to 5000 rows and a 30 s budget', () => {
    expect(DEFAULT_MAX_TABLE_ROWS).toBe(5000);
    expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
  });

  it('a table over the limit is skipped with a table_too_large warning; prose figures still count', async () => {
    const full = await loadReports(seed002);
    const r = await loadReports(seed002, { maxTableRows: 10 });
    const tooLarge = r.records.findings.filter((f) => f.code === 'table_too_large');
    expect(tooLarge.map((f) => [f.severity, f.line])).toEqual([['warning', 102]]);
    expect(tooLarge[0]!.message).toMatch(/^table of lines 102–176 has 73 rows, over the limit of 10; skipped$/);
    expect(r.records.facts.filter((f) => f.source === 'table')).toEqual([]);
    // Narrative facts are untouched.
    const narrative = (x: typeof r) => x.records.facts.filter((f) => f.source === 'narrative').map((f) => `${f.metric}=${f.value}`);
    expect(narrative(r)).toEqual(narrative(full));
    expect(r.records.reports[0]!.status).toBe('partial');
  });

  it('a generated 20 000-row table is skipped under the default limit, not extracted row by row', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `(一) 主动公开政府信息数\t条\t${i}`);
    const r = await loadReports({ file: 'giant.txt', text: ['统计指标\t单位\t统计数', ...rows].join('\n') });
    expect(r.records.findings.filter((f) => f.code === 'table_too_large').map((f) => f.line)).toEqual([1]);
    expect(r.records.facts).toEqual([]);
    expect(r.records.reports[0]!.status).toBe('failed'); // nothing else in it: no_report
    expect(r.records.findings.map((f) => f.code)).toContain('no_report');
  });
});

describe('timeoutMs', () => {
  it('timeoutMs 0: every file is a failed row with a timeout error, none is lost', async () => {
    const r = await loadReports([seed002, { file: 'b.txt', text: seed002.text + '\n' }], { timeoutMs: 0 });
    expect(r.records.reports.map((x) => [x.file, x.status, x.template])).toEqual([
      ['seed002.txt', 'failed', 'unknown'],
      ['b.txt', 'failed', 'unknown'],
    ]);
    expect(r.records.findings.map((f) => [f.code, f.severity])).toEqual([
      ['timeout', 'error'],
      ['timeout', 'error'],
    ]);
    expect(r.records.findings[0]!.message).toBe('seed002.txt: processing stopped after reading: over the time limit of 0 ms');
    expect(r.records.facts).toEqual([]);
  });

  it('Infinity disables the budget', async () => {
    const r = await loadReports(seed002, { timeoutMs: Infinity });
    expect(r.records.reports[0]!.status).not.toBe('failed');
  });
});

describe('bad limit values are programmer errors', () => {
  for (const [name, options] of [
    ['maxTableRows -1', { maxTableRows: -1 }],
    ['timeoutMs NaN', { timeoutMs: Number.NaN }],
    ['timeoutMs "30"', { timeoutMs: '30' as unknown as number }],
    ['maxFileBytes -5', { maxFileBytes: -5 }],
  ] as const) {
    it(`${name} throws XxgkError bad_argument`, async () => {
      await expect(loadReports(seed002, options)).rejects.toMatchObject({ code: 'bad_argument' });
      await expect(loadReports(seed002, options)).rejects.toBeInstanceOf(XxgkError);
    });
  }
});
