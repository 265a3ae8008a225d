/** `xxgk chart <kind> …`: one standard chart to PNG, SVG or standalone HTML. */
import { CHART_KINDS, isChartKind, standardChart } from '../charts/standard.ts';
import { XxgkError } from '../errors.ts';
import { exportChart } from '../export/chart.ts';
import type { LoadResult } from '../load.ts';

export interface ChartCommandOptions {
  width?: number;
  height?: number;
  scale?: number;
  agency?: string;
  year?: number;
  includeSynthetic?: boolean;
}

export function checkChartKind(kind: string | undefined): void {
  if (!isChartKind(kind))
    throw new XxgkError('usage', `unknown chart kind "${kind ?? ''}"; kinds: ${CHART_KINDS.join(', ')}`);
}

export async function chartCommand(r: LoadResult, kind: string | undefined, out: string, o: ChartCommandOptions): Promise<void> {
  checkChartKind(kind);
  if (!isChartKind(kind)) return;
  const fig = standardChart(r, kind, {
    agencies: o.agency ? [o.agency] : undefined,
    years: o.year ? [o.year] : undefined,
    agency: o.agency,
    year: o.year,
    includeSynthetic: o.includeSynthetic,
  });
  await exportChart(fig, out, { width: o.width, height: o.height, scale: o.scale });
}
