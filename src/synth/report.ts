/**
 * One synthetic report: true values (consistent with every identity), an optional injected
 * defect, and the text in one of the layouts real dumps have. Pure: (seed, index) → report.
 */
import { eraOf } from '../catalogue/identities.ts';
import { SYNTH_MARKER } from '../catalogue/synthetic.ts';
import type { Applicant } from '../types.ts';
import { agencyAt, type SynthAgency } from './places.ts';
import { mixSeed, rng, type Rng } from './random.ts';
import { carriedToNext, seriesPlace, type Column } from './series.ts';
import {
  APPEAL_KINDS, APPEAL_RESULTS, APPEALS_HEADER, APPLICANTS, CN_NUMERALS, matrixRows, outcomeKeys, ROWS_2008, type Row2008,
} from './templates.ts';

export type SynthTemplate = '2008' | '2019' | '2021';
export type SynthLayout = 'cell_per_line' | 'tab_rows' | 'pipe_cells';
/**
 * `carry`: the report carries over (上年结转) another number than its previous year's report
 * left open (结转下年度继续办理); each report adds up on its own, the chain between them breaks.
 */
export type DefectKind = 'shifted' | 'conflict' | 'identity' | 'carry';

/** A figure the report states: metric, applicant column (2019/2021 matrix) and value (null = blank). */
export interface TrueValue {
  metric: string;
  applicant: Applicant | null;
  value: number | null;
}

export interface Defect {
  kind: DefectKind;
  /** Metrics whose written figure differs from the truth (or conflicts with the prose). */
  metrics: string[];
  description: string;
}

/** The manifest line of one report. */
export interface SynthManifestEntry {
  file: string;
  index: number;
  template: SynthTemplate;
  layout: SynthLayout;
  year: number;
  agency: string;
  agency_kind: SynthAgency['kind'];
  province: string;
  city: string | null;
  county: string | null;
  admin_code: string;
  /** How blanks were left: full (all cells filled), zeros_blank (zero cells empty), sparse. */
  blanks: 'full' | 'zeros_blank' | 'sparse';
  /** True table values (before any defect). */
  values: TrueValue[];
  /** Figures the prose states, as written (a conflict defect writes a wrong one here). */
  narrative: TrueValue[];
  defects: Defect[];
}

export interface SynthReport {
  entry: SynthManifestEntry;
  text: string;
}

export interface SynthOptions {
  /** Share of reports with one injected defect. Default 0.1. */
  defectRate?: number;
}

export { SYNTH_MARKER };

type Values = Map<string, number | null>;
const key = (metric: string, applicant: Applicant | null) => (applicant ? `${metric}|${applicant}` : metric);

