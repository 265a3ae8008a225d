/**
 * Agency-name vocabulary, as data: the suffixes that classify an issuing body, the words that
 * mark an abbreviated self-reference, and the phrases that show a government's report sums
 * its departments. Used by src/extract/metadata.ts and src/extract/region.ts.
 */
import type { AgencyType } from '../types.ts';

/**
 * Name endings by agency type. The longest matching suffix wins across all lists, so
 * "人民政府办公室" is a department (办公室) and "秀英区政府服务中心" is a department (中心).
 */
export const AGENCY_SUFFIXES: Readonly<Record<AgencyType, readonly string[]>> = {
  // People's governments, and the bodies that report like one: a 街道办事处 is the county
  // government's dispatched organ that runs a subdistrict like a township government.
  government: ['人民政府', '政府', '街道办事处', '街道办'],
  department: [
    '局', '分局', '总局', '委员会', '委', '办公室', '办', '厅', '署', '中心', '院', '所', '站',
    '队', '支队', '大队', '馆', '部', '处', '科', '室', '组', '管委会', '管理委员会',
    '管理处', '管理局', '事务局', '服务中心', '事务中心', '党委', '党工委', '工委',
  ],
  // Public institutions and companies that publish disclosure reports but are not organs of
  // government. Longer than the department suffixes they end with (医院 vs 院), so they win.
  other: [
    '公司', '集团', '医院', '卫生院', '学院', '大学', '学校', '中学', '小学', '幼儿园',
    '银行', '协会', '学会', '研究院', '研究所', '博物馆', '图书馆', '档案馆', '剧院',
  ],
};

/**
 * A management committee of a development zone governs the zone like a government (its report
 * sums the zone's offices), so it counts as a government; other 管委会 are departments.
 */
export const GOVERNMENT_ZONE_PATTERN = /(开发区|高新区|新区|园区|试验区|示范区|经济区|保税区|合作区)(管理委员会|管委会)$/u;

/**
 * Starts of a line that make it a self-reference or a sentence, never a name:
 * "我局", "本中心", "该单位", "各部门", "全区", and bare level words ("区政府", "市中小企业局"),
 * which abbreviate the real name.
 */
export const NOT_A_NAME_START = /^(我|本|该|各|全|其|此|区|市|县|省|镇|乡)/u;

/** Characters that never occur inside an agency name (sentence punctuation, digits, URLs). */
export const NOT_A_NAME_CHAR = /[,，。;；:：!！?？、“”"《》\d%\/=|]/u;

/** Name length bounds (characters) for a line to be taken as an agency name. */
export const NAME_LENGTH = { min: 4, max: 40 } as const;

/** Words that make a line a heading or a caption rather than a name (统计局, the statistics bureau, is a name). */
export const NOT_A_NAME_WORD = /(报告|统计(?!局)|情况|附件|附表|说明|目录|概况|工作要点|公告|通知|系列)/u;

/** Labels of a line that names the filing unit: "填报单位:秀英区政府服务中心". */
export const UNIT_LABELS = ['填报单位', '单位名称', '报送单位', '编制单位', '发布单位', '发布机构', '发布机关', '来源'];

/** Labels of a line that gives a date of issue or filing, most to least authoritative. */
export const DATE_LABELS = {
  /** The issuer's own date of issue. */
  issued: ['发布日期', '发布时间', '成文日期', '印发日期', '公开日期', '发文日期'],
  /** The date the statistics table was filled in. */
  filled: ['填报日期', '填表日期', '报送日期'],
} as const;

/**
 * Evidence that a government's report sums its departments and subordinate areas: a figure
 * sentence about requests or proactive disclosure that speaks for the whole area
 * ("全区各有关单位共受理政府信息依申请公开244件", "全区共收到政府信息公开申请17件").
 */
export const AGGREGATE_PHRASES = ['全区', '全县', '全市', '全省', '全镇', '全乡', '全旗', '各有关单位共', '各部门', '责任单位', '各镇街', '各乡镇'];

/** Words that put a sentence in the request/proactive figures context. */
export const FIGURE_CONTEXT = /(申请|主动公开|公开政府信息|发布信息|受理|公开信息)/u;

/**
 * The part of a name that is a township-level unit: "娄桥街道办事处", "泽雅镇人民政府". 城镇/村镇/
 * 城乡 mostly open a department's words (新型城镇化办公室, 城乡建设局, 村镇银行): a 城镇 or 村镇 is
 * a town only as the issuer itself (文城镇人民政府, 张村镇人民政府, a name ending there).
 */
export const TOWNSHIP_UNIT = /^([\p{Script=Han}]{1,8}?)(?:(?<![城村])(乡|镇|街道)(?!村|办公室)|(?<=[城村])(镇)(?=人民政府|政府|党委|$))/u;
