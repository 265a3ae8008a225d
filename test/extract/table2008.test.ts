import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/index.ts';
import { detectTemplate } from '../../src/template/detect.ts';
import { extractTable2008 } from '../../src/extract/table2008.ts';
import { processDoc } from '../../src/extract/document.ts';
import { seedDoc, seedPath, textDoc, triples } from '../helpers.ts';

function extract(doc: ReturnType<typeof seedDoc>) {
  const decision = detectTemplate(layout({ lines: doc.lines, raw: doc.raw }));
  expect(decision.template).toBe('2008');
  return extractTable2008(decision.tables);
}

describe('2008 table: seed 001 (Zhejiang variant, nine sections, wrapped labels)', () => {
  const r = extract(seedDoc('001'));
  it('states every figure of the table, in order, with its line', () => {
    expect(triples(r.facts)).toEqual([
    '52 proactive.total 37353',
    '56 proactive.normative_docs 66',
    '60 proactive.normative_docs_issued 66',
    '68 proactive.channel.gazette 42',
    '72 proactive.channel.website 33196',
    '76 proactive.channel.weibo 13026',
    '80 proactive.channel.wechat 6194',
    '84 proactive.channel.other 1250',
    '93 response.hotspots 219',
    '101 response.press_conferences 29',
    '105 response.press_conferences_leader 11',
    '109 response.online_interviews 9',
    '113 response.online_interviews_leader 8',
    '117 response.interpretations 86',
    '121 response.social_media 342',
    '125 response.other 623',
    '133 requests.received 244',
    '137 requests.channel.in_person 138',
    '141 requests.channel.fax 0',
    '145 requests.channel.online 11',
    '149 requests.channel.mail 95',
    '153 requests.closed 244',
    '157 requests.closed_on_time 243',
    '161 requests.closed_extended 1',
    '165 requests.answered 244',
    '169 requests.outcome.already_public 7',
    '173 requests.outcome.granted 128',
    '177 requests.outcome.partial 24',
    '181 requests.outcome.denied 19',
    '185 requests.outcome.denied.state_secret 0',
    '189 requests.outcome.denied.commercial_secret 0',
    '193 requests.outcome.denied.privacy 0',
    '197 requests.outcome.denied.security_stability 0',
    '201 requests.outcome.denied.not_gov_info 14',
    '205 requests.outcome.denied.other_law 5',
    '209 requests.outcome.not_this_agency 6',
    '213 requests.outcome.not_exist 55',
    '217 requests.outcome.asked_to_amend 4',
    '221 requests.outcome.other_channel 1',
    '225 reconsideration.total 4',
    '229 reconsideration.upheld 0',
    '233 reconsideration.corrected 2',
    '237 reconsideration.other 2',
    '241 litigation.total 0',
    '245 litigation.upheld 0',
    '249 litigation.corrected 0',
    '253 litigation.other 0',
    '257 complaints.total 0',
    '261 fees.collected 0',
    '269 capacity.units 63',
    '273 capacity.reading_points 17',
    '277 capacity.staff 184',
    '281 capacity.staff_fulltime 40',
    '285 capacity.staff_parttime 144',
    '289 capacity.budget 85.4',
    '297 training.meetings 119',
    '301 training.sessions 54',
    '305 training.trainees 2330',
    ]);
  });
  it('has no findings', () => expect(r.findings).toEqual([]));
  it('keeps units, labels and raw text', () => {
    const budget = r.facts.find((f) => f.metric === 'capacity.budget')!;
    expect(budget).toMatchObject({ value: 85.4, unit: '万元', text: '85.4', how: 'cell', source: 'table', approx: false });
    const total = r.facts.find((f) => f.metric === 'proactive.total')!;
    // The label wraps onto a line without a tab: both parts are kept.
    expect(total.label).toBe('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）');
  });
});