export function synthReport(seed: number, index: number, options: SynthOptions = {}): SynthReport {
  const r = rng(mixSeed(seed, index));
  const { slot, year, position } = seriesPlace(seed, index);
  const template: SynthTemplate = eraOf({ template: 'unknown', year })!;
  const agency = agencyAt(slot);
  const layout: SynthLayout = template === '2008' ? r.weighted(['cell_per_line', 'tab_rows', 'pipe_cells'] as const, [45, 30, 25]) : 'cell_per_line';
  const blanks = blanksOf(seed, index);

  // The carry-over chain (2019/2021): last year's report left open what this one carries over.
  // It can only break where last year's report is in the corpus and states its figure.
  const toNext = template === '2008' ? null : carriedToNext(seed, slot, year);
  const leftOpen = eraOf({ template: 'unknown', year: year - 1 }) === '2008' ? null : carriedToNext(seed, slot, year - 1);
  let over = leftOpen;
  const canBreak = leftOpen !== null && position > 0 && (blanksOf(seed, index - 1) !== 'zeros_blank' || sumOf(leftOpen) > 0);
  const defectRate = options.defectRate ?? 0.1;
  const defect: DefectKind | null =
    blanks === 'full' && r.chance(defectRate)
      ? template === '2008'
        ? r.weighted(['shifted', 'conflict', 'identity'] as const, [1, 1, 1])
        : r.weighted(['conflict', 'identity', 'carry'] as const, [1, 1, canBreak ? 1 : 0])
      : null;
  if (defect === 'carry') over = { ...leftOpen!, natural_person: leftOpen!.natural_person + r.int(1, 5) };

  const truth: Values = template === '2008' ? values2008(r) : values2019(r, template, { over, toNext: toNext! });
  const variant = template === '2008' ? { complaints: r.chance(0.5), archive: r.chance(0.4), other_channel: r.chance(0.8) } : null;
  if (variant && !variant.other_channel) {
    // Tables without a 其他形式 row: its requests go to the online channel, so the sum still holds.
    const o = truth.get('requests.channel.other') ?? 0;
    truth.set('requests.channel.online', (truth.get('requests.channel.online') ?? 0) + (o ?? 0));
  }
  const rows2008 = variant ? ROWS_2008.filter((row) => !row.optional || variant[row.optional]) : [];
  const stated: string[] = template === '2008' ? rows2008.filter((row) => row.key).map((row) => row.key!) : [...truth.keys()];

  // Prose figures come from the full values (a report's prose never leaves a figure blank).
  const proactive = proactiveValues(r, template === '2008' ? truth : null);
  const received = template === '2008' ? truth.get('requests.received') : truth.get(key('requests.received', 'total'));

  // Blanks: what the table leaves empty (the truth of an empty cell is "not reported").
  for (const k of stated) {
    const v = truth.get(k) ?? null;
    if (blanks === 'zeros_blank' && v === 0) truth.set(k, null);
    else if (blanks === 'sparse' && r.chance(0.5) && !/total|received$/.test(k)) truth.set(k, null);
  }
  const written: Values = new Map(truth);

  const narrative: TrueValue[] = [];
  const states = (metric: string, value: number) => narrative.push({ metric, applicant: null, value });

  const defects: Defect[] = [];
  let shifted = false;
  if (defect === 'carry') {
    const k = key('requests.carried_over', 'total');
    defects.push({ kind: defect, metrics: ['requests.carried_over'], description: `carries over ${truth.get(k)} requests, last year's report left ${sumOf(leftOpen!)} open` });
  } else if (defect) {
    if (defect === 'shifted') {
      shifted = true;
      defects.push({ kind: defect, metrics: ['proactive.total', 'proactive.normative_docs', 'proactive.normative_docs_issued'], description: 'values of the first block moved up one row, onto the section header' });
    } else if (defect === 'conflict') {
      if (template === '2008' && (proactive.website ?? 0) !== (proactive.total ?? 0)) {
        // Seed 002: the prose gives the overall total as the website count.
        proactive.website = proactive.total;
        defects.push({ kind: defect, metrics: ['proactive.channel.website'], description: 'prose states the overall total as the website count' });
      } else {
        const told = (received ?? 0) + r.int(1, 9);
        defects.push({ kind: defect, metrics: ['requests.received'], description: `prose states ${told} requests received, the table ${received}` });
        (proactive as { receivedOverride?: number }).receivedOverride = told;
      }
    } else if (template === '2008') {
      const sub = written.get('archive.submitted');
      if (variant!.archive && sub) {
        written.set('archive.paper', sub);
        written.set('archive.electronic', sub);
        defects.push({ kind: defect, metrics: ['archive.paper', 'archive.electronic'], description: 'paper and electronic both equal the total (seed 002)' });
      } else {
        const k = 'requests.channel.in_person';
        written.set(k, (written.get(k) ?? 0) + r.int(1, 5));
        defects.push({ kind: defect, metrics: [k], description: 'a request channel no longer adds up to requests received' });
      }
    } else {
      const k = key('requests.received', 'natural_person');
      written.set(k, (written.get(k) ?? 0) + r.int(1, 5));
      defects.push({ kind: defect, metrics: ['requests.received'], description: 'a natural-person cell breaks the row total and the request balance' });
    }
  }

  if (proactive.total !== null) {
    states('proactive.total', proactive.total);
    for (const c of ['gazette', 'website', 'weibo', 'wechat', 'other'] as const) states(`proactive.channel.${c}`, proactive[c] ?? 0);
  }
  const toldReceived = (proactive as { receivedOverride?: number }).receivedOverride ?? received;
  if (toldReceived !== null && toldReceived !== undefined) states('requests.received', toldReceived);

  const lines: string[] = [];
  const name = agency.agency;
  lines.push(SYNTH_MARKER, name, `${year}年政府信息公开工作年度报告`, '');
  lines.push(`根据《中华人民共和国政府信息公开条例》（以下简称《条例》）规定，现公布${name}${year}年政府信息公开工作年度报告。本报告所列数据统计期限自${year}年1月1日起至${year}年12月31日止。`);
  lines.push('一、总体情况');
  if (r.chance(0.3)) lines.push('[bookmark: _GoBack]建立健全政', '', '府信息公开工作机制，把政府信息公开工作纳入重要议事日程，明确分管领导和工作人员。');
  else lines.push(`${year}年，我单位认真贯彻落实《条例》，按照“公开为常态、不公开为例外”的原则，不断健全公开机制，拓展公开领域。`);
  if (proactive.total !== null) {
    const p = proactive;
    lines.push(
      `${r.chance(0.2) ? '[image: ]' : ''}全年主动公开政府信息${p.total}条，其中政府公报公开${p.gazette}条、政府网站公开${p.website}条、政务微博公开${p.weibo}条、政务微信公开${p.wechat}条、其他方式公开${p.other}条。`,
    );
  }
  lines.push(toldReceived ? `${year}年，共收到政府信息公开申请${toldReceived}件。` : `${year}年，本单位未收到政府信息公开申请。`);

  if (template === '2008') {
    lines.push('二、存在的主要问题及改进措施', '与群众日益提高的信息需求相比，信息公开的及时性和主动性还有待进一步加强。');
    lines.push('', name, `${year + 1}年${r.int(1, 3)}月${r.int(1, 28)}日`, '');
    lines.push(...render2008(rows2008, written, layout, name, year, shifted));
  } else {
    lines.push(...render2019(written, template, r));
    lines.push('五、存在的主要问题及改进情况', '公开内容不够全面、解读回应不够深入，下一步将进一步规范依申请公开工作。', '六、其他需要报告的事项', '无。');
    lines.push('', name, `${year + 1}年${r.int(1, 3)}月${r.int(1, 28)}日`);
  }
  if (r.chance(0.25)) {
    // Chart residue of an embedded Excel chart (seeds 001, 003).
    lines.push('', '系列 1\t', `当面申请数\t信函申请数\t网络申请数\t传真申请数\t${r.int(0, 50)}\t${r.int(0, 50)}\t${r.int(0, 50)}\t0\t`);
  }

  const values: TrueValue[] = stated.map((k) => {
    const bar = k.indexOf('|');
    return bar < 0
      ? { metric: k, applicant: null, value: truth.get(k) ?? null }
      : { metric: k.slice(0, bar), applicant: k.slice(bar + 1) as Applicant, value: truth.get(k) ?? null };
  });
  const entry: SynthManifestEntry = {
    file: '',
    index,
    template,
    layout,
    year,
    agency: name,
    agency_kind: agency.kind,
    province: agency.province,
    city: agency.city,
    county: agency.county,
    admin_code: agency.admin_code,
    blanks,
    values,
    narrative,
    defects,
  };
  return { entry, text: lines.join('\n') + '\n' };
}

