/**
 * Minimal inputs the property tests found where the loader broke its promises, each written as
 * the correct behaviour. A case still marked `it.fails` is a known gap: it passes while the bug is
 * there and turns red the day it is fixed — then drop `.fails` and the matching exclusion in
 * ./check.ts (KNOWN_GAPS).
 */
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { readFileSync } from 'node:fs';
import { seedPath } from '../helpers.ts';
import { F2021 } from './fixtures.ts';

const ART20_HEADER = [
  '2020年政府信息公开工作年度报告',
  '二、主动公开政府信息情况',
  '\t第二十条第（一）项',
  '',
  '\t信息内容', '\t本年新制作数量', '\t本年新公开数量', '\t对外公开总数量',
  '',
];

async function facts(lines: string[]) {
  const r = await loadReports({ file: 'regression.txt', text: lines.join('\n') });
  return { facts: r.records.facts, codes: r.records.findings.map((f) => f.code) };
}

describe('gap B (layout): a cell line with an invisible or space character before its tab', () => {
  // normalizeLine folds U+00A0 / U+2066 / U+200B … to a space, so the line is " \t0"; layout takes
  // it for a continuation of the previous cell and glues the two texts: "1" + "0" = 10.
  it('NBSP before the tab: the two cells stay 1 and 0, never the invented 10', async () => {
    const r = await facts([...ART20_HEADER, '\t规章', '\t1', '\u00A0\t0', '\t3', '']);
    expect(r.facts.map((f) => f.value)).not.toContain(10);
    expect(r.facts.find((f) => f.metric === 'art20.rules.made')?.value).toBe(1);
  });
  it('seed 003 with U+2066 before the tab of "6282": no invented -136282', async () => {
    const lines = readFileSync(seedPath('003'), 'utf8').split('\n');
    expect(lines[94]).toBe('\t6282');
    lines[94] = '\u2066\t6282';
    const r = await facts(lines);
    expect(r.facts.map((f) => f.value)).not.toContain(-136282);
  });
});

describe('gap A (table2019): 第二十条 rows with a missing or extra cell', () => {
  it('a row with 2 of 3 cells is flagged (ambiguous_cells), not read as made=1, published=3', async () => {
    const r = await facts([...ART20_HEADER, '\t规章', '\t1', '\t3', '']);
    const published = r.facts.find((f) => f.metric === 'art20.rules.published');
    expect(published?.value === 3 && !r.codes.includes('ambiguous_cells')).toBe(false);
  });
  it('a text line between two rows does not turn 规范性文件 into 规章 (rules)', async () => {
    const r = await facts([...ART20_HEADER, '\t规章', '\t1', '\t0', '\t3', 'xyz', '\t规范性文件', '\t15', '\t14', '\t32', '']);
    const made = r.facts.filter((f) => f.metric === 'art20.rules.made').map((f) => f.value);
    // Either read right, or left out with a finding — never 规范性文件's 15 under 规章.
    expect(made).not.toContain(15);
    if (!made.length) expect(r.codes).toContain('ambiguous_cells');
  });
});

describe('gap D (segment): a matrix row with cells missing, one cell per line', () => {
  it('f2021 without two cells of the 本年新收 row: no fact splits the separate cell "13" into 1 and 3', async () => {
    const lines = F2021.split('\n');
    expect(lines.slice(50, 52)).toEqual(['\t2', '\t0']);
    lines.splice(50, 2);
    const r = await facts(lines);
    const received = r.facts.filter((f) => f.metric === 'requests.received');
    // Either left out (ambiguous_cells) or read from whole cells on their own lines.
    for (const f of received) expect(lines[f.line - 1]!.trim()).toBe(f.text);
  });
});

describe('gap C (decode): UTF-8 without BOM cut inside a character', () => {
  // A truncated download: strict UTF-8 fails on the last 1–2 bytes, chardet then picks GB18030
  // and the whole report becomes mojibake (failed, no_report) instead of UTF-8 plus `truncated`.
  it('seed 003 cut at byte 5000 still decodes as UTF-8, with a truncated finding', async () => {
    const bytes = readFileSync(seedPath('003')).subarray(0, 5000);
    const r = await loadReports({ file: 'cut.txt', bytes });
    expect(r.records.reports[0]!.encoding).toBe('utf-8');
    expect(r.records.findings.map((f) => f.code)).toContain('truncated');
  });
});
