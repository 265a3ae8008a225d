import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendNarrativeFacts, requiredLiterals, type ProseLine } from '../../src/extract/narrative.ts';
import { parseNumber } from '../../src/extract/numbers.ts';
import type { Fact } from '../../src/types.ts';

const RAW = join(import.meta.dirname, '../../data/raw');

/** Prose lines of a seed: not a tab-separated table line, not a pipe cell. */
function seedProse(prefix: string): ProseLine[] {
  const file = readdirSync(RAW).find((f) => f.startsWith(prefix))!;
  return readFileSync(join(RAW, file), 'utf8')
    .split(/\r?\n/)
    .map((text, i) => ({ text, line: i + 1 }))
    .filter((l) => !l.text.startsWith('\t') && !l.text.endsWith(' |'));
}

/** Full-width ASCII → half-width (what the read stage does), keeping length. */
function normalize(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The narrative facts of `prose` as the pipeline reads them: rows of report r1, appended to an empty list. */
function readFacts(prose: ReadonlyArray<ProseLine>): Fact[] {
  const facts: Fact[] = [];
  appendNarrativeFacts(prose, 'r1', facts);
  return facts;
}

type Row = [metric: string, value: number, approx: boolean, unit: string, line: number];
const rows = (facts: Fact[]): Row[] => facts.map((f) => [f.metric, f.value!, f.approx, f.unit!, f.line]);
const one = (text: string) => readFacts([{ text, line: 1 }]);
const brief = (text: string) => one(text).map((f) => [f.metric, f.value, f.approx, f.unit]);

const SEEDS: Record<string, Row[]> = {
  '000': [
    ['proactive.total', 423, false, '条', 11],
    ['proactive.channel.website', 63, false, '条', 11],
    ['proactive.channel.wechat', 140, false, '条', 11],
    ['proactive.channel.other', 220, false, '条', 11],
    ['requests.received', 0, false, '件', 13],
    ['reconsideration.total', 0, false, '件', 15],
    ['litigation.total', 0, false, '件', 15],
    ['fees.collected', 0, false, '万元', 19],
  ],
  '001': [
    ['proactive.channel.gazette', 42, false, '条', 10],
    ['proactive.total', 37000, true, '条', 20],
    ['requests.received', 244, false, '件', 22],
    ['requests.channel.in_person', 138, false, '件', 22],
    ['requests.channel.mail', 95, false, '件', 22],
    ['requests.channel.online', 11, false, '件', 22],
    ['requests.channel.fax', 0, false, '件', 22],
    ['fees.collected', 0, false, '万元', 26],
    ['reconsideration.total', 4, false, '件', 28],
    ['reconsideration.corrected', 2, false, '件', 28],
    ['reconsideration.other', 2, false, '件', 28],
    ['litigation.total', 0, false, '起', 28],
  ],
  '002': [
    ['proactive.channel.website', 259, false, '条', 58],
    ['proactive.channel.weibo', 105, false, '条', 58],
    ['proactive.channel.wechat', 256, false, '条', 58],
    ['proactive.channel.other', 36, false, '条', 58],
    ['proactive.normative_docs', 9, false, '件', 58],
    ['requests.received', 3, false, '件', 66],
    ['requests.channel.online', 2, false, '件', 66],
    ['requests.channel.mail', 1, false, '件', 66],
    ['fees.collected', 0, false, '万元', 70],
    ['reconsideration.total', 0, false, '件', 74],
    ['litigation.total', 0, false, '件', 74],
  ],
  '003': [
    ['proactive.total', 24079, false, '条', 7],
    ['proactive.channel.gazette', 28, false, '条', 7],
    ['proactive.channel.website', 4140, false, '条', 7],
    ['proactive.channel.weibo', 10825, false, '条', 7],
    ['proactive.channel.wechat', 8178, false, '条', 7],
    ['proactive.channel.other', 908, false, '条', 7],
    ['requests.received', 17, false, '件', 27],
    ['fees.collected', 0, false, '万元', 27],
    ['litigation.total', 1, false, '件', 27],
    ['litigation_direct.total', 1, false, '件', 27],
  ],
  '004': [['proactive.total', 300, false, '条', 12]],
};

describe('appendNarrativeFacts on the seeds (complete fact lists)', () => {
  for (const [seed, expected] of Object.entries(SEEDS)) {
    it(`seed ${seed}`, () => {
      expect(rows(readFacts(seedProse(seed)))).toEqual(expected);
    });
    it(`seed ${seed}: same facts from normalized lines (raw kept for provenance)`, () => {
      const prose = seedProse(seed).map((l) => ({ text: normalize(l.text), line: l.line, raw: l.text }));
      expect(readFacts(prose)).toEqual(readFacts(seedProse(seed)));
    });
  }

  it('table lines fed by mistake add nothing (all seed lines → same facts)', () => {
    for (const seed of Object.keys(SEEDS)) {
      const file = readdirSync(RAW).find((f) => f.startsWith(seed))!;
      const all = readFileSync(join(RAW, file), 'utf8')
        .split(/\r?\n/)
        .map((text, i) => ({ text, line: i + 1 }));
      expect(readFacts(all)).toEqual(readFacts(seedProse(seed)));
    }
  });

  it('records the clause (or list item) as label and the figure as written as text', () => {
    const f003 = readFacts(seedProse('003'));
    expect(f003.find((f) => f.metric === 'proactive.channel.website')).toMatchObject({
      label: '政府网站公开4140条',
      text: '4140条',
    });
    const f001 = readFacts(seedProse('001'));
    expect(f001.find((f) => f.metric === 'proactive.total')).toMatchObject({
      label: '全区63个政府信息公开责任单位通过不同渠道和方式主动公开政府信息3.7万多条',
      text: '3.7万多条',
    });
    const f000 = readFacts(seedProse('000'));
    expect(f000.find((f) => f.metric === 'proactive.channel.other')?.label).toBe(
      '③通过其他方式如本单位信息公示栏、LED显示屏等公开政府信息220条',
    );
    expect(f000.find((f) => f.metric === 'fees.collected')?.text).toBe('无任何收费');
  });

  it('takes label and text from raw when given (same offsets as the normalized text)', () => {
    const raw = '全年主动公开政府信息１２０条，其中政府网站公开１００条。';
    const [total] = readFacts([{ text: normalize(raw), line: 4, raw }]);
    expect(total).toMatchObject({ metric: 'proactive.total', value: 120, text: '１２０条', line: 4 });
  });

  it('reads nothing from the distractor lines of the seeds', () => {
    const lines = (prefix: string, nums: number[]) => seedProse(prefix).filter((l) => nums.includes(l.line));
    expect(readFacts(lines('001', [9]))).toEqual([]); // training/meeting counts
    expect(readFacts(lines('002', [9, 11, 33, 45, 62]))).toEqual([]); // phone, postcode, press
    expect(readFacts(lines('003', [5, 18, 22, 23, 29, 32]))).toEqual([]); // 采购, 发布, clicks
    expect(readFacts(lines('000', [13]).map((l) => ({ ...l, text: l.text.replace(/.*；/, '') })))).toEqual([]);
  });
});

describe('channels: only clauses whose verb is 公开', () => {
  it('发布 counts posts of one account, not a disclosure channel', () => {
    expect(one('全年依托“中国·瓯海”等政府网站发布信息3.3万条，“瓯海发布”微信公众号发布信息1000多条。')).toEqual([]);
    expect(one('政务微博“环翠发布”累计发布信息9133余条。')).toEqual([]);
  });
  it('a 共…条 total followed by 其中 is the total, without 其中 it is the channel', () => {
    expect(brief('主动在政府网站上公开信息共423条，其中:①借助门户网公开政府信息63条')).toEqual([
      ['proactive.total', 423, false, '条'],
      ['proactive.channel.website', 63, false, '条'],
    ]);
    expect(brief('通过政府网站主动公开政府信息数 259 条')).toEqual([['proactive.channel.website', 259, false, '条']]);
  });
  it('a bare 其他 N 条 is the other channel only after channel clauses', () => {
    expect(brief('通过政务微博公开信息 105 条，其他 36 条。')).toEqual([
      ['proactive.channel.weibo', 105, false, '条'],
      ['proactive.channel.other', 36, false, '条'],
    ]);
    expect(brief('主动公开政府信息300条，其他 36 条。')).toEqual([['proactive.total', 300, false, '条']]);
    expect(brief('主动公开信息300条。其中:行政事项176条,政策法规文件3条,其他121条。')).toEqual([
      ['proactive.total', 300, false, '条'],
    ]);
  });
  it('a topic between verb and 信息 is not the total', () => {
    expect(one('通过政府采购专题主动公开政府采购信息350多条')).toEqual([]);
    expect(one('其中，发布重点领域政府信息3298条，主动公开各类招投标信息有1283条')).toEqual([]);
  });
  it('accepts full- and half-width punctuation alike', () => {
    const full = '全年主动公开政府信息24079条，其中政府公报公开28条；网络申请2件：（当面）。';
    const half = normalize(full);
    expect(brief(half)).toEqual(brief(full));
    expect(brief(half)).toEqual([
      ['proactive.total', 24079, false, '条'],
      ['proactive.channel.gazette', 28, false, '条'],
      ['requests.channel.online', 2, false, '件'],
    ]);
  });
  it('a thousands comma does not split the clause', () => {
    expect(brief('主动公开政府信息24,079条,其中政府网站公开4,140条')).toEqual([
      ['proactive.total', 24079, false, '条'],
      ['proactive.channel.website', 4140, false, '条'],
    ]);
  });
});

describe('approximate figures', () => {
  it.each([
    ['主动公开政府信息3.7万多条', 37000, true],
    ['主动公开政府信息1000多条', 1000, true],
    ['主动公开政府信息9133余条', 9133, true],
    ['主动公开政府信息约500条', 500, true],
    ['主动公开政府信息近2万条', 20000, true],
    ['主动公开政府信息超过800条', 800, true],
    ['主动公开政府信息超1万条', 10000, true],
    ['主动公开政府信息1200条左右', 1200, true],
    ['主动公开政府信息共计1200条', 1200, false],
  ])('%s', (text, value, approx) => {
    expect(brief(text)).toEqual([['proactive.total', value, approx, '条']]);
  });
});

describe('figures in the number grammar (the digits of parseNumber, FIGURE_DIGITS)', () => {
  it.each(['37353', '2,330', '85.4', '1,234.5'])('%s条 is read as parseNumber reads it', (digits) => {
    expect(brief(`主动公开政府信息${digits}条`)).toEqual([['proactive.total', parseNumber(`${digits}条`)!.value, false, '条']]);
  });
  it('a malformed thousands group is no figure', () => {
    expect(brief('主动公开政府信息12,34条')).toEqual([]);
  });
});

describe('distractors never become facts', () => {
  it('prior-year figures in the same sentence', () => {
    expect(brief('主动公开政府信息1200条,较去年的1000条增长20%。')).toEqual([['proactive.total', 1200, false, '条']]);
    expect(brief('共收到政府信息公开申请15件(上年10件)。')).toEqual([['requests.received', 15, false, '件']]);
    expect(one('政府网站公开信息较上年增加30条。')).toEqual([]);
    expect(one('收到政府信息公开申请比去年减少5件。')).toEqual([]);
  });
  it('a clause dated to another period before its label', () => {
    expect(one('去年我局主动公开政府信息356条。')).toEqual([]);
    expect(one('我局上年度共收到申请20件。')).toEqual([]);
    expect(one('前三季度收到申请9件。')).toEqual([]);
    expect(one('自2008年以来累计主动公开政府信息12000条。')).toEqual([]);
    expect(one('去年发生行政复议3件，今年发生行政复议1件。').map((f) => [f.metric, f.value])).toEqual([['reconsideration.total', 1]]);
  });
  it('a sentence opened by another year than the report year, until a clause opens with the report year', () => {
    const inYear = (text: string, year: number | null) => {
      const facts: Fact[] = [];
      appendNarrativeFacts([{ text, line: 1 }], 'r1', facts, year);
      return facts.map((f) => [f.metric, f.value]);
    };
    const text = '2018年，我局收到政府信息公开申请8件，主动公开政府信息356条；2019年，收到政府信息公开申请12件。';
    expect(inYear(text, 2019)).toEqual([['requests.received', 12]]);
    expect(inYear('去年，我局主动公开政府信息356条。', 2019)).toEqual([]);
    expect(inYear('2019年，我局主动公开政府信息412条。', 2019)).toEqual([['proactive.total', 412]]);
    // Unknown report year: a year alone does not date the sentence.
    expect(inYear('2018年，我局主动公开政府信息356条。', null)).toEqual([['proactive.total', 356]]);
    // A year later in the clause ("2019年修订的条例") is no opening.
    expect(inYear('按照2019年修订的条例，全年主动公开政府信息412条。', 2020)).toEqual([['proactive.total', 412]]);
  });
  it('a figure for a list of channels is not one channel\'s', () => {
    expect(brief('通过政府网站、政务微博、政务微信等渠道主动公开政府信息1500条。')).toEqual([['proactive.total', 1500, false, '条']]);
    expect(one('通过政府网站和政务微信公开信息1500条。')).toEqual([]);
    expect(one('通过政府网站等平台公开信息1500条。')).toEqual([]);
    // A list of figures is a list of channels' own figures; 及时 is no list word.
    expect(brief('其中政府公报公开28条、政府网站公开4140条、政务微博公开52条。').map((f) => f[1])).toEqual([28, 4140, 52]);
    expect(brief('通过政府网站及时公开政府信息300条。')).toEqual([['proactive.channel.website', 300, false, '条']]);
  });
  it('a figure narrowed by the clause after it (其中涉及政府信息公开…, 其中我局…) is the narrowed one', () => {
    const [r] = one('全年收到行政复议申请3件，其中涉及政府信息公开的1件。');
    expect(r).toMatchObject({ metric: 'reconsideration.total', value: 1, text: '1件', label: '全年收到行政复议申请3件，其中涉及政府信息公开的1件' });
    expect(brief('全区各部门共收到政府信息公开申请300件，其中我局收到12件。')).toEqual([['requests.received', 12, false, '件']]);
    // Another kind of 其中 is a breakdown, not a narrowing.
    expect(brief('共收到政府信息公开申请17件，其中当面申请5件。')).toEqual([
      ['requests.received', 17, false, '件'],
      ['requests.channel.in_person', 5, false, '件'],
    ]);
  });
  it('不予公开信息N条 (unpublished items, not refused requests)', () => {
    expect(one('经审查，不予公开信息5条。')).toEqual([]);
    expect(one('政府网站不予公开信息5条。')).toEqual([]);
  });
  it('visits, clicks, reads', () => {
    expect(one('政府网站访问量达120万次，日点击率达1多万次，阅读数103余万。')).toEqual([]);
    expect(one('网站公开栏目浏览量5000次')).toEqual([]);
  });
  it('hotline cases, phone numbers, postcodes, document numbers, dates', () => {
    expect(one('受理12345热线诉求3200件。')).toEqual([]);
    expect(one('电话: 0631-5230638, 邮箱: wh5230638@163.com), 邮编: 264200。')).toEqual([]);
    expect(brief('依据威政办字〔2021〕39号和国办发〔2017〕24号文件,主动公开政府信息120条。')).toEqual([
      ['proactive.total', 120, false, '条'],
    ]);
    expect(one('本报告所列数据统计期限自2020年1月1日起至2020年12月31日止。')).toEqual([]);
  });
  it('percentages', () => {
    expect(one('政府门户网公开政府信息占14.89%;网络申请占50%')).toEqual([]);
  });
  it('counts of units, 人大代表建议 and 政协提案', () => {
    expect(one('全区63个政府信息公开责任单位')).toEqual([]);
    expect(one('共收到人大代表建议45件、政协提案60件。')).toEqual([]);
    expect(one('区政府受理62件，各部门及镇街受理182件。')).toEqual([]);
  });
  it('a combined reconsideration-and-litigation figure is neither', () => {
    expect(one('因政府信息公开引发的行政复议和行政诉讼共5件。')).toEqual([]);
  });
});

describe('requests', () => {
  it('received and channels', () => {
    expect(brief('共受理政府信息依申请公开244件,其中,当面申请138件,信函申请95件,网络申请11件,传真申请0件,电子邮件申请3件')).toEqual([
      ['requests.received', 244, false, '件'],
      ['requests.channel.in_person', 138, false, '件'],
      ['requests.channel.mail', 95, false, '件'],
      ['requests.channel.online', 11, false, '件'],
      ['requests.channel.fax', 0, false, '件'],
      ['requests.channel.email', 3, false, '件'],
    ]);
  });
  it('"未收到…申请" states 0, but not about 复议 or an aside', () => {
    expect(brief('本年度未收到政府信息公开申请。')).toEqual([['requests.received', 0, false, '件']]);
    expect(brief('本单位无依申请公开政府信息情况。')).toEqual([['requests.received', 0, false, '件']]);
    expect(brief('未收到行政复议申请。')).toEqual([['reconsideration.total', 0, false, '件']]);
    expect(one('本单位无不予公开的政府信息。')).toEqual([]);
  });
});

describe('appeals', () => {
  it('sub-items follow the subject of the sentence', () => {
    expect(brief('行政复议3件,其中,维持1件,被纠错1件,尚未审结1件;行政诉讼2件,其中维持2件。')).toEqual([
      ['reconsideration.total', 3, false, '件'],
      ['reconsideration.upheld', 1, false, '件'],
      ['reconsideration.corrected', 1, false, '件'],
      ['reconsideration.pending', 1, false, '件'],
      ['litigation.total', 2, false, '件'],
      ['litigation.upheld', 2, false, '件'],
    ]);
  });
  it('a sentence starting with 其中 continues the subject; other lines do not', () => {
    expect(brief('发生行政复议4件。其中被纠错2件。')).toEqual([
      ['reconsideration.total', 4, false, '件'],
      ['reconsideration.corrected', 2, false, '件'],
    ]);
    expect(one('其中，被纠错2件，其他情况2件。')).toEqual([]);
  });
  it('"未发生/未出现" names which of the two are zero', () => {
    expect(brief('未发生因政府信息公开引起的行政复议。')).toEqual([['reconsideration.total', 0, false, '件']]);
    expect(brief('未出现提起行政诉讼的情况。')).toEqual([['litigation.total', 0, false, '件']]);
    expect(one('未发生行政复议被纠错的情况。')).toEqual([]);
  });
  it('litigation_direct only when every case went straight to court', () => {
    expect(brief('行政诉讼案件1件，属于未经复议直接诉讼的情形。')).toEqual([
      ['litigation.total', 1, false, '件'],
      ['litigation_direct.total', 1, false, '件'],
    ]);
    expect(brief('行政诉讼案件3件，其中1件未经复议直接起诉。')).toEqual([['litigation.total', 3, false, '件']]);
  });
});

describe('wording variants', () => {
  it.each([
    ['主动公开政府信息数量为1523条', [['proactive.total', 1523, false, '条']]],
    ['在政府门户网站公开各类信息1200条', [['proactive.channel.website', 1200, false, '条']]],
    ['审计结果公报公开3条', []],
    ['收到依申请公开政府信息的申请12件', [['requests.received', 12, false, '件']]],
    ['收到行政复议申请1件', [['reconsideration.total', 1, false, '件']]],
    [
      '无因政府信息公开申请引起的行政复议、行政诉讼',
      [
        ['reconsideration.total', 0, false, '件'],
        ['litigation.total', 0, false, '件'],
      ],
    ],
    ['未发生行政复议但有行政诉讼1件', [['reconsideration.total', 0, false, '件'], ['litigation.total', 1, false, '件']]],
    ['被确认无效的行政复议决定', []],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });
});

describe('fees', () => {
  it.each(['全年政府信息公开工作未收取任何费用。', '我局始终坚持为民原则，不收取任何费用。', '本单位无任何收费情况。'])(
    '%s → 0 万元',
    (text) => {
      expect(brief(text)).toEqual([['fees.collected', 0, false, '万元']]);
    },
  );
  it('a stated fee keeps its unit', () => {
    expect(brief('依申请公开收取检索、复制费用120元。')).toEqual([['fees.collected', 120, false, '元']]);
  });
  it('"未发生…有关费用" is not about fees collected', () => {
    expect(one('因此未发生行政复议、行政申诉有关费用。')).toEqual([]);
  });
});

describe('duplicates', () => {
  it('at most once per key per sentence; the same value again in another sentence is skipped', () => {
    const facts = readFacts([
      { text: '主动公开政府信息120条,主动公开政府信息130条。', line: 1 },
      { text: '全年主动公开政府信息120条。', line: 2 },
      { text: '全年主动公开政府信息125条。', line: 3 },
    ]);
    expect(rows(facts)).toEqual([
      ['proactive.total', 120, false, '条', 1],
      ['proactive.total', 125, false, '条', 3],
    ]);
  });
});

describe('clause screening keeps every reading', () => {
  it('a digitless clause still states none; a thousands comma does not split a clause', () => {
    expect(brief('本年度未收到政府信息公开申请，主动公开政府信息1,234条')).toEqual([
      ['requests.received', 0, false, '件'],
      ['proactive.total', 1234, false, '条'],
    ]);
  });

  it('an earlier year in a clause of the same sentence is last year: skipped', () => {
    expect(brief('2018年主动公开政府信息8条，2019年主动公开政府信息12条')).toEqual([['proactive.total', 12, false, '条']]);
  });
});

describe('requiredLiterals (the prefilter before each catalogue pattern)', () => {
  it('reads the literals a pattern needs: runs, mandatory groups, alternations as one set', () => {
    expect(requiredLiterals('主动(?:在[^\\d,，;；。]{0,15}?)?(?<!不予|不|未)(?:公开|公布)信息')).toEqual([['主动'], ['公开', '公布'], ['信息']]);
    expect(requiredLiterals('^\\s*其中')).toEqual([['其中']]);
    expect(requiredLiterals('(?<fig>\\d+(?:条|件))')).toEqual([['条', '件']]);
    expect(requiredLiterals('ab+c')).toEqual([['ab'], ['c']]);
    expect(requiredLiterals('政府网站?公开')).toEqual([['政府网'], ['公开']]);
    expect(requiredLiterals('x{2,3}y')).toEqual([['x'], ['y']]);
    expect(requiredLiterals('ab|cd')).toEqual([['ab', 'cd']]);
  });

  it('optional parts and look-arounds add nothing; a branch without a literal voids the set', () => {
    expect(requiredLiterals('a(?:x)?b')).toEqual([['a'], ['b']]);
    expect(requiredLiterals('(?=甲)乙(?!丙)')).toEqual([['乙']]);
    expect(requiredLiterals('a|(?:b)?')).toEqual([]);
    expect(requiredLiterals('\\d+[件条]')).toEqual([]);
  });

  it('gives no requirement for syntax it does not read (an unexpanded placeholder)', () => {
    expect(requiredLiterals('主动公开{N}')).toEqual([]);
    expect(requiredLiterals('a)b')).toEqual([]);
  });

  it('never requires what a match can do without', () => {
    const sources = [
      '(?:(?:未|没有)(?:收到|受理)(?:过)?[^\\d,，;；。]{0,12}?(?:依申请公开|公开申请)|无(?:任何)?(?:依申请公开|信息公开申请))',
      '(?<!复议[和及与、或](?:行政)?)(?:行政)?诉讼(?:案件|案)?[为共计:\\s]*(?<fig>\\d+(?:件|起))',
      '其他(?:方式|渠道)?申请(?:数)?\\s*\\d+件',
      '(?:政务|官方)?微博[^\\d,，;；。]{0,30}?(?:主动)?(?<!不|未)(?:公开|公布)\\d+条',
    ];
    const alphabet = [...new Set(sources.join('').replace(/[\\^$.|?*+()[\]{}]/g, ''))].concat(['1', '2', ' ']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 24 }), fc.nat(sources.length - 1), (chars, k) => {
        const text = chars.join('');
        const src = sources[k]!;
        if (!new RegExp(src).test(text)) return true;
        return requiredLiterals(src).every((set) => set.some((lit) => text.includes(lit)));
      }),
      { numRuns: 3000 },
    );
    // And texts built to match do match with every requirement met.
    expect(new RegExp(sources[2]!).test('其他申请 3件')).toBe(true);
    expect(requiredLiterals(sources[2]!)).toEqual([['其他'], ['申请'], ['件']]);
  });
});

