import { describe, expect, it } from 'vitest';
import { buildViews } from '../../src/tables/build.ts';
import { reportViewRows, VIEW_COLUMNS, viewRows } from '../../src/tables/views.ts';
import { indexReport } from '../../src/validate/cells.ts';
import type { Fact, Finding, ReportRow } from '../../src/types.ts';
import { validateReport } from '../../src/validate/validate.ts';
import { fact, matrixRow, prose, report } from '../validate/fixtures.ts';

type Rec = Record<string, unknown>;

/** Validate like the loader does, then build the views. */
function views(facts: Fact[], r: ReportRow = report(), extra: Finding[] = []) {
  const findings = [...extra, ...validateReport({ report: r, facts, findings: extra })];
  const v = buildViews({ reports: [r], facts, findings });
  return {
    findings,
    channels: v.channels.objects() as Rec[],
    requests: v.requests.objects() as Rec[],
    outcomes: v.outcomes.objects() as Rec[],
    appeals: v.appeals.objects() as Rec[],
    tables: v,
  };
}
const pick = (rows: Rec[], cols: string[]) => rows.map((r) => cols.map((c) => r[c]));

describe('resolution rule', () => {
  it('takes the table value when it is stated and not implicated', () => {
    const v = views([fact('proactive.channel.website', 146, { line: 109 }), prose('proactive.channel.website', 146, '146', 58)]);
    expect(v.channels).toEqual([
      { report_id: 'r1', agency: '某某市某某局', year: 2017, channel: 'website', count: 146, source: 'table', inferred: false, line: 109 },
    ]);
  });

  it('takes the narrative value when the table cell is blank', () => {
    const v = views([fact('proactive.total', null), prose('proactive.total', 24079, '24079', 7)]);
    expect(pick(v.channels, ['channel', 'count', 'source', 'line'])).toEqual([['total', 24079, 'narrative', 7]]);
  });

  it('takes the narrative value when the table value is implicated in an error (004)', () => {
    const v = views([
      fact('proactive.total', 0, { line: 29 }),
      fact('proactive.normative_docs', 300, { line: 32 }),
      fact('proactive.channel.website', 0, { line: 44 }),
      prose('proactive.total', 300, '300', 12),
    ]);
    expect(v.findings.map((f) => f.code)).toEqual(['subitem_exceeds_total', 'narrative_table_conflict']);
    expect(pick(v.channels, ['channel', 'count', 'source'])).toEqual([
      ['website', 0, 'table'],
      ['total', 300, 'narrative'],
    ]);
  });

  it('leaves an implicated value without prose null, and implicates every key of a broken identity', () => {
    const v = views([fact('archive.submitted', 9), fact('archive.paper', 9), fact('archive.electronic', 9), fact('proactive.total', 20)]);
    expect(v.findings.map((f) => f.metric)).toEqual(['archive.submitted,archive.paper,archive.electronic']);
    // archive is not in any view; proactive.total is untouched.
    expect(pick(v.channels, ['channel', 'count', 'source'])).toEqual([['total', 20, 'table']]);
    const w = views(
      [fact('requests.received', 7), prose('requests.received', 9, '9件')],
      report(),
      [{ report_id: 'r1', severity: 'error', code: 'unparsed_value', message: 'x', metric: 'requests.channel.fax,requests.received', line: 1 }],
    );
    expect(pick(w.requests, ['key', 'count', 'source'])).toEqual([['received', 9, 'narrative']]);
    const x = views([fact('requests.received', 7)], report(), [
      { report_id: 'r1', severity: 'error', code: 'unparsed_value', message: 'x', metric: 'requests.received', line: 1 },
    ]);
    expect(pick(x.requests, ['key', 'count', 'source'])).toEqual([['received', null, null]]);
    // A warning does not implicate.
    const y = views([fact('requests.received', 7)], report(), [
      { report_id: 'r1', severity: 'warning', code: 'column_choice', message: 'x', metric: 'requests.received', line: 1 },
    ]);
    expect(pick(y.requests, ['key', 'count', 'source'])).toEqual([['received', 7, 'table']]);
  });

  it('keeps a carry-over another year disagrees with: the cross-year error does not implicate', () => {
    const metric = 'requests.carried_to_next,requests.carried_over';
    const v = views([fact('requests.carried_over', 4, { line: 30 })], report(), [
      { report_id: 'r1', severity: 'error', code: 'cross_year_mismatch', message: 'x', metric, line: 30 },
    ]);
    expect(pick(v.requests, ['key', 'count', 'source', 'line'])).toEqual([['carried_over', 4, 'table', 30]]);
  });
});

