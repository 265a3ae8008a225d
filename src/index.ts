/** xxgk's public API: the loader, its tables, views, indicators, exports and charts. */
export { loadReports, assemble } from './load.ts';
export { readAndProcess } from './pipeline.ts';
export type { LoadOptions, LoadResult, LoadInput } from './load.ts';
export { XxgkError, isXxgkError } from './errors.ts';
export type { ErrorCode } from './errors.ts';
export * from './types.ts';
export { processDoc } from './extract/document.ts';
export type { ReportResult } from './extract/document.ts';
export { readSource, readSourceAsync, renderText } from './read/index.ts';
export type { ReadDoc } from './read/index.ts';
export { parseNumber } from './extract/numbers.ts';
export { validateReport } from './validate/validate.ts';
export { validateCorpus } from './validate/corpus.ts';
export { buildViews } from './tables/build.ts';
export {
  INDICATORS,
  disclosureRate,
  refusalRate,
  correctionRate as correctionRateTable,
  newMediaShare,
  requestsPerAgency,
  yoyChange,
  pivotCounts,
  withReportColumns,
} from './tables/indicators.ts';
export { toDanfo, fromDanfo } from './tables/danfo.ts';
export { exportTable, exportTables } from './export/table.ts';
export { exportChart, exportCharts } from './export/chart.ts';
export { standaloneHtml } from './export/html.ts';
export { writeBrief, briefHtml } from './export/brief.ts';
export * from './charts/index.ts';
export { STANDARD_CHARTS, CHART_KINDS, standardChart } from './charts/standard.ts';
export type { ChartKind } from './charts/standard.ts';
export { loadCorpus } from './corpus/index.ts';
export { queryParquet } from './corpus/query.ts';
export { synthCorpus } from './synth/index.ts';
