/** 万元 (ten thousand yuan): a unit of money, and the one the 2019 template's 第二十条 headers put a column in. */
export const WAN_YUAN = '万元';

/** Units written in the 单位 column of 2008-era tables, and placeholders that mean "no unit". */
export const UNITS = ['条', '件', '次', '篇', '个', '人', '人次', '期', '份', WAN_YUAN, '元', '项', '家', '场', '起', '宗'];
export const NO_UNIT = ['', '—', '——', '-', '/'];

/** Header cells of a 2008-era table; a second value column holds cumulative figures. */
export const VALUE_COLUMN_HEADERS = {
  label: ['^统计指标', '^指标名称', '^项目$', '^指标$'],
  unit: ['^单位$', '^计量单位$'],
  /** The year's own column: preferred. */
  year: ['^统计数', '^本年度?', '^本期', '^数量$', '^数值$', '^\\d{4}年'],
  /** Cumulative columns: never taken as the year's figure. */
  cumulative: ['累计', '历年'],
  /** A column headed with a year ("2017年"): the report year's is the year's own; group 1 is the year. */
  dated: '^(\\d{4})年',
  /** A header over several value columns (统计数 above 本年度 | 历年累计): not a column of its own when they are named. */
  spanning: ['^统计数$'],
} as const;

/**
 * The units each 2008-era row is stated in (by key pattern). A row whose unit cell names another
 * unit has probably lost a cell and slid onto its neighbour's values (人 under 查阅点数 个).
 */
export const EXPECTED_UNITS: Array<{ keys: string; units: string[] }> = [
  { keys: '^proactive\\.', units: ['条', '件', '篇', '项'] },
  { keys: '^response\\.', units: ['次', '篇', '条', '件', '场'] },
  { keys: '^requests\\.', units: ['件', '条', '次', '人次'] },
  { keys: '^(reconsideration|litigation|complaints)\\.', units: ['件', '起', '宗', '次'] },
  { keys: '^archive\\.', units: ['条', '件', '份'] },
  { keys: '^websites\\.', units: ['个', '家'] },
  { keys: '^gazette\\.issues$', units: ['期'] },
  { keys: '^gazette\\.copies$', units: ['份', '册'] },
  { keys: '^capacity\\.reading_points', units: ['个', '处'] },
  { keys: '^capacity\\.reading_visits', units: ['次', '人次', '人'] },
  { keys: '^capacity\\.units$', units: ['个'] },
  { keys: '^capacity\\.staff', units: ['人', '名'] },
  { keys: '^(fees\\.collected|capacity\\.budget)$', units: ['万元', '元'] },
  { keys: '^training\\.(meetings|sessions)$', units: ['次', '期', '场'] },
  { keys: '^training\\.trainees$', units: ['人次', '人'] },
];
