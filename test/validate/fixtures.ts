/** Inline fixtures for validation and view tests: facts and report rows in one line each. */
import type { Applicant, Fact, ReportRow, Template } from '../../src/types.ts';

let nextLine = 100;

export function fact(
  metric: string,
  value: number | null,
  opts: Partial<Pick<Fact, 'applicant' | 'source' | 'approx' | 'text' | 'line' | 'report_id'>> = {},
): Fact {
  const line = opts.line ?? nextLine++;
  return {
    report_id: opts.report_id ?? 'r1',
    metric,
    applicant: (opts.applicant ?? null) as Applicant | null,
    value,
    unit: null,
    source: opts.source ?? 'table',
    approx: opts.approx ?? false,
    how: opts.source === 'narrative' ? 'sentence' : 'cell',
    label: metric,
    text: opts.text ?? (value === null ? '' : String(value)),
    line,
  };
}

export const prose = (metric: string, value: number, text = String(value), line?: number, report_id = 'r1'): Fact =>
  fact(metric, value, { source: 'narrative', text, line, report_id, approx: /多|余|约|近|超/.test(text) });

/** One value per applicant column of a 2019/2021 matrix row: six columns then total. */
export function matrixRow(metric: string, values: (number | null)[], report_id = 'r1'): Fact[] {
  const applicants: Applicant[] = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
  return values.map((v, i) => fact(metric, v, { applicant: applicants[i], report_id }));
}

export function report(over: Partial<ReportRow> & { template?: Template } = {}): ReportRow {
  return {
    report_id: 'r1',
    file: 'r1.txt',
    format: 'txt',
    encoding: 'utf-8',
    agency: '某某市某某局',
    agency_type: 'department',
    province: null,
    city: null,
    county: null,
    admin_code: null,
    level: 'unknown',
    year: 2017,
    template: '2008',
    scope: 'self',
    published: null,
    status: 'ok',
    ...over,
  };
}
