/**
 * Messy corpora (issue 6): glued cells, page chrome, Traditional characters, spaced labels,
 * truncation, prose distractors and unnamed issuers — each through the whole document stage.
 */
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { processDoc } from '../../src/extract/document.ts';
import type { Fact } from '../../src/types.ts';
import { seedDoc, textDoc } from '../helpers.ts';
import { coveredByAmbiguity, glue } from '../properties/glue.ts';

const run = (text: string, file = 'fixture.txt') => processDoc(textDoc(text, file), 'r');
const key = (f: Pick<Fact, 'metric' | 'applicant' | 'value'>) => `${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value}`;
const tableKeys = (facts: Fact[], prefix = /^(requests|reconsideration|litigation)/) =>
  facts.filter((f) => f.source === 'table' && prefix.test(f.metric)).map(key);
const codes = (r: ReturnType<typeof run>) => r.findings.map((f) => f.code);

// The same 2021 request and appeals tables, clean (Word dump) and glued (crawled HTML).
const CLEAN_2021 = [
  'XX市XX局2021年政府信息公开工作年度报告',
  '三、收到和处理政府信息公开申请情况',
  '\t申请人情况', '', '\t自然人', '\t法人或其他组织', '\t总计', '',
  '\t商业企业', '\t科研机构', '\t社会公益组织', '\t法律服务机构', '\t其他', '',
  '\t一、本年新收政府信息公开申请数量', '\t10', '\t2', '\t0', '\t0', '\t1', '\t0', '\t13', '',
  '\t二、上年结转政府信息公开申请数量', '\t1', '\t0', '\t0', '\t0', '\t0', '\t0', '\t1', '',
  '\t三、本年度办理结果', '\t（一）予以公开', '\t6', '\t1', '\t0', '\t0', '\t0', '\t0', '\t7', '',
  '\t', '\t（二）部分公开', '\t0', '\t0', '\t0', '\t0', '\t0', '\t0', '\t0', '',
  '\t', '\t（六）其他处理', '\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '\t1', '\t0', '\t0', '\t0', '\t0', '\t0', '\t1', '',
  '\t', '\t', '\t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '\t0', '\t0', '\t0', '\t0', '\t0', '\t0', '\t0', '',
  '\t', '\t', '\t3.其他', '\t2', '\t1', '\t0', '\t0', '\t1', '\t0', '\t4', '',
  '\t', '\t（七）总计', '\t9', '\t2', '\t0', '\t0', '\t1', '\t0', '\t12', '',
  '\t四、结转下年度继续办理', '\t2', '\t0', '\t0', '\t0', '\t0', '\t0', '\t2', '',
  '四、政府信息公开行政复议、行政诉讼情况',
  '\t行政复议', '\t行政诉讼', '',
  '\t结果维持', '\t结果纠正', '\t其他结果', '\t尚未审结', '\t总计', '\t未经复议直接起诉', '\t复议后起诉', '',
  '\t2', '\t1', '\t0', '\t0', '\t3', '\t1', '\t0', '\t0', '\t0', '\t1', '\t0', '\t0', '\t0', '\t0', '\t0', '',
  '五、存在的主要问题及改进情况',
  '无。',
].join('\n');

const GLUED_2021 = [
  'XX市XX局2021年政府信息公开工作年度报告',
  '三、收到和处理政府信息公开申请情况',
  '申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他',
  // A stray space inside the run; alone, the row total allows 1|0|2|0|0|10|13 and 10|2|0|0|1|0|13.
  '一、本年新收政府信息公开申请数量10200101 3',
  '二、上年结转政府信息公开申请数量1000001',
  // Two rows on one line.
  '三、本年度办理结果（一）予以公开6100007（二）部分公开0000000',
  // Three rows on one line, each next list number stuck to the last value ("…10000012.申请人…").
  '（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请10000012.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请00000003.其他2100104',
  '（七）总计92001012',
  '四、结转下年度继续办理2000002',
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议行政诉讼',
  '结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉',
  '210031000100000',
  '五、存在的主要问题及改进情况',
  '无。',
].join('\n');

