import { describe, expect, it } from 'vitest';
import { briefHtml, KEY_FIGURE_DEFINITIONS, keyFigures } from '../../src/export/brief.ts';
import { loadReports } from '../../src/load.ts';

const r = await loadReports(['data/raw']);
/** The page without its scripts (plotly.js and the figures' JSON). */
const text = (html: string) => html.replace(/<script>[\s\S]*?<\/script>/g, '');

describe('briefing pack', () => {
  const html = briefHtml(r);
  const page = text(html);

  it('findings show the Chinese label of the severity and code beside the code, and keep the message', () => {
    expect(page).toContain(
      '<th>文件</th><th>级别</th><th>问题类型</th><th>代码</th><th>说明（原文，含数值）</th>',
    );
    expect(page).toContain(
      '<tr><td>data/raw/002_8ce2c52a2533517f.txt:161</td><td>错误</td><td>勾稽关系不符</td><td>identity_violation</td>' +
        '<td>archive.submitted 9 ≠ archive.paper 9 + archive.electronic 9 = 18</td></tr>',
    );
    expect(page).toContain('<td>错误</td><td>标题行上有数值</td><td>value_on_header_row</td>');
    expect(page).not.toMatch(/<td>error<\/td>/);
  });

  it('key figures come with a definition of each, 2008 属于已主动公开 counted as granted', () => {
    expect(KEY_FIGURE_DEFINITIONS.map(([name]) => name)).toEqual(Object.keys(keyFigures(r)[0]!).slice(3));
    expect(page).toContain('<li><b>公开率</b>：(予以公开 + 部分公开) ÷ 办理结果总计（2008 年版模板：申请答复数）；2008 年版模板的「属于已主动公开范围」计入予以公开。</li>');
    expect(page).toContain('<li><b>行政复议纠错率</b>：结果纠正 ÷ (总计 − 尚未审结)');
    expect(page).toContain('<li><b>新媒体占比</b>：(政务微博 + 政务微信) ÷ 五种渠道');
    // 001 (2008 template): (already_public 7 + granted 128 + partial 24) / answered 244 = 65.2 % (62.3 % without 7)
    expect(keyFigures(r).find((k) => k.机构 === '温州市瓯海区人民政府')?.公开率).toBe('65.2%');
  });

  it('each chart is titled once: by its own title, no second heading above it', () => {
    expect(page).not.toContain('<h3');
    const labels = [...page.matchAll(/<section class="chart" aria-label="([^"]*)">/g)].map((m) => m[1]);
    expect(labels).toEqual([
      '主动公开渠道构成（按机构）',
      '依申请公开：本年新收与上年结转申请数',
      '依申请公开办理结果（按结果类别）',
      '行政复议结果',
      '行政诉讼结果',
      '数据质量：各年报发现的问题（按类型）',
    ]);
    for (const l of labels) expect(page.split(l).length - 1, l).toBe(1); // only in the aria-label
  });

  it("an agency whose channels are all 0 (seed 004): its brief's channel chart says so", () => {
    const one = briefHtml(r, { agency: '秀英区政府服务中心', charts: ['channel-mix', 'channel-donut'] });
    expect(one).toContain('五种渠道均为 0（主动公开总数 300 条）');
    expect(one).toContain('无渠道构成：五种渠道报告的条数均为 0（主动公开总数 300 条）');
    expect(one).not.toContain('（未报告）');
  });
});
