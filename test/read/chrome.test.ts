import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHROME_KEY_CHARACTERS, CHROME_PATTERNS } from '../../src/catalogue/chrome.ts';
import { blankChrome, blankChromeLine, CHROME_KEY_SLOTS } from '../../src/read/chrome.ts';
import { normalizeDoc, normalizeLine } from '../../src/read/normalize.ts';
import { isTraditional, simplifyDoc } from '../../src/read/traditional.ts';

const blanked = (line: string) => blankChromeLine(normalizeLine(line));

describe('page chrome is blanked, length-preserving', () => {
  it.each(CHROME_PATTERNS.map((p) => [p.name, p.example]))('%s: "%s" goes entirely', (_name, example) => {
    const out = blanked(example);
    expect(out.trim()).toBe('');
    expect(out).toHaveLength(example.length);
  });
  it('a one-line page keeps the report body in place', () => {
    const page = '当前位置：首页 > 政务公开 > 年度报告 威海市XX局2019年政府信息公开工作年度报告 根据《条例》规定。 微信 微博 QQ空间 全真版 文字版 文件下载 版权所有：威海市人民政府';
    const out = blanked(page);
    expect(out).toHaveLength(page.length);
    expect(out.trim()).toBe('威海市XX局2019年政府信息公开工作年度报告 根据《条例》规定。');
    expect(out.indexOf('威海市XX局')).toBe(page.indexOf('威海市XX局'));
  });
  it('keeps crawler headers (metadata reads them) and report words that look like share buttons', () => {
    const keep = ['标题:威海市XX局2019年政府信息公开工作年度报告', '发布时间:2020-01-15', '原文链接:http://www.example.gov.cn/a.html', '政务微博公开10825条、政务微信公开8178条', '通过微信 微博等渠道发布信息'];
    expect(blankChrome(keep)).toEqual(keep);
  });
  it('blanks page counters and footer fields but not a phone number in the report text', () => {
    expect(blanked('浏览次数:1234 访问量:99').trim()).toBe('');
    expect(blanked('主办单位:威海市人民政府办公室 联系我们 网站地图').trim()).toBe('');
    expect(blanked('联系电话:0631-5210729')).toBe('联系电话:0631-5210729');
  });
  it('normalizeDoc blanks chrome and keeps line count and lengths', () => {
    const raw = ['当前位置：首页 > 政务公开', '正文第一行。', '版权所有：某某'];
    const lines = normalizeDoc(raw);
    expect(lines.map((l) => l.length)).toEqual(raw.map((l) => l.length));
    expect(lines.map((l) => l.trim())).toEqual(['', '正文第一行。', '']);
  });
});

describe('Traditional characters for matching', () => {
  it('detects a Traditional document, not a Simplified one with 显著', () => {
    expect(isTraditional(['文昌閣鄉人民政府政府資訊公開工作年度報告'])).toBe(true);
    expect(isTraditional(['工作成效显著，得到显著提升。'])).toBe(false);
  });
  it('converts for matching, same length, Taiwan terms mapped (政府資訊公開 → 政府信息公开)', () => {
    const raw = ['文昌閣鄉政府資訊公開統計指標', '（一）主動公開政府資訊數'];
    const out = simplifyDoc(raw);
    expect(out).toEqual(['文昌阁乡政府信息公开统计指标', '（一）主动公开政府信息数']);
    expect(out.map((l) => l.length)).toEqual(raw.map((l) => l.length));
    expect(raw).toEqual(['文昌閣鄉政府資訊公開統計指標', '（一）主動公開政府資訊數']); // a copy: raw is kept
  });
  it('hands a document that is not Traditional back as it is, without a copy', () => {
    const lines = ['只有一个繁体字写成了體', '政府信息公开'];
    expect(simplifyDoc(lines)).toBe(lines);
    expect(lines).toEqual(['只有一个繁体字写成了體', '政府信息公开']);
  });
  it('normalizeDoc leaves a Simplified seed-like text untouched (no 显著 → 显着)', () => {
    expect(normalizeDoc(['效果显著，但仍有差距。'])).toEqual(['效果显著,但仍有差距。']);
  });
});