describe('blanks proven zero', () => {
  it('resolves blank parts to 0 (inferred) when the total equals the stated parts', () => {
    const v = views([
      fact('requests.received', 5),
      fact('requests.channel.in_person', 5),
      fact('requests.channel.fax', null),
      fact('requests.channel.online', null),
    ]);
    expect(pick(v.requests, ['by', 'key', 'count', 'source', 'inferred', 'line'])).toEqual([
      ['total', 'received', 5, 'table', false, expect.any(Number)],
      ['channel', 'in_person', 5, 'table', false, expect.any(Number)],
      ['channel', 'fax', 0, 'inferred', true, null],
      ['channel', 'online', 0, 'inferred', true, null],
    ]);
  });

  it('keeps blanks null when the stated parts fall short of the total', () => {
    const v = views([fact('requests.received', 6), fact('requests.channel.in_person', 5), fact('requests.channel.fax', null)]);
    expect(pick(v.requests, ['key', 'count', 'source', 'inferred'])).toEqual([
      ['received', 6, 'table', false],
      ['in_person', 5, 'table', false],
      ['fax', null, null, false],
    ]);
  });

  it('fills a Shanghai-style 2019 matrix that states only totals, chaining identities', () => {
    const r = report({ year: 2019, template: '2019' });
    const v = views(
      [
        ...matrixRow('requests.received', [6, null, null, null, null, null, 6]),
        fact('requests.outcome.total', 6, { applicant: 'total' }),
        fact('requests.outcome.granted', 6, { applicant: 'total' }),
        fact('requests.outcome.partial', null, { applicant: 'total' }),
        fact('requests.outcome.denied.state_secret', null, { applicant: 'total' }),
      ],
      r,
    );
    expect(pick(v.requests.filter((x) => x.by === 'applicant'), ['key', 'count', 'source'])).toEqual([
      ['natural_person', 6, 'table'],
      ['commercial', 0, 'inferred'],
      ['research', 0, 'inferred'],
      ['social_org', 0, 'inferred'],
      ['legal_service', 0, 'inferred'],
      ['other_org', 0, 'inferred'],
    ]);
    expect(pick(v.outcomes, ['outcome', 'group', 'count', 'source', 'template'])).toEqual([
      ['total', 'total', 6, 'table', '2019'],
      ['granted', 'granted', 6, 'table', '2019'],
      ['partial', 'partial', 0, 'inferred', '2019'],
      ['denied.state_secret', 'denied', 0, 'inferred', '2019'],
    ]);
  });

  it('never infers a value that is implicated', () => {
    const v = views(
      [fact('requests.received', 5), fact('requests.channel.in_person', 5), fact('requests.channel.fax', null)],
      report(),
      [{ report_id: 'r1', severity: 'error', code: 'value_on_header_row', message: 'x', metric: 'requests.channel.fax', line: 1 }],
    );
    expect(pick(v.requests, ['key', 'count', 'source'])).toEqual([
      ['received', 5, 'table'],
      ['in_person', 5, 'table'],
      ['fax', null, null],
    ]);
  });
});