describe('glued table cells (2021 matrix and appeals)', () => {
  const clean = run(CLEAN_2021);
  const glued = run(GLUED_2021);
  it('gives the same request and appeals facts as the clean table', () => {
    expect(tableKeys(clean.facts)).toHaveLength(9 * 7 + 15);
    expect(tableKeys(glued.facts)).toEqual(tableKeys(clean.facts));
    expect(glued.report.template).toBe('2021');
  });
  it('marks the recovered values segmented and keeps their line', () => {
    const received = glued.facts.filter((f) => f.metric === 'requests.received');
    expect(received.map((f) => `${f.value} ${f.how} ${f.line}`)).toEqual(['10 segmented 4', '2 segmented 4', '0 segmented 4', '0 segmented 4', '1 segmented 4', '0 segmented 4', '13 segmented 4']);
    expect(glued.facts.find((f) => f.metric === 'requests.outcome.other.other' && f.applicant === 'total')).toMatchObject({ value: 4, line: 7, label: '3.其他' });
  });
  it('has no findings: the received row was settled by 新收 + 结转 = 总计 + 结转下年度', () => {
    expect(glued.findings).toEqual([]);
  });
  it('a row two splits fit, with the closing rows cut off, stays empty with the candidates named', () => {
    const cut = run(GLUED_2021.split('\n').slice(0, 5).join('\n'));
    expect(cut.facts.filter((f) => f.metric === 'requests.received')).toEqual([]);
    expect(tableKeys(cut.facts)).toEqual(['requests.carried_over[natural_person] 1', 'requests.carried_over[commercial] 0', 'requests.carried_over[research] 0', 'requests.carried_over[social_org] 0', 'requests.carried_over[legal_service] 0', 'requests.carried_over[other_org] 0', 'requests.carried_over[total] 1']);
    const amb = cut.findings.find((f) => f.code === 'ambiguous_cells')!;
    expect(amb).toMatchObject({ metric: 'requests.received', line: 4 });
    expect(amb.message).toContain('1|0|2|0|0|10|13 or 10|2|0|0|1|0|13');
    expect(codes(cut)).toContain('truncated');
    expect(cut.report.status).toBe('partial');
  });
  it('an appeals run that splits several ways is left out with its candidates', () => {
    // 2|20|0|0|22 or 22|0|0|0|22 in the first block.
    const r = run(GLUED_2021.replace('210031000100000', '22000220000000000'));
    expect(r.facts.filter((f) => f.metric.startsWith('reconsideration.'))).toEqual([]);
    const amb = r.findings.find((f) => f.code === 'ambiguous_cells')!;
    expect(amb.message).toContain('in more than one way: 2|20|0|0|22|0|0|0|0|0|0|0|0|0|0 or 22|0|0|0|22|0|0|0|0|0|0|0|0|0|0');
    expect(amb.line).toBe(13);
  });
  it('a run no split fits is reported, not read', () => {
    const r = run(GLUED_2021.replace('二、上年结转政府信息公开申请数量1000001', '二、上年结转政府信息公开申请数量1000009'));
    expect(r.facts.filter((f) => f.metric === 'requests.carried_over')).toEqual([]);
    expect(r.findings.find((f) => f.metric === 'requests.carried_over')?.message).toContain('cannot be split');
  });
});

