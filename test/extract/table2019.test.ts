import { describe, expect, it } from 'vitest';
import { layout } from '../../src/layout/index.ts';
import { detectTemplate } from '../../src/template/detect.ts';
import { extractTable2019 } from '../../src/extract/table2019.ts';
import { seedDoc, textDoc, triples } from '../helpers.ts';
import { F2021 } from '../properties/fixtures.ts';
import type { TableBlock } from '../../src/types.ts';

describe('2019 template: seed 003', () => {
  const doc = seedDoc('003');
  const decision = detectTemplate(layout({ lines: doc.lines, raw: doc.raw }));
  const r = extractTable2019(decision.tables, '2019');
  it('is the 2019 template', () => expect(decision.template).toBe('2019'));
  it('states the 第二十条 tables, the full request matrix and the 15-cell appeals row', () => {
    expect(triples(r.facts)).toEqual([
    '52 art20.rules.made 0',
    '53 art20.rules.published 0',
    '54 art20.rules.public_total 0',
    '57 art20.normative.made 15',
    '58 art20.normative.published 14',
    '59 art20.normative.public_total 32',
    '70 art20.licensing.prev_items 196',
    '71 art20.licensing.change 41',
    '72 art20.licensing.decisions 34757',
    '75 art20.other_services.prev_items 895',
    '76 art20.other_services.change 364',
    '77 art20.other_services.decisions 7355',
    '88 art20.penalty.prev_items 2249',
    '89 art20.penalty.change -133',
    '90 art20.penalty.decisions 5375',
    '93 art20.coercion.prev_items 107',
    '94 art20.coercion.change -13',
    '95 art20.coercion.decisions 6282',
    '104 art20.fees.prev_items 10',
    '105 art20.fees.change 2',
    '115 art20.procurement.projects 129',
    '116 art20.procurement.amount 16671',
    '140 requests.received[natural_person] 17',
    '141 requests.received[commercial] 0',
    '142 requests.received[research] 0',
    '143 requests.received[social_org] 0',
    '144 requests.received[legal_service] 0',
    '145 requests.received[other_org] 0',
    '146 requests.received[total] 17',
    '149 requests.carried_over[natural_person] 0',
    '150 requests.carried_over[commercial] 0',
    '151 requests.carried_over[research] 0',
    '152 requests.carried_over[social_org] 0',
    '153 requests.carried_over[legal_service] 0',
    '154 requests.carried_over[other_org] 0',
    '155 requests.carried_over[total] 0',
    '159 requests.outcome.granted[natural_person] 13',
    '160 requests.outcome.granted[commercial] 0',
    '161 requests.outcome.granted[research] 0',
    '162 requests.outcome.granted[social_org] 0',
    '163 requests.outcome.granted[legal_service] 0',
    '164 requests.outcome.granted[other_org] 0',
    '165 requests.outcome.granted[total] 13',
    '169 requests.outcome.partial[natural_person] 1',
    '170 requests.outcome.partial[commercial] 0',
    '171 requests.outcome.partial[research] 0',
    '172 requests.outcome.partial[social_org] 0',
    '173 requests.outcome.partial[legal_service] 0',
    '174 requests.outcome.partial[other_org] 0',
    '175 requests.outcome.partial[total] 1',
    '182 requests.outcome.denied.state_secret[natural_person] 0',
    '183 requests.outcome.denied.state_secret[commercial] 0',
    '184 requests.outcome.denied.state_secret[research] 0',
    '185 requests.outcome.denied.state_secret[social_org] 0',
    '186 requests.outcome.denied.state_secret[legal_service] 0',
    '187 requests.outcome.denied.state_secret[other_org] 0',
    '188 requests.outcome.denied.state_secret[total] 0',
    '193 requests.outcome.denied.law_forbidden[natural_person] 0',
    '194 requests.outcome.denied.law_forbidden[commercial] 0',
    '195 requests.outcome.denied.law_forbidden[research] 0',
    '196 requests.outcome.denied.law_forbidden[social_org] 0',
    '197 requests.outcome.denied.law_forbidden[legal_service] 0',
    '198 requests.outcome.denied.law_forbidden[other_org] 0',
    '199 requests.outcome.denied.law_forbidden[total] 0',
    '204 requests.outcome.denied.security_stability[natural_person] 0',
    '205 requests.outcome.denied.security_stability[commercial] 0',
    '206 requests.outcome.denied.security_stability[research] 0',
    '207 requests.outcome.denied.security_stability[social_org] 0',
    '208 requests.outcome.denied.security_stability[legal_service] 0',
    '209 requests.outcome.denied.security_stability[other_org] 0',
    '210 requests.outcome.denied.security_stability[total] 0',
    '215 requests.outcome.denied.third_party[natural_person] 0',
    '216 requests.outcome.denied.third_party[commercial] 0',
    '217 requests.outcome.denied.third_party[research] 0',
    '218 requests.outcome.denied.third_party[social_org] 0',
    '219 requests.outcome.denied.third_party[legal_service] 0',
    '220 requests.outcome.denied.third_party[other_org] 0',
    '221 requests.outcome.denied.third_party[total] 0',
    '226 requests.outcome.denied.internal_affairs[natural_person] 0',
    '227 requests.outcome.denied.internal_affairs[commercial] 0',
    '228 requests.outcome.denied.internal_affairs[research] 0',
    '229 requests.outcome.denied.internal_affairs[social_org] 0',
    '230 requests.outcome.denied.internal_affairs[legal_service] 0',
    '231 requests.outcome.denied.internal_affairs[other_org] 0',
    '232 requests.outcome.denied.internal_affairs[total] 0',
    '237 requests.outcome.denied.process_info[natural_person] 0',
    '238 requests.outcome.denied.process_info[commercial] 0',
    '239 requests.outcome.denied.process_info[research] 0',
    '240 requests.outcome.denied.process_info[social_org] 0',
    '241 requests.outcome.denied.process_info[legal_service] 0',
    '242 requests.outcome.denied.process_info[other_org] 0',
    '243 requests.outcome.denied.process_info[total] 0',
    '248 requests.outcome.denied.enforcement_file[natural_person] 0',
    '249 requests.outcome.denied.enforcement_file[commercial] 0',
    '250 requests.outcome.denied.enforcement_file[research] 0',
    '251 requests.outcome.denied.enforcement_file[social_org] 0',
    '252 requests.outcome.denied.enforcement_file[legal_service] 0',
    '253 requests.outcome.denied.enforcement_file[other_org] 0',
    '254 requests.outcome.denied.enforcement_file[total] 0',
    '259 requests.outcome.denied.query_matter[natural_person] 0',
    '260 requests.outcome.denied.query_matter[commercial] 0',
    '261 requests.outcome.denied.query_matter[research] 0',
    '262 requests.outcome.denied.query_matter[social_org] 0',
    '263 requests.outcome.denied.query_matter[legal_service] 0',
    '264 requests.outcome.denied.query_matter[other_org] 0',
    '265 requests.outcome.denied.query_matter[total] 0',
    '272 requests.outcome.unable.not_held[natural_person] 3',
    '273 requests.outcome.unable.not_held[commercial] 0',
    '274 requests.outcome.unable.not_held[research] 0',
    '275 requests.outcome.unable.not_held[social_org] 0',
    '276 requests.outcome.unable.not_held[legal_service] 0',
    '277 requests.outcome.unable.not_held[other_org] 0',
    '278 requests.outcome.unable.not_held[total] 3',
    '283 requests.outcome.unable.need_creation[natural_person] 0',
    '284 requests.outcome.unable.need_creation[commercial] 0',
    '285 requests.outcome.unable.need_creation[research] 0',
    '286 requests.outcome.unable.need_creation[social_org] 0',
    '287 requests.outcome.unable.need_creation[legal_service] 0',
    '288 requests.outcome.unable.need_creation[other_org] 0',
    '289 requests.outcome.unable.need_creation[total] 0',
    '294 requests.outcome.unable.unclear[natural_person] 0',
    '295 requests.outcome.unable.unclear[commercial] 0',
    '296 requests.outcome.unable.unclear[research] 0',
    '297 requests.outcome.unable.unclear[social_org] 0',
    '298 requests.outcome.unable.unclear[legal_service] 0',
    '299 requests.outcome.unable.unclear[other_org] 0',
    '300 requests.outcome.unable.unclear[total] 0',
    '307 requests.outcome.not_processed.petition[natural_person] 0',
    '308 requests.outcome.not_processed.petition[commercial] 0',
    '309 requests.outcome.not_processed.petition[research] 0',
    '310 requests.outcome.not_processed.petition[social_org] 0',
    '311 requests.outcome.not_processed.petition[legal_service] 0',
    '312 requests.outcome.not_processed.petition[other_org] 0',
    '313 requests.outcome.not_processed.petition[total] 0',
    '318 requests.outcome.not_processed.repeat[natural_person] 0',
    '319 requests.outcome.not_processed.repeat[commercial] 0',
    '320 requests.outcome.not_processed.repeat[research] 0',
    '321 requests.outcome.not_processed.repeat[social_org] 0',
    '322 requests.outcome.not_processed.repeat[legal_service] 0',
    '323 requests.outcome.not_processed.repeat[other_org] 0',
    '324 requests.outcome.not_processed.repeat[total] 0',
    '329 requests.outcome.not_processed.publication[natural_person] 0',
    '330 requests.outcome.not_processed.publication[commercial] 0',
    '331 requests.outcome.not_processed.publication[research] 0',
    '332 requests.outcome.not_processed.publication[social_org] 0',
    '333 requests.outcome.not_processed.publication[legal_service] 0',
    '334 requests.outcome.not_processed.publication[other_org] 0',
    '335 requests.outcome.not_processed.publication[total] 0',
    '340 requests.outcome.not_processed.massive_repeat[natural_person] 0',
    '341 requests.outcome.not_processed.massive_repeat[commercial] 0',
    '342 requests.outcome.not_processed.massive_repeat[research] 0',
    '343 requests.outcome.not_processed.massive_repeat[social_org] 0',
    '344 requests.outcome.not_processed.massive_repeat[legal_service] 0',
    '345 requests.outcome.not_processed.massive_repeat[other_org] 0',
    '346 requests.outcome.not_processed.massive_repeat[total] 0',
    '351 requests.outcome.not_processed.confirm[natural_person] 0',
    '352 requests.outcome.not_processed.confirm[commercial] 0',
    '353 requests.outcome.not_processed.confirm[research] 0',
    '354 requests.outcome.not_processed.confirm[social_org] 0',
    '355 requests.outcome.not_processed.confirm[legal_service] 0',
    '356 requests.outcome.not_processed.confirm[other_org] 0',
    '357 requests.outcome.not_processed.confirm[total] 0',
    '361 requests.outcome.other[natural_person] 0',
    '362 requests.outcome.other[commercial] 0',
    '363 requests.outcome.other[research] 0',
    '364 requests.outcome.other[social_org] 0',
    '365 requests.outcome.other[legal_service] 0',
    '366 requests.outcome.other[other_org] 0',
    '367 requests.outcome.other[total] 0',
    '371 requests.outcome.total[natural_person] 17',
    '372 requests.outcome.total[commercial] 0',
    '373 requests.outcome.total[research] 0',
    '374 requests.outcome.total[social_org] 0',
    '375 requests.outcome.total[legal_service] 0',
    '376 requests.outcome.total[other_org] 0',
    '377 requests.outcome.total[total] 17',
    '380 requests.carried_to_next[natural_person] 0',
    '381 requests.carried_to_next[commercial] 0',
    '382 requests.carried_to_next[research] 0',
    '383 requests.carried_to_next[social_org] 0',
    '384 requests.carried_to_next[legal_service] 0',
    '385 requests.carried_to_next[other_org] 0',
    '386 requests.carried_to_next[total] 0',
    '425 reconsideration.upheld 0',
    '426 reconsideration.corrected 0',
    '427 reconsideration.other 0',
    '428 reconsideration.pending 0',
    '429 reconsideration.total 0',
    '430 litigation_direct.upheld 0',
    '431 litigation_direct.corrected 0',
    '432 litigation_direct.other 1',
    '433 litigation_direct.pending 0',
    '434 litigation_direct.total 1',
    '435 litigation_after_reconsideration.upheld 0',
    '436 litigation_after_reconsideration.corrected 0',
    '437 litigation_after_reconsideration.other 0',
    '438 litigation_after_reconsideration.pending 0',
    '439 litigation_after_reconsideration.total 0',
    ]);
  });
  it('has no findings', () => expect(r.findings).toEqual([]));
  it('keeps signs and units as written', () => {
    const get = (m: string) => r.facts.find((f) => f.metric === m)!;
    expect(get('art20.licensing.change')).toMatchObject({ value: 41, text: '+41' });
    expect(get('art20.penalty.change')).toMatchObject({ value: -133, text: '-133' });
    expect(get('art20.procurement.projects')).toMatchObject({ value: 129, unit: '宗' });
    expect(get('art20.procurement.amount')).toMatchObject({ value: 16671, unit: '万元', text: '16671万元' });
    expect(get('litigation_direct.other')).toMatchObject({ value: 1, label: '行政诉讼 未经复议直接起诉 其他结果', line: 432 });
  });
});

