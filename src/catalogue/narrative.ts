/**
 * Sentence patterns for figures reports state in prose (source = narrative), as data.
 * The engine (src/extract/narrative.ts) splits each prose line into sentences (。！？) and
 * clauses (， , ； ;) and runs these patterns over every clause, in this order. Precision
 * beats recall: a pattern is tight around its figure, and a figure already read by an
 * earlier pattern is never read again by a later one (order = priority).
 *
 * Placeholders in `pattern` (expanded by the engine):
 * - `{N}`    the figure: optional 约/近/超/超过/逾, digits (1,234 / 3.7), optional 万/亿 and 多/余,
 *            then one of `units`, then optional 多/余/左右/以上. Parsed with parseNumber.
 * - `{SEP}`  what may stand between a label and its figure: 为 共 计 达 有 : and spaces.
 * - `{GAP}`  up to 30 characters without digits or clause punctuation (a place, a qualifier).
 * - `{PUB}`  the disclosure verb 公开/公布 (公布 is the legal word for gazette publication),
 *            not negated (不予公开, 不公开, 未公开) — and never 发布 (posting), see README.
 * - `{LEAD}` a clause start: list markers (①, (1), 1.) and 其中.
 */

export type NarrativeKind = 'figure' | 'none';

export interface NarrativePattern {
  /** Metric key; `{subject}` is replaced by the prefix matched in `after`. */
  key: string;
  /** `figure`: the clause states a number; `none`: the clause says none occurred (value 0). */
  kind: NarrativeKind;
  /** Regex source (with placeholders), run over a clause. */
  pattern: string;
  /** Units accepted after the figure (`figure` patterns). */
  units?: readonly string[];
  /** Unit recorded for a `none` fact. */
  zeroUnit?: string;
  /**
   * Only inside a sentence whose latest fact has a key starting with one of these prefixes
   * (e.g. "其中，被纠错2件" after "行政复议4件"). A sentence starting with 其中 continues the
   * previous sentence's subject.
   */
  after?: readonly string[];
  /** The next clause of the sentence must match this (e.g. a 共…条 total followed by 其中). */
  followedBy?: string;
  /** The clause must not match this. */
  unless?: string;
  notes: string;
}

/**
 * The clause right after a figure that narrows it to what the report is about: the figure before
 * counts more ("收到行政复议申请3件，其中涉及政府信息公开的1件"; a department's "全区各部门共收到…
 * 300件，其中我局收到12件"), so the narrowed figure is the fact, under the same key. `{N}` is a
 * figure in the unit of the figure narrowed.
 */
export const NARROWING =
  '^\\s*其中[^\\d,，;；。]{0,12}?(?:(?:涉及|关于|有关|属于)(?:政府)?信息公开|(?:我|本)(?:局|委|办|厅|中心|单位|机关|部门|镇|乡|街道|县|区|市))[^\\d,，;；。]{0,20}?{SEP}{N}';

/** A fact copied to another key when the text right after its figure says so. */
export interface NarrativeDerivation {
  key: string;
  /** Key of the fact the value is copied from. */
  from: string;
  /** Regex run on the rest of the sentence after the figure. */
  then: string;
  notes: string;
}

/** "Of which": opens a breakdown of the figure before it, and a sentence that continues its subject. */
export const OF_WHICH = '其中';

/** Disqualifies a figure match: the text between label and figure speaks of another period or a change. */
export const NARRATIVE_DISQUALIFIERS = '上年|去年|上一年|前一年|同比|环比|较|比上|比去|增加|减少|增长|下降|累计至今|历年';

/**
 * Words that date a figure to another period than the report year when they stand in its clause
 * before the figure's label ("去年我局主动公开…356条", "前三季度收到申请9件", "自2008年以来累计…").
 */
export const OTHER_PERIOD = '去年|上年|上一年|前一年|前三季度|上半年|下半年|第?[一二三四1-4]季度|累计|历年';

/**
 * A clause that opens with a time word dates the rest of its sentence ("2018年，我局收到申请8件"
 * in a 2019 report; "去年，…"): a year other than the report year, or an OTHER_PERIOD word, puts
 * the figures after it out of the report year until a clause opens with the report year or
 * THIS_PERIOD. Group 1: a year; group 2: another period; group 3: this period.
 */
