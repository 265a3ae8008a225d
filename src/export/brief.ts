/**
 * The briefing pack: one self-contained HTML file (key figures, the standard charts, the
 * findings) an analyst can email. plotly.js is embedded once; all report text is escaped.
 */
import { FONT_FAMILY } from '../charts/figure.ts';
import { type ChartKind, STANDARD_CHARTS, standardChart } from '../charts/standard.ts';
import type { LoadResult } from '../load.ts';
import { correctionRate, disclosureRate, newMediaShare } from '../tables/indicators.ts';
import { selectResult, syntheticReportIds } from '../tables/select.ts';
import { FINDING_CODE_LABELS, labelOf, SEVERITY_LABELS } from '../catalogue/labels.ts';
import { escapeHtml, figureEmbed, figureTitle, plotlyScriptTag } from './html.ts';
import { writeOut } from './write.ts';

export interface BriefOptions {
  agency?: string;
  year?: number;
  /** Include reports written by `xxgk synth` (left out by default, and named when they are). */
  includeSynthetic?: boolean;
  /** Charts to include, in order. */
  charts?: ChartKind[];
  title?: string;
}

const DEFAULT_CHARTS: ChartKind[] = ['channel-mix', 'request-volumes', 'outcomes', 'reconsideration', 'litigation', 'findings'];

type Row = Record<string, unknown>;

const pct = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—');
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('zh-CN') : '—');

function byReport(t: LoadResult['reports'], col: string): Map<string, unknown> {
  return new Map((t.objects() as Row[]).map((x) => [String(x.report_id), x[col]]));
}

/** One row per report: the figures a briefing leads with. */
export function keyFigures(r: LoadResult): Row[] {
  const channels = r.channels.objects() as Row[];
  const requests = r.requests.objects() as Row[];
  const disclosure = byReport(disclosureRate(r.outcomes, { by: ['report_id'] }), 'disclosure_rate');
  const newMedia = byReport(newMediaShare(r.channels, { by: ['report_id'] }), 'new_media_share');
  const correction = byReport(correctionRate(r.appeals, { by: ['report_id'], kind: 'reconsideration' }), 'correction_rate');
  return r.records.reports.map((rep) => {
    const id = rep.report_id;
    const total = channels.find((c) => c.report_id === id && c.channel === 'total')?.count;
    const received = requests.find((q) => q.report_id === id && q.by === 'total' && q.key === 'received')?.count;
    return {
      机构: rep.agency ?? '（未识别）',
      年份: rep.year ?? '—',
      模板: rep.template,
      主动公开总数: num(total),
      新媒体占比: pct(newMedia.get(id)),
      收到申请: num(received),
      公开率: pct(disclosure.get(id)),
      行政复议纠错率: pct(correction.get(id)),
      问题: r.records.findings.filter((f) => f.report_id === id && f.severity === 'error').length,
    };
  });
}

/** What the source line says of synthetic reports: how many are in the pack, or were left out. */
function syntheticNote(all: LoadResult, shown: LoadResult, o: BriefOptions): string {
  const synthetic = syntheticReportIds(all.findings);
  if (!synthetic.size) return '';
  const inPack = shown.records.reports.filter((x) => synthetic.has(x.report_id)).length;
  if (o.includeSynthetic) return inPack ? `，其中 ${inPack} 份为合成年报（xxgk synth，仅供测试）` : '';
  return `（另有 ${synthetic.size} 份合成年报未计入）`;
}

/**
 * What each key figure means (口径), in the order of the key-figures columns — the same
 * definitions as INDICATORS in src/tables/indicators.ts and the crosswalk (2008: 属于已主动公开范围
 * counts as granted).
 */
