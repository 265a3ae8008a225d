import { describe, expect, it } from 'vitest';
import { IDENTITY_RULES, ruleKeys } from '../../src/catalogue/identities.ts';
import type { Fact, Finding, ReportRow } from '../../src/types.ts';
import { statedPrecision, validateReport } from '../../src/validate/validate.ts';
import { fact, matrixRow, prose, report } from './fixtures.ts';

const run = (facts: Fact[], r: ReportRow = report()) => validateReport({ report: r, facts, findings: [] });
const codes = (facts: Fact[], r?: ReportRow) => run(facts, r).map((f) => f.code);
const r2019 = report({ year: 2019, template: '2019' });
const r2021 = report({ year: 2021, template: '2021' });

describe('rule table', () => {
  it('covers every identity of the contract, as data', () => {
    const ids = IDENTITY_RULES.map((r) => r.id);
    for (const id of [
      'proactive.channel.website_le_total',
      'normative_docs_le_total',
      'request_channels',
      'requests_closed',
      'outcomes_answered',
      'denied_reasons_2008',
      'reconsideration_total',
      'litigation_total',
      'complaints_total',
      'archive_submitted',
      'capacity_staff',
      'websites_by_level',
      'capacity.reading_points_by_level',
      'capacity.reading_visits_by_level',
      'request_balance',
      'applicant_row_total',
      'outcome_total',
      'other_2021',
      'litigation_direct_total',
      'litigation_after_reconsideration_total',
    ]) {
      expect(ids).toContain(id);
    }
    // reconsideration has both a 2008 rule (no pending) and a 2019/2021 rule (with pending).
    const recon = IDENTITY_RULES.filter((r) => r.id === 'reconsideration_total');
    expect(recon.map((r) => ruleKeys(r).includes('reconsideration.pending'))).toEqual([false, true]);
  });
});

describe('sum rules', () => {
  it('passes when the total equals its parts', () => {
    expect(run([fact('archive.submitted', 18), fact('archive.paper', 9), fact('archive.electronic', 9)])).toEqual([]);
  });

  it('names both sides, their values, keys and the total line', () => {
    const findings = run([
      fact('archive.submitted', 9, { line: 161 }),
      fact('archive.paper', 9, { line: 162 }),
      fact('archive.electronic', 9, { line: 163 }),
    ]);
    expect(findings).toEqual([
      {
        report_id: 'r1',
        severity: 'error',
        code: 'identity_violation',
        message: 'archive.submitted 9 ≠ archive.paper 9 + archive.electronic 9 = 18',
        metric: 'archive.submitted,archive.paper,archive.electronic',
        line: 161,
      },
    ]);
  });

  it('checks request channels including the older email / mail_or_fax rows', () => {
    expect(
      codes([
        fact('requests.received', 10),
        fact('requests.channel.in_person', 2),
        fact('requests.channel.online', 3),
        fact('requests.channel.email', 4),
        fact('requests.channel.mail_or_fax', 1),
      ]),
    ).toEqual([]);
    expect(
      codes([
        fact('requests.received', 10),
        fact('requests.channel.in_person', 2),
        fact('requests.channel.fax', 3),
        fact('requests.channel.online', 3),
        fact('requests.channel.mail', 1),
        fact('requests.channel.other', 0),
      ]),
    ).toEqual(['identity_violation']);
    // A blank row leaves room for the rest; a row the form lacks does not.
    expect(codes([fact('requests.received', 10), fact('requests.channel.in_person', 2), fact('requests.channel.other', null)])).toEqual([]);
    expect(codes([fact('requests.received', 10), fact('requests.channel.in_person', 2), fact('requests.channel.fax', 3)])).toEqual([
      'identity_violation',
    ]);
  });

  it('checks capacity, websites and reading points by level', () => {
    expect(codes([fact('capacity.staff', 5), fact('capacity.staff_fulltime', 2), fact('capacity.staff_parttime', 2)])).toEqual([
      'identity_violation',
    ]);
    expect(codes([fact('websites.total', 3), fact('websites.city', 1), fact('websites.county', 1), fact('websites.township', 1)])).toEqual([]);
    const f = run([
      fact('capacity.reading_points', 3),
      fact('capacity.reading_points.city', 1),
      fact('capacity.reading_points.county', 1),
      fact('capacity.reading_points.township', 2),
    ]);
    expect(f.map((x) => x.message)).toEqual([
      'capacity.reading_points 3 ≠ capacity.reading_points.city 1 + capacity.reading_points.county 1 + capacity.reading_points.township 2 = 4',
    ]);
  });

  it('does not count a 2008 denied row twice when its reasons are also stated', () => {
    const outcomes = [
      fact('requests.answered', 10),
      fact('requests.outcome.granted', 6),
      fact('requests.outcome.denied', 4),
      fact('requests.outcome.denied.privacy', 3),
      fact('requests.outcome.denied.state_secret', 1),
    ];
    expect(run(outcomes)).toEqual([]);
    // Aggregate blank: the reasons stand in for it.
    const viaReasons = [
      fact('requests.answered', 10),
      fact('requests.outcome.granted', 6),
      fact('requests.outcome.denied', null),
      fact('requests.outcome.denied.privacy', 3),
      fact('requests.outcome.denied.state_secret', 2),
    ];
    expect(run(viaReasons).map((f) => f.message)).toEqual([
      'requests.answered 10 ≠ requests.outcome.granted 6 + requests.outcome.denied.state_secret 2 + requests.outcome.denied.privacy 3 = 11',
    ]);
  });

  it('checks denied reasons, closed and the 2008 appeals blocks', () => {
    expect(codes([fact('requests.outcome.denied', 2), fact('requests.outcome.denied.privacy', 1), fact('requests.outcome.denied.other_law', 0)])).toEqual([
      'identity_violation',
    ]);
    expect(codes([fact('requests.closed', 5), fact('requests.closed_on_time', 4), fact('requests.closed_extended', 1)])).toEqual([]);
    expect(
      codes([fact('reconsideration.total', 3), fact('reconsideration.upheld', 1), fact('reconsideration.corrected', 1), fact('reconsideration.other', 0)]),
    ).toEqual(['identity_violation']);
    expect(codes([fact('complaints.total', 2), fact('complaints.upheld', 1), fact('complaints.corrected', 1), fact('complaints.other', 0)])).toEqual([]);
    expect(codes([fact('litigation.total', 0), fact('litigation.upheld', 0)])).toEqual([]);
  });

  it('applies only the rules of the report era', () => {
    // A 2019 report has no 2008 archive identity.
    expect(run([fact('archive.submitted', 9), fact('archive.paper', 9), fact('archive.electronic', 9)], r2019)).toEqual([]);
  });
});

