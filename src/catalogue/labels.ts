/**
 * Chinese display labels for the keys of the analysis views (data-contract.md). Charts, tables
 * and notebooks read labels from here so a key has one label everywhere. Keys stay ASCII; only
 * what a reader sees is Chinese.
 */
import { APPEAL_BLOCK_RESULTS, APPLICANT_COLUMNS as MATRIX_COLUMNS } from './metrics2019.ts';
import type { Applicant, FindingCode, Severity } from '../types.ts';

/** The five proactive-disclosure channels, in display order (total is not a channel). */
export const CHANNELS = ['gazette', 'website', 'weibo', 'wechat', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel | 'total', string> = {
  gazette: '政府公报',
  website: '政府网站',
  weibo: '政务微博',
  wechat: '政务微信',
  other: '其他方式',
  total: '主动公开总数',
};

/** Outcome groups of the crosswalk, in display order (from granted to not processed). */
export const OUTCOME_GROUPS = ['granted', 'partial', 'denied', 'unable', 'not_processed', 'other'] as const;
export type OutcomeGroup = (typeof OUTCOME_GROUPS)[number];

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partial: '部分公开',
  denied: '不予公开',
  unable: '无法提供',
  not_processed: '不予处理',
  other: '其他处理',
};

export const APPEAL_KINDS = [
  'reconsideration',
  'litigation',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
  litigation_direct: '行政诉讼（未经复议直接起诉）',
  litigation_after_reconsideration: '行政诉讼（复议后起诉）',
};

export type AppealResult = Exclude<(typeof APPEAL_BLOCK_RESULTS)[number], 'total'>;
/** Appeal results without `total`, in display order (the table's, from the template catalogue). */
export const APPEAL_RESULTS: readonly AppealResult[] = APPEAL_BLOCK_RESULTS.filter((r): r is AppealResult => r !== 'total');

export const APPEAL_RESULT_LABELS: Record<AppealResult | 'total', string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

/** The columns of the 2019/2021 request matrix, 总计 `total` included, in table order (from the template catalogue). */
export const ALL_APPLICANTS: readonly Applicant[] = MATRIX_COLUMNS.map((c) => c.applicant);
export type ApplicantKey = Exclude<Applicant, 'total'>;
/** The six applicant columns (总计 `total` excluded), in table order. */
export const APPLICANTS = ALL_APPLICANTS.filter((a): a is ApplicantKey => a !== 'total');

export const APPLICANT_LABELS: Record<ApplicantKey | 'total', string> = {
  natural_person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  social_org: '社会公益组织',
  legal_service: '法律服务机构',
  other_org: '其他法人或组织',
  total: '总计',
};

/** Submission channels of 2008-era request tables, in display order. */
export const REQUEST_CHANNELS = ['in_person', 'fax', 'online', 'email', 'mail', 'mail_or_fax', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export const REQUEST_CHANNEL_LABELS: Record<RequestChannel, string> = {
  in_person: '当面申请',
  fax: '传真申请',
  online: '网络申请',
  email: '电子邮件申请',
  mail: '信函申请',
  mail_or_fax: '信函、传真申请',
  other: '其他形式',
};

/** `requests` rows with by = total. */
export const REQUEST_TOTALS = ['received', 'carried_over'] as const;
export type RequestTotal = (typeof REQUEST_TOTALS)[number];

export const REQUEST_TOTAL_LABELS: Record<RequestTotal, string> = {
  received: '本年新收申请',
  carried_over: '上年结转申请',
};

export const SEVERITIES = ['error', 'warning', 'info'] as const;

export const SEVERITY_LABELS: Record<Severity, string> = {
  error: '错误',
  warning: '警告',
  info: '提示',
};

export const FINDING_CODE_LABELS: Record<FindingCode, string> = {
  unreadable_file: '文件无法读取',
  empty_file: '空文件',
  binary_file: '二进制文件',
  unknown_encoding: '编码无法识别',
  file_too_large: '文件过大',
  unsupported_format: '格式不支持',
  pdf_layout: 'PDF 表格无法可靠还原',
  no_report: '不是年报',
  unknown_year: '年份不明',
  unknown_agency: '机构不明',
  unknown_template: '模板不明',
  missing_section: '缺少章节',
  unrecognised_row: '无法识别的行',
  value_on_header_row: '标题行上有数值',
  unparsed_value: '数值无法解析',
  truncated: '内容截断',
  ambiguous_cells: '单元格不明确',
  column_choice: '取值列选择',
  unit_mismatch: '计量单位不符',
  identity_violation: '勾稽关系不符',
  subitem_exceeds_total: '分项大于合计',
  narrative_table_conflict: '正文与表格不一致',
  year_template_mismatch: '年份与模板不符',
  duplicate_report: '重复年报',
  cross_year_mismatch: '跨年度结转不符',
  table_too_large: '表格过大',
  timeout: '处理超时',
  out_of_memory: '内存不足',
  synthetic_report: '合成数据',
};

/** Label of a key, falling back to the key itself (a new key must still display). */
export function labelOf(labels: Record<string, string>, key: string): string {
  return labels[key] ?? key;
}