/** How the report leaves blanks: its own stream, so the next report in a series can tell what this one states. */
function blanksOf(seed: number, index: number): SynthManifestEntry['blanks'] {
  return rng(mixSeed(seed ^ 0xb1a4, index)).weighted(['full', 'zeros_blank', 'sparse'] as const, [85, 10, 5]);
}

const sumOf = (columns: Record<Column, number>): number => Object.values(columns).reduce((a, b) => a + b, 0);

function fmt(v: number | null): string {
  return v === null ? '' : String(v);
}

/** Proactive figures: the 2008 table's own, or fresh ones for the 2019/2021 prose. */
function proactiveValues(r: Rng, table: Values | null) {
  const get = (k: string) => (table ? (table.get(k) ?? null) : null);
  if (table) {
    const total = get('proactive.total');
    return {
      total,
      gazette: get('proactive.channel.gazette'),
      website: get('proactive.channel.website'),
      weibo: get('proactive.channel.weibo'),
      wechat: get('proactive.channel.wechat'),
      other: get('proactive.channel.other'),
    } as Record<'total' | 'gazette' | 'website' | 'weibo' | 'wechat' | 'other', number | null>;
  }
  const c = channels(r);
  return { ...c } as Record<'total' | 'gazette' | 'website' | 'weibo' | 'wechat' | 'other', number | null>;
}