describe('blank cells', () => {
  it('skips a rule whose total or every part is blank', () => {
    expect(run([fact('archive.submitted', null), fact('archive.paper', 9), fact('archive.electronic', 9)])).toEqual([]);
    expect(run([fact('archive.submitted', 9), fact('archive.paper', null), fact('archive.electronic', null)])).toEqual([]);
    expect(run([fact('archive.submitted', 9)])).toEqual([]);
  });

  it('lets blanks hold the rest when the stated parts are below the total', () => {
    expect(run([fact('requests.received', 10), fact('requests.channel.in_person', 3), fact('requests.channel.fax', null)])).toEqual([]);
  });

  it('reports stated parts that already exceed the total, listing the blanks', () => {
    const f = run([
      fact('requests.closed', 5),
      fact('requests.closed_on_time', 4),
      fact('requests.closed_extended', null),
    ]);
    expect(f).toEqual([]);
    const g = run([
      fact('requests.received', 5),
      fact('requests.channel.in_person', 3),
      fact('requests.channel.fax', 4),
      fact('requests.channel.online', null),
    ]);
    expect(g.map((x) => x.message)).toEqual([
      'requests.received 5 < requests.channel.in_person 3 + requests.channel.fax 4 = 7 (blank: requests.channel.online)',
    ]);
  });
});

describe('sub-items larger than their total', () => {
  it('reports 004: normative docs 300 > total 0, and not also as a sum violation', () => {
    const f = run([
      fact('proactive.total', 0, { line: 29 }),
      fact('proactive.normative_docs', 300, { line: 32 }),
      fact('proactive.channel.website', 0),
    ]);
    expect(f).toEqual([
      {
        report_id: 'r1',
        severity: 'error',
        code: 'subitem_exceeds_total',
        message: 'proactive.normative_docs 300 > proactive.total 0',
        metric: 'proactive.normative_docs,proactive.total',
        line: 32,
      },
    ]);
  });

  it('allows a channel equal to the total (channels overlap, they need not add up)', () => {
    expect(run([fact('proactive.total', 259), fact('proactive.channel.website', 259), fact('proactive.channel.weibo', 105)])).toEqual([]);
  });

  it('reports a part of a sum identity larger than its total once, as subitem_exceeds_total', () => {
    const f = run([fact('archive.submitted', 2), fact('archive.paper', 5), fact('archive.electronic', 0)]);
    expect(f.map((x) => [x.code, x.message])).toEqual([['subitem_exceeds_total', 'archive.paper 5 > archive.submitted 2']]);
  });
});

