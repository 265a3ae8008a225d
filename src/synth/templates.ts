/**
 * The table templates the generator writes, as data: row labels and units exactly as real
 * reports print them (seeds 000–004 and the 2021 format of 国办公开办函〔2021〕30号).
 */

/** A 2008-era row. `key` absent = a section/group header (no figure of its own). */
export interface Row2008 {
  key?: string;
  label: string;
  unit: string;
  /** Top-level section: numbered 一、二、… when rendered (provinces renumber, so we count). */
  top?: boolean;
  /** Where a Word dump wraps the label onto a second line. */
  wrapAt?: number;
  /** Only some provinces' tables have this block. */
  optional?: 'complaints' | 'archive' | 'other_channel';
  /** Indentation in Word dumps (full-width spaces). */
  indent?: number;
}

export const ROWS_2008: readonly Row2008[] = [
  { label: '主动公开情况', unit: '', top: true },
  { key: 'proactive.total', label: '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', unit: '条', wrapAt: 14, indent: 2 },
  { key: 'proactive.normative_docs', label: '其中：主动公开规范性文件数', unit: '条', indent: 5 },
  { key: 'proactive.normative_docs_issued', label: '制发规范性文件总数', unit: '件', indent: 8 },
  { label: '（二）通过不同渠道和方式公开政府信息的情况', unit: '', indent: 2 },
  { key: 'proactive.channel.gazette', label: '1.政府公报公开政府信息数', unit: '条', indent: 5 },
  { key: 'proactive.channel.website', label: '2.政府网站公开政府信息数', unit: '条', indent: 5 },
  { key: 'proactive.channel.weibo', label: '3.政务微博公开政府信息数', unit: '条', indent: 5 },
  { key: 'proactive.channel.wechat', label: '4.政务微信公开政府信息数', unit: '条', indent: 5 },
  { key: 'proactive.channel.other', label: '5.其他方式公开政府信息数', unit: '条', indent: 5 },
  { label: '回应解读情况', unit: '', top: true },
  { key: 'response.hotspots', label: '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', unit: '次', wrapAt: 18, indent: 2 },
  { label: '（二）通过不同渠道和方式回应解读的情况', unit: '', indent: 2 },
  { key: 'response.press_conferences', label: '1.参加或举办新闻发布会总次数', unit: '次', indent: 5 },
  { key: 'response.press_conferences_leader', label: '其中：主要负责同志参加新闻发布会次数', unit: '次', indent: 6 },
  { key: 'response.online_interviews', label: '2.政府网站在线访谈次数', unit: '次', indent: 5 },
  { key: 'response.online_interviews_leader', label: '其中：主要负责同志参加政府网站在线访谈次数', unit: '次', indent: 6 },
  { key: 'response.interpretations', label: '3.政策解读稿件发布数', unit: '篇', indent: 5 },
  { key: 'response.social_media', label: '4.微博微信回应事件数', unit: '次', indent: 5 },
  { key: 'response.other', label: '5.其他方式回应事件数', unit: '次', indent: 5 },
  { label: '依申请公开情况', unit: '', top: true },
  { key: 'requests.received', label: '（一）收到申请数', unit: '件', indent: 2 },
  { key: 'requests.channel.in_person', label: '1.当面申请数', unit: '件', indent: 5 },
  { key: 'requests.channel.fax', label: '2.传真申请数', unit: '件', indent: 5 },
  { key: 'requests.channel.online', label: '3.网络申请数', unit: '件', indent: 5 },
  { key: 'requests.channel.mail', label: '4.信函申请数', unit: '件', indent: 5 },
  { key: 'requests.channel.other', label: '5.其他形式', unit: '件', indent: 5, optional: 'other_channel' },
  { key: 'requests.closed', label: '（二）申请办结数', unit: '件', indent: 2 },
  { key: 'requests.closed_on_time', label: '1.按时办结数', unit: '件', indent: 5 },
  { key: 'requests.closed_extended', label: '2.延期办结数', unit: '件', indent: 5 },
  { key: 'requests.answered', label: '（三）申请答复数', unit: '件', indent: 2 },
  { key: 'requests.outcome.already_public', label: '1.属于已主动公开范围数', unit: '件', indent: 5 },
  { key: 'requests.outcome.granted', label: '2.同意公开答复数', unit: '件', indent: 5 },
  { key: 'requests.outcome.partial', label: '3.同意部分公开答复数', unit: '件', indent: 5 },
  { key: 'requests.outcome.denied', label: '4.不同意公开答复数', unit: '件', indent: 5 },
  { key: 'requests.outcome.denied.state_secret', label: '其中：涉及国家秘密', unit: '件', indent: 6 },
  { key: 'requests.outcome.denied.commercial_secret', label: '涉及商业秘密', unit: '件', indent: 9 },
  { key: 'requests.outcome.denied.privacy', label: '涉及个人隐私', unit: '件', indent: 9 },
  { key: 'requests.outcome.denied.security_stability', label: '危及国家安全、公共安全、经济安全和社会稳定', unit: '件', indent: 9 },
  { key: 'requests.outcome.denied.not_gov_info', label: '不是《条例》所指政府信息', unit: '件', indent: 9 },
  { key: 'requests.outcome.denied.other_law', label: '法律法规规定的其他情形', unit: '件', indent: 9 },
  { key: 'requests.outcome.not_this_agency', label: '5.不属于本行政机关公开数', unit: '件', indent: 5 },
  { key: 'requests.outcome.not_exist', label: '6.申请信息不存在数', unit: '件', indent: 5 },
  { key: 'requests.outcome.asked_to_amend', label: '7.告知作出更改补充数', unit: '件', indent: 5 },
  { key: 'requests.outcome.other_channel', label: '8.告知通过其他途径办理数', unit: '件', indent: 5 },
  { key: 'reconsideration.total', label: '行政复议数量', unit: '件', top: true },
  { key: 'reconsideration.upheld', label: '（一）维持具体行政行为数', unit: '件', indent: 2 },
  { key: 'reconsideration.corrected', label: '（二）被依法纠错数', unit: '件', indent: 2 },
  { key: 'reconsideration.other', label: '（三）其他情形数', unit: '件', indent: 2 },
  { key: 'litigation.total', label: '行政诉讼数量', unit: '件', top: true },
  { key: 'litigation.upheld', label: '（一）维持具体行政行为或者驳回原告诉讼请求数', unit: '件', indent: 2 },
  { key: 'litigation.corrected', label: '（二）被依法纠错数', unit: '件', indent: 2 },
  { key: 'litigation.other', label: '（三）其他情形数', unit: '件', indent: 2 },
  { key: 'complaints.total', label: '被举报投诉数量', unit: '件', top: true, optional: 'complaints' },
  { key: 'complaints.upheld', label: '（一）维持具体行政行为数', unit: '件', indent: 2, optional: 'complaints' },
  { key: 'complaints.corrected', label: '（二）被纠错数', unit: '件', indent: 2, optional: 'complaints' },
  { key: 'complaints.other', label: '（三）其他情形数', unit: '件', indent: 2, optional: 'complaints' },
  { key: 'archive.submitted', label: '向图书馆、档案馆等查阅场所报送信息数', unit: '条', top: true, optional: 'archive' },
  { key: 'archive.paper', label: '（一）纸质文件数', unit: '条', indent: 2, optional: 'archive' },
  { key: 'archive.electronic', label: '（二）电子文件数', unit: '条', indent: 2, optional: 'archive' },
  { key: 'fees.collected', label: '依申请公开信息收取的费用', unit: '万元', top: true },
  { label: '机构建设和保障经费情况', unit: '', top: true },
  { key: 'capacity.units', label: '（一）政府信息公开工作专门机构数', unit: '个', indent: 2 },
  { key: 'capacity.reading_points', label: '（二）设置政府信息公开查阅点数', unit: '个', indent: 2 },
  { key: 'capacity.staff', label: '（三）从事政府信息公开工作人员数', unit: '人', indent: 2 },
  { key: 'capacity.staff_fulltime', label: '1.专职人员数（不包括政府公报及政府网站工作人员数）', unit: '人', indent: 5 },
  { key: 'capacity.staff_parttime', label: '2.兼职人员数', unit: '人', indent: 5 },
  { key: 'capacity.budget', label: '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）', unit: '万元', wrapAt: 14, indent: 2 },
  { label: '政府信息公开会议和培训情况', unit: '', top: true },
  { key: 'training.meetings', label: '（一）召开政府信息公开工作会议或专题会议数', unit: '次', indent: 2 },
  { key: 'training.sessions', label: '（二）举办各类培训班数', unit: '次', indent: 2 },
  { key: 'training.trainees', label: '（三）接受培训人员数', unit: '人次', indent: 2 },
];