// A 2021 table as real reports lay it out (Word dump, one cell per line, merged header cells):
// shared with the property tests.
const T2021 = F2021;

describe('2021 template (inline fixture with the new columns and 其他处理 sub-rows)', () => {
  const doc = textDoc(T2021);
  const decision = detectTemplate(layout({ lines: doc.lines, raw: doc.raw }));
  const r = extractTable2019(decision.tables, decision.template);
  it('is recognised as 2021 from its own labels', () => expect(decision.template).toBe('2021'));
  it('maps the new 第二十条 columns', () => {
    const art20 = r.facts.filter((f) => f.metric.startsWith('art20.')).map((f) => `${f.metric} ${f.value} ${f.unit}`);
    expect(art20).toEqual([
      'art20.rules.issued 1 件', 'art20.rules.repealed 0 件', 'art20.rules.in_force 12 件',
      'art20.normative.issued 5 件', 'art20.normative.repealed 2 件', 'art20.normative.in_force 40 件',
      'art20.licensing.decisions 1520 件', 'art20.fees.amount 85.6 万元',
    ]);
  });
  it('maps the three 其他处理 sub-rows, "3.其他" only under its group', () => {
    const total = (m: string) => r.facts.find((f) => f.metric === m && f.applicant === 'total')?.value;
    expect(total('requests.outcome.other.overdue_amend')).toBe(1);
    expect(total('requests.outcome.other.fee_unpaid')).toBe(0);
    expect(total('requests.outcome.other.other')).toBe(4);
    expect(total('requests.outcome.total')).toBe(12);
    expect(r.facts.filter((f) => f.metric === 'requests.outcome.other.other').map((f) => f.value)).toEqual([2, 1, 0, 0, 1, 0, 4]);
  });
  it('keeps blank appeals cells as null, never 0', () => {
    const after = r.facts.filter((f) => f.metric.startsWith('litigation_after_reconsideration.'));
    expect(after.map((f) => f.value)).toEqual([null, null, null, null, null]);
    expect(r.facts.find((f) => f.metric === 'reconsideration.total')!.value).toBe(3);
  });
  it('has no findings', () => expect(r.findings).toEqual([]));
});