export const PERIOD_OPENING =
  `^\\s*(?:在|于|自|从)?\\s*(?:(20\\d\\d)\\s*年度?|(${OTHER_PERIOD})|(本年度?|今年|全年|本报告期))`;

const COUNT = ['条', '件', '个', '份'] as const;
const CASES = ['件', '起', '宗', '个'] as const;

/** Channel words of the proactive-disclosure channels (2008 table rows 1–5). */
const CHANNEL = {
  gazette: '政府公报',
  website: '(?:政府门户网站?|政府网站?|门户网站?|部门网站|网站)',
  weibo: '(?:政务|官方)?微博',
  wechat: '(?:政务微信(?:公众号)?|微信公众(?:号|平台)|微信(?:平台)?)',
  other: '其他(?:方式|渠道|途径|形式)',
} as const;

/**
 * A named channel's figure: not when the channel is one of a list ("通过政府网站、政务微博、政务
 * 微信等渠道主动公开…1500条" is their sum), so no list word between channel and figure and no
 * channel word and list word right before it; a list of figures ("政府公报公开28条、政府网站公开
 * 4140条") has a unit before its 、.
 */
const channelPattern = (words: string): string =>
  `(?<!(?:博|信|站|报|号|台|网)\\s*(?:[、和与]|及(?!时))\\s*[^\\d,，;；。、]{0,10})${words}` +
  `(?:(?![、和与]|及(?!时)|等)[^\\d,，;；。]){0,30}?(?:主动)?{PUB}(?:各类)?(?:政府)?(?:信息)?(?:数量|数)?{SEP}{N}`;
/** The other channels: "其他方式如本单位信息公示栏、LED显示屏等公开…" lists the ways of one channel. */
const otherChannelPattern = (words: string): string =>
  `${words}[^\\d,，;；。]{0,30}?(?:主动)?{PUB}(?:各类)?(?:政府)?(?:信息)?(?:数量|数)?{SEP}{N}`;

const APPEAL_UNLESS = '纠错|纠正|败诉|维持|驳回|撤销|确认违法|费用';
const REQUEST_UNLESS = '复议|诉讼|投诉|举报|信访|建议|提案|热线|来信来访';