describe('2008 table: seed 002 (tab-separated rows from a PDF)', () => {
  const r = extract(seedDoc('002'));
  it('states every figure of the table', () => {
    expect(triples(r.facts)).toEqual([
    '104 proactive.total 259',
    '105 proactive.normative_docs 9',
    '106 proactive.normative_docs_issued 9',
    '108 proactive.channel.gazette 6',
    '109 proactive.channel.website 146',
    '110 proactive.channel.weibo 105',
    '111 proactive.channel.wechat 256',
    '112 proactive.channel.other 36',
    '114 response.hotspots 0',
    '116 response.press_conferences 1',
    '117 response.press_conferences_leader 0',
    '118 response.online_interviews 0',
    '119 response.online_interviews_leader 0',
    '120 response.interpretations 14',
    '121 response.social_media 28',
    '122 response.other 1',
    '124 requests.received 3',
    '125 requests.channel.in_person 0',
    '126 requests.channel.fax 0',
    '127 requests.channel.online 2',
    '128 requests.channel.mail 1',
    '129 requests.channel.other 0',
    '130 requests.closed 3',
    '131 requests.closed_on_time 3',
    '133 requests.closed_extended 0',
    '134 requests.answered 3',
    '135 requests.outcome.already_public 3',
    '136 requests.outcome.granted 0',
    '137 requests.outcome.partial 0',
    '138 requests.outcome.denied 0',
    '139 requests.outcome.denied.state_secret 0',
    '140 requests.outcome.denied.commercial_secret 0',
    '141 requests.outcome.denied.privacy 0',
    '142 requests.outcome.denied.security_stability 0',
    '143 requests.outcome.denied.not_gov_info 0',
    '144 requests.outcome.denied.other_law 0',
    '145 requests.outcome.not_this_agency 0',
    '146 requests.outcome.not_exist 0',
    '147 requests.outcome.asked_to_amend 0',
    '148 requests.outcome.other_channel 0',
    '149 reconsideration.total 0',
    '150 reconsideration.upheld 0',
    '151 reconsideration.corrected 0',
    '152 reconsideration.other 0',
    '153 litigation.total 0',
    '154 litigation.upheld 0',
    '155 litigation.corrected 0',
    '156 litigation.other 0',
    '157 complaints.total 0',
    '158 complaints.upheld 0',
    '159 complaints.corrected 0',
    '160 complaints.other 0',
    '161 archive.submitted 9',
    '162 archive.paper 9',
    '163 archive.electronic 9',
    '164 fees.collected 0',
    '166 capacity.units 1',
    '168 capacity.reading_points 1',
    '169 capacity.staff 2',
    '170 capacity.staff_fulltime 0',
    '171 capacity.staff_parttime 2',
    '172 capacity.budget 0',
    '174 training.meetings 9',
    '175 training.sessions 4',
    '176 training.trainees 55',
    ]);
  });
  it('has no loader findings (its contradictions are the validator\'s job)', () => expect(r.findings).toEqual([]));
});