function channels(r: Rng) {
  const total = r.heavy(300, 1.5, 300000) + 1;
  const website = Math.round(total * (0.3 + 0.7 * r.next()));
  const weibo = r.chance(0.5) ? Math.round(total * 0.6 * r.next()) : 0;
  const wechat = r.chance(0.6) ? Math.round(total * 0.6 * r.next()) : 0;
  const gazette = r.chance(0.3) ? Math.min(total, r.int(0, 60)) : 0;
  const other = Math.round(total * 0.3 * r.next());
  return { total, gazette, website, weibo, wechat, other };
}

function values2008(r: Rng): Values {
  const v: Values = new Map();
  const set = (k: string, n: number) => v.set(k, n);
  const c = channels(r);
  set('proactive.total', c.total);
  const normative = Math.min(c.total, r.heavy(6, 1.2));
  set('proactive.normative_docs', normative);
  set('proactive.normative_docs_issued', normative + (r.chance(0.3) ? r.int(0, 3) : 0));
  for (const k of ['gazette', 'website', 'weibo', 'wechat', 'other'] as const) set(`proactive.channel.${k}`, c[k]);
  set('response.hotspots', r.heavy(8, 1.3));
  const pc = r.heavy(2, 1.2);
  set('response.press_conferences', pc);
  set('response.press_conferences_leader', r.int(0, pc));
  const oi = r.heavy(1, 1.2);
  set('response.online_interviews', oi);
  set('response.online_interviews_leader', r.int(0, oi));
  set('response.interpretations', r.heavy(8, 1.3));
  set('response.social_media', r.heavy(15, 1.6));
  set('response.other', r.heavy(3, 1.5));
  const received = r.chance(0.3) ? 0 : r.heavy(6, 1.6, 50000);
  set('requests.received', received);
  const ch = r.split(received, [35, 2, 45, 15, 3]);
  ['in_person', 'fax', 'online', 'mail', 'other'].forEach((k, i) => set(`requests.channel.${k}`, ch[i]));
  const extended = received > 0 && r.chance(0.2) ? r.int(0, Math.floor(received * 0.1)) : 0;
  set('requests.closed', received);
  set('requests.closed_on_time', received - extended);
  set('requests.closed_extended', extended);
  set('requests.answered', received);
  const out = r.split(received, [15, 45, 10, 6, 8, 10, 3, 3]);
  ['already_public', 'granted', 'partial', 'denied', 'not_this_agency', 'not_exist', 'asked_to_amend', 'other_channel'].forEach((k, i) =>
    set(`requests.outcome.${k}`, out[i]),
  );
  const reasons = r.split(out[3], [1, 2, 4, 1, 6, 3]);
  ['state_secret', 'commercial_secret', 'privacy', 'security_stability', 'not_gov_info', 'other_law'].forEach((k, i) =>
    set(`requests.outcome.denied.${k}`, reasons[i]),
  );
  for (const kind of ['reconsideration', 'litigation', 'complaints']) {
    const total = r.chance(0.8) ? 0 : r.heavy(1, 1);
    const parts = r.split(total, [5, 2, 3]);
    set(`${kind}.total`, total);
    ['upheld', 'corrected', 'other'].forEach((k, i) => set(`${kind}.${k}`, parts[i]));
  }
  const submitted = r.heavy(20, 1.5);
  const paper = r.int(0, submitted);
  set('archive.submitted', submitted);
  set('archive.paper', paper);
  set('archive.electronic', submitted - paper);
  set('fees.collected', 0);
  set('capacity.units', r.int(1, 3));
  set('capacity.reading_points', r.int(1, 20));
  const ft = r.int(0, 5);
  const pt = r.int(1, 10);
  set('capacity.staff', ft + pt);
  set('capacity.staff_fulltime', ft);
  set('capacity.staff_parttime', pt);
  set('capacity.budget', r.chance(0.5) ? 0 : Math.round(r.heavy(50, 1) ) / 10);
  set('training.meetings', r.int(1, 20));
  set('training.sessions', r.int(0, 10));
  set('training.trainees', r.heavy(60, 1));
  return v;
}