export const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];

export const APPLICANTS = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org'] as const;

/** Rows of the 2019/2021 request matrix: [group cell, label cell, metric]. */
export interface MatrixRow {
  first: string;
  group: string | null;
  label: string | null;
  key: string;
}

const denied = [
  ['1.属于国家秘密', 'state_secret'], ['2.其他法律行政法规禁止公开', 'law_forbidden'], ['3.危及“三安全一稳定”', 'security_stability'],
  ['4.保护第三方合法权益', 'third_party'], ['5.属于三类内部事务信息', 'internal_affairs'], ['6.属于四类过程性信息', 'process_info'],
  ['7.属于行政执法案卷', 'enforcement_file'], ['8.属于行政查询事项', 'query_matter'],
] as const;
const unable = [
  ['1.本机关不掌握相关政府信息', 'not_held'], ['2.没有现成信息需要另行制作', 'need_creation'], ['3.补正后申请内容仍不明确', 'unclear'],
] as const;
const notProcessed = [
  ['1.信访举报投诉类申请', 'petition'], ['2.重复申请', 'repeat'], ['3.要求提供公开出版物', 'publication'],
  ['4.无正当理由大量反复申请', 'massive_repeat'], ['5.要求行政机关确认或重新出具已获取信息', 'confirm'],
] as const;
const other2021 = [
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', 'overdue_amend'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 'fee_unpaid'],
  ['3.其他', 'other'],
] as const;

