/** Exports: tables to files, charts to PNG/SVG/HTML. */
export { exportTable, exportTables, toCsvText, toJsonText, toArrowBytes, toParquetBytes, csvField, guardFormula, tableFormat } from './table.ts';
export type { TableFormat, TableInput, TableExportOptions } from './table.ts';
export { exportChart, exportCharts, chartFormat, openRenderer, renderImage, DEFAULT_SCALE } from './chart.ts';
export type { ChartExportOptions, ChartItem, ChartFormat } from './chart.ts';
export { standaloneHtml, figureEmbed, plotlyScriptTag, plotlySource, escapeHtml, jsonForScript, figureTitle } from './html.ts';
export { findBrowser, launchBrowser, BROWSER_HINT, LAUNCH_ARGS } from './browser.ts';