/**
 * `carry.toNext`: what the report leaves open at the year's end, by column; `carry.over`: what
 * it carries over from last year (null: drawn here, as for 2019, whose last year's table had
 * no such cell).
 */
function values2019(r: Rng, template: '2019' | '2021', carry: { over: Record<Column, number> | null; toNext: Record<Column, number> }): Values {
  const v: Values = new Map();
  if (template === '2019') {
    for (const s of ['rules', 'normative']) {
      const made = s === 'rules' ? (r.chance(0.8) ? 0 : r.int(0, 3)) : r.heavy(3, 1);
      const published = r.int(0, made);
      v.set(`art20.${s}.made`, made);
      v.set(`art20.${s}.published`, published);
      v.set(`art20.${s}.public_total`, published + r.heavy(20, 1));
    }
    for (const s of ['licensing', 'other_services', 'penalty', 'coercion']) {
      v.set(`art20.${s}.prev_items`, r.heavy(100, 1.2));
      v.set(`art20.${s}.change`, r.int(-20, 40));
      v.set(`art20.${s}.decisions`, r.heavy(400, 2));
    }
    v.set('art20.fees.prev_items', r.int(0, 20));
    v.set('art20.fees.change', r.int(-3, 3));
    v.set('art20.procurement.projects', r.heavy(20, 1));
    v.set('art20.procurement.amount', r.heavy(2000, 1.5));
  } else {
    for (const s of ['rules', 'normative']) {
      v.set(`art20.${s}.issued`, s === 'rules' ? (r.chance(0.8) ? 0 : r.int(0, 3)) : r.heavy(3, 1));
      v.set(`art20.${s}.repealed`, r.chance(0.6) ? 0 : r.int(0, 5));
      v.set(`art20.${s}.in_force`, r.heavy(20, 1));
    }
    for (const s of ['licensing', 'penalty', 'coercion']) v.set(`art20.${s}.decisions`, r.heavy(400, 2));
    v.set('art20.fees.amount', r.chance(0.5) ? 0 : Math.round(r.heavy(300, 1.5)) / 10);
  }
  // The request matrix: every identity holds per applicant column.
  const outcomes = outcomeKeys(template);
  const weights = outcomes.map((k) =>
    k.endsWith('granted') ? 45 : k.endsWith('partial') ? 10 : k.endsWith('not_held') ? 15 : k.includes('.other') ? 3 : 1.5,
  );
  const rows = matrixRows(template).map((m) => m.key);
  const sum: Record<string, number> = Object.fromEntries(rows.map((k) => [k, 0]));
  const share = { natural_person: [0.3, 8, 1.5], commercial: [0.6, 2, 1], research: [0.96, 1, 0.3], social_org: [0.95, 1, 0.3], legal_service: [0.85, 1, 0.8], other_org: [0.8, 1, 0.8] } as const;
  for (const a of APPLICANTS) {
    const [pZero, median, sigma] = share[a];
    const drawn = r.chance(pZero) ? 0 : r.heavy(median, sigma, 20000) || 1;
    const carried = carry.over ? carry.over[a] : r.chance(0.8) ? 0 : r.int(0, Math.ceil(drawn * 0.2));
    const toNext = carry.toNext[a];
    // What is left open came in this year or before.
    const received = Math.max(drawn, toNext - carried);
    const avail = received + carried;
    const split = r.split(avail - toNext, weights);
    const cells: Record<string, number> = { 'requests.received': received, 'requests.carried_over': carried, 'requests.outcome.total': avail - toNext, 'requests.carried_to_next': toNext };
    outcomes.forEach((k, i) => (cells[k] = split[i]));
    for (const k of rows) {
      v.set(`${k}|${a}`, cells[k]);
      sum[k] += cells[k];
    }
  }
  for (const k of rows) v.set(`${k}|total`, sum[k]);
  for (const kind of APPEAL_KINDS) {
    const total = r.chance(kind === 'litigation_after_reconsideration' ? 0.95 : 0.85) ? 0 : r.heavy(1, 1) || 1;
    const parts = r.split(total, [5, 2, 2, 1]);
    APPEAL_RESULTS.forEach((res, i) => v.set(`${kind}.${res}`, res === 'total' ? total : parts[i]));
  }
  return v;
}

