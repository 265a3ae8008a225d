/**
 * The accounting identities (勾稽关系) of the statistics tables, as data. The validator
 * (src/validate/validate.ts) evaluates them; the views (src/tables/views.ts) use the `sum`
 * rules to prove blank cells zero. Add a rule here — never an `if` in the validator.
 *
 * Rule kinds:
 * - `sum`: total = Σ parts. A part may be an *alternative* `{ either, or }`: the aggregate row
 *   when stated, else the sum of its sub-rows — so a table that states both (2008 不同意公开 and
 *   its reasons; 2021 其他处理 and its three sub-rows) is never counted twice.
 *   `perApplicant: true` checks the rule in every applicant column of the 2019/2021 matrix.
 * - `balance`: Σ left = Σ right in every applicant column (新收 + 上年结转 = 办理结果总计 + 结转下年度).
 * - `le`: part ≤ total (overlapping sub-items that need not add up, e.g. channels).
 * - `row_total`: 2019/2021 matrix: the 总计 column = Σ the six applicant columns, for every metric listed.
 */
import { CHANNELS, REQUEST_CHANNELS } from './labels.ts';
import { interned } from '../interned.ts';
import type { Applicant, ReportRow } from '../types.ts';

export type Era = '2008' | '2019' | '2021' | 'any';

/** `${prefix}.${suffix}` for every suffix, interned. */
const keysUnder = (prefix: string, suffixes: readonly string[]): string[] => suffixes.map((s) => interned(`${prefix}.${s}`));

/** A summand: a metric key, or an aggregate row that may instead be given by its sub-rows. */
export type Part = string | { either: string; or: readonly string[] };

export interface SumRule {
  id: string;
  kind: 'sum';
  eras: readonly Era[];
  total: string;
  parts: readonly Part[];
  perApplicant?: boolean;
}
export interface BalanceRule {
  id: string;
  kind: 'balance';
  eras: readonly Era[];
  left: readonly string[];
  right: readonly string[];
}
export interface LeRule {
  id: string;
  kind: 'le';
  eras: readonly Era[];
  part: string;
  total: string;
}
export interface RowTotalRule {
  id: string;
  kind: 'row_total';
  eras: readonly Era[];
  metrics: readonly string[];
}
export type IdentityRule = SumRule | BalanceRule | LeRule | RowTotalRule;

// Keys built from parts are interned (see interned): the validator looks each up per report.
const CHANNELS_2008 = keysUnder('proactive.channel', CHANNELS);

const DENIED_2008 = keysUnder('requests.outcome.denied', [
  'state_secret',
  'commercial_secret',
  'privacy',
  'security_stability',
  'not_gov_info',
  'other_law',
]);
const DENIED_2019 = keysUnder('requests.outcome.denied', [
  'state_secret',
  'law_forbidden',
  'security_stability',
  'third_party',
  'internal_affairs',
  'process_info',
  'enforcement_file',
  'query_matter',
]);
const UNABLE_2019 = keysUnder('requests.outcome.unable', ['not_held', 'need_creation', 'unclear']);
const NOT_PROCESSED_2019 = keysUnder('requests.outcome.not_processed', ['petition', 'repeat', 'publication', 'massive_repeat', 'confirm']);
const OTHER_2021 = keysUnder('requests.outcome.other', ['overdue_amend', 'fee_unpaid', 'other']);

/** Every metric of the 2019/2021 request matrix (the rows that have applicant columns). */
export const REQUEST_MATRIX_METRICS: readonly string[] = [
  'requests.received',
  'requests.carried_over',
  'requests.outcome.granted',
  'requests.outcome.partial',
  ...DENIED_2019,
  ...UNABLE_2019,
  ...NOT_PROCESSED_2019,
  'requests.outcome.other',
  ...OTHER_2021,
  'requests.outcome.total',
  'requests.carried_to_next',
];

const appealsBlock = (kind: string, eras: readonly Era[], withPending: boolean): SumRule => ({
  id: `${kind}_total`,
  kind: 'sum',
  eras,
  total: interned(`${kind}.total`),
  parts: keysUnder(kind, ['upheld', 'corrected', 'other', ...(withPending ? ['pending'] : [])]),
});

/** A total broken down by administrative level (市 / 县 / 乡镇); `prefix` names the sub-rows. */
const byLevel = (total: string, prefix: string): SumRule => ({
  id: `${prefix}_by_level`,
  kind: 'sum',
  eras: ['2008'],
  total,
  parts: keysUnder(prefix, ['city', 'county', 'township']),
});

const NEW_ERAS: readonly Era[] = ['2019', '2021'];

