import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankChromeLine } from '../../src/read/chrome.ts';
import { splitLines } from '../../src/read/decode.ts';
import { simplifyDoc } from '../../src/read/traditional.ts';
import {
  blankChartResidue,
  blankInlineNoise,
  normalizeDoc,
  normalizeLine,
} from '../../src/read/normalize.ts';
import { toSimplified } from '../../src/read/simplify.ts';

const SEED_DIR = new URL('../../data/raw/', import.meta.url).pathname;

describe('normalizeLine', () => {
  it('full-width digits → ASCII, same length', () => {
    expect(normalizeLine('１２３')).toBe('123');
    expect(normalizeLine('共受理申请１５件')).toBe('共受理申请15件');
  });

  it('U+3000, NBSP, en space → space, same length', () => {
    const raw = '\u3000\u3000（三）接受培训人员数\u00a0\u2002';
    const norm = normalizeLine(raw);
    expect(norm).toBe('  (三)接受培训人员数  ');
    expect(norm.length).toBe(raw.length);
  });

  it('（一） → (一); ［］ → []; 【】 → []; 〔〕 kept (document numbers)', () => {
    expect(normalizeLine('（一）')).toBe('(一)');
    expect(normalizeLine('［附件］【说明】')).toBe('[附件][说明]');
    expect(normalizeLine('国办发〔2017〕24号')).toBe('国办发〔2017〕24号');
  });

  it('punctuation ：，；！？ → ASCII; 、 and 。 kept', () => {
    expect(normalizeLine('电话：0577，数；好！吗？一、二。')).toBe('电话:0577,数;好!吗?一、二。');
  });

  it('zero-width and direction marks → space', () => {
    expect(normalizeLine('1\u200b2\u200d3\ufeff4\u20605\u200e6\u202e7')).toBe('1 2 3 4 5 6 7');
  });

  it('signed numbers stay signed; em dash blanks stay', () => {
    expect(normalizeLine('－133')).toBe('-133');
    expect(normalizeLine('\u2212133')).toBe('-133');
    expect(normalizeLine('＋41')).toBe('+41');
    expect(normalizeLine('\t——')).toBe('\t——');
    expect(normalizeLine('—')).toBe('—');
  });

  it('circled numbers, tabs and Chinese text are untouched (same string returned)', () => {
    const s = '①网站\t②微博\t政务公开';
    expect(normalizeLine(s)).toBe(s);
  });

  it('is length-preserving for any string (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => normalizeLine(s).length === s.length),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x2000, max: 0xffff }).map((c) => String.fromCharCode(c)) }), (s) =>
        normalizeLine(s).length === s.length,
      ),
      { numRuns: 500 },
    );
  });
});

const sp = (s: string) => ' '.repeat(s.length);

describe('noise', () => {
  it('blanks [image: …] and [bookmark: …] with spaces, keeping the rest', () => {
    expect(blankInlineNoise('[image: ]')).toBe('         ');
    expect(blankInlineNoise('[bookmark: _GoBack][image: ]一是推动')).toBe(sp('[bookmark: _GoBack][image: ]') + '一是推动');
    expect(blankInlineNoise('见[image: 图1]下图')).toBe('见' + sp('[image: 图1]') + '下图');
  });

  it('leaves URLs in parentheses and other brackets alone', () => {
    const s = '门户网站(http://www.huancui.gov.cn/)和[附件]';
    expect(blankInlineNoise(s)).toBe(s);
  });

  it('blanks a 系列 block up to the first non-residue line', () => {
    const lines = ['图表标题', '系列 1\t', '甲\t乙\t丙\t3\t2\t1\t', '甲\t乙\t丙\t4\t', '', '系列 2', '正文继续'];
    expect(blankChartResidue(lines)).toEqual(['图表标题', sp(lines[1]), sp(lines[2]), sp(lines[3]), '', sp(lines[5]), '正文继续']);
    expect(blankChartResidue(lines)[1]).toBe('     ');
    // A header with no rows after it is still residue.
    expect(blankChartResidue(['系列 2', '正文继续'])).toEqual(['    ', '正文继续']);
  });

  it('a residue row ends the block when a label follows a number', () => {
    const lines = ['系列1', '申请数\t12\t', '主动公开\t5\t其他\t'];
    expect(blankChartResidue(lines)).toEqual(['   ', sp(lines[1]), '主动公开\t5\t其他\t']);
  });

  it('系列 inside prose is not a header', () => {
    const lines = ['开展系列 1 次培训', 'a\tb'];
    expect(blankChartResidue(lines)).toEqual(lines);
  });

  it('normalizeDoc keeps the line count and every line length', () => {
    const raw = ['［image: x］正文', '（一）１２', '系列 1\t', '甲\t１\t'];
    const norm = normalizeDoc(raw);
    expect(norm).toEqual([sp('[image: x]') + '正文', '(一)12', sp(raw[2]), sp(raw[3])]);
    expect(norm.map((l) => l.length)).toEqual(raw.map((l) => l.length));
  });
});