describe('2019/2021 request matrix', () => {
  const balanced = [
    ...matrixRow('requests.received', [5, 0, 0, 0, 0, 1, 6]),
    ...matrixRow('requests.carried_over', [1, 0, 0, 0, 0, 0, 1]),
    ...matrixRow('requests.outcome.granted', [4, 0, 0, 0, 0, 1, 5]),
    ...matrixRow('requests.outcome.total', [4, 0, 0, 0, 0, 1, 5]),
    ...matrixRow('requests.carried_to_next', [2, 0, 0, 0, 0, 0, 2]),
  ];

  it('accepts a balanced matrix', () => {
    expect(run(balanced, r2019)).toEqual([]);
  });

  it('checks the balance in every applicant column', () => {
    const broken = balanced.map((f) =>
      f.metric === 'requests.carried_to_next' && f.applicant === 'natural_person' ? { ...f, value: 1 } : f,
    );
    const f = run(broken, r2019);
    expect(f.map((x) => x.message)).toEqual([
      // the natural-person column no longer balances …
      'requests.received[natural_person] 5 + requests.carried_over[natural_person] 1 = 6 ≠ ' +
        'requests.outcome.total[natural_person] 4 + requests.carried_to_next[natural_person] 1 = 5',
      // … and the row total no longer adds up
      'requests.carried_to_next 2 ≠ requests.carried_to_next[natural_person] 1 + requests.carried_to_next[commercial] 0 + ' +
        'requests.carried_to_next[research] 0 + requests.carried_to_next[social_org] 0 + requests.carried_to_next[legal_service] 0 + ' +
        'requests.carried_to_next[other_org] 0 = 1',
    ]);
    expect(f.map((x) => x.code)).toEqual(['identity_violation', 'identity_violation']);
    expect(f[0]!.metric).toBe('requests.received,requests.carried_over,requests.outcome.total,requests.carried_to_next');
  });

  it('takes a row left out as ambiguous (glued digits) as blank: no violation against its unknown values', () => {
    // Seed 003 glued, its 本年新收 row unsplittable: carried_over 0 alone is not "≠ 17".
    const rows = [
      ...matrixRow('requests.carried_over', [0, 0, 0, 0, 0, 0, 0]),
      ...matrixRow('requests.outcome.total', [17, 0, 0, 0, 0, 0, 17]),
      ...matrixRow('requests.carried_to_next', [0, 0, 0, 0, 0, 0, 0]),
    ];
    const ambiguous: Finding = { report_id: 'r1', severity: 'error', code: 'ambiguous_cells', message: 'row "本年新收": …', metric: 'requests.received', line: 57 };
    expect(validateReport({ report: r2019, facts: rows, findings: [ambiguous] })).toEqual([]);
    // Without the finding the row is absent, and the balance is checked without it.
    expect(run(rows, r2019).map((f) => f.code)).toEqual(['identity_violation', 'identity_violation']);
  });

  it('checks outcome.total against every outcome row, using 2021 other.* without double counting', () => {
    const rows = [
      fact('requests.outcome.total', 10, { applicant: 'total' }),
      fact('requests.outcome.granted', 5, { applicant: 'total' }),
      fact('requests.outcome.unable.not_held', 2, { applicant: 'total' }),
      fact('requests.outcome.other', 3, { applicant: 'total' }),
      fact('requests.outcome.other.overdue_amend', 1, { applicant: 'total' }),
      fact('requests.outcome.other.other', 2, { applicant: 'total' }),
    ];
    expect(run(rows, r2021)).toEqual([]);
    const wrongSub = rows.map((f) => (f.metric === 'requests.outcome.other.other' ? { ...f, value: 3 } : f));
    expect(run(wrongSub, r2021).map((f) => f.message)).toEqual([
      'requests.outcome.other 3 ≠ requests.outcome.other.overdue_amend 1 + requests.outcome.other.other 3 = 4',
    ]);
    // Without the aggregate, outcome.total counts the sub-rows instead.
    const subsOnly = rows.filter((f) => f.metric !== 'requests.outcome.other');
    expect(run(subsOnly, r2021)).toEqual([]);
    const tooMany = [...subsOnly, fact('requests.outcome.other.fee_unpaid', 1, { applicant: 'total' })];
    expect(run(tooMany, r2021).map((f) => f.code)).toEqual(['identity_violation']);
  });

  it('checks each appeals block total including pending', () => {
    const block = (kind: string, values: number[]) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((r, i) => fact(`${kind}.${r}`, values[i]!));
    expect(run([...block('reconsideration', [1, 1, 0, 1, 3]), ...block('litigation_direct', [0, 0, 0, 0, 0])], r2019)).toEqual([]);
    const f = run(block('litigation_after_reconsideration', [1, 0, 0, 1, 1]), r2021);
    expect(f.map((x) => x.code)).toEqual(['identity_violation']);
    expect(f[0]!.message).toBe(
      'litigation_after_reconsideration.total 1 ≠ litigation_after_reconsideration.upheld 1 + litigation_after_reconsideration.corrected 0 + ' +
        'litigation_after_reconsideration.other 0 + litigation_after_reconsideration.pending 1 = 2',
    );
  });
});