describe('2019 quirks', () => {
  it('a glued matrix row is segmented by its row total; a row with too few cells is left out, never guessed', () => {
    const doc = textDoc(['\t申请人情况', '', '\t一、本年新收政府信息公开申请数量', '\t640020470', '', '\t（七）总计', '\t1', '\t2', ''].join('\n'));
    const r = extractTable2019(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables, '2019');
    // 64+0+0+2+0+4 = 70 is the only split of 640020470 into 7 cells whose last is the sum.
    expect(r.facts.map((f) => `${f.applicant} ${f.value} ${f.how}`)).toEqual([
      'natural_person 64 segmented', 'commercial 0 segmented', 'research 0 segmented', 'social_org 2 segmented',
      'legal_service 0 segmented', 'other_org 4 segmented', 'total 70 segmented',
    ]);
    // "1" "2" are two separate cells: their boundary stays, and 2 cells cannot make 7.
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([
      ['ambiguous_cells', 6],
      ['truncated', 8],
    ]);
  });
});

describe('a glued matrix row settled by rows read cell by cell', () => {
  // 102001013 splits two ways with its row total (10|2|0|0|1|0|13 and 1|0|2|0|0|10|13); only the
  // first keeps 新收 + 结转 = 总计 + 结转下年度 with the separate cells of the other rows.
  const rows = (received: string[]) => [
    '\t申请人情况', '',
    '\t一、本年新收政府信息公开申请数量', ...received, '',
    '\t二、上年结转政府信息公开申请数量', '\t1', '\t0', '\t0', '\t0', '\t0', '\t0', '\t1', '',
    '\t三、本年度办理结果', '\t（七）总计', '\t9', '\t2', '\t0', '\t0', '\t1', '\t0', '\t12', '',
    '\t四、结转下年度继续办理', '\t2', '\t0', '\t0', '\t0', '\t0', '\t0', '\t2', '',
  ];
  const run = (received: string[]) => {
    const doc = textDoc(rows(received).join('\n'));
    return extractTable2019(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables, '2019');
  };
  it('takes the one split the column identities allow, in table order, how = segmented', () => {
    const r = run(['\t102001013']);
    expect(r.facts.slice(0, 7).map((f) => `${f.metric}[${f.applicant}] ${f.value} ${f.how}`)).toEqual([
      'requests.received[natural_person] 10 segmented', 'requests.received[commercial] 2 segmented', 'requests.received[research] 0 segmented',
      'requests.received[social_org] 0 segmented', 'requests.received[legal_service] 1 segmented', 'requests.received[other_org] 0 segmented',
      'requests.received[total] 13 segmented',
    ]);
    expect(r.facts.map((f) => f.metric)).toEqual([
      ...Array(7).fill('requests.received'), ...Array(7).fill('requests.carried_over'),
      ...Array(7).fill('requests.outcome.total'), ...Array(7).fill('requests.carried_to_next'),
    ]);
    expect(r.findings.map((f) => f.code)).toEqual(['missing_section']);
  });
  it('leaves the row out, naming both splits, when the rows the identities need are blank (absent is not 0)', () => {
    const doc = textDoc(rows(['\t102001013']).join('\n').replace('\t9\n\t2\n\t0\n\t0\n\t1\n\t0\n\t12\n', '\t\n'.repeat(7)));
    const r = extractTable2019(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables, '2019');
    expect(r.facts.filter((f) => f.metric === 'requests.received')).toEqual([]);
    const ambiguous = r.findings.filter((f) => f.code === 'ambiguous_cells');
    expect(ambiguous.map((f) => [f.metric, f.line])).toEqual([['requests.received', 4]]);
    expect(ambiguous[0]!.message).toContain('10|2|0|0|1|0|13');
    expect(ambiguous[0]!.message).toContain('1|0|2|0|0|10|13');
  });
});