describe('a finding-free report', () => {
  const facts = [
    fact('proactive.total', 259),
    fact('proactive.channel.gazette', 0),
    fact('proactive.channel.website', 146),
    fact('proactive.channel.weibo', 105),
    fact('proactive.channel.wechat', 256),
    fact('proactive.channel.other', 36),
    fact('requests.received', 3),
    fact('requests.channel.in_person', 1),
    fact('requests.channel.online', 2),
    fact('requests.answered', 3),
    fact('requests.outcome.granted', 2),
    fact('requests.outcome.denied', 1),
    fact('requests.outcome.denied.privacy', 1),
    fact('reconsideration.total', 1),
    fact('reconsideration.upheld', 1),
    fact('litigation.total', 0),
    prose('proactive.channel.website', 146),
  ];

  it('has views equal to its table facts exactly', () => {
    const v = views(facts);
    expect(v.findings).toEqual([]);
    const table = new Map(facts.filter((f) => f.source === 'table').map((f) => [f.metric, f]));
    const viewed: [string, Rec][] = [
      ...v.channels.map((r): [string, Rec] => [r.channel === 'total' ? 'proactive.total' : `proactive.channel.${r.channel}`, r]),
      ...v.requests.map((r): [string, Rec] => [r.by === 'total' ? `requests.${r.key}` : `requests.${r.by}.${r.key}`, r]),
      ...v.outcomes.map((r): [string, Rec] => [r.outcome === 'total' ? 'requests.answered' : `requests.outcome.${r.outcome}`, r]),
      ...v.appeals.map((r): [string, Rec] => [`${r.kind}.${r.result}`, r]),
    ];
    expect(viewed.map(([k]) => k).sort()).toEqual([...table.keys()].sort());
    for (const [key, row] of viewed) {
      expect([key, row.count, row.source, row.line, row.inferred]).toEqual([key, table.get(key)!.value, 'table', table.get(key)!.line, false]);
    }
  });

  it('groups outcomes by the crosswalk without double counting denied', () => {
    const v = views(facts);
    expect(pick(v.outcomes, ['outcome', 'group', 'count'])).toEqual([
      ['granted', 'granted', 2],
      ['denied', null, 1],
      ['denied.privacy', 'denied', 1],
      ['total', 'total', 3],
    ]);
    // A breakdown completed by inference: the reasons count.
    const w = views([
      fact('requests.answered', 3),
      fact('requests.outcome.granted', 2),
      fact('requests.outcome.denied', 1),
      fact('requests.outcome.denied.privacy', null),
      fact('requests.outcome.denied.state_secret', 1),
    ]);
    expect(pick(w.outcomes, ['outcome', 'group', 'count', 'source'])).toEqual([
      ['granted', 'granted', 2, 'table'],
      ['denied', null, 1, 'table'],
      ['denied.privacy', 'denied', 0, 'inferred'],
      ['denied.state_secret', 'denied', 1, 'table'],
      ['total', 'total', 3, 'table'],
    ]);
    // An incomplete breakdown: the aggregate counts, the reasons do not.
    const x = views([
      fact('requests.answered', 5),
      fact('requests.outcome.granted', 2),
      fact('requests.outcome.denied', 3),
      fact('requests.outcome.denied.privacy', null),
      fact('requests.outcome.denied.state_secret', 1),
    ]);
    expect(x.findings).toEqual([]);
    expect(pick(x.outcomes, ['outcome', 'group', 'count'])).toEqual([
      ['granted', 'granted', 2],
      ['denied', 'denied', 3],
      ['denied.privacy', null, null],
      ['denied.state_secret', null, 1],
      ['total', 'total', 5],
    ]);
  });
});

describe('appeals', () => {
  it('adds litigation = direct + after reconsideration for 2019/2021 reports, null when either is null', () => {
    const r = report({ year: 2020, template: '2019' });
    const block = (kind: string, values: (number | null)[]) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((res, i) => fact(`${kind}.${res}`, values[i]!));
    const v = views([...block('litigation_direct', [1, 1, 0, 0, 2]), ...block('litigation_after_reconsideration', [0, 1, 0, null, 1])], r);
    expect(pick(v.appeals.filter((a) => a.kind === 'litigation'), ['result', 'count', 'source'])).toEqual([
      ['upheld', 1, 'derived'],
      ['corrected', 2, 'derived'],
      ['other', 0, 'derived'],
      ['pending', 0, 'derived'],
      ['total', 3, 'derived'],
    ]);
  });

  it('adds both components when every cell is stated (no blank: each cell is read on its own)', () => {
    const r = report({ year: 2021, template: '2021' });
    const v = views([fact('litigation_direct.total', 2, { line: 40 }), fact('litigation_after_reconsideration.total', 5, { line: 41 })], r);
    expect(pick(v.appeals, ['kind', 'result', 'count', 'source', 'line'])).toEqual([
      ['litigation_direct', 'total', 2, 'table', 40],
      ['litigation_after_reconsideration', 'total', 5, 'table', 41],
      ['litigation', 'total', 7, 'derived', null],
    ]);
  });

  it('keeps a litigation result the prose states and derives the others (seed 003: prose gives only the total)', () => {
    const r = report({ year: 2020, template: '2019' });
    const block = (kind: string, values: number[]) =>
      ['upheld', 'corrected', 'other', 'pending', 'total'].map((res, i) => fact(`${kind}.${res}`, values[i]!));
    const v = views(
      [...block('litigation_direct', [0, 0, 1, 0, 1]), ...block('litigation_after_reconsideration', [0, 0, 0, 0, 0]), fact('litigation.total', 1, { source: 'narrative', line: 27 })],
      r,
    );
    expect(pick(v.appeals.filter((a) => a.kind === 'litigation'), ['result', 'count', 'source', 'line'])).toEqual([
      ['total', 1, 'narrative', 27],
      ['upheld', 0, 'derived', null],
      ['corrected', 0, 'derived', null],
      ['other', 1, 'derived', null],
      ['pending', 0, 'derived', null],
    ]);
  });

  it('stays null when a component is unknown', () => {
    const r = report({ year: 2020, template: '2019' });
    const v = views([fact('litigation_direct.total', 2), fact('litigation_after_reconsideration.total', null)], r);
    expect(pick(v.appeals, ['kind', 'result', 'count', 'source'])).toEqual([
      ['litigation_direct', 'total', 2, 'table'],
      ['litigation_after_reconsideration', 'total', null, null],
      ['litigation', 'total', null, null],
    ]);
  });
});

