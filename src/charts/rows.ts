/**
 * From view tables to plain rows: selection by agency/year, category labels and null-aware
 * sums. Chart builders work on plain rows because the views are small and the logic (nulls are
 * not zeros) is clearer in plain code than in Arquero expressions, whose `+` treats null as 0.
 */
import { formatCount, wrapLabel } from './figure.ts';

/** An Arquero table (anything with `objects()`) or already-materialised rows. */
export type TableLike = { objects(): object[] } | readonly object[];

/** Options every builder accepts: any subset of agencies and years, and a title override. */
export interface ChartOptions {
  agencies?: readonly string[];
  years?: readonly number[];
  title?: string;
}

export interface ViewRow {
  report_id: string;
  agency: string | null;
  year: number | null;
  count: number | null;
  [column: string]: unknown;
}

export function toRows<T = ViewRow>(input: TableLike | null | undefined): T[] {
  if (!input) return [];
  const rows = Array.isArray(input) ? input : (input as { objects(): object[] }).objects();
  return rows as T[];
}

/** Keep rows of the selected agencies and years (an empty or absent list selects all). */
export function selectRows<T extends { agency?: unknown; year?: unknown }>(rows: readonly T[], o: ChartOptions): T[] {
  const agencies = o.agencies?.length ? new Set<unknown>(o.agencies) : null;
  const years = o.years?.length ? new Set<unknown>(o.years.map(Number)) : null;
  return rows.filter((r) => (!agencies || agencies.has(r.agency)) && (!years || years.has(r.year)));
}

/** A count as number or null (undefined, NaN and non-numbers are "not reported"). */
export function countOf(value: unknown): number | null {
  if (typeof value === 'number' && !Number.isNaN(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  return null;
}

/** Sum of the non-null values and how many were null; sum is null when none was reported. */
export function sumReported(values: ReadonlyArray<number | null>): { sum: number | null; missing: number } {
  let sum: number | null = null;
  let missing = 0;
  for (const v of values) {
    if (v == null) missing += 1;
    else sum = (sum ?? 0) + v;
  }
  return { sum, missing };
}

/** Group preserving first-seen order. */
export function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

const collator = new Intl.Collator('zh-CN');

/**
 * An agency name as Plotly text. Plotly reads a small HTML subset in titles, ticks and hover
 * text, so < > & from a report are written as entities and show literally.
 */
export function agencyName(agency: unknown): string {
  return typeof agency === 'string' && agency.trim() ? plotlyText(agency) : '（机构不明）';
}

export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function yearName(year: unknown): string {
  return typeof year === 'number' ? `${year}年` : '（年份不明）';
}

/** Agencies in pinyin order. */
export function sortedAgencies(rows: ReadonlyArray<{ agency?: unknown }>): string[] {
  return [...new Set(rows.map((r) => agencyName(r.agency)))].sort(collator.compare);
}

/** Years ascending (unknown last). */
export function sortedYears(rows: ReadonlyArray<{ year?: unknown }>): Array<number | null> {
  const ys = [...new Set(rows.map((r) => (typeof r.year === 'number' ? r.year : null)))];
  return ys.sort((a, b) => (a ?? Infinity) - (b ?? Infinity));
}

export interface Category {
  /** Grouping key (agency + year). */
  key: string;
  /** Axis label: agency (wrapped) and/or year, whichever varies in the selection. */
  label: string;
  agency: string;
  year: number | null;
}

/**
 * One category per agency and year, sorted by agency then year. Labels show only what varies:
 * one agency → "2019年"; one year → the agency; otherwise "agency<br>2019年".
 */
export function agencyYearCategories(rows: ReadonlyArray<{ agency?: unknown; year?: unknown }>): Category[] {
  const seen = new Map<string, Category>();
  for (const r of rows) {
    const agency = agencyName(r.agency);
    const year = typeof r.year === 'number' ? r.year : null;
    const key = agencyYearKey(r);
    if (!seen.has(key)) seen.set(key, { key, label: '', agency, year });
  }
  const cats = [...seen.values()].sort(
    (a, b) => collator.compare(a.agency, b.agency) || (a.year ?? Infinity) - (b.year ?? Infinity),
  );
  const manyAgencies = new Set(cats.map((c) => c.agency)).size > 1;
  const manyYears = new Set(cats.map((c) => c.year)).size > 1;
  for (const c of cats) {
    const parts: string[] = [];
    if (manyAgencies || !manyYears) parts.push(wrapLabel(c.agency));
    if (manyYears) parts.push(yearName(c.year));
    c.label = parts.join(manyAgencies && manyYears ? '<br>' : ' ');
  }
  return cats;
}

export function agencyYearKey(r: { agency?: unknown; year?: unknown }): string {
  return `${agencyName(r.agency)}\u0000${typeof r.year === 'number' ? r.year : ''}`;
}

/** An agency name as an axis label (wrapped). */
export function wrapAgency(agency: string): string {
  return wrapLabel(agency);
}

export interface KeyedCounts {
  categories: Category[];
  /**
   * counts[key][i]: the sum of `key`'s counts in category i; null when any of them is null (a
   * blank part leaves the whole unknown: never counted as 0) or when there is none.
   */
  counts: Record<string, Array<number | null>>;
  /** hover[key][i]: the count with its unit, or why it is null ("未报告", or the reported part and what is missing). */
  hover: Record<string, string[]>;
}

/** Per agency-year category and key, the strict sum of the counts (nulls are not zeros). */
export function countsByCategory<T extends ViewRow>(
  rows: readonly T[],
  keyOf: (r: T) => string,
  keys: readonly string[],
  unit: string,
): KeyedCounts {
  const categories = agencyYearCategories(rows);
  const index = new Map(categories.map((c, i) => [c.key, i]));
  const cells = new Map<string, Array<number | null>>();
  for (const r of rows) {
    const cell = `${keyOf(r)}\u0000${index.get(agencyYearKey(r))}`;
    const list = cells.get(cell) ?? [];
    list.push(countOf(r.count));
    cells.set(cell, list);
  }
  const counts: Record<string, Array<number | null>> = {};
  const hover: Record<string, string[]> = {};
  for (const k of keys) {
    const sums = categories.map((_, i) => sumReported(cells.get(`${k}\u0000${i}`) ?? []));
    counts[k] = sums.map((s) => (s.missing ? null : s.sum));
    hover[k] = sums.map((s) => (s.missing && s.sum != null ? `不完整：已报告部分 ${formatCount(s.sum, unit)}，${s.missing} 项未报告` : formatCount(s.sum, unit)));
  }
  return { categories, counts, hover };
}

/** Known keys in catalogue order, then any other keys present (a new key still shows). */
export function orderedKeys(present: Iterable<string>, order: readonly string[]): string[] {
  const set = new Set(present);
  return [...order.filter((k) => set.has(k)), ...[...set].filter((k) => !order.includes(k)).sort()];
}