describe('blank matrix rows', () => {
  it('a catalogue row left wholly blank gives null facts in every column, not no row', () => {
    const doc = textDoc(
      ['\t申请人情况', '', '\t二、上年结转政府信息公开申请数量', '\t', '\t', '\t', '\t', '\t', '\t', '\t', ''].join('\n'),
    );
    const r = extractTable2019(detectTemplate(layout({ lines: doc.lines, raw: doc.raw })).tables, '2019');
    expect(r.facts.map((f) => `${f.metric}[${f.applicant}] ${f.value}`)).toEqual([
      'requests.carried_over[natural_person] null',
      'requests.carried_over[commercial] null',
      'requests.carried_over[research] null',
      'requests.carried_over[social_org] null',
      'requests.carried_over[legal_service] null',
      'requests.carried_over[other_org] null',
      'requests.carried_over[total] null',
    ]);
  });
});

/** A table as the layout stage hands it over: one row per array, line = row number. */
const grid = (rows: string[][]): TableBlock[] => [
  {
    kind: 'table',
    layout: 'tab_rows',
    rows: rows.map((cells, i) => ({ line: i + 1, cells: cells.map((text) => ({ text, raw: text, line: i + 1 })) })),
    line: 1,
    endLine: rows.length,
  },
];
const seven = (n: number) => ['1', '0', '0', '0', '0', '0', '1'].map((v) => (v === '1' ? String(n) : v));
const APPEALS_ROW = ['1', '0', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0'];

describe('where the 2019 reader starts each section', () => {
  it('a row holding 第二十条 (spaces inside ignored) starts the 第二十条 table: its subject rows are read as such', () => {
    // No header row here: the columns are unknown, so the row is left out, but as a 第二十条 row.
    const rows = [['第 二十条 第（一）项'], ['规章', '1', '2', '3']];
    expect(extractTable2019(grid(rows), '2019').findings.map((f) => [f.code, f.metric])).toContainEqual(['ambiguous_cells', 'art20.rules']);
    expect(extractTable2019(grid(rows.slice(1)), '2019').findings.map((f) => f.metric)).not.toContain('art20.rules');
  });
  it('the 信息内容 header row names the 第二十条 columns; a header cell saying 万元 puts its column in 万元', () => {
    const r = extractTable2019(grid([['信息内容', '上一年项目数量', '本年收费金额（万元）'], ['行政事业性收费', '3', '85.6']]), '2019');
    expect(r.facts.map((f) => `${f.metric} ${f.value} ${f.unit}`)).toEqual(['art20.fees.prev_items 3 件', 'art20.fees.amount 85.6 万元']);
    const plain = extractTable2019(grid([['信息内容', '上一年项目数量', '本年收费金额'], ['行政事业性收费', '3', '85.6']]), '2019');
    expect(plain.facts.map((f) => `${f.metric} ${f.value} ${f.unit}`)).toEqual(['art20.fees.prev_items 3 件', 'art20.fees.amount 85.6 null']);
  });
  it('the matrix starts at its 申请人情况 header, or without one at the row of 本年新收', () => {
    const headed = extractTable2019(grid([['申请人情况'], ['二、上年结转政府信息公开申请数量', ...seven(4)]]), '2019');
    expect(headed.facts.map((f) => `${f.metric}[${f.applicant}] ${f.value}`)).toContain('requests.carried_over[total] 4');
    const bare = extractTable2019(grid([['一、本年新收政府信息公开申请数量', ...seven(5)]]), '2019');
    expect(bare.facts.map((f) => `${f.metric}[${f.applicant}] ${f.value}`)).toContain('requests.received[total] 5');
    expect(extractTable2019(grid([['二、上年结转政府信息公开申请数量', ...seven(4)]]), '2019').facts).toEqual([]);
  });
  it('the appeals row is read only after a row holding both 行政复议 and 行政诉讼', () => {
    const r = extractTable2019(grid([['行政复议', '行政诉讼'], APPEALS_ROW]), '2019');
    expect(r.facts.map((f) => f.metric)).toHaveLength(15);
    expect(r.facts[0]).toMatchObject({ metric: 'reconsideration.upheld', value: 1, label: '行政复议 结果维持' });
    expect(r.facts[14]).toMatchObject({ metric: 'litigation_after_reconsideration.total', label: '行政诉讼 复议后起诉 总计' });
    const half = extractTable2019(grid([['行政复议'], APPEALS_ROW]), '2019');
    expect(half.facts).toEqual([]);
    expect(half.findings.map((f) => f.code)).toContain('missing_section');
  });
});

describe('matrix group rows (MATRIX_ROWS `under`)', () => {
  const read = (rows: string[][]) =>
    extractTable2019(grid([['申请人情况'], ...rows]), '2019').facts.filter((f) => f.applicant === 'total').map((f) => `${f.metric} ${f.value}`);
  it('a generic "3.其他" is read under its group row, also when the group cell shares a row with the first sub-row', () => {
    expect(read([['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', ...seven(1)], ['3.其他', ...seven(2)]])).toEqual([
      'requests.outcome.other.overdue_amend 1',
      'requests.outcome.other.other 2',
    ]);
  });
  it('the group row with figures of its own is the group metric', () => {
    expect(read([['（六）其他处理', ...seven(3)], ['（七）总计', ...seven(3)]])).toEqual(['requests.outcome.other 3', 'requests.outcome.total 3']);
  });
  it('"其他" before any group row names no metric: unrecognised, not guessed', () => {
    const r = extractTable2019(grid([['申请人情况'], ['3.其他', ...seven(2)]]), '2019');
    expect(r.facts).toEqual([]);
    expect(r.findings.map((f) => f.code)).toContain('unrecognised_row');
  });
});

describe('blank appeals and 第二十条 cells (blank is a fact with value null)', () => {
  const blankRow = Array<string>(15).fill('');
  it('an appeals row of 15 blank cells gives 15 null facts, not a missing table', () => {
    const r = extractTable2019(grid([['行政复议', '行政诉讼'], ['结果维持', '结果纠正'], blankRow]), '2019');
    expect(r.facts.map((f) => `${f.line} ${f.metric} ${f.value}`)).toEqual(
      [
        'reconsideration.upheld', 'reconsideration.corrected', 'reconsideration.other', 'reconsideration.pending', 'reconsideration.total',
        'litigation_direct.upheld', 'litigation_direct.corrected', 'litigation_direct.other', 'litigation_direct.pending', 'litigation_direct.total',
        'litigation_after_reconsideration.upheld', 'litigation_after_reconsideration.corrected', 'litigation_after_reconsideration.other',
        'litigation_after_reconsideration.pending', 'litigation_after_reconsideration.total',
      ].map((m) => `3 ${m} null`),
    );
    expect(r.findings.map((f) => f.code)).toEqual(['missing_section']); // the request table only
    expect(r.findings[0]!.metric).toBe('requests');
  });
  it('an appeals header without its value row is missing at the header, not at the first table', () => {
    const r = extractTable2019(grid([['申请人情况'], ['（七）总计', ...seven(1)], ['四、结转下年度继续办理', ...seven(0)], ['行政复议', '行政诉讼'], ['结果维持', '结果纠正']]), '2019');
    expect(r.findings).toEqual([
      {
        severity: 'warning',
        code: 'missing_section',
        message: 'the 2019 appeals table (行政复议、行政诉讼情况) has its header but no row of 15 value cells',
        metric: 'reconsideration,litigation_direct,litigation_after_reconsideration',
        line: 4,
      },
    ]);
  });
  it('a 第二十条 cell holding only a unit (个, 万元) is blank: a null fact with that unit, no finding', () => {
    const r = extractTable2019(grid([['信息内容', '采购项目数量', '采购总金额'], ['政府集中采购', '个', '万元']]), '2019');
    expect(r.facts.map((f) => `${f.metric} ${f.value} ${f.unit} ${f.text}`)).toEqual([
      'art20.procurement.projects null 个 个',
      'art20.procurement.amount null 万元 万元',
    ]);
    expect(r.findings.filter((f) => f.code === 'unparsed_value')).toEqual([]);
  });
});