describe('2008 table: seed 000 (Shandong variant, most cells blank)', () => {
  const r = extract(seedDoc('000'));
  it('keeps blank cells as null, never 0', () => {
    expect(triples(r.facts)).toEqual([
    '53 proactive.total null',
    '57 proactive.normative_docs null',
    '61 proactive.normative_docs_issued null',
    '69 proactive.channel.gazette null',
    '73 proactive.channel.website 63',
    '77 proactive.channel.weibo null',
    '81 proactive.channel.wechat 140',
    '85 proactive.channel.other 220',
    '93 response.hotspots null',
    '101 response.press_conferences null',
    '105 response.press_conferences_leader null',
    '109 response.online_interviews null',
    '113 response.online_interviews_leader null',
    '117 response.interpretations null',
    '121 response.social_media null',
    '125 response.other null',
    '133 requests.received null',
    '137 requests.channel.in_person null',
    '141 requests.channel.fax null',
    '145 requests.channel.online null',
    '149 requests.channel.mail null',
    '153 requests.channel.other null',
    '157 requests.closed null',
    '161 requests.closed_on_time null',
    '165 requests.closed_extended null',
    '169 requests.answered null',
    '173 requests.outcome.already_public null',
    '177 requests.outcome.granted null',
    '181 requests.outcome.partial null',
    '185 requests.outcome.denied null',
    '189 requests.outcome.denied.state_secret null',
    '193 requests.outcome.denied.commercial_secret null',
    '197 requests.outcome.denied.privacy null',
    '201 requests.outcome.denied.security_stability null',
    '205 requests.outcome.denied.not_gov_info null',
    '209 requests.outcome.denied.other_law null',
    '213 requests.outcome.not_this_agency null',
    '217 requests.outcome.not_exist null',
    '221 requests.outcome.asked_to_amend null',
    '225 requests.outcome.other_channel null',
    '229 reconsideration.total null',
    '233 reconsideration.upheld null',
    '237 reconsideration.corrected null',
    '241 reconsideration.other null',
    '245 litigation.total null',
    '249 litigation.upheld null',
    '253 litigation.corrected null',
    '257 litigation.other null',
    '261 complaints.total null',
    '265 complaints.upheld null',
    '269 complaints.corrected null',
    '273 complaints.other null',
    '277 archive.submitted null',
    '281 archive.paper null',
    '285 archive.electronic null',
    '289 websites.total null',
    '293 websites.city null',
    '297 websites.county null',
    '301 websites.township null',
    '309 gazette.issues null',
    '313 gazette.copies null',
    '317 capacity.reading_points 1',
    '321 capacity.reading_points.city null',
    '325 capacity.reading_points.county 1',
    '329 capacity.reading_points.township null',
    '333 capacity.reading_visits 136',
    '337 capacity.reading_visits.city null',
    '341 capacity.reading_visits.county 136',
    '345 capacity.reading_visits.township null',
    '349 fees.collected null',
    '357 capacity.units 1',
    '361 capacity.staff 1',
    '365 capacity.staff_fulltime null',
    '369 capacity.staff_parttime 1',
    '373 capacity.budget 0',
    '381 training.meetings null',
    '385 training.sessions null',
    '389 training.trainees null',
    ]);
  });
  it('matches generic sub-rows by their parent row (reading points vs visits, appeals vs complaints)', () => {
    const keys = r.facts.map((f) => f.metric);
    expect(keys).toContain('capacity.reading_visits.county');
    expect(keys).toContain('complaints.upheld');
    expect(r.facts.find((f) => f.metric === 'capacity.reading_visits.county')!.value).toBe(136);
  });
});