describe('narrative vs table', () => {
  it('accepts approximate prose within its precision', () => {
    expect(run([fact('proactive.total', 37353), prose('proactive.total', 37000, '3.7万多')])).toEqual([]);
    expect(run([fact('proactive.total', 33196), prose('proactive.total', 33000, '3.3万')])).toEqual([]);
    expect(run([fact('proactive.total', 1350), prose('proactive.total', 1000, '1000多条')])).toEqual([]);
  });

  it('reports prose outside its precision', () => {
    expect(codes([fact('proactive.total', 38100), prose('proactive.total', 37000, '3.7万多')])).toEqual(['narrative_table_conflict']);
  });

  it('reports 002: website 259 in prose vs 146 in the table, with both values and lines', () => {
    const f = run([fact('proactive.channel.website', 146, { line: 109 }), prose('proactive.channel.website', 259, '259', 58)]);
    expect(f).toEqual([
      {
        report_id: 'r1',
        severity: 'error',
        code: 'narrative_table_conflict',
        message: 'proactive.channel.website: narrative 259 (line 58) ≠ table 146 (line 109)',
        metric: 'proactive.channel.website',
        line: 109,
      },
    ]);
  });

  it('ignores a blank table cell and agreeing figures', () => {
    expect(run([fact('proactive.total', null), prose('proactive.total', 300)])).toEqual([]);
    expect(run([fact('requests.received', 17), prose('requests.received', 17, '17件')])).toEqual([]);
  });

  it('derives precision from the stated text', () => {
    expect(statedPrecision({ text: '3.7万多', value: 37000, approx: true })).toEqual({ approx: true, precision: 1000 });
    expect(statedPrecision({ text: '３.３万', value: 33000, approx: false })).toEqual({ approx: false, precision: 1000 });
    expect(statedPrecision({ text: '共有1000多条信息', value: 1000, approx: true })).toEqual({ approx: true, precision: 1000 });
  });
});

describe('year vs template', () => {
  const check = (year: number, template: ReportRow['template']) => codes([], report({ year, template }));
  it.each([
    [2017, '2019'],
    [2020, '2008'],
    [2019, '2021'],
    [2022, '2019'],
  ] as const)('warns for year %i with the %s template', (year, template) => {
    expect(check(year, template)).toEqual(['year_template_mismatch']);
  });
  it.each([
    [2017, '2008'],
    [2020, '2019'],
    [2021, '2021'],
    [2017, 'narrative'],
  ] as const)('accepts year %i with the %s template', (year, template) => {
    expect(check(year, template)).toEqual([]);
  });
  it.each([2019, 2020, 2023])('warns that a %i report has no statistics table (missing_section)', (year) => {
    const [f, ...rest] = run([], report({ year, template: 'narrative' }));
    expect(rest).toEqual([]);
    expect(f).toEqual({
      report_id: 'r1',
      severity: 'warning',
      code: 'missing_section',
      message: `report year ${year} but no statistics table found (report years from 2019 on must have the ${year < 2021 ? 2019 : 2021} tables); its facts come from the prose only`,
      metric: null,
      line: null,
    });
  });
  it('says which template the year expects', () => {
    const [f] = run([], report({ year: 2017, template: '2019' }));
    expect(f).toMatchObject({
      severity: 'warning',
      message: 'report year 2017 but 2019 template (report years 2008–2018 use the 2008 template)',
    });
  });
});