describe('blankChromeLine = the keyword pre-check, then every catalogue pattern (it skips patterns that cannot match)', () => {
  // The definition blankChromeLine must keep: one keyword anywhere lets every pattern run.
  const HINT = /当前位置|位置|微信|微博|QQ|字体|字号|次数|访问|浏览|点击|阅读|版权|Copyright|©|标识码|ICP|公网安备|单位|技术支持|网站维护|联系我们|网站地图|声明|帮助/u;
  const reference = (line: string): string => {
    if (!HINT.test(line)) return line;
    let out = line;
    for (const { pattern, toLineEnd } of CHROME_PATTERNS) {
      pattern.lastIndex = 0;
      if (toLineEnd) {
        const m = pattern.exec(out);
        if (m) out = out.slice(0, m.index) + out.slice(m.index).replace(/[^\t]/g, ' ');
        continue;
      }
      out = out.replace(pattern, (m) => m.replace(/[^\t]/g, ' '));
    }
    return out;
  };
  // Keywords, share buttons, pattern pieces and near-misses.
  const FRAGMENTS = [
    '当前位置', '您的位置', '所在位置', '位置', ':', '：', '首页', ' > ', '>', '/', '微信', '微博', 'QQ', 'QQ空间', '打印', '关闭',
    '收藏', '[打印]', '(关闭)', '分享到:', '扫一扫', '全真版', '字体', '字号', '大', '中', '小', '[', ']', '次数', '浏览次数', '访问量',
    '点击数', '阅读', '12', '版权所有', 'Copyright', '©', '网站标识码', '鲁ICP备', 'ICP', '公网安备', '单位', '主办单位',
    '技术支持', '网站维护', '联系我们', '网站地图', '网站声明', '声明', '使用帮助', '帮助', '政务', '公开', '我', ' ', '  ', '\t', '\u3000',
  ];
  const SEPARATORS = ['', '', ' ', '  ', '\t', ' \u3000'];
  const part = fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom(...SEPARATORS)).map(([f, sep]) => f + sep);
  const line = fc.array(part, { maxLength: 10 }).map((parts) => parts.join(''));

  it('gives the same line on generated lines (property)', () => {
    fc.assert(fc.property(line, (l) => blankChromeLine(l) === reference(l)), { numRuns: 20000 });
  });

  it('every pattern has keywords, each with a key character', () => {
    for (const { keywords } of CHROME_PATTERNS) {
      expect(keywords.length).toBeGreaterThan(0);
      for (const word of keywords) expect([...word].some((ch) => CHROME_KEY_CHARACTERS.includes(ch))).toBe(true);
    }
  });

  it('CHROME_KEY_SLOTS marks the catalogue key characters that some keyword holds, and nothing else', () => {
    const marked = [...CHROME_KEY_SLOTS.keys()].filter((unit) => CHROME_KEY_SLOTS[unit] !== 0).map((unit) => String.fromCharCode(unit));
    const words = CHROME_PATTERNS.flatMap((p) => p.keywords).join('');
    expect(marked.sort()).toEqual([...CHROME_KEY_CHARACTERS].filter((ch) => words.includes(ch)).sort());
  });

  it('normalizeDoc blanks the lines CHROME_KEY_SLOTS flags, key characters reached by folding included', () => {
    // Ｃｏｐｙｒｉｇｈｔ and ＱＱ fold to Copyright and QQ: their key characters (y, Q) exist only
    // once folded, and the line is still found.
    const lines = ['Ｃｏｐｙｒｉｇｈｔ 2020 某市政府', '正文 ＱＱ空间 微信 微博 正文', '正文第一段', ...CHROME_PATTERNS.map((p) => p.example)];
    expect(normalizeDoc(lines)).toEqual(lines.map(blanked));
    expect(normalizeDoc(lines)[0].trim()).toBe('');
    expect(normalizeDoc(lines)[1]).toBe('正文' + ' '.repeat(12) + '正文');
  });

  it('still blanks a share bar on a line whose only keyword belongs to another pattern', () => {
    expect(blankChromeLine('我单位 打印 关闭 收藏')).toBe('我单位         ');
    expect(blankChromeLine('打印 关闭 收藏')).toBe('打印 关闭 收藏'); // no keyword: left alone, as ever
  });

  it('finds the gap between share buttons whatever the white space, and none at the line ends', () => {
    expect(blankChromeLine('\t微信\u00a0微博\u2003QQ空间\t')).toBe('\t' + ' '.repeat(10) + '\t');
    expect(blankChromeLine('\u3000 微信微博QQ空间 \t')).toBe('\u3000 微信微博QQ空间 \t');
  });

  it('looks for a keyword only where its key character is, and for each pattern once', () => {
    // 次 is the key of 次数 only: a line with 次 and no keyword is left as it is.
    expect(blankChromeLine('\t次\t次')).toBe('\t次\t次');
    expect(blankChromeLine('浏览次数:12 访问量:3')).toBe(' '.repeat(7) + ' ' + ' '.repeat(5));
  });
});