describe('narrative reading in place (no change in what is read)', () => {
  it('reads years across clauses: an earlier year in a sentence naming a later one is skipped', () => {
    const facts = readFacts([
      { text: '2018 年共收到申请8件,2019年共收到申请12件。', line: 1 },
      { text: '2019年共收到申请5件,同年还收到申请6件。', line: 2 },
    ]);
    expect(facts.map((f) => [f.metric, f.value, f.line])).toEqual([
      ['requests.received', 12, 1],
      ['requests.received', 5, 2],
    ]);
  });

  it('a repeated figure is read once; a different one for the same metric is kept', () => {
    const facts = readFacts([
      { text: '全年主动公开政府信息476条。', line: 1 },
      { text: '全年主动公开政府信息476条。全年主动公开政府信息500条。', line: 2 },
    ]);
    expect(facts.map((f) => [f.value, f.line])).toEqual([
      [476, 1],
      [500, 2],
    ]);
  });
});

describe('prefilters (a line or clause is skipped only when no pattern can hit it)', () => {
  it.each([
    ['全年主动公开政府信息1,234 条,其中政府网站公开 1,000条。', [['proactive.total', 1234, false, '条'], ['proactive.channel.website', 1000, false, '条']]],
    ['全年主动公开政府信息约3.7 万 多 条。', [['proactive.total', 37000, true, '条']]],
    ['共收取检索、复制费用1.5 万元。', [['fees.collected', 1.5, false, '万元']]],
    ['收取复制费用120元', [['fees.collected', 120, false, '元']]],
    ['全年共受理行政复议案件2起,其中,维持1起、纠正1起。', [['reconsideration.total', 2, false, '起'], ['reconsideration.upheld', 1, false, '起']]],
    ['本年度未发生行政诉讼案件。', [['litigation.total', 0, false, '件']]],
  ])('%s', (text, expected) => {
    expect(brief(text)).toEqual(expected);
  });

  it('a number without a unit, or a unit without a number, is no figure', () => {
    expect(brief('2019年1月1日起施行的条例')).toEqual([]);
    expect(brief('按照条例规定,依申请公开件数较多')).toEqual([]);
  });
});

