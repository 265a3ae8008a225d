import { describe, expect, it } from 'vitest';
import { validateCorpus } from '../../src/validate/corpus.ts';
import { fact, report } from './fixtures.ts';

describe('duplicate_report', () => {
  it('puts one warning on each copy, naming both files', () => {
    const a = report({ report_id: 'a', file: 'in/a.txt', agency: '威海市中小企业局', year: 2017 });
    const b = report({ report_id: 'b', file: 'in/b.txt', agency: '威海市中小企业局', year: 2017 });
    const other = report({ report_id: 'c', file: 'in/c.txt', agency: '威海市中小企业局', year: 2018 });
    const findings = validateCorpus([a, b, other], []);
    expect(findings).toEqual(
      ['a', 'b'].map((id) => ({
        report_id: id,
        severity: 'warning',
        code: 'duplicate_report',
        message: '威海市中小企业局 2017 is loaded 2 times: in/a.txt, in/b.txt',
        metric: null,
        line: null,
      })),
    );
  });

  it('ignores reports whose agency or year is unknown', () => {
    const a = report({ report_id: 'a', agency: null });
    const b = report({ report_id: 'b', agency: null });
    const c = report({ report_id: 'c', year: null });
    const d = report({ report_id: 'd', year: null });
    expect(validateCorpus([a, b, c, d], [])).toEqual([]);
  });
});

describe('cross_year_mismatch', () => {
  const y2019 = report({ report_id: 'y19', file: '2019.txt', year: 2019, template: '2019', agency: '某区政府' });
  const y2020 = report({ report_id: 'y20', file: '2020.txt', year: 2020, template: '2019', agency: '某区政府' });

  it('flags both reports when carried_to_next of Y ≠ carried_over of Y+1', () => {
    const facts = [
      fact('requests.carried_to_next', 4, { report_id: 'y19', applicant: 'total', line: 40 }),
      fact('requests.carried_to_next', 3, { report_id: 'y19', applicant: 'natural_person', line: 40 }),
      fact('requests.carried_over', 2, { report_id: 'y20', applicant: 'total', line: 30 }),
    ];
    const findings = validateCorpus([y2020, y2019], facts);
    const message = '某区政府: requests.carried_to_next 2019 = 4 (2019.txt:40) ≠ requests.carried_over 2020 = 2 (2020.txt:30)';
    expect(findings).toEqual([
      { report_id: 'y19', severity: 'error', code: 'cross_year_mismatch', message, metric: 'requests.carried_to_next,requests.carried_over', line: 40 },
      { report_id: 'y20', severity: 'error', code: 'cross_year_mismatch', message, metric: 'requests.carried_to_next,requests.carried_over', line: 30 },
    ]);
  });

  it('accepts a matching chain and skips blanks, gaps and other agencies', () => {
    const ok = [
      fact('requests.carried_to_next', 4, { report_id: 'y19', applicant: 'total' }),
      fact('requests.carried_over', 4, { report_id: 'y20', applicant: 'total' }),
    ];
    expect(validateCorpus([y2019, y2020], ok)).toEqual([]);
    const blank = [
      fact('requests.carried_to_next', 4, { report_id: 'y19', applicant: 'total' }),
      fact('requests.carried_over', null, { report_id: 'y20', applicant: 'total' }),
    ];
    expect(validateCorpus([y2019, y2020], blank)).toEqual([]);
    const mismatch = [
      fact('requests.carried_to_next', 4, { report_id: 'y19', applicant: 'total' }),
      fact('requests.carried_over', 1, { report_id: 'y20', applicant: 'total' }),
    ];
    expect(validateCorpus([y2019, { ...y2020, year: 2021 }], mismatch)).toEqual([]);
    expect(validateCorpus([y2019, { ...y2020, agency: '另一区政府' }], mismatch)).toEqual([]);
  });

  it('compares the first stated table value of the 总计 column, not the prose', () => {
    const facts = [
      fact('requests.carried_to_next', 9, { report_id: 'y19', source: 'narrative', line: 5 }),
      fact('requests.carried_to_next', null, { report_id: 'y19', applicant: 'total', line: 40 }),
      fact('requests.carried_to_next', 4, { report_id: 'y19', applicant: 'total', line: 41 }),
      fact('requests.carried_to_next', 7, { report_id: 'y19', applicant: 'total', line: 42 }),
      fact('requests.carried_over', 4, { report_id: 'y20', applicant: 'total', line: 30 }),
    ];
    expect(validateCorpus([y2019, y2020], facts)).toEqual([]);
    facts[2] = fact('requests.carried_to_next', 5, { report_id: 'y19', applicant: 'total', line: 41 });
    expect(validateCorpus([y2019, y2020], facts).map((f) => [f.report_id, f.line])).toEqual([['y19', 41], ['y20', 30]]);
  });
});