function group(name: string, rows: ReadonlyArray<readonly [string, string]>, prefix: string): MatrixRow[] {
  return rows.map(([label, k], i) => ({ first: '', group: i === 0 ? name : '', label, key: `${prefix}.${k}` }));
}

export function matrixRows(template: '2019' | '2021'): MatrixRow[] {
  return [
    { first: '一、本年新收政府信息公开申请数量', group: null, label: null, key: 'requests.received' },
    { first: '二、上年结转政府信息公开申请数量', group: null, label: null, key: 'requests.carried_over' },
    { first: '三、本年度办理结果', group: '（一）予以公开', label: null, key: 'requests.outcome.granted' },
    { first: '', group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', label: null, key: 'requests.outcome.partial' },
    ...group('（三）\n不予\n公开', denied, 'requests.outcome.denied'),
    ...group('（四）\n无法\n提供', unable, 'requests.outcome.unable'),
    ...group('（五）\n不予\n处理', notProcessed, 'requests.outcome.not_processed'),
    ...(template === '2019'
      ? [{ first: '', group: '（六）其他处理', label: null, key: 'requests.outcome.other' }]
      : group('（六）其他处理', other2021, 'requests.outcome.other')),
    { first: '', group: '（七）总计', label: null, key: 'requests.outcome.total' },
    { first: '四、结转下年度继续办理', group: null, label: null, key: 'requests.carried_to_next' },
  ];
}

/** The outcome rows that add up to requests.outcome.total. */
export function outcomeKeys(template: '2019' | '2021'): string[] {
  return matrixRows(template)
    .map((r) => r.key)
    .filter((k) => k.startsWith('requests.outcome.') && k !== 'requests.outcome.total');
}

export const APPEAL_KINDS = ['reconsideration', 'litigation_direct', 'litigation_after_reconsideration'] as const;
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;

/** Header of the 15-cell appeals table (seed 003, verbatim). */
export const APPEALS_HEADER: readonly string[] = [
  '\t行政复议', '\t行政诉讼', '',
  '\t结果', '维持', '\t结果纠正', '\t其他结果', '\t尚未', '审结', '\t总', '计', '\t未经复议直接起诉', '\t复议后起诉', '',
  '\t', '\t', '\t', '\t', '\t', '\t结果维持', '\t结果纠正', '\t其他', '结果', '\t尚未', '审结', '\t总计',
  '\t结果', '维持', '\t结果', '纠正', '\t其他', '结果', '\t尚未审结', '\t总计', '',
];