describe('appendNarrativeFacts (the loader path: final fact rows, appended)', () => {
  it('appends after the rows already there, untouched: the facts the report yields on its own', () => {
    for (const seed of ['000', '001', '003']) {
      const prose = seedProse(seed);
      const table = { report_id: 'r1', metric: 'x', applicant: null, value: 1, unit: null, source: 'table', approx: false, how: 'cell', label: 'x', text: '1', line: 1 } as const;
      const rows: Fact[] = [table];
      appendNarrativeFacts(prose, 'r1', rows);
      expect(rows[0]).toBe(table);
      expect(rows.slice(1)).toEqual(readFacts(prose));
      expect(rows.length).toBeGreaterThan(1);
    }
  });

  it('makes final rows: the report id, no applicant, source narrative, how sentence', () => {
    const rows: Fact[] = [];
    appendNarrativeFacts(seedProse('003'), 'report-7', rows);
    expect(rows.find((f) => f.metric === 'proactive.channel.website')).toEqual({
      report_id: 'report-7',
      metric: 'proactive.channel.website',
      applicant: null,
      value: 4140,
      unit: '条',
      source: 'narrative',
      approx: false,
      how: 'sentence',
      label: '政府网站公开4140条',
      text: '4140条',
      line: 7,
    });
    expect(new Set(rows.map((f) => `${f.report_id} ${f.applicant} ${f.source} ${f.how}`))).toEqual(new Set(['report-7 null narrative sentence']));
  });

  it('skips repeated figures also past the facts a short report states (indexed by metric)', () => {
    // 40 distinct totals, then each again: only the first 40 are kept, in order.
    const lines = [...Array(80).keys()].map((i) => ({ text: `全年主动公开政府信息${(i % 40) + 1}条。`, line: i + 1 }));
    const facts = readFacts(lines);
    expect(facts.map((f) => f.value)).toEqual([...Array(40).keys()].map((i) => i + 1));
    // The table facts before them are no duplicates of theirs.
    const rows: Fact[] = [{ report_id: 'r', metric: 'proactive.total', applicant: null, value: 1, unit: '条', source: 'table', approx: false, how: 'cell', label: '', text: '1', line: 1 }];
    appendNarrativeFacts(lines.slice(0, 1), 'r', rows);
    expect(rows.map((r) => r.source)).toEqual(['table', 'narrative']);
  });

  it('a figure after a disqualifying word is not read; without one it is', () => {
    expect(brief('主动公开政府信息较上年增加20条')).toEqual([]);
    expect(brief('主动公开政府信息20条')).toEqual([['proactive.total', 20, false, '条']]);
  });
});

