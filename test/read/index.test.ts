import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectSources, readSource } from '../../src/read/index.ts';
import type { DecodedDoc } from '../../src/types.ts';

const seed = (name: string) => new URL(`../../data/raw/${name}`, import.meta.url).pathname;

function read(name: string): DecodedDoc {
  const r = readSource({ file: name, bytes: new Uint8Array(readFileSync(seed(name))) });
  if ('error' in r) throw new Error(r.error.message);
  return r;
}
const blank = (s: string) => /^ *$/.test(s);

describe('readSource on the seeds', () => {
  it('every line of every seed keeps its raw length; line counts unchanged', async () => {
    const sources = await collectSources([new URL('../../data/raw', import.meta.url).pathname]);
    expect(sources.map((s) => s.file.split('/').pop())).toEqual([
      '000_3a5e0d9452cd99a5.txt',
      '001_f6584d2c7913d8cd.txt',
      '002_8ce2c52a2533517f.txt',
      '003_0c4d93608fc9577c.txt',
      '004_b5b9a5615959bd1c.txt',
    ]);
    const counts = sources.map((s) => {
      const d = readSource(s);
      if ('error' in d) throw new Error(d.error.message);
      expect(d.lines.length).toBe(d.raw.length);
      d.lines.forEach((l, i) => expect(l.length).toBe(d.raw[i].length));
      return d.lines.length;
    });
    expect(counts).toEqual([396, 314, 176, 455, 218]);
  });

  it('001: [image: ] line 7 is blanked, line count unchanged', () => {
    const d = read('001_f6584d2c7913d8cd.txt');
    expect(d.raw[6]).toBe('[image: ]');
    expect(d.lines[6]).toBe('         ');
    expect(d.raw[10]).toBe('[image: 中国瓯海门户网站首页]');
    expect(blank(d.lines[10])).toBe(true);
    expect(d.lines[7]).toBe('2018年1月瓯海区在全国基层政务公开标准化规范化试点工作推进会上做典型发言');
    expect(d.lines.length).toBe(314);
  });

  it('001: the [bookmark: _GoBack] prefix of line 5 is blanked, the rest of the line kept', () => {
    const d = read('001_f6584d2c7913d8cd.txt');
    const prefix = '[bookmark: _GoBack]';
    expect(d.raw[4].startsWith(prefix + '2017年，我区政府')).toBe(true);
    expect(d.lines[4].slice(0, prefix.length)).toBe(' '.repeat(prefix.length));
    expect(d.lines[4].slice(prefix.length, prefix.length + 14)).toBe('2017年,我区政府紧紧围绕');
    expect(d.lines[4].endsWith('2017年总体工作情况总结如下:')).toBe(true);
    // Document numbers keep their 〔〕.
    expect(d.lines[4]).toContain('(国办发〔2017〕24号)');
  });

  it('001: chart residue lines 312–313 are blanked; line 311 and 314 untouched', () => {
    const d = read('001_f6584d2c7913d8cd.txt');
    expect(d.raw[311]).toBe('系列 1\t');
    expect(d.raw[312]).toContain('138\t95\t11\t0');
    expect(blank(d.lines[311])).toBe(true);
    expect(blank(d.lines[312])).toBe(true);
    expect(d.lines[304]).toBe('\t2330');
    expect(d.lines[313]).toBe(d.raw[313]);
  });

  it('003: chart residue lines 451–454 are blanked; the chart title line 450 stays', () => {
    const d = read('003_0c4d93608fc9577c.txt');
    expect(d.raw[450]).toBe('系列 1\t');
    for (const n of [451, 452, 453, 454]) expect(blank(d.lines[n - 1]), `line ${n}`).toBe(true);
    expect(d.lines[449]).toBe('2020年全区政府信息公开申请答复情况');
    expect(d.lines[448]).toBe('无。');
  });

  it('003: an inline [image: …] before prose is blanked, the prose kept at its offset', () => {
    const d = read('003_0c4d93608fc9577c.txt');
    const m = /^\[image: [^\]]*\]/.exec(d.raw[9])!;
    expect(m).not.toBeNull();
    expect(d.lines[9].slice(m[0].length, m[0].length + 8)).toBe('一是推进决策公开');
    expect(blank(d.lines[9].slice(0, m[0].length))).toBe(true);
  });

  it('000: U+3000 indentation becomes spaces, full-width brackets half-width', () => {
    const d = read('000_3a5e0d9452cd99a5.txt');
    const i = d.raw.findIndex((l) => l.includes('\u3000'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(d.lines[i]).not.toContain('\u3000');
    expect(d.lines.join('\n')).not.toMatch(/[（）：，；\u3000]/);
  });
});