describe('each seed: clean, glued, chrome-wrapped and Traditional give identical facts', () => {
  const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  /** Everything a fact means (not how it was read). */
  const meaning = (f: Fact) => `${f.source} ${f.metric}${f.applicant ? `[${f.applicant}]` : ''} ${f.value} ${f.unit}`;
  const wrap = (text: string) =>
    [
      '标题：某某单位政府信息公开工作年度报告',
      '发布时间：2021-01-28 09:30  来源：办公室  【字体：大 中 小】  浏览次数：2817',
      '原文链接：http://www.example.gov.cn/art/2021/1/28/art_1.html',
      '当前位置：首页 > 政务公开 > 政府信息公开年度报告',
      text,
      '微信 微博 QQ空间 全真版 文字版 文件下载',
      '版权所有：某某单位  网站标识码：3710020001  鲁ICP备05045351号',
    ].join('\n');
  // Glued 第二十条 runs of seed 003 that no constraint settles: each key must be flagged.
  const AMBIGUOUS_003 = ['normative', 'licensing', 'other_services', 'penalty', 'coercion'].flatMap((s) =>
    (s === 'normative' ? ['made', 'published', 'public_total'] : ['prev_items', 'change', 'decisions']).map((m) => `art20.${s}.${m}`),
  );
  const COUNTS: Record<string, number> = { '000': 86, '001': 70, '002': 76, '003': 208, '004': 59 };
  for (const seed of ['000', '001', '002', '003', '004']) {
    describe(seed, () => {
      const doc = seedDoc(seed);
      const clean = processDoc(doc, 's');
      const expected = clean.facts.map(meaning);
      it('has the facts the other versions are compared with', () => {
        expect(expected).toHaveLength(COUNTS[seed]!);
      });
      it('glued: the same facts, except ambiguous 第二十条 keys, each named by ambiguous_cells', () => {
        const glued = run(glue(doc));
        const ambiguous = seed === '003' ? AMBIGUOUS_003 : [];
        expect(glued.facts.map(meaning)).toEqual(clean.facts.filter((f) => !ambiguous.includes(f.metric)).map(meaning));
        for (const k of ambiguous) expect(coveredByAmbiguity(k, glued.findings), k).toBe(true);
        // No finding but the ambiguities is added; none of the clean one's is lost.
        const codesOf = (fs: typeof glued.findings) => fs.map((f) => `${f.code} ${f.metric}`);
        expect(codesOf(glued.findings.filter((f) => f.code !== 'ambiguous_cells'))).toEqual(codesOf(clean.findings));
        expect(glued.findings.filter((f) => f.code === 'ambiguous_cells')).toHaveLength(seed === '003' ? 5 : 0);
      });
      it('chrome-wrapped: the same facts', () => {
        expect(run(wrap(doc.raw.join('\n'))).facts.map(meaning)).toEqual(expected);
      });
      it('Traditional (opencc cn→tw): the same facts', () => {
        const text = tw(doc.raw.join('\n'));
        expect(text).not.toBe(doc.raw.join('\n'));
        expect(run(text).facts.map(meaning)).toEqual(expected);
      });
    });
  }

  it('003 glued: units separate cells (129宗16671万元), "000" is only 0|0|0, 151432 stays ambiguous with its candidates', () => {
    const glued = run(glue(seedDoc('003')));
    const art20 = glued.facts.filter((f) => f.metric.startsWith('art20.')).map((f) => `${key(f)} ${f.unit} ${f.how}`);
    expect(art20).toEqual([
      'art20.rules.made 0 件 segmented',
      'art20.rules.published 0 件 segmented',
      'art20.rules.public_total 0 件 segmented',
      'art20.fees.prev_items 10 件 cell',
      'art20.fees.change 2 件 cell',
      'art20.procurement.projects 129 宗 segmented',
      'art20.procurement.amount 16671 万元 segmented',
    ]);
    const normative = glued.findings.find((f) => f.metric?.startsWith('art20.normative'))!;
    expect(normative).toMatchObject({ code: 'ambiguous_cells', metric: 'art20.normative.made,art20.normative.published,art20.normative.public_total', line: 40 });
    expect(normative.message).toContain('151432 splits into its 3 columns in 28 ways');
    expect(normative.message).toContain('15|14|32');
    // A sign separates cells: 196 | +4134757, never a cut that moves the sign.
    const licensing = glued.findings.find((f) => f.metric?.startsWith('art20.licensing'))!;
    expect(licensing.message).toContain('196|+41|34757');
    expect(licensing.message).not.toMatch(/19\|6\+/);
  });
  it('000 glued (2008, blank cells): blank rows give null facts with their units, as in the clean table', () => {
    const glued = run(glue(seedDoc('000')));
    const nulls = glued.facts.filter((f) => f.value === null).map((f) => `${f.metric} ${f.unit}`);
    expect(nulls).toContain('proactive.total 条');
    expect(nulls).toContain('requests.outcome.denied.state_secret 件');
    expect(nulls.slice(-3)).toEqual(['training.meetings 次', 'training.sessions 次', 'training.trainees 人次']);
    expect(glued.facts.filter((f) => f.value !== null).map(key)).toContain('proactive.channel.website 63');
  });
});