describe('appendNarrativeFacts past the scan limit, after table facts (by-metric index vs linear scan)', () => {
  /** SCAN_LIMIT in src/extract/narrative.ts: past this many facts appended by the call, duplicates are looked up by metric. */
  const SCAN_LIMIT = 32;

  const tableFact = (metric: string, value: number, unit: string, line: number): Fact => ({
    report_id: 'r1', metric, applicant: null, value, unit, source: 'table', approx: false, how: 'cell', label: metric, text: String(value), line,
  });
  /**
   * 40 table facts (more than SCAN_LIMIT) whose figures equal narrative ones below: proactive.total
   * 1…38 条, requests.received 17 件, litigation.total 1 件. Table facts are no duplicates of
   * narrative ones, so none of these may suppress a narrative fact.
   */
  const tableFacts = (): Fact[] => [
    ...[...Array(38).keys()].map((i) => tableFact('proactive.total', i + 1, '条', 200 + i)),
    tableFact('requests.received', 17, '件', 240),
    tableFact('litigation.total', 1, '件', 241),
  ];
  /** Distinct proactive totals 1…n 条, lines 1…n: facts of a metric no probe below states. */
  const filler = (n: number): ProseLine[] => [...Array(n).keys()].map((i) => ({ text: `全年主动公开政府信息${i + 1}条。`, line: i + 1 }));
  const PROBES: ProseLine[] = [
    // (a) requests.received and (b) two channels no table fact has.
    { text: '全年共受理政府信息公开申请17件，其中当面申请9件、网络申请8件。', line: 101 },
    // (b) a metric no table fact has.
    { text: '依申请公开收取检索、复制费用120元。', line: 102 },
    // (a) litigation.total, which a table fact has, and its derived direct-litigation copy.
    { text: '全年共发生政府信息公开行政诉讼案件1件，属于未经复议直接诉讼的情形。', line: 103 },
    // (c) requests.received again: 17 is a duplicate of line 101; 21 is a new figure, kept.
    { text: '本年度共收到政府信息公开申请17件。全年共受理政府信息公开申请21件。', line: 104 },
    // (c) repeats: proactive total 1 (a filler figure, when there is filler) and 21 (line 104).
    { text: '全年主动公开政府信息1条。全年共受理政府信息公开申请21件。', line: 105 },
    // (c) the litigation sentence again: the total and its derived copy are both duplicates.
    { text: '全年共发生政府信息公开行政诉讼案件1件，属于未经复议直接诉讼的情形。', line: 106 },
    // (c) the same values in another unit, or approximate: not duplicates, kept.
    { text: '全年共发生政府信息公开行政诉讼1起。全年共受理政府信息公开申请约21件。', line: 107 },
  ];
  const narrative = (metric: string, value: number, unit: string, label: string, text: string, line: number): Fact => ({
    report_id: 'r1', metric, applicant: null, value, unit, source: 'narrative', approx: false, how: 'sentence', label, text, line,
  });
  /** What the probes append, whichever path reads them (the first occurrence of each figure wins). */
  const PROBE_FACTS: Fact[] = [
    narrative('requests.received', 17, '件', '全年共受理政府信息公开申请17件', '17件', 101),
    narrative('requests.channel.in_person', 9, '件', '其中当面申请9件', '9件', 101),
    narrative('requests.channel.online', 8, '件', '网络申请8件', '8件', 101),
    narrative('fees.collected', 120, '元', '依申请公开收取检索、复制费用120元', '120元', 102),
    narrative('litigation.total', 1, '件', '全年共发生政府信息公开行政诉讼案件1件', '1件', 103),
    narrative('litigation_direct.total', 1, '件', '全年共发生政府信息公开行政诉讼案件1件', '1件', 103),
    narrative('requests.received', 21, '件', '全年共受理政府信息公开申请21件', '21件', 104),
    narrative('litigation.total', 1, '起', '全年共发生政府信息公开行政诉讼1起', '1起', 107),
    { ...narrative('requests.received', 21, '件', '全年共受理政府信息公开申请约21件', '约21件', 107), approx: true },
  ];

  /** Appends filler(n) then the probes to `table`; returns the list and its three parts. */
  function run(table: Fact[], n: number) {
    const rows = [...table];
    appendNarrativeFacts([...filler(n), ...PROBES], 'r1', rows);
    return { rows, kept: rows.slice(0, table.length), filler: rows.slice(table.length, table.length + n), probes: rows.slice(table.length + n) };
  }

  it('40 table facts, 40 narrative facts, then the probes: each figure once, table facts untouched', () => {
    const table = tableFacts();
    expect(table.length).toBeGreaterThan(SCAN_LIMIT);
    const { rows, kept, filler: fill, probes } = run(table, 40);
    // The table facts stay first, the same objects in the same order.
    kept.forEach((f, i) => expect(f).toBe(table[i]));
    // All 40 filler figures are kept although the table holds proactive.total 1…38 条 too.
    expect(fill.map((f) => [f.metric, f.value, f.unit, f.source, f.how, f.line])).toEqual(
      [...Array(40).keys()].map((i) => ['proactive.total', i + 1, '条', 'narrative', 'sentence', i + 1]),
    );
    expect(fill[0]).toEqual(narrative('proactive.total', 1, '条', '全年主动公开政府信息1条', '1条', 1));
    // The probes come after the switch to the by-metric index (more than SCAN_LIMIT appended before them).
    expect(fill.length).toBeGreaterThan(SCAN_LIMIT);
    expect(probes).toEqual(PROBE_FACTS);
    expect(rows.length).toBe(40 + 40 + 9);
  });

  it('the linear scan (few narrative facts, same 40 table facts) appends the same probe facts as the by-metric index', () => {
    const linear = run(tableFacts(), 5);
    const byMetric = run(tableFacts(), 40);
    expect(linear.filler.map((f) => f.value)).toEqual([1, 2, 3, 4, 5]);
    expect(linear.filler.length + linear.probes.length).toBeLessThanOrEqual(SCAN_LIMIT);
    expect(linear.probes).toEqual(byMetric.probes);
    expect(linear.probes).toEqual(PROBE_FACTS);
  });

  // The switch may fall before, between or inside the probe sentences (31 + 3 hits of line 101 →
  // mid-sentence; 32 → at its first hit); table facts, many or none, never move it nor count.
  it.each([
    [0, 1], [0, 5], [0, 31], [0, 32], [0, 33], [0, 40],
    [40, 1], [40, 5], [40, 31], [40, 32], [40, 33], [40, 40],
  ])('%i table facts, %i narrative facts before the probes: the same probe facts', (tableCount, n) => {
    const table = tableCount ? tableFacts() : [];
    const { kept, filler: fill, probes } = run(table, n);
    kept.forEach((f, i) => expect(f).toBe(table[i]));
    expect(fill.map((f) => f.value)).toEqual([...Array(n).keys()].map((i) => i + 1));
    expect(probes).toEqual(PROBE_FACTS);
  });
});