export const KEY_FIGURE_DEFINITIONS: ReadonlyArray<readonly [string, string]> = [
  ['主动公开总数', '年报所报主动公开政府信息条数（proactive.total；同一信息经多个渠道公开只计 1 条）。'],
  ['新媒体占比', '(政务微博 + 政务微信) ÷ 五种渠道（政府公报、政府网站、政务微博、政务微信、其他方式）条数之和；分母不是主动公开总数（同一信息可经多个渠道公开，渠道条数之和可多于总数）。有渠道未报告、或五种渠道均为 0 时为空。'],
  ['收到申请', '本年新收政府信息公开申请数（2008 年版模板：收到申请数）。'],
  ['公开率', '(予以公开 + 部分公开) ÷ 办理结果总计（2008 年版模板：申请答复数）；2008 年版模板的「属于已主动公开范围」计入予以公开。'],
  ['行政复议纠错率', '结果纠正 ÷ (总计 − 尚未审结)；2008 年版模板没有「尚未审结」，即 被依法纠错 ÷ 行政复议总数。无案件则为空。'],
  ['问题', '该年报「错误」级别的数据问题条数（见下文数据问题）。'],
];

function definitionList(): string {
  const items = KEY_FIGURE_DEFINITIONS.map(([name, text]) => `<li><b>${escapeHtml(name)}</b>：${escapeHtml(text)}</li>`).join('\n');
  return `<p class="meta">口径 Definitions：</p>\n<ul class="defs">\n${items}\n</ul>`;
}

function htmlTable(rows: Row[], empty: string, cls?: string): string {
  if (!rows.length) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const cols = Object.keys(rows[0]!);
  const head = cols.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const body = rows.map((row) => `<tr>${cols.map((c) => `<td>${escapeHtml(String(row[c] ?? ''))}</td>`).join('')}</tr>`).join('\n');
  return `<table${cls ? ` class="${cls}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

export function briefHtml(all: LoadResult, o: BriefOptions = {}): string {
  const r = selectResult(all, o);
  const reports = r.records.reports;
  const years = [...new Set(reports.map((x) => x.year).filter((y) => y != null))].sort();
  const title = o.title ?? `政府信息公开年报简报${o.agency ? `：${o.agency}` : ''}${o.year ? `（${o.year}年）` : ''}`;
  const files = new Map(reports.map((x) => [x.report_id, x.file]));
  const findings = r.records.findings.map((f) => ({
    文件: `${files.get(f.report_id) ?? f.report_id}:${f.line ?? '-'}`,
    级别: labelOf(SEVERITY_LABELS, f.severity),
    问题类型: labelOf(FINDING_CODE_LABELS, f.code),
    代码: f.code,
    '说明（原文，含数值）': f.message,
  }));
  // The chart's own title heads it (it names the agency and years); no second heading above it.
  const charts = (o.charts ?? DEFAULT_CHARTS)
    .map((kind) => {
      const fig = standardChart(r, kind, { agency: o.agency, year: o.year, includeSynthetic: o.includeSynthetic });
      return `<section class="chart" aria-label="${escapeHtml(figureTitle(fig) || STANDARD_CHARTS[kind].title)}">${figureEmbed(fig)}</section>`;
    })
    .join('\n');
  return [
    '<!doctype html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>body{font-family:${FONT_FAMILY.replace(/"/g, "'")};margin:24px;color:#222;max-width:1100px}
table{border-collapse:collapse;font-size:13px;margin:8px 0 24px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}.empty{color:#777}.meta{color:#555}.defs{font-size:13px;color:#333;margin:0 0 24px}
.findings td:nth-child(2),.findings td:nth-child(3),.findings td:nth-child(4){white-space:nowrap}</style>`,
    plotlyScriptTag(),
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">来源：${reports.length} 份年报${years.length ? `（${escapeHtml(years.join('、'))}）` : ''}${syntheticNote(all, r, o)}；由 xxgk 生成。空白表示年报未报告，不是 0。</p>`,
    '<h2>关键数据 Key figures</h2>',
    htmlTable(keyFigures(r), '所选范围没有年报 (no reports in this selection)'),
    definitionList(),
    '<h2>图表 Charts</h2>',
    reports.length ? charts : '<p class="empty">所选范围没有年报 (no reports in this selection)</p>',
    '<h2>数据问题 Findings</h2>',
    htmlTable(findings, '没有发现问题 (no findings)', 'findings'),
    '</body></html>',
  ].join('\n');
}

export async function writeBrief(r: LoadResult, out: string, o: BriefOptions = {}): Promise<string> {
  await writeOut(out, briefHtml(r, o));
  return out;
}
