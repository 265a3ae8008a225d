import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { SHARED_CHARACTERS } from '../../src/catalogue/traditional.ts';
import { T2S_CHARACTERS } from '../../src/catalogue/t2s.ts';
import { changedAlone, conversionsAlone, HAN_RANGES, toSimplified } from '../../src/read/simplify.ts';
import { isTraditional, traditionalMarks } from '../../src/read/traditional.ts';

/** Every Han code unit toSimplified's pre-check lets through. */
const HAN: string[] = [];
for (const [from, to] of HAN_RANGES) for (let c = from; c <= to; c++) HAN.push(String.fromCharCode(c));

describe('changedAlone (the generated table of src/catalogue/t2s.ts)', () => {
  it('is exactly the Han characters toSimplified changes one by one (the converters themselves)', () => {
    // toSimplified converts line by line: one character per line is each character alone.
    const converted = toSimplified(HAN.join('\n')).split('\n');
    const byConverter = HAN.filter((ch, i) => converted[i] !== ch);
    expect(byConverter.length).toBe(3431);
    expect(changedAlone()).toEqual(byConverter);
  });

  it('holds what each character becomes, as the converters say (stale after an opencc-js upgrade: npx tsx scripts/make-t2s.ts)', () => {
    expect(T2S_CHARACTERS).toBe(conversionsAlone());
    expect(T2S_CHARACTERS.length).toBe(2 * 3431);
    const table = new Map<string, string>();
    for (let i = 0; i < T2S_CHARACTERS.length; i += 2) table.set(T2S_CHARACTERS[i], T2S_CHARACTERS[i + 1]);
    expect(table.get('資')).toBe('资');
    expect(table.get('著')).toBe('着');
    // A compatibility ideograph (U+FABA 諸, written as an escape in the file) maps to Simplified.
    expect(table.get('\ufaba')).toBe('诸');
    for (const [from, to] of table) expect(toSimplified(from), from).toBe(to);
  });

  it('gives the same table as the full opencc-js package would (t2cn loads the same dictionaries)', () => {
    const full = ['tw', 'hk'].map((from) => OpenCC.Converter({ from: from as 'tw' | 'hk', to: 'cn' }));
    const sample = HAN.filter((_, i) => i % 7 === 0);
    const alone = new Set(changedAlone());
    for (const ch of sample) {
      let out = ch;
      for (const convert of full) {
        const c = convert(out);
        if (c.length === 1) out = c;
      }
      expect(alone.has(ch), ch).toBe(out !== ch);
    }
  });

  it('keeps the known cases: Traditional forms change, Simplified and shared characters do not', () => {
    const alone = new Set(changedAlone());
    for (const ch of '資訊報開閣鄉複議訴訟') expect(alone.has(ch), ch).toBe(true);
    for (const ch of '资讯报告开阁乡复议诉讼政府信息') expect(alone.has(ch), ch).toBe(false);
    // 著 converts (显著 → 显着) but is also Simplified: in the table of changes, not in the marks.
    expect(alone.has('著')).toBe(true);
    const marks = traditionalMarks();
    for (const ch of SHARED_CHARACTERS) expect(marks[ch.charCodeAt(0)], ch).toBe(0);
    expect(marks['資'.charCodeAt(0)]).toBe(1);
    expect(marks['资'.charCodeAt(0)]).toBe(0);
  });

  it('leaves the detection as it was', () => {
    expect(isTraditional(['文昌閣鄉人民政府政府資訊公開工作年度報告'])).toBe(true);
    expect(isTraditional(['某某著作，乾净'])).toBe(false);
    expect(isTraditional(['只有一个繁体字写成了體'])).toBe(false); // one stray variant
  });
});