describe('toSimplified', () => {
  it('converts Taiwan/Hong Kong traditional characters, keeping the length', () => {
    const t = '政府資訊公開工作年度報告';
    expect(toSimplified(t)).toBe('政府资讯公开工作年度报告');
    expect(toSimplified('依申請公開\n複議 訴訟')).toBe('依申请公开\n复议 诉讼');
  });

  it('leaves simplified and non-Chinese text as it is', () => {
    expect(toSimplified('政府信息公开 (一) 123')).toBe('政府信息公开 (一) 123');
    expect(toSimplified('abc')).toBe('abc');
  });

  it('is length-preserving line by line (property over CJK strings)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)), maxLength: 30 }), (s) =>
        toSimplified(s).length === s.length,
      ),
      { numRuns: 300 },
    );
  });
});

describe('normalizeDoc = the per-line steps, composed (it searches the whole document instead)', () => {
  // The definition normalizeDoc must keep: fold, blank inline noise, blank chrome, line by line;
  // then chart residue and the Traditional → Simplified conversion over the document.
  const perLine = (raw: string[]) =>
    simplifyDoc(blankChartResidue(raw.map((l) => blankChromeLine(blankInlineNoise(normalizeLine(l))))));

  // Fragments that trigger every step, near-misses of them, and ordinary text.
  const FRAGMENTS = [
    '当前位置:首页 > 政务公开', '您的位置：首页', '位置', '微信', '微博', 'QQ空间', 'QQ', '打印', '关闭', '收藏', '纠错',
    '字体:大 中 小', '【字号：大 中 小】', '浏览次数:12', '访问量：３４', '次数', '单位', '主办单位:某局', '技术支持：某公司',
    '版权所有', 'Copyright', '©', '鲁ICP备05045351号', '公网安备', '联系我们', '网站地图', '声明', '帮助',
    '[image: 图1]', '［bookmark: _GoBack］', '【', '】', '[', '系列 1', 'Series 2', 'series', '系列', '开展系列培训',
    '12', '-3', '3.5%', '甲', '申请数', '政府資訊公開', '報告', '網路申請', '著', '乾', '（一）', '１２', '：', '，',
    '\u3000', '\u00a0', '\u200b', '\u2212', '—', ' ', '  ', '\t', '\t', '\t', '\r', '\n', 'ab', '政府信息公开',
    // Keywords only reached through folding, and the rest of the chrome keywords.
    'ＱＱ空间', 'ＳＥＲＩＥＳ ３', '［', '点击量:5', '阅读', '网站标识码', '网站维护:某', '打印 关闭 收藏',
  ];
  const fragment = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...FRAGMENTS) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  const line = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));

  it('gives the same lines on generated documents (property)', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (raw) => {
        expect(normalizeDoc(raw)).toEqual(perLine(raw));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives the same lines on the seeds', () => {
    for (const name of readdirSync(SEED_DIR)) {
      const raw = splitLines(readFileSync(join(SEED_DIR, name), 'utf8'));
      expect(normalizeDoc(raw)).toEqual(perLine(raw));
    }
  });

  it('converts a Traditional document, and only the rows after a series header are residue', () => {
    const raw = ['政府資訊公開工作年度報告', '系列 1', '網路申請\t3', '正文', '系列 2'];
    const norm = normalizeDoc(raw);
    expect(norm).toEqual(perLine(raw));
    expect(norm[0]).toBe('政府信息公开工作年度报告');
    expect(norm[3]).toBe('正文');
  });

  it('gives the same lines on a document with thousands of flagged lines, and on the next one', () => {
    // The fold buffer (scratchUnits) is reused and grows: a long document, then a short one.
    const kinds = ['（一）微信 微博 QQ空间', '[image: x]正文', '系列 1', '甲\t１\t', '单位', '　正文，'];
    const big = Array.from({ length: 5000 }, (_, i) => kinds[i % kinds.length]);
    expect(normalizeDoc(big)).toEqual(perLine(big));
    expect(normalizeDoc(['（二）', '正文', ''])).toEqual(['(二)', '正文', '']);
  });

  it('keeps unchanged lines as the very same strings', () => {
    const raw = ['政府信息公开', '（一）'];
    const norm = normalizeDoc(raw);
    expect(norm[0]).toBe(raw[0]);
    expect(norm[1]).toBe('(一)');
    expect(normalizeDoc([])).toEqual([]);
  });
});
