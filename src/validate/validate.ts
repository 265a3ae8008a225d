/**
 * Per-report validation: the identity rules on the table facts, narrative-vs-table
 * conflicts, and a year that disagrees with the template (or has none, from 2019 on). Returns new findings only; the
 * loader's own findings (value_on_header_row …) are passed in for context and left alone.
 */
import { eraOf, ruleKeys, rulesFor, type IdentityRule } from '../catalogue/identities.ts';
import { agreesWithin, parseNumber } from '../extract/numbers.ts';
import type { Fact, Finding, ReportRow } from '../types.ts';
import { fmt, indexReport, TOTAL_SLOT, type CellIndex, type ReportCells } from './cells.ts';
import { evaluateIn, type EvalState } from './rules.ts';

export interface ReportInput {
  report: ReportRow;
  facts: Fact[];
  findings: Finding[];
}

/**
 * A report's cells, indexed once for its validation and its views (both loaders: `assemble`
 * and the corpus worker), and its findings followed by the validator's. A failed report has no
 * facts to check.
 */
export function checkReport(input: ReportInput): { cells: ReportCells; findings: Finding[] } {
  const cells = indexReport(input.facts, input.report.report_id, input.findings);
  const findings = input.report.status === 'failed' ? input.findings : [...input.findings, ...validateReport(input, cells)];
  return { cells, findings };
}

/** `cells`: the report's cells (indexReport of its facts) when the caller has them already (checkReport). */
export function validateReport(input: ReportInput, cells?: ReportCells): Finding[] {
  const { report } = input;
  const { table, narrative } = cells ?? indexReport(input.facts, report.report_id, input.findings);
  const out: Finding[] = [];
  identityFindings(report, table, unrecognisedLines(input.findings, report.report_id), out);
  if (narrative.length) narrativeConflicts(report, table, narrative, out);
  yearTemplate(report, out);
  return out;
}

type Era = ReturnType<typeof eraOf>;
const orderedByEra = new Map<Era, IdentityRule[]>();

/** An era's rules, `le` rules first so a pair they report is not reported again by a sum rule. */
function orderedRules(era: Era): IdentityRule[] {
  let rules = orderedByEra.get(era);
  if (!rules) {
    const all = rulesFor(era);
    rules = [...all.filter((r) => r.kind === 'le'), ...all.filter((r) => r.kind !== 'le')];
    orderedByEra.set(era, rules);
  }
  return rules;
}

/**
 * The rules' state, reused: a report is validated in one synchronous call, and almost no report
 * has a pair to remember, so a new Set per report would be garbage.
 */
const STATE: EvalState = { reportedPairs: new Set() };

function identityFindings(report: ReportRow, table: CellIndex, unrecognised: readonly number[], out: Finding[]): void {
  STATE.reportedPairs.clear();
  for (const rule of orderedRules(eraOf(report))) {
    const violations = evaluateIn(rule, table, STATE);
    // Indexed: most rules return the shared frozen NONE, whose for-of iterator is not optimized away.
    for (let i = 0; i < violations.length; i++) {
      const v = violations[i]!;
      // Parts short of their total with an unrecognised row in the block: that row may be the
      // missing part, so the recognised rows are not blamed (a warning implicates no value).
      const unread = v.short && unrecognised.length ? unrecognisedInBlock(ruleKeys(rule), table, unrecognised) : undefined;
      out.push({
        report_id: report.report_id,
        severity: unread === undefined ? 'error' : 'warning',
        code: v.code,
        message: unread === undefined ? v.message : `${v.message}; the unrecognised row on line ${unread} may be the missing part`,
        metric: v.keys.join(','),
        line: v.line,
      });
    }
  }
}

/** Lines of the report's unrecognised rows (its reading findings). */
function unrecognisedLines(findings: readonly Finding[], reportId: string): number[] {
  const lines: number[] = [];
  for (const f of findings) if (f.code === 'unrecognised_row' && f.report_id === reportId && f.line !== null) lines.push(f.line);
  return lines;
}

/**
 * The first unrecognised row inside a rule's block: from the block's first row to the next row of
 * another metric after its last (an unrecognised last row of the block counts too).
 */