describe('2008 table: seed 004 (" |"-terminated cells, shifted first block)', () => {
  const r = extract(seedDoc('004'));
  it('regroups cells into rows and states every figure', () => {
    expect(triples(r.facts)).toEqual([
    '29 proactive.total 0',
    '32 proactive.normative_docs 300',
    '35 proactive.normative_docs_issued 0',
    '41 proactive.channel.gazette 0',
    '44 proactive.channel.website 0',
    '47 proactive.channel.weibo 0',
    '50 proactive.channel.wechat 0',
    '53 proactive.channel.other 0',
    '59 response.hotspots 0',
    '65 response.press_conferences 0',
    '68 response.press_conferences_leader 0',
    '71 response.online_interviews 0',
    '74 response.online_interviews_leader 0',
    '77 response.interpretations 0',
    '80 response.social_media 0',
    '83 response.other 0',
    '89 requests.received 0',
    '92 requests.channel.in_person 0',
    '95 requests.channel.fax 0',
    '98 requests.channel.online 0',
    '101 requests.channel.mail 0',
    '104 requests.closed 0',
    '107 requests.closed_on_time 0',
    '110 requests.closed_extended 0',
    '113 requests.answered 0',
    '116 requests.outcome.already_public 0',
    '119 requests.outcome.granted 0',
    '122 requests.outcome.partial 0',
    '125 requests.outcome.denied 0',
    '128 requests.outcome.denied.state_secret 0',
    '131 requests.outcome.denied.commercial_secret 0',
    '134 requests.outcome.denied.privacy 0',
    '137 requests.outcome.denied.security_stability 0',
    '140 requests.outcome.denied.not_gov_info 0',
    '143 requests.outcome.denied.other_law 0',
    '146 requests.outcome.not_this_agency 0',
    '149 requests.outcome.not_exist 0',
    '152 requests.outcome.asked_to_amend 0',
    '155 requests.outcome.other_channel 0',
    '158 reconsideration.total 0',
    '161 reconsideration.upheld 0',
    '164 reconsideration.corrected 0',
    '167 reconsideration.other 0',
    '170 litigation.total 0',
    '173 litigation.upheld 0',
    '176 litigation.corrected 0',
    '179 litigation.other 0',
    '182 complaints.total 0',
    '185 fees.collected 0',
    '191 capacity.units 0',
    '194 capacity.reading_points 0',
    '197 capacity.staff 2',
    '200 capacity.staff_fulltime 1',
    '203 capacity.staff_parttime 1',
    '206 capacity.budget 0',
    '212 training.meetings 0',
    '215 training.sessions 0',
    '218 training.trainees 0',
    ]);
  });
  it('flags the value on the section header row', () => {
    expect(r.findings).toEqual([
      {
        severity: 'error',
        code: 'value_on_header_row',
        message: 'section header "一、主动公开情况" carries a value 300; the figures of this block may be shifted against their labels',
        metric: 'proactive.total,proactive.normative_docs,proactive.normative_docs_issued',
        line: 26,
      },
    ]);
  });
});