export const IDENTITY_RULES: readonly IdentityRule[] = [
  // ── 2008 era ──
  ...CHANNELS_2008.map(
    (part): LeRule => ({ id: `${part}_le_total`, kind: 'le', eras: ['2008'], part, total: 'proactive.total' }),
  ),
  { id: 'normative_docs_le_total', kind: 'le', eras: ['2008'], part: 'proactive.normative_docs', total: 'proactive.total' },
  {
    id: 'request_channels',
    kind: 'sum',
    eras: ['2008'],
    total: 'requests.received',
    parts: keysUnder('requests.channel', REQUEST_CHANNELS),
  },
  {
    id: 'requests_closed',
    kind: 'sum',
    eras: ['2008'],
    total: 'requests.closed',
    parts: ['requests.closed_on_time', 'requests.closed_extended'],
  },
  {
    id: 'outcomes_answered',
    kind: 'sum',
    eras: ['2008'],
    total: 'requests.answered',
    parts: [
      'requests.outcome.already_public',
      'requests.outcome.granted',
      'requests.outcome.partial',
      { either: 'requests.outcome.denied', or: DENIED_2008 },
      'requests.outcome.not_this_agency',
      'requests.outcome.not_exist',
      'requests.outcome.asked_to_amend',
      'requests.outcome.other_channel',
    ],
  },
  { id: 'denied_reasons_2008', kind: 'sum', eras: ['2008'], total: 'requests.outcome.denied', parts: DENIED_2008 },
  appealsBlock('reconsideration', ['2008'], false),
  appealsBlock('litigation', ['2008'], false),
  appealsBlock('complaints', ['2008'], false),
  { id: 'archive_submitted', kind: 'sum', eras: ['2008'], total: 'archive.submitted', parts: ['archive.paper', 'archive.electronic'] },
  {
    id: 'capacity_staff',
    kind: 'sum',
    eras: ['2008'],
    total: 'capacity.staff',
    parts: ['capacity.staff_fulltime', 'capacity.staff_parttime'],
  },
  byLevel('websites.total', 'websites'),
  byLevel('capacity.reading_points', 'capacity.reading_points'),
  byLevel('capacity.reading_visits', 'capacity.reading_visits'),

  // ── 2019 / 2021 ──
  {
    id: 'request_balance',
    kind: 'balance',
    eras: NEW_ERAS,
    left: ['requests.received', 'requests.carried_over'],
    right: ['requests.outcome.total', 'requests.carried_to_next'],
  },
  { id: 'applicant_row_total', kind: 'row_total', eras: NEW_ERAS, metrics: REQUEST_MATRIX_METRICS },
  {
    id: 'outcome_total',
    kind: 'sum',
    eras: NEW_ERAS,
    perApplicant: true,
    total: 'requests.outcome.total',
    parts: [
      'requests.outcome.granted',
      'requests.outcome.partial',
      ...DENIED_2019,
      ...UNABLE_2019,
      ...NOT_PROCESSED_2019,
      { either: 'requests.outcome.other', or: OTHER_2021 },
    ],
  },
  { id: 'other_2021', kind: 'sum', eras: ['2021'], perApplicant: true, total: 'requests.outcome.other', parts: OTHER_2021 },
  appealsBlock('reconsideration', NEW_ERAS, true),
  appealsBlock('litigation_direct', NEW_ERAS, true),
  appealsBlock('litigation_after_reconsideration', NEW_ERAS, true),
];

/**
 * The era whose rules apply to a report: its template when it has one, else its year
 * (a narrative report's figures use the same keys as its year's template), else null.
 */
export function eraOf(report: Pick<ReportRow, 'template' | 'year'>): Exclude<Era, 'any'> | null {
  if (report.template === '2008' || report.template === '2019' || report.template === '2021') return report.template;
  if (report.year == null) return null;
  return report.year < 2019 ? '2008' : report.year < 2021 ? '2019' : '2021';
}

/** The rules that apply to an era (rules marked `any` always apply). */
export function rulesFor(era: Exclude<Era, 'any'> | null): IdentityRule[] {
  return IDENTITY_RULES.filter((r) => r.eras.includes('any') || (era !== null && r.eras.includes(era)));
}

/** Every metric key a part stands for (the aggregate and its sub-rows). */
export function partKeys(part: Part): string[] {
  return typeof part === 'string' ? [part] : [part.either, ...part.or];
}

/** Every metric key a rule mentions, in rule order (for findings' `metric`). */
export function ruleKeys(rule: IdentityRule): string[] {
  switch (rule.kind) {
    case 'sum':
      return [rule.total, ...rule.parts.flatMap(partKeys)];
    case 'balance':
      return [...rule.left, ...rule.right];
    case 'le':
      return [rule.part, rule.total];
    case 'row_total':
      return [...rule.metrics];
  }
}