describe('tables', () => {
  it('have the contract columns (plus source, inferred, line) even when empty', () => {
    const v = buildViews({ reports: [], facts: [], findings: [] });
    expect(v.channels.columnNames()).toEqual([...VIEW_COLUMNS.channels]);
    expect(v.requests.columnNames()).toEqual(['report_id', 'agency', 'year', 'template', 'by', 'key', 'count', 'source', 'inferred', 'line']);
    expect(v.outcomes.columnNames()).toEqual(['report_id', 'agency', 'year', 'template', 'outcome', 'group', 'count', 'source', 'inferred', 'line']);
    expect(v.appeals.columnNames()).toEqual(['report_id', 'agency', 'year', 'kind', 'result', 'count', 'source', 'inferred', 'line']);
    expect(v.channels.numRows()).toBe(0);
  });
});

describe('one report or many', () => {
  const r1 = report({ report_id: 'r1', year: 2019, template: '2019' });
  const r2 = report({ report_id: 'r2', year: 2017 });
  const facts = [
    ...matrixRow('requests.received', [6, null, null, null, null, null, 6], 'r1'),
    fact('requests.outcome.total', 6, { applicant: 'total', report_id: 'r1' }),
    fact('requests.outcome.granted', 6, { applicant: 'total', report_id: 'r1' }),
    fact('requests.outcome.partial', null, { applicant: 'total', report_id: 'r1' }),
    fact('proactive.total', null, { report_id: 'r2' }),
    prose('proactive.total', 40, '40', 3, 'r2'),
    fact('proactive.channel.website', 12, { report_id: 'r2' }),
    fact('reconsideration.total', 1, { report_id: 'r2' }),
    fact('reconsideration.upheld', 1, { report_id: 'r2' }),
  ];
  const findings: Finding[] = [
    { report_id: 'r2', severity: 'error', code: 'unparsed_value', message: 'x', metric: 'proactive.channel.website', line: 1 },
  ];

  it('gives the same rows per report as for the corpus at once, whatever the order of reports in the facts', () => {
    const one = (r: ReportRow) => viewRows({ reports: [r], facts, findings });
    const each = [one(r1), one(r2)];
    // r2's facts first: each report keeps its own order (which decides the order of its outcome rows).
    const all = viewRows({ reports: [r1, r2], facts: [...facts].sort((a, b) => b.report_id.localeCompare(a.report_id)), findings });
    for (const view of ['channels', 'requests', 'outcomes', 'appeals'] as const) {
      expect(all[view]).toEqual([...each[0]![view], ...each[1]![view]]);
    }
    expect(each[0]!.requests.filter((x) => x.source === 'inferred')).toHaveLength(5);
    expect(pick(each[1]!.channels, ['channel', 'count', 'source'])).toEqual([
      ['website', null, null],
      ['total', 40, 'narrative'],
    ]);
  });

  it('appends one report\'s rows to lists the caller holds (reportViewRows, what the corpus worker uses)', () => {
    const into = { channels: [{ kept: true }], requests: [], outcomes: [{ kept: true }], appeals: [] } as Record<string, Rec[]>;
    const own = facts.filter((f) => f.report_id === r1.report_id);
    reportViewRows(r1, indexReport(own, r1.report_id), findings, into as never);
    const alone = viewRows({ reports: [r1], facts: own, findings });
    expect(into.channels).toEqual([{ kept: true }, ...alone.channels]);
    expect(into.outcomes).toEqual([{ kept: true }, ...alone.outcomes]);
    expect(into.requests).toEqual(alone.requests);
    expect(into.appeals).toEqual(alone.appeals);
  });

  it('leaves its input facts as they were', () => {
    const before = JSON.stringify(facts);
    viewRows({ reports: [r1, r2], facts, findings });
    viewRows({ reports: [r1], facts, findings });
    expect(JSON.stringify(facts)).toBe(before);
  });
});
