/**
 * One colour per category, shared by every chart: a channel, an outcome group or an appeal
 * result keeps its colour whichever chart (or subset of categories) it appears in. Colours are
 * assigned by key, never by trace position.
 */
import { FINDING_CODES, type FindingCode, type Severity } from '../types.ts';
import type {
  AppealResult,
  ApplicantKey,
  Channel,
  OutcomeGroup,
  RequestChannel,
  RequestTotal,
} from './labels.ts';

/** Fallback for a key without an assigned colour (neutral grey, never a category colour). */
export const UNKNOWN_COLOUR = '#9e9e9e';

export const CHANNEL_COLOURS: Record<Channel | 'total', string> = {
  gazette: '#8c564b', // print: brown
  website: '#1f77b4', // web: blue
  weibo: '#d62728', // Weibo's red
  wechat: '#2ca02c', // WeChat's green
  other: '#7f7f7f',
  total: '#393b79',
};

/** Granted → green, partial → light green, refusals warm, procedural outcomes cool/grey. */
export const OUTCOME_GROUP_COLOURS: Record<OutcomeGroup, string> = {
  granted: '#1a9850',
  partial: '#91cf60',
  denied: '#d73027',
  unable: '#fc8d59',
  not_processed: '#7570b3',
  other: '#bababa',
};

export const APPEAL_RESULT_COLOURS: Record<AppealResult | 'total', string> = {
  upheld: '#4575b4',
  corrected: '#d73027',
  other: '#fdae61',
  pending: '#bababa',
  total: '#313695',
};

export const REQUEST_TOTAL_COLOURS: Record<RequestTotal, string> = {
  received: '#1f77b4',
  carried_over: '#aec7e8',
};

export const REQUEST_CHANNEL_COLOURS: Record<RequestChannel, string> = {
  in_person: '#e377c2',
  fax: '#bcbd22',
  online: '#17becf',
  email: '#9edae5',
  mail: '#ff7f0e',
  mail_or_fax: '#ffbb78',
  other: '#7f7f7f',
};

export const APPLICANT_COLOURS: Record<ApplicantKey, string> = {
  natural_person: '#1f77b4',
  commercial: '#ff7f0e',
  research: '#2ca02c',
  social_org: '#9467bd',
  legal_service: '#8c564b',
  other_org: '#7f7f7f',
};

export const SEVERITY_COLOURS: Record<Severity, string> = {
  error: '#d73027',
  warning: '#fdae61',
  info: '#74add1',
};

/**
 * Finding codes: a fixed 24-colour list indexed by the code's position in FINDING_CODES, so a
 * code's colour depends only on the (append-only) code list.
 */
const CODE_CYCLE = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f',
  '#bcbd22', '#17becf', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd',
  '#e6550d', '#31a354', '#756bb1', '#636363', '#6baed6', '#fd8d3c', '#74c476', '#9e9ac8',
];

export const FINDING_CODE_COLOURS = Object.fromEntries(
  FINDING_CODES.map((code, i) => [code, CODE_CYCLE[i % CODE_CYCLE.length]]),
) as Record<FindingCode, string>;

/** Colour of a key, falling back to UNKNOWN_COLOUR. */
export function colourOf(colours: Record<string, string>, key: string): string {
  return colours[key] ?? UNKNOWN_COLOUR;
}