describe('2008 table quirks (inline fixtures)', () => {
  const run = (text: string) => {
    const doc = textDoc(text);
    return extractTable2008(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables);
  };
  it('takes the year column when a cumulative column is present, and says so', () => {
    const r = run(['统计指标\t单位\t本年度\t历年累计', '（一）主动公开政府信息数\t条\t120\t5300', '（一）收到申请数\t件\t7\t88', '1.当面申请数\t件\t3\t40'].join('\n'));
    expect(triples(r.facts)).toEqual(['2 proactive.total 120', '3 requests.received 7', '4 requests.channel.in_person 3']);
    expect(r.findings.map((f) => f.code)).toEqual(['column_choice']);
    expect(r.findings[0]!.message).toContain('本年度');
  });
  it('takes the year column when it comes second (本年累计 | 本期实际 variants)', () => {
    const r = run(['统计指标\t单位\t累计数\t本期实际', '（一）主动公开政府信息数\t条\t5300\t120', '（一）收到申请数\t件\t88\t7'].join('\n'));
    expect(triples(r.facts)).toEqual(['2 proactive.total 120', '3 requests.received 7']);
  });
  it('reports a row that matches nothing as unrecognised_row with label and line', () => {
    const r = run(['统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t10', '（一）收到申请数\t件\t2', '九、发放宣传资料数\t份\t300'].join('\n'));
    expect(r.findings).toEqual([
      { severity: 'warning', code: 'unrecognised_row', message: 'row "九、发放宣传资料数" (value 300) matches no catalogue metric', metric: null, line: 4 },
    ]);
  });
  it('maps older request-channel and refusal wordings', () => {
    const r = run(['统计指标\t单位\t统计数', '（一）收到申请数\t件\t9', '1.当面申请数\t件\t1', '2.电子邮件申请数\t件\t2', '3.网上申请数\t件\t3', '4.信函、传真申请数\t件\t3', '（三）申请答复数\t件\t9', '5.非本部门掌握\t件\t4'].join('\n'));
    expect(r.facts.map((f) => f.metric)).toEqual([
      'requests.received', 'requests.channel.in_person', 'requests.channel.email', 'requests.channel.online', 'requests.channel.mail_or_fax',
      'requests.answered', 'requests.outcome.not_this_agency',
    ]);
  });
  it('flags a unit cell that names another unit than the row is counted in (direct and relative rows)', () => {
    const r = run(['统计指标\t单位\t统计数', '（一）主动公开政府信息数\t人\t10', '四、行政复议数量\t件\t3', '（一）维持具体行政行为数\t个\t1', '（二）被依法纠错数\t件\t1'].join('\n'));
    expect(triples(r.facts)).toEqual(['2 proactive.total 10', '3 reconsideration.total 3', '4 reconsideration.upheld 1', '5 reconsideration.corrected 1']);
    expect(r.facts.map((f) => f.unit)).toEqual(['人', '件', '个', '件']);
    expect(r.findings.map((f) => [f.code, f.metric, f.line])).toEqual([
      ['unit_mismatch', 'proactive.total', 2],
      ['unit_mismatch', 'reconsideration.upheld', 4],
    ]);
    expect(r.findings[1]!.message).toBe('row "（一）维持具体行政行为数" is stated in 个 where reconsideration.upheld is counted in 件/起/宗/次: its cells may have slid against the label');
  });
  it('reads a unit glued to the label when the row has no unit cell, and a catalogue unit when none is stated', () => {
    const r = run(['统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t10', '（一）政府信息公开工作专门机构数个\t63', '（三）政府信息公开专项经费\t85.4', '（四）从事政府信息公开工作人员数\t—\t184'].join('\n'));
    expect(triples(r.facts)).toEqual(['2 proactive.total 10', '3 capacity.units 63', '4 capacity.budget 85.4', '5 capacity.staff 184']);
    expect(r.facts.map((f) => f.unit)).toEqual(['条', '个', '万元', null]);
    expect(r.findings).toEqual([]);
  });
  it('calls a table that ends the document truncated only when none of its closing rows was read', () => {
    const doc = (rows: string[]) => textDoc(['统计指标\t单位\t统计数', ...rows].join('\n'));
    const ends = (rows: string[]) => {
      const d = doc(rows);
      return extractTable2008(detectTemplate(layout({ lines: d.lines, raw: d.raw })).tables, { endsDocument: true }).findings.map((f) => f.code);
    };
    expect(ends(['（一）主动公开政府信息数\t条\t10', '（一）收到申请数\t件\t2'])).toEqual(['truncated']);
    expect(ends(['（一）主动公开政府信息数\t条\t10', '（一）收到申请数\t件\t2', '六、依申请公开信息收取的费用\t万元\t0'])).toEqual([]);
  });
  it('keeps a non-numeric cell as null with an unparsed_value finding', () => {
    const r = run(['统计指标\t单位\t统计数', '（一）主动公开政府信息数\t条\t见附件', '（一）收到申请数\t件\t2'].join('\n'));
    expect(r.facts[0]).toMatchObject({ metric: 'proactive.total', value: null, text: '见附件' });
    expect(r.findings.map((f) => f.code)).toEqual(['unparsed_value']);
  });
});

describe('2008 table: a lost row break (one cell per line, blank line between rows missing)', () => {
  // Seed 001 without the blank line 238: "（三）其他情形数 件 2" runs into "五、行政诉讼数量 件 0".
  const lines = readFileSync(seedPath('001'), 'utf8').split('\n');
  expect([lines[236], lines[237], lines[238]]).toEqual(['\t2', '', '\t五、行政诉讼数量']);
  lines.splice(237, 1);
  const r = extract(textDoc(lines.join('\n')));
  it('splits the merged row at the next label: the litigation section is read, not folded into reconsideration', () => {
    expect(triples(r.facts.filter((f) => /^(reconsideration|litigation)\./.test(f.metric)))).toEqual([
      '225 reconsideration.total 4',
      '229 reconsideration.upheld 0',
      '233 reconsideration.corrected 2',
      '237 reconsideration.other 2',
      '240 litigation.total 0',
      '244 litigation.upheld 0',
      '248 litigation.corrected 0',
      '252 litigation.other 0',
    ]);
    expect(r.findings).toEqual([]);
  });
});