/** Cell-per-line layout (Word dump): each cell prefixed by a tab, wrapped text on bare lines, rows end with a blank line. */
function cpl(cells: ReadonlyArray<string>): string[] {
  return [...cells.map((c) => `\t${c}`), ''];
}

function render2008(rows: readonly Row2008[], v: Values, layout: SynthLayout, agency: string, year: number, shifted: boolean): string[] {
  const out: string[] = [];
  out.push(`附件：${year}年度政府信息公开工作情况统计表`, '政府信息公开工作情况统计表', `（${year}年度）`);
  out.push(layout === 'pipe_cells' ? `填报单位:${agency}` : `单位名称：${agency}`);
  const cellsOf: Array<[string, string, string]> = [['统　计　指　标', '单位', '统计数']];
  let top = 0;
  // A shifted block: the first section header takes the first value, each row the next one's.
  const shiftKeys = ['proactive.total', 'proactive.normative_docs', 'proactive.normative_docs_issued'];
  for (const row of rows) {
    const label = row.top ? `${CN_NUMERALS[top++]}、${row.label}` : row.label;
    let value = row.key ? fmt(v.get(row.key) ?? null) : '';
    if (shifted && row.top && top === 1) value = fmt(v.get(shiftKeys[0]) ?? null);
    if (shifted && row.key && shiftKeys.includes(row.key)) {
      const next = shiftKeys[shiftKeys.indexOf(row.key) + 1];
      value = next ? fmt(v.get(next) ?? null) : '';
    }
    cellsOf.push([label, row.unit, value, String(row.wrapAt ?? ''), String(row.indent ?? 0)] as unknown as [string, string, string]);
  }
  for (const cells of cellsOf) {
    const [label, unit, value, wrapAt, indent] = cells as unknown as [string, string, string, string?, string?];
    if (layout === 'tab_rows') out.push(`${label}\t${unit}\t${value}`);
    else if (layout === 'pipe_cells') out.push(`${label} |`, unit ? `${unit} |` : '|', value ? `${value} |` : '|');
    else {
      const pad = '　'.repeat(Number(indent ?? 0));
      const at = Number(wrapAt || 0);
      if (at > 0) out.push(`\t${pad}${label.slice(0, at)}`, `${pad}${label.slice(at)}`);
      else out.push(`\t${pad}${label}`);
      out.push(`\t${unit}`, `\t${value}`, '');
    }
  }
  return out;
}

