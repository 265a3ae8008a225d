/**
 * The 2019 (国办公开办函〔2019〕60号) and 2021 (〔2021〕30号) templates, as data.
 * Labels are regular expressions on the label core (see src/extract/labels.ts).
 */
import type { Applicant } from '../types.ts';
import { WAN_YUAN } from './units.ts';

/** Request-matrix rows (三、收到和处理政府信息公开申请情况). */
export interface MatrixEntry {
  key: string;
  labels: string[];
  /** Generic labels ("3.其他") match only under this group row. */
  under?: string;
}

export const MATRIX_ROWS: MatrixEntry[] = [
  { key: 'requests.received', labels: ['本年新收'] },
  { key: 'requests.carried_over', labels: ['上年结转'] },
  { key: 'requests.outcome.partial', labels: ['^部分公开'] },
  { key: 'requests.outcome.granted', labels: ['^予以公开'] },
  { key: 'requests.outcome.denied.state_secret', labels: ['^属于国家秘密'] },
  { key: 'requests.outcome.denied.law_forbidden', labels: ['^其他法律行政法规禁止公开'] },
  { key: 'requests.outcome.denied.security_stability', labels: ['^危及.?三安全一稳定'] },
  { key: 'requests.outcome.denied.third_party', labels: ['^保护第三方合法权益'] },
  { key: 'requests.outcome.denied.internal_affairs', labels: ['^属于三类内部事务'] },
  { key: 'requests.outcome.denied.process_info', labels: ['^属于四类过程性'] },
  { key: 'requests.outcome.denied.enforcement_file', labels: ['^属于行政执法案卷'] },
  { key: 'requests.outcome.denied.query_matter', labels: ['^属于行政查询事项'] },
  { key: 'requests.outcome.unable.not_held', labels: ['^本机关不掌握'] },
  { key: 'requests.outcome.unable.need_creation', labels: ['^没有现成信息'] },
  { key: 'requests.outcome.unable.unclear', labels: ['^补正后申请内容仍不明确'] },
  { key: 'requests.outcome.not_processed.petition', labels: ['^信访举报投诉'] },
  { key: 'requests.outcome.not_processed.repeat', labels: ['^重复申请'] },
  { key: 'requests.outcome.not_processed.publication', labels: ['^要求提供公开出版物'] },
  { key: 'requests.outcome.not_processed.massive_repeat', labels: ['^无正当理由大量反复'] },
  { key: 'requests.outcome.not_processed.confirm', labels: ['^要求行政机关确认或重新出具'] },
  { key: 'requests.outcome.other.overdue_amend', labels: ['逾期不补正'] },
  { key: 'requests.outcome.other.fee_unpaid', labels: ['逾期未按收费通知', '未按收费通知要求缴纳'] },
  { key: 'requests.outcome.other.other', labels: ['^其他$'], under: 'requests.outcome.other' },
  { key: 'requests.outcome.other', labels: ['^其他处理$'] },
  { key: 'requests.outcome.total', labels: ['^总计$'] },
  { key: 'requests.carried_to_next', labels: ['结转下年度继续办理'] },
];

/** What the template's counts are in (its tables state no unit): 第二十条 counts, the request matrix, appeals. */
export const COUNT_UNIT = '件';

/** Group rows of the matrix that carry no figure of their own. */
export const MATRIX_HEADERS: string[] = ['^申请人情况', '^本年度办理结果$', '^不予公开$', '^无法提供$', '^不予处理$', '^自然人', '^法人或其他组织'];

/** Applicant columns, in the template's order; header labels identify them when present. */
export const APPLICANT_COLUMNS: Array<{ applicant: Applicant; labels: string[] }> = [
  { applicant: 'natural_person', labels: ['^自然人$'] },
  { applicant: 'commercial', labels: ['^商业企业$'] },
  { applicant: 'research', labels: ['^科研机构$'] },
  { applicant: 'social_org', labels: ['^社会公益组织$'] },
  { applicant: 'legal_service', labels: ['^法律服务机构$'] },
  { applicant: 'other_org', labels: ['^其他$'] },
  { applicant: 'total', labels: ['^总计$'] },
];

/** 第二十条 tables: row subjects and column measures. */
export const ART20_SUBJECTS: Array<{ subject: string; labels: string[] }> = [
  { subject: 'rules', labels: ['^规章$'] },
  { subject: 'normative', labels: ['^(行政)?规范性文件$'] },
  { subject: 'licensing', labels: ['^行政许可$'] },
  { subject: 'other_services', labels: ['^其他对外管理服务事项$'] },
  { subject: 'penalty', labels: ['^行政处罚$'] },
  { subject: 'coercion', labels: ['^行政强制$'] },
  { subject: 'fees', labels: ['^行政事业性收费$'] },
  { subject: 'procurement', labels: ['^政府集中采购$'] },
];

