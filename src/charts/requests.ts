/**
 * Requests for disclosure (requests and outcomes views): volumes, submission channels
 * (2008-era tables), applicant types (2019+) and outcomes by crosswalk group.
 */
import {
  APPLICANT_LABELS,
  APPLICANTS,
  OUTCOME_GROUP_LABELS,
  OUTCOME_GROUPS,
  REQUEST_CHANNEL_LABELS,
  REQUEST_CHANNELS,
  REQUEST_TOTAL_LABELS,
  REQUEST_TOTALS,
  labelOf,
} from '../catalogue/labels.ts';
import {
  APPLICANT_COLOURS,
  OUTCOME_GROUP_COLOURS,
  REQUEST_CHANNEL_COLOURS,
  REQUEST_TOTAL_COLOURS,
  colourOf,
} from '../catalogue/palette.ts';
import { barFigure, type BarSeries } from './bars.ts';
import { emptyFigure, formatCount, formatShare, noDataMessage, sourceLine, type Figure } from './figure.ts';
import {
  agencyYearKey,
  countOf,
  countsByCategory,
  groupBy,
  orderedKeys,
  selectRows,
  toRows,
  type ChartOptions,
  type TableLike,
  type ViewRow,
} from './rows.ts';

interface RequestRow extends ViewRow {
  by: string;
  key: string;
}

interface OutcomeRow extends ViewRow {
  outcome: string;
  group: string | null;
}

function requestRows(requests: TableLike, by: string, o: ChartOptions, exclude: string[] = []): RequestRow[] {
  return selectRows(toRows<RequestRow>(requests), o).filter((r) => r.by === by && !exclude.includes(r.key));
}

interface KeyedBarsSpec<T extends ViewRow> {
  rows: T[];
  keyOf: (r: T) => string;
  order: readonly string[];
  labels: Record<string, string>;
  colours: Record<string, string>;
  title: string;
  empty: string;
  barmode: 'stack' | 'group';
  unit: string;
  valueTitle: string;
  note?: string;
}

/** Counts per agency-year, one bar series per key. */
function keyedCountBars<T extends ViewRow>(s: KeyedBarsSpec<T>): Figure {
  if (!s.rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage(s.empty), s.title);
  const keys = orderedKeys(
    s.rows.map((r) => s.keyOf(r)),
    s.order,
  );
  const { categories, counts, hover } = countsByCategory(s.rows, s.keyOf, keys, s.unit);
  const series: BarSeries[] = keys.map((k) => ({
    key: k,
    name: labelOf(s.labels, k),
    colour: colourOf(s.colours, k),
    values: counts[k],
    hover: hover[k],
  }));
  return barFigure({
    title: s.title,
    source: sourceLine(s.rows),
    note: s.note,
    categories: categories.map((c) => c.label),
    series,
    orientation: 'h',
    barmode: s.barmode,
    valueTitle: s.valueTitle,
  });
}

/** Received and carried-over requests per agency and year (grouped bars). */
export function requestVolumes(requests: TableLike, o: ChartOptions = {}): Figure {
  const rows = requestRows(requests, 'total', o).filter((r) => (REQUEST_TOTALS as readonly string[]).includes(r.key));
  return keyedCountBars({
    rows,
    keyOf: (r) => r.key,
    order: REQUEST_TOTALS,
    labels: REQUEST_TOTAL_LABELS,
    colours: REQUEST_TOTAL_COLOURS,
    title: o.title ?? '依申请公开：本年新收与上年结转申请数',
    empty: '申请数据',
    barmode: 'group',
    unit: '件',
    valueTitle: '申请数 (件)',
    note: '注：2008 年版模板没有"上年结转"一项；未报告的数值不画柱（不按 0 计）。',
  });
}

/** Requests by submission channel (2008-era tables: 当面/传真/网络/信函…), stacked. */
export function requestsBySubmissionChannel(requests: TableLike, o: ChartOptions = {}): Figure {
  return keyedCountBars({
    rows: requestRows(requests, 'channel', o),
    keyOf: (r) => r.key,
    order: REQUEST_CHANNELS,
    labels: REQUEST_CHANNEL_LABELS,
    colours: REQUEST_CHANNEL_COLOURS,
    title: o.title ?? '依申请公开：按申请方式（2008 年版模板）',
    empty: '按申请方式的申请数据',
    barmode: 'stack',
    unit: '件',
    valueTitle: '收到申请数 (件)',
  });
}

