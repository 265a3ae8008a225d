/**
 * The 2008-era statistics table (统计指标 | 单位 | 统计数), as data.
 *
 * Rows are matched by label, never by position or section number (provinces renumber). A label
 * is first reduced to its core (numbering, 其中 prefixes, parenthetical notes and spaces removed,
 * see src/extract/labels.ts) and then tested against `labels` (regular expressions on the core).
 *
 * `opens` marks a row whose generic sub-rows follow it; a `relative` entry ("（一）维持具体行政行为数",
 * "（一）市政府及其部门") takes its key from the most recent opening row listed in `parents`.
 */

export interface MetricEntry {
  key: string;
  labels: string[];
  /** This row's generic sub-rows (relative entries) belong to it. */
  opens?: boolean;
  unit?: string;
}

export interface RelativeEntry {
  /** Appended to the parent key with its `.total` stripped: reconsideration.total → reconsideration.upheld. */
  suffix: string;
  labels: string[];
  parents: string[];
}

export const METRICS_2008: MetricEntry[] = [
  { key: 'proactive.total', labels: ['^主动公开政府信息(数|条数|总数)'] },
  { key: 'proactive.normative_docs', labels: ['^主动公开规范性文件'] },
  { key: 'proactive.normative_docs_issued', labels: ['^制发规范性文件'] },
  { key: 'proactive.channel.gazette', labels: ['^政府公报公开'] },
  { key: 'proactive.channel.website', labels: ['^政府网站公开'] },
  { key: 'proactive.channel.weibo', labels: ['^政务微博公开'] },
  { key: 'proactive.channel.wechat', labels: ['^政务微信公开'] },
  { key: 'proactive.channel.other', labels: ['^其他方式公开'] },

  { key: 'response.hotspots', labels: ['^回应公众关注热点'] },
  { key: 'response.press_conferences_leader', labels: ['^主要负责同志参加新闻发布会'] },
  { key: 'response.press_conferences', labels: ['^参加或举办新闻发布会'] },
  { key: 'response.online_interviews_leader', labels: ['^主要负责同志参加政府网站在线访谈'] },
  { key: 'response.online_interviews', labels: ['^政府网站在线访谈'] },
  { key: 'response.interpretations', labels: ['^政策解读稿件'] },
  { key: 'response.social_media', labels: ['^微博微信回应'] },
  { key: 'response.other', labels: ['^其他方式回应'] },

  { key: 'requests.received', labels: ['^收到申请(数|总数)', '^受理申请(数|总数)'] },
  { key: 'requests.channel.in_person', labels: ['^当面申请'] },
  { key: 'requests.channel.mail_or_fax', labels: ['^信函、?传真申请', '^传真、?信函申请'] },
  { key: 'requests.channel.fax', labels: ['^传真申请'] },
  { key: 'requests.channel.online', labels: ['^网络申请', '^网上申请', '^互联网申请'] },
  { key: 'requests.channel.email', labels: ['^电子邮件申请', '^电子邮件$', '^电子邮件数'] },
  { key: 'requests.channel.mail', labels: ['^信函申请'] },
  { key: 'requests.channel.other', labels: ['^其他形式', '^其他方式申请', '^其他申请'] },
  { key: 'requests.closed', labels: ['^申请办结'] },
  { key: 'requests.closed_on_time', labels: ['^按时办结'] },
  { key: 'requests.closed_extended', labels: ['^延期办结'] },
  { key: 'requests.answered', labels: ['^申请答复'] },
  { key: 'requests.outcome.already_public', labels: ['^属于已主动公开范围'] },
  { key: 'requests.outcome.partial', labels: ['^同意部分公开'] },
  { key: 'requests.outcome.granted', labels: ['^同意公开'] },
  { key: 'requests.outcome.denied', labels: ['^不同意公开', '^不予公开答复'] },
  { key: 'requests.outcome.denied.state_secret', labels: ['^涉及国家秘密'] },
  { key: 'requests.outcome.denied.commercial_secret', labels: ['^涉及商业秘密'] },
  { key: 'requests.outcome.denied.privacy', labels: ['^涉及个人隐私'] },
  { key: 'requests.outcome.denied.security_stability', labels: ['^危及国家安全'] },
  { key: 'requests.outcome.denied.not_gov_info', labels: ['^不是《?条例》?所指'] },
  { key: 'requests.outcome.denied.other_law', labels: ['^法律、?法规规定的其他情形'] },
  { key: 'requests.outcome.not_this_agency', labels: ['^不属于本(行政)?机关公开', '^非本(部门|机关)掌握'] },
  { key: 'requests.outcome.not_exist', labels: ['^申请(的)?信息不存在'] },
  { key: 'requests.outcome.asked_to_amend', labels: ['^告知作出更改补充'] },
  { key: 'requests.outcome.other_channel', labels: ['^告知通过其他途径'] },

  { key: 'reconsideration.total', labels: ['^(申请)?行政复议(数量|数|案件数)'], opens: true },
  { key: 'litigation.total', labels: ['^(提起)?行政诉讼(数量|数|案件数)'], opens: true },
  { key: 'complaints.total', labels: ['^被?举报投诉(数量|数)'], opens: true },

  { key: 'archive.submitted', labels: ['^向图书馆、?档案馆'], opens: true },
  { key: 'archive.paper', labels: ['^纸质文件'] },
  { key: 'archive.electronic', labels: ['^电子文件'] },

  { key: 'websites.total', labels: ['^开通政府信息公开网站'], opens: true },
  { key: 'websites.city', labels: ['^市政府及其部门门户网站'] },
  { key: 'websites.county', labels: ['^县政府门户网站'] },
  { key: 'websites.township', labels: ['^乡镇政府门户网站'] },

  { key: 'gazette.issues', labels: ['^公报发行期数'] },
  { key: 'gazette.copies', labels: ['^公报发行(总)?份数'] },

  { key: 'capacity.reading_points', labels: ['^设置政府信息(公开)?查阅(点|场所)'], opens: true },
  { key: 'capacity.reading_visits', labels: ['^查阅(点|场所)接待'], opens: true },
  { key: 'fees.collected', labels: ['^依申请公开(政府)?信息收取的费用', '^收取(的)?费用'], unit: '万元' },
  { key: 'capacity.units', labels: ['^政府信息公开工作专门机构'] },
  { key: 'capacity.staff', labels: ['^从事政府信息公开工作(的)?人员'], opens: true },
  { key: 'capacity.staff_fulltime', labels: ['^专职人员'] },
  { key: 'capacity.staff_parttime', labels: ['^兼职人员'] },
  { key: 'capacity.budget', labels: ['^政府信息公开专项经费'], unit: '万元' },
  { key: 'training.meetings', labels: ['^召开政府信息公开工作会议'] },
  { key: 'training.sessions', labels: ['^举办各类培训班'] },
  { key: 'training.trainees', labels: ['^接受培训人员'] },
];