function unrecognisedInBlock(keys: readonly string[], table: CellIndex, unrecognised: readonly number[]): number | undefined {
  const own = new Set(keys);
  let first = Infinity;
  let last = -Infinity;
  for (const key of own) {
    for (const c of table.get(key) ?? []) {
      if (!c) continue;
      first = Math.min(first, c.line);
      last = Math.max(last, c.line);
    }
  }
  let end = Infinity;
  table.forEach((row, metric) => {
    if (own.has(metric)) return;
    for (const c of row) if (c && c.line > last) end = Math.min(end, c.line);
  });
  return unrecognised.find((line) => line > first && line < end);
}

/** The precision a narrative figure was stated with (3.7万多 → ±1000 upward; 3.3万 → ±500). */
export function statedPrecision(fact: Pick<Fact, 'text' | 'value' | 'approx'>): { approx: boolean; precision: number } {
  const parsed = parseNumber(halfWidth(fact.text ?? ''));
  if (parsed && parsed.value !== null) return { approx: parsed.approx || fact.approx, precision: parsed.precision };
  // The text is a sentence fragment rather than a bare figure: an approximate round number
  // is precise to its last non-zero digit (1000多 → 1000).
  if (fact.approx && fact.value !== null) return { approx: true, precision: lastDigitPlace(fact.value) };
  return { approx: fact.approx, precision: 1 };
}

function lastDigitPlace(n: number): number {
  let p = 1;
  while (n !== 0 && Number.isInteger(n / (p * 10)) && p < 1e8) p *= 10;
  return p;
}

const WIDE = /[\uff01-\uff5e\u3000]/;

function halfWidth(s: string): string {
  if (!WIDE.test(s)) return s; // the usual case: nothing to replace, no copies
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

function narrativeConflicts(report: ReportRow, table: CellIndex, narrative: Fact[], out: Finding[]): void {
  let seen: Set<string> | undefined;
  for (const fact of narrative) {
    if (fact.value === null || (fact.applicant !== null && fact.applicant !== 'total')) continue;
    const cell = table.get(fact.metric)?.[TOTAL_SLOT];
    if (!cell || cell.value === null) continue;
    // The same figure agrees at any stated precision (precisions are positive): no parsing.
    if (cell.value === fact.value) continue;
    const { approx, precision } = statedPrecision(fact);
    if (agreesWithin({ value: fact.value, approx, precision }, cell.value)) continue;
    const key = `${fact.metric}|${fact.value}`;
    if (seen?.has(key)) continue;
    (seen ??= new Set()).add(key);
    out.push({
      report_id: report.report_id,
      severity: 'error',
      code: 'narrative_table_conflict',
      message:
        `${fact.metric}: narrative ${figure(fact)} (line ${fact.line}) ` +
        `≠ table ${fmt(cell.value)} (line ${cell.line})`,
      metric: fact.metric,
      line: cell.line,
    });
  }
}

/** The figure as the report wrote it when the text is short (3.7万多), else the value. */
function figure(fact: Fact): string {
  const text = fact.text?.trim() ?? '';
  return text && text.length <= 12 ? text : fmt(fact.value as number);
}

/** The template a report year should use (the report year, not publication year, decides). */
export function expectedTemplate(year: number): '2008' | '2019' | '2021' {
  return year < 2019 ? '2008' : year < 2021 ? '2019' : '2021';
}

function yearTemplate(report: ReportRow, out: Finding[]): void {
  const { year, template } = report;
  if (year === null) return;
  // From 2019 on the statistics tables are mandatory: a report without one lost it (a crawl that
  // flattened the page, a table pasted as an image), and its figures come from the prose alone.
  if (template === 'narrative' && year >= 2019) {
    out.push({
      report_id: report.report_id,
      severity: 'warning',
      code: 'missing_section',
      message: `report year ${year} but no statistics table found (report years from 2019 on must have the ${expectedTemplate(year)} tables); its facts come from the prose only`,
      metric: null,
      line: null,
    });
    return;
  }
  if (template !== '2008' && template !== '2019' && template !== '2021') return;
  const expected = expectedTemplate(year);
  if (expected === template) return;
  out.push({
    report_id: report.report_id,
    severity: 'warning',
    code: 'year_template_mismatch',
    message: `report year ${year} but ${template} template (report years ${RANGE[expected]} use the ${expected} template)`,
    metric: null,
    line: null,
  });
}

const RANGE = { '2008': '2008–2018', '2019': '2019–2020', '2021': '2021 on' } as const;