describe('glued 第二十条 runs (no identity: separators, leading zeros and blanks only)', () => {
  const art20 = (row: string, head = '信息内容本年新制作数量本年新公开数量对外公开总数量') =>
    run(['某某区人民政府2019年政府信息公开工作年度报告', '二、主动公开政府信息情况', '第二十条第（一）项', head, row, '三、收到和处理政府信息公开申请情况'].join('\n'));
  it('"000" is 0|0|0 (no number starts with 0)', () => {
    expect(art20('规章000').facts.map(key)).toEqual(['art20.rules.made 0', 'art20.rules.published 0', 'art20.rules.public_total 0']);
  });
  it('"112" is not 1|1|2: a blank cell may have been lost (1|12|∅, 112|∅|∅ …)', () => {
    const r = art20('规章112');
    expect(r.facts.filter((f) => f.metric.startsWith('art20.'))).toEqual([]);
    const amb = r.findings.find((f) => f.code === 'ambiguous_cells')!;
    expect(amb.metric).toBe('art20.rules.made,art20.rules.published,art20.rules.public_total');
    expect(amb.message).toContain('in 10 ways (1|1|2 or ∅|1|12 or 1|∅|12 or 1|12|∅ or ∅|11|2 or 11|∅|2 or 4 more; ∅ = blank)');
  });
  it('a sign separates cells, yet "0+512" is not placed: a blank cell may have been lost anywhere', () => {
    const r = art20('行政许可0+512', '信息内容上一年项目数量本年增/减处理决定数量');
    expect(r.facts.filter((f) => f.metric.startsWith('art20.'))).toEqual([]);
    const amb = r.findings.find((f) => f.code === 'ambiguous_cells')!;
    expect(amb.metric).toBe('art20.licensing.prev_items,art20.licensing.change,art20.licensing.decisions');
    expect(amb.message).toContain('(0|+5|12 or 0|+51|2 or ∅|0|+512 or 0|∅|+512 or 0|+512|∅; ∅ = blank)');
  });
  it('spaced cells are cells', () => {
    expect(art20('规范性文件15 14 32').facts.map((f) => `${key(f)} ${f.how}`)).toEqual(['art20.normative.made 15 cell', 'art20.normative.published 14 cell', 'art20.normative.public_total 32 cell']);
  });
});

describe('page chrome', () => {
  it('a chrome-wrapped copy of seed 003 gives the seed\'s facts and metadata', () => {
    const doc = seedDoc('003');
    const seed = processDoc(doc, 's');
    const wrapped = [
      '标题：威海市环翠区人民政府2020年政府信息公开工作年度报告',
      '发布时间：2021-01-28 09:30  来源：区政府办公室  【字体：大 中 小】  浏览次数：2817',
      '原文链接：http://www.huancui.gov.cn/art/2021/1/28/art_123.html',
      '当前位置：首页 > 政务公开 > 政府信息公开年度报告',
      doc.raw.join('\n'),
      '微信 微博 QQ空间 全真版 文字版 文件下载',
      '版权所有：威海市环翠区人民政府办公室  网站标识码：3710020001  鲁ICP备05045351号',
      '主办单位：威海市环翠区人民政府办公室  联系我们  网站地图',
    ].join('\n');
    const r = run(wrapped);
    expect(r.facts.map(key)).toEqual(seed.facts.map(key));
    expect(r.report).toMatchObject({ agency: seed.report.agency, year: 2020, template: '2019' });
  });
  it('a one-line page: chrome blanked, the report title and its sentences still read', () => {
    const r = run('当前位置：首页 > 政务公开 > 年度报告 威海市环翠区审计局2019年政府信息公开工作年度报告 根据《条例》规定，现公布本局报告。一、总体情况 2019年，我局主动公开政府信息120条，其中政府网站公开100条。全年共收到政府信息公开申请5件。 微信 微博 QQ空间 全真版 文字版 文件下载 版权所有：威海市环翠区人民政府 网站标识码：3710020001');
    expect(r.facts.map((f) => `${key(f)} ${f.how}`)).toEqual(['proactive.total 120 sentence', 'proactive.channel.website 100 sentence', 'requests.received 5 sentence']);
    expect(r.report).toMatchObject({ agency: '威海市环翠区审计局', year: 2019 });
  });
  it('crawler headers name the agency and the date; counters never become figures', () => {
    const r = run(['标题：威海市环翠区审计局2019年政府信息公开工作年度报告', '发布时间：2020-01-15 10:20', '原文链接：http://www.huancui.gov.cn/art/2020/1/15/art_123.html', '【字体：大 中 小】 浏览次数：1234', '2019年，我局主动公开政府信息120条。'].join('\n'));
    expect(r.report).toMatchObject({ agency: '威海市环翠区审计局', published: '2020-01-15', year: 2019 });
    expect(r.facts.map(key)).toEqual(['proactive.total 120']);
  });
});