/** New requests by applicant type (2019/2021 tables), stacked. */
export function requestsByApplicant(requests: TableLike, o: ChartOptions = {}): Figure {
  return keyedCountBars({
    rows: requestRows(requests, 'applicant', o, ['total']),
    keyOf: (r) => r.key,
    order: APPLICANTS,
    labels: APPLICANT_LABELS,
    colours: APPLICANT_COLOURS,
    title: o.title ?? '依申请公开：按申请人类型（2019 年版起）',
    empty: '按申请人类型的申请数据',
    barmode: 'stack',
    unit: '件',
    valueTitle: '本年新收申请数 (件)',
  });
}

/**
 * Outcome rows that may be summed: drops `total` and any outcome whose sub-rows are also
 * present with a value in the same report (2008 `denied` beside `denied.*`, 2021 `other`
 * beside `other.*`), so nothing is counted twice.
 */
export function leafOutcomes<T extends OutcomeRow>(rows: readonly T[]): T[] {
  const out: T[] = [];
  for (const rs of groupBy(rows, (r) => r.report_id).values()) {
    const withValue = rs.filter((r) => countOf(r.count) != null).map((r) => r.outcome);
    for (const r of rs) {
      if (r.outcome === 'total' || r.group == null) continue;
      if (withValue.some((k) => k.startsWith(`${r.outcome}.`))) continue;
      out.push(r);
    }
  }
  return out;
}

export interface OutcomesOptions extends ChartOptions {
  mode?: 'count' | 'share';
}

/**
 * Request outcomes by crosswalk group per agency-year, stacked counts or shares. A group with a
 * blank part is null (its sum is unknown), and shares are taken over the report's outcomes total
 * (办理结果合计, the `total` group) as the disclosure and refusal rates are; a report that does not
 * state it gets the sum of its groups when none is blank.
 */
export function outcomesByGroup(outcomes: TableLike, o: OutcomesOptions = {}): Figure {
  const mode = o.mode ?? 'count';
  const title = o.title ?? `依申请公开办理结果（按结果类别${mode === 'share' ? '，占比' : ''}）`;
  const selected = selectRows(toRows<OutcomeRow>(outcomes), o);
  const rows = leafOutcomes(selected);
  if (!rows.some((r) => countOf(r.count) != null)) return emptyFigure(noDataMessage('办理结果数据'), title);

  const groups = orderedKeys(
    rows.map((r) => r.group as string),
    OUTCOME_GROUPS,
  );
  const { categories, counts, hover } = countsByCategory(rows, (r) => r.group as string, groups, '件');
  // The stated totals of the same categories (rows of categories without outcome rows left out).
  const keys = new Set(rows.map(agencyYearKey));
  const stated = countsByCategory(
    selected.filter((r) => r.outcome === 'total' && keys.has(agencyYearKey(r))),
    () => 'total',
    ['total'],
    '件',
  );
  const statedTotal = new Map(stated.categories.map((c, i) => [c.key, stated.counts.total[i]]));
  const totals = categories.map((c, i) => {
    const t = statedTotal.get(c.key);
    if (t != null) return t;
    const parts = groups.map((g) => counts[g][i]);
    return parts.some((v) => v == null) ? null : parts.reduce<number>((a, b) => a + (b as number), 0);
  });
  const series: BarSeries[] = groups.map((g) => {
    const shares = counts[g].map((v, i) => (v == null || !totals[i] ? null : v / totals[i]!));
    return {
      key: g,
      name: labelOf(OUTCOME_GROUP_LABELS, g),
      colour: colourOf(OUTCOME_GROUP_COLOURS, g),
      values: mode === 'share' ? shares : counts[g],
      hover: counts[g].map((v, i) =>
        v == null ? hover[g][i] : `${formatCount(v, '件')}（${totals[i] === 0 ? '合计为 0，无占比' : formatShare(shares[i])}）`,
      ),
    };
  });
  return barFigure({
    title,
    source: sourceLine(rows),
    note: [
      mode === 'share' ? '注：占比以办理结果合计为分母（未填合计的年报以各类结果之和）。' : '',
      groups.some((g) => counts[g].includes(null)) ? `${mode === 'share' ? '' : '注：'}有空项的类别不画（不按 0 计）。` : '',
    ].join('') || undefined,
    categories: categories.map((c) => c.label),
    series,
    orientation: 'h',
    barmode: 'stack',
    percent: mode === 'share',
    valueTitle: mode === 'share' ? '占办理结果合计的比例 (%)' : '办理结果 (件)',
  });
}