describe('2008 table: a section header lost (rows read under the previous section)', () => {
  // Seed 001 without "五、行政诉讼数量 件 0": its 维持/纠错/其他 rows follow 行政复议's.
  const lines = readFileSync(seedPath('001'), 'utf8').split('\n');
  expect(lines.slice(238, 242)).toEqual(['\t五、行政诉讼数量', '\t件', '\t0', '']);
  lines.splice(238, 4);
  const r = extract(textDoc(lines.join('\n')));
  it('flags every repeated row with missing_section, naming its metric and both lines', () => {
    expect(r.findings.map((f) => [f.code, f.metric, f.line])).toEqual([
      ['missing_section', 'reconsideration.upheld', 241],
      ['missing_section', 'reconsideration.corrected', 245],
      ['missing_section', 'reconsideration.other', 249],
    ]);
    expect(r.findings[1]!.message).toBe(
      'row "（二）被依法纠错数" repeats reconsideration.corrected, already read on line 233: a section header above it may be missing, so these rows may belong to another section',
    );
  });
});

describe('2008 value columns: two-row headers and dated columns', () => {
  const run = (text: string, file = 'fixture.txt', year?: number | null) => {
    const doc = textDoc(text, file);
    return extractTable2008(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables, { year });
  };
  const chose = (taken: string, ignored: string, line: number) => ({
    severity: 'info',
    code: 'column_choice',
    message: `table has several value columns; took "${taken}" as the year's figures and ignored "${ignored}"`,
    metric: null,
    line,
  });
  it('takes the year column named by the second header row (统计数 spanning 历年累计 | 本年度, either order)', () => {
    const rows = (sub: string, a: string, b: string) =>
      ['统计指标\t单位\t统计数\t', sub, `（一）主动公开政府信息数\t条\t${a}`, `（一）收到申请数\t件\t${b}`].join('\n');
    const cumFirst = run(rows('\t\t历年累计\t本年度', '1036\t259', '12\t3'));
    expect(triples(cumFirst.facts)).toEqual(['3 proactive.total 259', '4 requests.received 3']);
    expect(cumFirst.findings).toEqual([chose('本年度', '历年累计', 1)]);
    const yearFirst = run(rows('\t\t本年度\t历年累计', '259\t1036', '3\t12'));
    expect(triples(yearFirst.facts)).toEqual(['3 proactive.total 259', '4 requests.received 3']);
    expect(yearFirst.findings).toEqual([chose('本年度', '历年累计', 1)]);
  });
  it('reads a two-row header of an HTML table (rowspan, colspan)', () => {
    const html = [
      '<html><body><p>2017年度政府信息公开工作情况统计表</p><table>',
      '<tr><td rowspan="2">统计指标</td><td rowspan="2">单位</td><td colspan="2">统计数</td></tr>',
      '<tr><td>历年累计</td><td>本年度</td></tr>',
      '<tr><td colspan="4">一、主动公开情况</td></tr>',
      '<tr><td>（一）主动公开政府信息数</td><td>条</td><td>1036</td><td>259</td></tr>',
      '<tr><td>（一）收到申请数</td><td>件</td><td>12</td><td>3</td></tr>',
      '</table></body></html>',
    ].join('\n');
    const r = run(html, 'fixture.html');
    expect(r.facts.map((f) => `${f.metric} ${f.value}`)).toEqual(['proactive.total 259', 'requests.received 3']);
    expect(r.findings.map((f) => [f.code, f.severity, f.message])).toEqual([
      ['column_choice', 'info', 'table has several value columns; took "本年度" as the year\'s figures and ignored "历年累计"'],
    ]);
  });
  it('drops a spanning 统计数 that a flattened header puts beside its own columns', () => {
    const r = run(['统计指标\t单位\t统计数\t历年累计\t本年度', '（一）主动公开政府信息数\t条\t1036\t259'].join('\n'));
    expect(triples(r.facts)).toEqual(['2 proactive.total 259']);
    expect(r.findings).toEqual([chose('本年度', '历年累计', 1)]);
  });
  const dated = ['统计指标\t单位\t2016年\t2017年', '（一）主动公开政府信息数\t条\t261\t259'].join('\n');
  it('takes the column dated with the report year', () => {
    const r = run(dated, 'fixture.txt', 2017);
    expect(triples(r.facts)).toEqual(['2 proactive.total 259']);
    expect(r.findings).toEqual([chose('2017年', '2016年', 1)]);
    expect(triples(run(dated, 'fixture.txt', 2016).facts)).toEqual(['2 proactive.total 261']);
  });
  it('is given the report year by processDoc (metadata is read before the tables)', () => {
    const doc = textDoc(['某某市某某局2017年政府信息公开工作年度报告', dated, '（一）收到申请数\t件\t5\t3'].join('\n'));
    const r = processDoc(doc, 'r1');
    expect(r.report.year).toBe(2017);
    expect(triples(r.facts.filter((f) => f.source === 'table'))).toEqual(['3 proactive.total 259', '4 requests.received 3']);
    expect(r.findings.filter((f) => f.code === 'column_choice').map((f) => [f.severity, f.line])).toEqual([['info', 2]]);
  });
  it('warns when no column is dated with the report year (or the year is unknown), taking the latest', () => {
    const r = run(dated, 'fixture.txt', 2018);
    expect(triples(r.facts)).toEqual(['2 proactive.total 259']);
    expect(r.findings).toEqual([
      {
        severity: 'warning',
        code: 'column_choice',
        message: 'no value column is headed with the report year 2018; took "2017年", the latest of the dated columns, and ignored "2016年": these may not be the year\'s figures',
        metric: null,
        line: 1,
      },
    ]);
    expect(run(dated).findings.map((f) => [f.severity, f.message])).toEqual([
      ['warning', 'the report year is unknown; took "2017年", the latest of the dated columns, and ignored "2016年": these may not be the year\'s figures'],
    ]);
  });
});