export const RELATIVE_2008: RelativeEntry[] = [
  {
    suffix: 'upheld',
    labels: ['^维持具体行政行为'],
    parents: ['reconsideration.total', 'litigation.total', 'complaints.total'],
  },
  {
    suffix: 'corrected',
    labels: ['^被(依法)?纠(错|正)'],
    parents: ['reconsideration.total', 'litigation.total', 'complaints.total'],
  },
  {
    suffix: 'other',
    labels: ['^其他情形'],
    parents: ['reconsideration.total', 'litigation.total', 'complaints.total'],
  },
  { suffix: 'city', labels: ['^市政府及其部门$', '^市级$'], parents: ['capacity.reading_points', 'capacity.reading_visits'] },
  { suffix: 'county', labels: ['^县政府及其部门$', '^县级$'], parents: ['capacity.reading_points', 'capacity.reading_visits'] },
  { suffix: 'township', labels: ['^乡镇政府$', '^乡镇级?$'], parents: ['capacity.reading_points', 'capacity.reading_visits'] },
];

/** Section and group headers: rows that carry no figure of their own. */
export const HEADERS_2008: string[] = [
  '^统计指标',
  '^主动公开情况$',
  '^通过不同渠道和方式公开政府信息',
  '^回应解读情况',
  '^通过不同渠道和方式回应解读',
  '^依申请公开情况$',
  '^机构建设和保障经费情况',
  '^政府信息公开会议和培训情况',
  '^政府公报发行量',
  '^政府信息公开(工作)?情况统计表',
];