describe('Traditional characters', () => {
  const tw = OpenCC.Converter({ from: 'cn', to: 'tw' });
  const T2008 = ['文昌阁乡人民政府2017年政府信息公开工作年度报告', '现将本乡政府信息公开工作情况报告如下。', '统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t120', '其中：主动公开规范性文件数\t条\t9', '（一）收到申请数\t件\t7', '1.当面申请数\t件\t3', '2.网络申请数\t件\t4', '（一）申请行政复议数\t件\t1', '（一）维持具体行政行为数\t件\t1', '', '文昌阁乡人民政府', '2018年1月20日'].join('\n');
  it('a Traditional 2008 table (文昌閣鄉, 政府資訊公開) gives the facts of its Simplified version', () => {
    const trad = tw(T2008).replace('政府信息公開工作年度', '政府資訊公開工作年度');
    expect(trad).toContain('文昌閣鄉');
    expect(trad).toContain('政府資訊公開');
    const a = run(T2008);
    const b = run(trad);
    expect(b.facts.map(key)).toEqual(a.facts.map(key));
    expect(b.facts.map(key)).toEqual(['proactive.total 120', 'proactive.normative_docs 9', 'requests.received 7', 'requests.channel.in_person 3', 'requests.channel.online 4', 'reconsideration.total 1', 'reconsideration.upheld 1']);
    expect(b.report).toMatchObject({ agency: '文昌阁乡人民政府', year: 2017, template: '2008', published: '2018-01-20' });
    // Provenance keeps the original characters.
    expect(b.facts[0]!.label).toBe('（一）主動公開政府信息數');
  });
  it('a Traditional copy of seed 003 gives the seed\'s facts', () => {
    const doc = seedDoc('003');
    const seed = processDoc(doc, 's');
    const r = run(tw(doc.raw.join('\n')));
    expect(r.facts.map(key)).toEqual(seed.facts.map(key));
  });
});

describe('two value columns in pre-2019 tables', () => {
  const head = '统计指标\t单位\t本年度\t历年累计';
  it('spaced pairs are cells: the year\'s column is taken', () => {
    const r = run(['2017年政府信息公开工作年度报告', head, '（一）主动公开政府信息数\t条\t12 345', '（一）收到申请数\t件\t7 88', '', '结束。'].join('\n'));
    expect(r.facts.map((f) => `${key(f)} ${f.how}`)).toEqual(['proactive.total 12 cell', 'requests.received 7 cell']);
  });
  it('a glued pair splits only when this year ≤ cumulative allows one split; else ambiguous, no value', () => {
    const r = run(['2017年政府信息公开工作年度报告', head, '（一）主动公开政府信息数\t条\t12345', '（一）收到申请数\t件\t788', '', '结束。'].join('\n'));
    // 788: 7|88 (78|8 has this year > cumulative). 12345: 1|2345 and 12|345 both fit.
    expect(r.facts.map((f) => `${key(f)} ${f.how}`)).toEqual(['requests.received 7 segmented']);
    const amb = r.findings.find((f) => f.code === 'ambiguous_cells')!;
    expect(amb).toMatchObject({ metric: 'proactive.total', line: 3 });
    expect(amb.message).toContain('1|2345 or 12|345');
  });
  it('a glued pair is settled by a column identity (申请办结 = 按时 + 延期) in both columns', () => {
    const r = run(['2017年政府信息公开工作年度报告', head, '（二）申请办结数\t件\t1234', '1.按时办结数\t件\t10\t30', '2.延期办结数\t件\t2\t4', '', '结束。'].join('\n'));
    // 1234: 1|234 and 12|34 fit this year ≤ cumulative; only 12|34 = (10+2)|(30+4).
    expect(r.facts.map((f) => `${key(f)} ${f.how}`)).toEqual(['requests.closed 12 segmented', 'requests.closed_on_time 10 cell', 'requests.closed_extended 2 cell']);
  });
  it('without every part of the identity present, the pair stays ambiguous (absent is not 0)', () => {
    const r = run(['2017年政府信息公开工作年度报告', head, '（一）收到申请数\t件\t1234', '1.当面申请数\t件\t3\t14', '2.网络申请数\t件\t9\t20', '', '结束。'].join('\n'));
    expect(r.facts.map(key)).toEqual(['requests.channel.in_person 3', 'requests.channel.online 9']);
    expect(r.findings.find((f) => f.code === 'ambiguous_cells')?.message).toContain('1|234 or 12|34');
  });
  it('a lone one-digit value where two columns stand is not placed in either', () => {
    const r = run(['2017年政府信息公开工作年度报告', head, '（一）收到申请数\t件\t5', '', '结束。'].join('\n'));
    expect(r.facts).toEqual([]);
    expect(codes(r)).toContain('ambiguous_cells');
  });
});