describe('2008 rows run together on one line', () => {
  const run = (rows: string[]) => {
    const doc = textDoc(['统计指标\t单位\t统计数', ...rows].join('\n'));
    return extractTable2008(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables);
  };
  it('reads the row that follows a section header in the same row, known or not', () => {
    const r = run([
      '（一）主动公开政府信息数\t条\t259',
      '（二）通过不同渠道和方式公开政府信息的情况\t1.政府公报公开政府信息数\t条\t6',
      '二、回应解读情况\t1.发放宣传资料数\t份\t300',
    ]);
    expect(triples(r.facts)).toEqual(['2 proactive.total 259', '3 proactive.channel.gazette 6']);
    expect(r.findings).toEqual([
      { severity: 'warning', code: 'unrecognised_row', message: 'row "1.发放宣传资料数" (value 300) matches no catalogue metric', metric: null, line: 4 },
    ]);
  });
  it('leaves out the value of a label that runs on into other rows (cell boundaries lost), naming its line', () => {
    const r = run(['（一）主动公开政府信息数\t条\t259', '2.政府网站公开政府信息数条1463.政务微博公开政府信息数\t条\t105']);
    expect(triples(r.facts)).toEqual(['2 proactive.total 259']);
    expect(r.findings).toEqual([
      {
        severity: 'error',
        code: 'ambiguous_cells',
        message: 'row "2.政府网站公开政府信息数条1463.政务微博公开政府信息数" runs on into the figures and labels of other rows (cell boundaries lost): which value is its own is unknown; values left out',
        metric: 'proactive.channel.website',
        line: 3,
      },
    ]);
  });
});
