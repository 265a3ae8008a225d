import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadReports } from '../../src/load.ts';
import { declaredCharset, decodeHtml, htmlToLines } from '../../src/read/html.ts';
import { readSource } from '../../src/read/index.ts';
import { ROOT, seedPath } from '../helpers.ts';

const FIX = join(ROOT, 'test', 'fixtures', 'formats');

/** Facts without provenance (line numbers differ between formats), sorted. */
async function factsAndMeta(file: string) {
  const r = await loadReports(file);
  const facts = r.records.facts.map((f) => `${f.source} ${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value}`).sort();
  const { report_id: _id, file: _file, format, encoding, ...meta } = r.records.reports[0]!;
  return { facts, meta, format, encoding, findings: r.records.findings };
}

const lines = (html: string) => htmlToLines(html).map((l) => l.replace(/\t/g, '→'));

describe('HTML fixtures give the text seed\'s facts', () => {
  it.each([
    ['002.html', '002', 'utf-8'],
    ['002-chrome.html', '002', 'utf-8'],
    ['003.html', '003', 'utf-8'],
    ['003-gbk.html', '003', 'gb18030'],
  ])('%s = seed %s', async (name, seed, encoding) => {
    const html = await factsAndMeta(join(FIX, name));
    const txt = await factsAndMeta(seedPath(seed));
    expect(html.format).toBe('html');
    expect(html.encoding).toBe(encoding);
    expect(html.facts).toEqual(txt.facts);
    expect(html.meta).toEqual(txt.meta);
    expect(html.facts.length).toBe(seed === '002' ? 76 : 208);
  });

  it('the 2019 request matrix and the 15-cell appeals row line up under merged headers', async () => {
    const r = await loadReports(join(FIX, '003.html'));
    const f = r.records.facts;
    const v = (metric: string, applicant: string | null = null) =>
      f.find((x) => x.metric === metric && (x.applicant ?? null) === applicant && x.source === 'table')?.value;
    expect(v('requests.received', 'natural_person')).toBe(17);
    expect(v('requests.received', 'total')).toBe(17);
    expect(v('requests.outcome.unable.not_held', 'total')).toBe(3);
    expect(v('litigation_direct.other')).toBe(1);
    expect(v('litigation_direct.total')).toBe(1);
    expect(r.records.findings.filter((x) => x.code === 'ambiguous_cells' || x.code === 'unrecognised_row')).toEqual([]);
  });
});

describe('report body and page chrome', () => {
  it('navigation, breadcrumb, sidebar, share bar and footer are not read', () => {
    const text = htmlToLines(readFileSync(join(FIX, '002-chrome.html'), 'utf8')).join('\n');
    for (const chrome of ['当前位置', '首页', '政务服务', '2016年政府信息公开工作年度报告', '分享到', '微信 微博', 'ICP备', '主办单位', '打印本页', '浏览次数', '_hmt']) {
      expect(text).not.toContain(chrome);
    }
    expect(text.split('\n').slice(0, 2)).toEqual(['威海市中小企业局', '2017 年政府信息公开工作年度报告']);
  });

  it('scripts, styles and hidden elements are dropped', () => {
    expect(lines('<html><head><style>p{}</style></head><body><script>var a="年度报告"</script><p>正文</p><div style="display: none">隐藏</div></body></html>')).toEqual(['正文']);
  });

  it('a layout table (one holding tables) is read as flow content', () => {
    const html = '<body><table><tr><td><p>左栏</p></td><td><table><tr><td>甲</td><td>1</td></tr><tr><td>乙</td><td>2</td></tr></table></td></tr></table></body>';
    expect(lines(html)).toEqual(['左栏', '→甲→1', '', '→乙→2', '']);
  });
});