function render2019(v: Values, template: '2019' | '2021', r: Rng): string[] {
  const f = (k: string) => fmt(v.get(k) ?? null);
  const signed = (k: string) => {
    const n = v.get(k);
    return n === null || n === undefined ? '' : n > 0 ? `+${n}` : String(n);
  };
  const out: string[] = ['二、主动公开政府信息情况'];
  if (template === '2019') {
    out.push('\t第二十条第（一）项', '', ...cpl(['信息内容', '本年新\n制作数量', '本年新\n公开数量', '对外公开\n总数量']));
    for (const [s, label] of [['rules', '规章'], ['normative', '规范性文件']]) out.push(...cpl([label, f(`art20.${s}.made`), f(`art20.${s}.published`), f(`art20.${s}.public_total`)]));
    const block = (n: string, subjects: Array<[string, string]>) => {
      out.push(`\t第二十条第（${n}）项`, '', ...cpl(['信息内容', '上一年项目数量', '本年增/减', '处理决定\n数量']));
      for (const [s, label] of subjects) out.push(...cpl([label, f(`art20.${s}.prev_items`), signed(`art20.${s}.change`), f(`art20.${s}.decisions`)]));
    };
    block('五', [['licensing', '行政许可'], ['other_services', '其他对外管理服务事项']]);
    block('六', [['penalty', '行政处罚'], ['coercion', '行政强制']]);
    out.push('\t第二十条第（八）项', '', ...cpl(['信息内容', '上一年项目数量', '本年增/减']), ...cpl(['行政事业性收费', f('art20.fees.prev_items'), signed('art20.fees.change')]));
    const unit = r.pick(['宗', '个', '项']);
    out.push('\t第二十条第（九）项', '', ...cpl(['信息内容', '采购项目\n数量', '采购总金额']));
    out.push(...cpl(['政府集中采购', `${f('art20.procurement.projects')}${unit}`, `${f('art20.procurement.amount')}万元`]));
  } else {
    out.push('\t第二十条第（一）项', '', ...cpl(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']));
    for (const [s, label] of [['rules', '规章'], ['normative', '行政规范性文件']]) out.push(...cpl([label, f(`art20.${s}.issued`), f(`art20.${s}.repealed`), f(`art20.${s}.in_force`)]));
    out.push('\t第二十条第（五）项', '', ...cpl(['信息内容', '本年处理决定数量']), ...cpl(['行政许可', f('art20.licensing.decisions')]));
    out.push('\t第二十条第（六）项', '', ...cpl(['信息内容', '本年处理决定数量']), ...cpl(['行政处罚', f('art20.penalty.decisions')]), ...cpl(['行政强制', f('art20.coercion.decisions')]));
    out.push('\t第二十条第（八）项', '', ...cpl(['信息内容', '本年收费金额（单位：万元）']), ...cpl(['行政事业性收费', f('art20.fees.amount')]));
  }
  out.push('', template === '2019' ? '三、收到和处理政府信息公开申请的情况' : '三、收到和处理政府信息公开申请情况');
  out.push(...cpl(['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况']));
  out.push(...cpl(['', '自然人', '法人或其他组织', '总计']));
  out.push(...cpl(['', '', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '']));
  for (const row of matrixRows(template)) {
    const head = [row.first, ...(row.group !== null ? [row.group] : []), ...(row.label !== null ? [row.label] : [])];
    out.push(...cpl([...head, ...[...APPLICANTS, 'total'].map((a) => f(`${row.key}|${a}`))]));
  }
  out.push('', '四、政府信息公开行政复议、行政诉讼情况', ...APPEALS_HEADER);
  out.push(...cpl(APPEAL_KINDS.flatMap((k) => APPEAL_RESULTS.map((res) => f(`${k}.${res}`)))));
  return out;
}