describe('properties', () => {
  it('a sum identity holds exactly when no finding is reported', async () => {
    const fc = await import('fast-check');
    fc.assert(
      fc.property(fc.nat(1000), fc.nat(1000), fc.nat(2000), (paper, electronic, submitted) => {
        const f = run([fact('archive.submitted', submitted), fact('archive.paper', paper), fact('archive.electronic', electronic)]);
        const holds = submitted === paper + electronic;
        return holds ? f.length === 0 : f.length >= 1 && f.every((x) => x.severity === 'error');
      }),
    );
  });
});

describe('evaluateRule', () => {
  it('gives over a CellLookup what the validator reports from its index', async () => {
    const { evaluateRule } = await import('../../src/validate/rules.ts');
    const { indexCells, lookupIn } = await import('../../src/validate/cells.ts');
    const facts = [
      ...matrixRow('requests.received', [3, 0, 0, 0, 0, 0, 3]),
      ...matrixRow('requests.carried_over', [0, 0, 0, 0, 0, 0, 0]),
      ...matrixRow('requests.outcome.total', [2, 0, 0, 0, 0, 0, 2]),
      ...matrixRow('requests.outcome.granted', [2, 0, 0, 0, 0, 0, 9]),
      ...matrixRow('requests.carried_to_next', [0, 0, 0, 0, 0, 0, 0]),
    ];
    const get = lookupIn(indexCells(facts));
    const state = { reportedPairs: new Set<string>() };
    const rules = IDENTITY_RULES.filter((r) => r.eras.includes('2019'));
    const viaLookup = [...rules.filter((r) => r.kind === 'le'), ...rules.filter((r) => r.kind !== 'le')].flatMap((rule) =>
      evaluateRule(rule, get, state).map((v) => [v.code, v.message]),
    );
    expect(viaLookup.length).toBeGreaterThan(0);
    expect(viaLookup).toEqual(run(facts, r2019).map((f) => [f.code, f.message]));
  });
});

describe('an unrecognised row inside a block', () => {
  // 申请答复数 10 over its eight outcome rows, one of which ("6.申请内容不明确数 4") no catalogue row matches.
  const outcomes = (answered: number) => [
    fact('requests.answered', answered, { line: 10 }),
    fact('requests.outcome.already_public', 2, { line: 11 }),
    fact('requests.outcome.granted', 3, { line: 12 }),
    fact('requests.outcome.partial', 1, { line: 13 }),
    fact('requests.outcome.denied', 0, { line: 14 }),
    fact('requests.outcome.not_this_agency', 0, { line: 15 }),
    fact('requests.outcome.asked_to_amend', 0, { line: 17 }),
    fact('requests.outcome.other_channel', 0, { line: 18 }),
    fact('reconsideration.total', 0, { line: 20 }),
  ];
  const unrecognised = (line: number): Finding => ({
    report_id: 'r1', severity: 'warning', code: 'unrecognised_row', message: 'row "6.申请内容不明确数" (value 4) matches no catalogue metric', metric: null, line,
  });
  const check = (facts: Fact[], line: number) => validateReport({ report: report(), facts, findings: [unrecognised(line)] });
  it('does not blame the recognised rows when the parts fall short: a warning naming the row that may be missing', () => {
    expect(check(outcomes(10), 16)).toEqual([
      {
        report_id: 'r1',
        severity: 'warning',
        code: 'identity_violation',
        message:
          'requests.answered 10 ≠ requests.outcome.already_public 2 + requests.outcome.granted 3 + requests.outcome.partial 1 + requests.outcome.denied 0 + ' +
          'requests.outcome.not_this_agency 0 + requests.outcome.asked_to_amend 0 + requests.outcome.other_channel 0 = 6; the unrecognised row on line 16 may be the missing part',
        metric: expect.stringContaining('requests.answered,requests.outcome.already_public'),
        line: 10,
      },
    ]);
    // Its last row counts too: between the block's last row and the next row of another metric.
    expect(check(outcomes(10), 19).map((f) => f.severity)).toEqual(['warning']);
  });
  it('stays an error when the row lies outside the block or the parts exceed the total', () => {
    expect(check(outcomes(10), 21).map((f) => f.severity)).toEqual(['error']);
    expect(check(outcomes(5), 16).map((f) => [f.severity, f.code])).toEqual([['error', 'identity_violation']]);
  });
});