describe('spaced characters and zero-width characters in labels', () => {
  it('a matrix header "自 然 人" and labels with spaces and zero-width characters still match', () => {
    const text = CLEAN_2021.replace('\t自然人', '\t自 然 人').replace('本年新收政府信息公开申请数量', '本年新收政府\u200b信息公开申请数量').replace('\t结果维持', '\t结 果 维 持');
    expect(tableKeys(run(text).facts)).toEqual(tableKeys(run(CLEAN_2021).facts));
  });
  it('a 2008 label "行 政 复 议" with a zero-width space', () => {
    const r = run(['统计指标\t单位\t统计数', '（一）主动公开\u200b政府信息数\t条\t10', '（一）申请行 政 复 议数\t件\t2', '（一）维 持具体行政行为数\t件\t1', '', '完。'].join('\n'));
    expect(r.facts.map(key)).toEqual(['proactive.total 10', 'reconsideration.total 2', 'reconsideration.upheld 1']);
  });
});

describe('truncated documents', () => {
  it('a 2021 page copy cut inside the request table: facts for the rows present, nothing else, truncated', () => {
    const lines = CLEAN_2021.split('\n');
    const cut = lines.slice(0, lines.indexOf('\t（二）部分公开') + 4).join('\n'); // stops after 部分公开's first cells
    const r = run(cut);
    const keys = tableKeys(r.facts);
    expect(keys.filter((k) => k.startsWith('requests.received'))).toHaveLength(7);
    expect(keys.filter((k) => k.startsWith('requests.outcome.granted'))).toHaveLength(7);
    expect(keys.some((k) => k.startsWith('requests.outcome.total') || k.startsWith('requests.carried_to_next') || k.startsWith('reconsideration'))).toBe(false);
    expect(codes(r)).toContain('truncated');
    expect(codes(r)).not.toContain('missing_section');
    expect(r.report.status).toBe('partial');
  });
  it('a 2008 table that runs to the end of the file without its closing sections', () => {
    const r = run(['XX乡人民政府2017年政府信息公开工作年度报告', '统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t10', '（一）收到申请数\t件\t2', '（一）申请行政复议数\t件\t0'].join('\n'));
    expect(r.facts.map(key)).toEqual(['proactive.total 10', 'requests.received 2', 'reconsideration.total 0']);
    expect(codes(r)).toContain('truncated');
  });
  it('a complete clean table is not truncated', () => {
    expect(codes(run(CLEAN_2021))).not.toContain('truncated');
  });
});

describe('prose distractors', () => {
  const r = run([
    'XX市XX局2019年政府信息公开工作年度报告',
    '2019年，我局主动公开政府信息120条，较上年的98条增加22条。',
    '不予公开信息5条。',
    '门户网站全年访问量达35万人次，浏览次数：12345。',
    '12345热线受理群众诉求230件。',
    '咨询电话：0631-5210729，邮编264200。',
    '依据《关于印发xx的通知》（威政办发〔2021〕39号）开展工作。',
    '2018年共收到政府信息公开申请8件，2019年共收到政府信息公开申请12件。',
  ].join('\n'));
  it('only this year\'s figures for catalogue keys become facts', () => {
    expect(r.facts.map((f) => `${f.line} ${key(f)}`)).toEqual(['2 proactive.total 120', '8 requests.received 12']);
  });
});

describe('unnamed issuers', () => {
  it('"我镇" with only a URL: agency null and unknown_agency, never a guess', () => {
    const r = run(['2019年政府信息公开工作年度报告', '2019年，我镇主动公开政府信息35条。', '原文链接：http://www.example.gov.cn/xxgk/2020/123.html'].join('\n'));
    expect(r.report.agency).toBeNull();
    expect(codes(r)).toContain('unknown_agency');
    expect(r.facts.map(key)).toEqual(['proactive.total 35']);
  });
  it('"我局" with a crawler title header: the agency comes from the header', () => {
    const r = run(['标题：威海市环翠区审计局2019年政府信息公开工作年度报告', '2019年，我局主动公开政府信息35条。'].join('\n'));
    expect(r.report.agency).toBe('威海市环翠区审计局');
    expect(codes(r)).not.toContain('unknown_agency');
  });
});
