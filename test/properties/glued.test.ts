/**
 * Property (issue 6): gluing the cells of a clean table and loading it again gives, for every
 * key, the clean fact or an ambiguous_cells finding naming its row — never a different number,
 * never a silently missing row. Tables are generated in the shapes of the 2008, 2019 and 2021
 * fixtures (./fixtures.ts) with random values that keep the templates' identities, blanks in the
 * 第二十条 and 2008 cells; the fixtures themselves are checked too.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { processDoc } from '../../src/extract/document.ts';
import { textDoc } from '../helpers.ts';
import { configureFastCheck } from './check.ts';
import { F2008, TEMPLATE_FIXTURES } from './fixtures.ts';
import { glue, gluedBreaks } from './glue.ts';

configureFastCheck();

const load = (text: string) => processDoc(textDoc(text), 'r');

/** Glued facts read back by splitting, over the whole run (the property must not hold vacuously). */
let segmented = 0;

function checkGlued(clean: string): string[] {
  const a = load(clean);
  const glued = glue(textDoc(clean));
  const b = load(glued);
  segmented += b.facts.filter((f) => f.how === 'segmented' && f.value !== null).length;
  return gluedBreaks(a.facts, b.facts, b.findings);
}

/** Rows of cells → the Word-dump layout of the fixtures: one "\t" cell per line, rows ended by a blank line. */
const cellPerLine = (rows: string[][]) => rows.flatMap((r) => [...r.map((c) => `\t${c}`), '']);

const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 9 }) }, { weight: 2, arbitrary: fc.integer({ min: 10, max: 999 }) }, fc.integer({ min: 1000, max: 9999 }));
/** A 第二十条 cell: a count, sometimes blank. */
const art20Cell = fc.oneof({ weight: 5, arbitrary: count.map(String) }, fc.constant(''));
const signed = fc.integer({ min: -300, max: 300 }).map((n) => (n > 0 ? `+${n}` : String(n)));

const HEAD = [['申请人情况'], ['自然人', '法人或其他组织', '总计'], ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']];
const APPEALS_HEAD = [['行政复议', '行政诉讼'], ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉']];
const OTHER_2021 = ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '3.其他'];

/** One applicant column of the matrix that keeps 新收 + 结转 = 总计 + 结转下年度 and 总计 = Σ outcomes. */
const column = fc.record({ granted: count, partial: count, others: fc.tuple(count, count, count), next: count, carriedShare: fc.double({ min: 0, max: 1, noNaN: true }) }).map((c) => {
  const total = c.granted + c.partial + c.others[0] + c.others[1] + c.others[2];
  const carried = Math.floor(c.carriedShare * (total + c.next));
  return { ...c, total, carried, received: total + c.next - carried };
});

const withTotal = (cells: number[]) => [...cells, cells.reduce((s, x) => s + x, 0)].map(String);
const block = fc.tuple(count, count, count, count).map(withTotal);

const report2019or2021 = fc.record({
  era: fc.constantFrom('2019' as const, '2021' as const),
  art20: fc.array(fc.tuple(art20Cell, art20Cell, art20Cell), { minLength: 2, maxLength: 2 }),
  changes: fc.array(fc.tuple(art20Cell, signed, art20Cell), { minLength: 2, maxLength: 2 }),
  procurement: fc.tuple(count, count),
  columns: fc.array(column, { minLength: 6, maxLength: 6 }),
  appeals: fc.array(block, { minLength: 3, maxLength: 3 }),
});

type Report = typeof report2019or2021 extends fc.Arbitrary<infer T> ? T : never;

function render(r: Report): string {
  const row = (pick: (c: (typeof r.columns)[number]) => number) => withTotal(r.columns.map(pick));
  const art20Head = r.era === '2021' ? ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'] : ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量'];
  const outcomes =
    r.era === '2021'
      ? [['', '（六）其他处理', OTHER_2021[0]!, ...row((c) => c.others[0])], ['', '', OTHER_2021[1]!, ...row((c) => c.others[1])], ['', '', OTHER_2021[2]!, ...row((c) => c.others[2])]]
      : [['', '（六）其他处理', ...row((c) => c.others[0] + c.others[1] + c.others[2])]];
  return [
    `某某区人民政府${r.era}年政府信息公开工作年度报告`,
    '二、主动公开政府信息情况',
    ...cellPerLine([
      ['第二十条第（一）项'], art20Head, ['规章', ...r.art20[0]!], [r.era === '2021' ? '行政规范性文件' : '规范性文件', ...r.art20[1]!],
      ['第二十条第（五）项'], ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'], ['行政许可', ...r.changes[0]!], ['其他对外管理服务事项', ...r.changes[1]!],
      ['第二十条第（九）项'], ['信息内容', '采购项目数量', '采购总金额'], ['政府集中采购', `${r.procurement[0]}宗`, `${r.procurement[1]}万元`],
    ]),
    '三、收到和处理政府信息公开申请情况',
    ...cellPerLine([
      ...HEAD,
      ['一、本年新收政府信息公开申请数量', ...row((c) => c.received)],
      ['二、上年结转政府信息公开申请数量', ...row((c) => c.carried)],
      ['三、本年度办理结果', '（一）予以公开', ...row((c) => c.granted)],
      ['', '（二）部分公开', ...row((c) => c.partial)],
      ...outcomes,
      ['', '（七）总计', ...row((c) => c.total)],
      ['四、结转下年度继续办理', ...row((c) => c.next)],
    ]),
    '四、政府信息公开行政复议、行政诉讼情况',
    ...cellPerLine([...APPEALS_HEAD, r.appeals.flat()]),
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

/** The 2008 fixture with random values (blank sometimes) in its value column. */
const report2008 = fc.array(fc.oneof({ weight: 5, arbitrary: count.map(String) }, fc.constant('')), { minLength: 40, maxLength: 40 }).map((vals) => {
  let i = 0;
  return F2008.split('\n')
    .map((l) => (/\t\S+\t\d+$/.test(l) ? l.replace(/\d+$/, () => vals[i++ % vals.length]!) : l))
    .join('\n');
});

describe('glued tables (issue 6): same facts or a named ambiguity, never another number', () => {
  it('the template fixtures, glued', () => {
    for (const fx of TEMPLATE_FIXTURES) expect(checkGlued(fx.text), fx.name).toEqual([]);
  });
  it('generated 2019 and 2021 tables', () => {
    segmented = 0;
    fc.assert(
      fc.property(report2019or2021, (r) => {
        expect(checkGlued(render(r))).toEqual([]);
      }),
      { numRuns: 150 },
    );
    // Most glued matrix rows are split back, not merely flagged.
    expect(segmented).toBeGreaterThan(150 * 9 * 7 * 0.5);
  });
  it('generated 2008 tables', () => {
    fc.assert(
      fc.property(report2008, (t) => {
        expect(checkGlued(t)).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });
});
