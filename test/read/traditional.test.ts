import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { processDoc } from '../../src/extract/document.ts';
import { simplifyForMatching } from '../../src/read/traditional.ts';
import type { Fact } from '../../src/types.ts';
import { seedDoc, textDoc } from '../helpers.ts';

const key = (f: Fact) => `${f.metric}[${f.applicant}] ${f.value} @${f.line}`;

describe('Taiwan-phrased copies (OpenCC s2twp)', () => {
  it('maps the rewritten words back, keeping the length', () => {
    const raw = '規範性檔案 資訊內容 政府網站線上訪談次數 在威海市釋出的 設定政策檔案專題 入口網站';
    const out = simplifyForMatching(raw);
    expect(out).toBe('规范性文件 信息内容 政府网站在线访谈次数 在威海市发布的 设置政策文件专题 门户网站');
    expect(out.length).toBe(raw.length);
  });
  // s2twp rewrites the header 信息内容 (資訊內容), 规范性文件 (規範性檔案), 在线访谈 (線上訪談)…
  const twp = OpenCC.Converter({ from: 'cn', to: 'twp' });
  it.each(['001', '003'])('a Taiwan-phrased copy of seed %s gives the seed\'s facts, without findings of its own', (seed) => {
    const doc = seedDoc(seed);
    const own = processDoc(doc, 's');
    const copy = processDoc(textDoc(twp(doc.raw.join('\n'))), 's');
    expect(copy.facts.map(key)).toEqual(own.facts.map(key));
    expect(copy.findings.map((f) => f.code)).toEqual(own.findings.map((f) => f.code));
  });
});