export const ART20_MEASURES: Array<{ measure: string; labels: string[]; era?: '2021' }> = [
  { measure: 'made', labels: ['^本年新制作数量$'] },
  { measure: 'published', labels: ['^本年新公开数量$'] },
  { measure: 'public_total', labels: ['^对外公开总数量$'] },
  { measure: 'prev_items', labels: ['^上一年项目数量$'] },
  { measure: 'change', labels: ['^本年增/?减$'] },
  { measure: 'decisions', labels: ['处理决定数量$'] },
  { measure: 'projects', labels: ['^采购项目数量$'] },
  { measure: 'amount', labels: ['^采购总金额', '^本年收费金额'] },
  { measure: 'issued', labels: ['^本年制发件数$'], era: '2021' },
  { measure: 'repealed', labels: ['^本年废止件数$'], era: '2021' },
  { measure: 'in_force', labels: ['^现行有效件数$'], era: '2021' },
];

/** The appeals row: 15 cells, three blocks of five results. */
export const APPEAL_BLOCKS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export type AppealBlock = (typeof APPEAL_BLOCKS)[number];
export const APPEAL_BLOCK_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
/**
 * The appeals header above each block: the word of its kind of appeal (行政诉讼 spans two blocks)
 * and, for those, the block's own sub-header.
 */
export const APPEAL_BLOCK_WORDS: Readonly<Record<AppealBlock, { kind: string; sub?: string }>> = {
  reconsideration: { kind: '行政复议' },
  litigation_direct: { kind: '行政诉讼', sub: '未经复议直接起诉' },
  litigation_after_reconsideration: { kind: '行政诉讼', sub: '复议后起诉' },
};
/** The header labels of the appeals row, used as the facts' `label` (the cells have none). */
export const APPEAL_LABELS: Record<AppealBlock | (typeof APPEAL_BLOCK_RESULTS)[number], string> = {
  reconsideration: blockLabel('reconsideration'),
  litigation_direct: blockLabel('litigation_direct'),
  litigation_after_reconsideration: blockLabel('litigation_after_reconsideration'),
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** A block's label: its kind of appeal, then its sub-header ("行政诉讼 未经复议直接起诉"). */
function blockLabel(block: AppealBlock): string {
  const { kind, sub } = APPEAL_BLOCK_WORDS[block];
  return sub === undefined ? kind : `${kind} ${sub}`;
}

/** A label of the data above as the plain word it matches: its ^ $ anchors dropped. */
function wordOf(label: string): string {
  const word = label.replace(/^\^|\$$/g, '');
  // A section word is searched for as plain text: only an anchored literal may serve.
  if (/[\\^$.|?*+()[\]{}]/.test(word)) throw new Error(`metrics2019: label ${label} is not a plain word`);
  return word;
}

/**
 * Words that tell where the 2019 template's tables and sections start, as the table reader meets
 * them row by row (whitespace ignored; a marker never spans two cells). Words that are labels of
 * the data above are taken from it, so each is written once.
 */
export const SECTION_WORDS = {
  /** A row holding it starts the 第二十条 (proactive disclosure) table. */
  art20: '第二十条',
  /** The first cell of that table's header row; a header cell saying 万元 puts its column in 万元. */
  art20Header: '信息内容',
  art20InWan: WAN_YUAN,
  /** A row holding it (the matrix's first group row, 申请人情况), or a label holding the matrix's first row's words (本年新收), starts the request matrix. */
  matrix: wordOf(MATRIX_HEADERS[0]!),
  matrixFirstRow: wordOf(MATRIX_ROWS[0]!.labels[0]!),
  /** A row holding both starts the appeals table: the appeals header's words of the two kinds of appeal (行政复议, 行政诉讼). */
  reconsideration: APPEAL_BLOCK_WORDS.reconsideration.kind,
  litigation: APPEAL_BLOCK_WORDS.litigation_direct.kind,
} as const;

/** Labels that identify the template of a table. */
export const TEMPLATE_MARKERS = {
  '2021': ['本年制发件数', '本年废止件数', '现行有效件数', '逾期不补正', '未按收费通知要求缴纳', '本年收费金额'],
  '2019': ['本年新收政府信息公开申请', '上年结转政府信息公开申请', '结转下年度继续办理', '第二十条第', '本年新制作数量', '未经复议直接起诉', '复议后起诉'],
  '2008': ['主动公开政府信息数', '收到申请数', '申请答复数', '申请办结数', '统计指标', '行政复议数量'],
} as const;