export const NARRATIVE_PATTERNS: readonly NarrativePattern[] = [
  // --- proactive disclosure -------------------------------------------------------------
  {
    key: 'proactive.total',
    kind: 'figure',
    pattern: '主动(?:在[^\\d,，;；。]{0,15}?)?{PUB}(?:各类)?(?:政府)?信息(?:数量|数)?{SEP}{N}',
    units: ['条', '件'],
    followedBy: '^\\s*其中',
    notes:
      'A 共…条 total followed by a 其中 breakdown is the total even when the clause names a ' +
      'channel ("主动在政府网站上公开信息共423条，其中:①…"). Runs before the channel patterns.',
  },
  {
    key: 'proactive.channel.gazette',
    kind: 'figure',
    pattern: channelPattern(CHANNEL.gazette),
    units: ['条'],
    notes: '"政府公报公开28条", "政府公报共公布政府信息42条" (公布 counts as 公开 for gazettes).',
  },
  {
    key: 'proactive.channel.website',
    kind: 'figure',
    pattern: channelPattern(CHANNEL.website),
    units: ['条'],
    notes: '"政府网站公开4140条", "借助环翠区政府门户网公开政府信息63条". Not 政务服务网 (service items).',
  },
  {
    key: 'proactive.channel.weibo',
    kind: 'figure',
    pattern: channelPattern(CHANNEL.weibo),
    units: ['条'],
    notes: '"通过政务微博公开信息 105 条". "政务微博累计发布信息9133余条" is not a channel fact (发布).',
  },
  {
    key: 'proactive.channel.wechat',
    kind: 'figure',
    pattern: channelPattern(CHANNEL.wechat),
    units: ['条'],
    notes: '"通过本单位微信公众号公开政府信息140条". "微信公众号发布信息1000多条" is not (发布).',
  },
  {
    key: 'proactive.channel.other',
    kind: 'figure',
    pattern: otherChannelPattern(CHANNEL.other),
    units: ['条'],
    notes: '"通过其他方式如本单位信息公示栏、LED显示屏等公开政府信息220条", "其他方式公开908条".',
  },
  {
    key: 'proactive.channel.other',
    kind: 'figure',
    pattern: '^{LEAD}其他(?:方式|渠道|途径|形式)?{SEP}{N}\\s*$',
    units: ['条'],
    after: ['proactive.channel'],
    notes: 'A bare "其他 36 条" right after channel clauses of the same sentence.',
  },
  {
    key: 'proactive.total',
    kind: 'figure',
    pattern: '主动(?:在[^\\d,，;；。]{0,15}?)?{PUB}(?:各类)?(?:政府)?信息(?:数量|数)?{SEP}{N}',
    units: ['条', '件'],
    notes:
      '"主动公开政府信息24079条", "通过不同渠道和方式主动公开政府信息3.7万多条". A topic between ' +
      'verb and 信息 ("主动公开政府采购信息350多条", "主动公开各类招投标信息") is not the total.',
  },
  {
    key: 'proactive.normative_docs',
    kind: 'figure',
    pattern: '主动{PUB}(?:的)?规范性文件(?:数)?{SEP}{N}',
    units: ['件', '条', '个', '份'],
    notes: '"主动公开规范性文件 9 件". Cleaned-up (清理) documents are not counted.',
  },

  // --- requests -------------------------------------------------------------------------
  {
    key: 'requests.received',
    kind: 'figure',
    pattern:
      '(?:收到|受理|接收|接到)(?:了)?(?:各类)?(?:政府)?(?:信息)?(?:公开)?(?:依申请公开|申请)(?:政府信息)?(?:公开)?(?:的)?(?:申请)?(?:数量|数)?{SEP}{N}',
    units: COUNT,
    unless: REQUEST_UNLESS,
    notes:
      '"共收到政府信息公开申请17件", "共受理政府信息依申请公开244件". "区政府受理62件" (no 申请) is a ' +
      'part, not the total.',
  },
  {
    key: 'requests.received',
    kind: 'none',
    pattern:
      '(?:(?:未|没有)(?:收到|受理|接到|接收|发生|产生)(?:过)?(?:任何)?[^\\d,，;；。]{0,12}?(?:依申请公开|公开申请|申请公开)|无(?:任何)?(?:依申请公开|(?:政府)?信息公开申请))',
    zeroUnit: '件',
    unless: REQUEST_UNLESS + '|费',
    notes: '"本报告年度未收到依申请公开政府信息情况" states 0 requests.',
  },
  {
    key: 'requests.channel.in_person',
    kind: 'figure',
    pattern: '(?:当面|现场)(?:提出|提交)?申请(?:数)?{SEP}{N}',
    units: COUNT,
    notes: '"当面申请138件".',
  },
  {
    key: 'requests.channel.email',
    kind: 'figure',
    pattern: '(?:电子邮件|电子邮箱|邮箱)(?:提出|提交)?申请(?:数)?{SEP}{N}',
    units: COUNT,
    notes: '"电子邮件申请2件" (older channel variant).',
  },
  {
    key: 'requests.channel.mail',
    kind: 'figure',
    pattern: '(?<!电子)(?:信函|邮寄|来信)(?:提出|提交)?申请(?:数)?{SEP}{N}',
    units: COUNT,
    notes: '"信函申请95件".',
  },
  {
    key: 'requests.channel.fax',
    kind: 'figure',
    pattern: '传真(?:提出|提交)?申请(?:数)?{SEP}{N}',
    units: COUNT,
    notes: '"传真申请0件".',
  },
  {
    key: 'requests.channel.online',
    kind: 'figure',
    pattern: '(?:网络|网上|在线|互联网|网站)(?:提出|提交)?申请(?:数)?{SEP}{N}',
    units: COUNT,
    notes: '"网络申请11件".',
  },
  {
    key: 'requests.channel.other',
    kind: 'figure',
    pattern: '其他(?:形式|方式|渠道|途径)(?:提出|提交)?申请(?:数)?{SEP}{N}',
    units: COUNT,
    notes: '"其他形式申请1件".',
  },

  // --- appeals --------------------------------------------------------------------------
  {
    key: 'reconsideration.total',
    kind: 'figure',
    pattern: '(?:行政)?复议(?:案件|案|申请)?(?:数量|数)?{SEP}{N}',
    units: CASES,
    notes: '"政府信息公开类行政复议4件". "行政复议和行政诉讼共5件" (a combined figure) does not match.',
  },
  {
    key: 'litigation.total',
    kind: 'figure',
    pattern: '(?<!复议[和及与、或](?:行政)?)(?:行政)?诉讼(?:案件|案)?(?:数量|数)?{SEP}{N}',
    units: CASES,
    notes: '"行政诉讼案件1件", "政府信息公开类的诉讼0起".',
  },
  {
    key: '{subject}.upheld',
    kind: 'figure',
    pattern: '^{LEAD}(?:被)?(?:维持|驳回)(?:具体行政行为|原行政行为|原具体行政行为|原告诉讼请求)?(?:的)?{SEP}{N}',
    units: CASES,
    after: ['reconsideration', 'litigation'],
    notes: '"其中，维持2件" after a reconsideration/litigation total in the same sentence.',
  },
  {
    key: '{subject}.corrected',
    kind: 'figure',
    pattern: '^{LEAD}(?:被)?(?:依法)?(?:纠错|纠正)(?:的)?{SEP}{N}',
    units: CASES,
    after: ['reconsideration', 'litigation'],
    notes: '"其中，被纠错2件".',
  },
  {
    key: '{subject}.other',
    kind: 'figure',
    pattern: '^{LEAD}其他(?:情况|情形|结果)(?:的)?{SEP}{N}',
    units: CASES,
    after: ['reconsideration', 'litigation'],
    notes: '"其他情况2件" after 行政复议4件 / 被纠错2件.',
  },
  {
    key: '{subject}.pending',
    kind: 'figure',
    pattern: '^{LEAD}(?:尚未审结|未审结|正在审理|审理中)(?:的)?{SEP}{N}',
    units: CASES,
    after: ['reconsideration', 'litigation'],
    notes: '"尚未审结1件".',
  },
  {
    key: 'reconsideration.total',
    kind: 'none',
    pattern: '(?:(?:未|没有)(?:发生|出现|收到|接到|有|产生|涉及|发现)(?:过)?|无(?!论|需|须|法|效|误))[^\\d,，;；。]*?复议',
    zeroUnit: '件',
    unless: APPEAL_UNLESS,
    notes:
      '"未发生…行政复议案、行政诉讼案…", "未出现申请行政复议、提起行政诉讼的情况". "未发生…被纠错" ' +
      'speaks of an outcome, not of the total, and is skipped.',
  },
  {
    key: 'litigation.total',
    kind: 'none',
    pattern: '(?:(?:未|没有)(?:发生|出现|收到|接到|有|产生|涉及|发现)(?:过)?|无(?!论|需|须|法|效|误))[^\\d,，;；。]*?诉讼',
    zeroUnit: '件',
    unless: APPEAL_UNLESS,
    notes: 'Only when 诉讼 is named in the negated clause.',
  },

  // --- fees -----------------------------------------------------------------------------
  {
    key: 'fees.collected',
    kind: 'none',
    pattern:
      '(?:(?:未|不|没有|均未|从未)收取(?:过)?(?:任何)?(?:[^\\d,，;；。]{0,6}?)?(?:费用|费)|无(?:任何)?收费|(?:未|没有)(?:发生|产生)(?:任何)?收费)',
    zeroUnit: '万元',
    notes: '"未收取任何费用", "不收取任何费用", "本单位无任何收费情况" state 0 (unit 万元 as in the table).',
  },
  {
    key: 'fees.collected',
    kind: 'figure',
    pattern: '(?<!未|不|没有)收取(?:[^\\d,，;；。]{0,10}?)费用(?:共计|合计|共|为)?{SEP}{N}',
    units: ['万元', '元'],
    notes: '"收取检索、复制费用120元".',
  },
];

export const NARRATIVE_DERIVATIONS: readonly NarrativeDerivation[] = [
  {
    key: 'litigation_direct.total',
    from: 'litigation.total',
    then: '^[^\\d。]*?未经(?:行政)?复议(?:而)?直接',
    notes:
      '"行政诉讼案件1件，属于未经复议直接诉讼的情形": every case went straight to court. ' +
      'A digit in between ("3件，其中1件未经复议…") blocks the copy.',
  },
];