describe('tables', () => {
  it('rowspan and colspan are expanded into the grid; spanned positions are empty cells', () => {
    const html = `<table>
      <tr><td rowspan="2" colspan="2">项目</td><td colspan="2">申请人</td></tr>
      <tr><td>自然人</td><td>法人</td></tr>
      <tr><td rowspan="2">三、结果</td><td>（一）公开</td><td>1</td><td>2</td></tr>
      <tr><td>（二）部分</td><td>3</td><td>4</td></tr>
    </table>`;
    expect(lines(html)).toEqual(['→项目→→申请人→', '', '→→→自然人→法人', '', '→三、结果→（一）公开→1→2', '', '→→（二）部分→3→4', '']);
  });

  it('&nbsp; cells are empty; <br> inside a cell joins CJK text without a space; tabs never leak', () => {
    const html = '<table><tr><td>&nbsp;</td><td>本年新<br>制作数量</td><td>a\tb</td></tr><tr><td>x</td><td>&nbsp;&nbsp;</td><td>0</td></tr></table>';
    expect(lines(html)).toEqual(['→→本年新制作数量→a b', '', '→x→→0', '']);
  });

  it('rowspan="0" and spans past the table are clipped, thead/tbody/th are read', () => {
    const html = '<table><thead><tr><th rowspan="0">A</th><th>B</th></tr></thead><tbody><tr><td>1</td></tr><tr><td rowspan="9">2</td></tr></tbody></table>';
    expect(lines(html)).toEqual(['→A→B', '', '→→1', '', '→→2', '']);
  });

  it('a one-column table is a box around text: its cells become paragraphs', () => {
    expect(lines('<table><tr><td>第一段</td></tr><tr><td>第二段</td></tr></table>')).toEqual(['第一段', '第二段']);
  });
});

describe('charset', () => {
  const page = (charsetTag: string) => `<html><head>${charsetTag}</head><body><p>威海市政府信息公开</p></body></html>`;

  it('reads <meta charset> and http-equiv declarations', () => {
    expect(declaredCharset(Buffer.from(page('<meta charset="gb2312">')))).toBe('gb18030');
    expect(declaredCharset(Buffer.from(page('<meta http-equiv="Content-Type" content="text/html; charset=GBK">')))).toBe('gb18030');
    expect(declaredCharset(Buffer.from(page('<meta charset=utf-8>')))).toBe('utf-8');
    expect(declaredCharset(Buffer.from(page('')))).toBeUndefined();
  });

  it('decodes a GBK page by its declaration', () => {
    const d = decodeHtml(iconv.encode(page('<meta http-equiv="Content-Type" content="text/html; charset=gbk">'), 'gbk'));
    expect(d).toMatchObject({ encoding: 'gb18030' });
    expect('text' in d && d.text).toContain('威海市政府信息公开');
  });

  it('a page declaring gb2312 but sent as UTF-8 is read as UTF-8', () => {
    const d = decodeHtml(Buffer.from(page('<meta charset="gb2312">')));
    expect(d).toMatchObject({ encoding: 'utf-8' });
  });

  it('without a declaration, a GBK page is detected', () => {
    const d = decodeHtml(iconv.encode(page('') + '<p>本报告所列数据统计期限自2020年1月1日起至2020年12月31日止，主动公开政府信息。</p>', 'gbk'));
    expect(d).toMatchObject({ encoding: 'gb18030' });
  });

  it('an HTML page saved as .doc or given as text is rendered as HTML', () => {
    const bytes = readSource({ file: 'report.doc', bytes: Buffer.from('<!DOCTYPE html><html><body><p>报告</p><table><tr><td>a</td><td>1</td></tr></table></body></html>') });
    expect(bytes).toMatchObject({ format: 'html', raw: ['报告', '\ta\t1', ''] });
    const text = readSource({ file: 'inline', text: '<html><body><p>报告</p></body></html>' });
    expect(text).toMatchObject({ format: 'html', raw: ['报告'] });
  });
});

describe('pages built the way government CMSs build them', () => {
  it('a page wrapped in one ASP.NET <form> is still read; the report\'s own contact line stays', () => {
    const html = '<html><body><form id="form1"><div class="nav"><a href="/">首页</a></div><div class="content"><h1>2020年政府信息公开工作年度报告</h1>' +
      '<p>联系电话：0631-5210729</p><p>本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。</p></div></form></body></html>';
    expect(lines(html)).toEqual(['2020年政府信息公开工作年度报告', '联系电话：0631-5210729', '本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。']);
  });
});
