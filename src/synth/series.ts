/**
 * Who publishes report `index`, and for which year. A national corpus holds each body's report
 * once a year, year after year, so the generator writes series: ten consecutive indexes are one
 * body's reports for 2014–2023 (starting at a year of its own, so that any prefix of a corpus
 * has every template). Bodies come in a seeded shuffled order, each once until all ~129,000
 * have had their ten years; only corpora larger than that repeat a body (as crawls that fetch
 * a report twice do).
 */
import { agencyCount } from './places.ts';
import { APPLICANTS } from './templates.ts';
import { mixSeed, rng } from './random.ts';

/** An applicant column of the request matrix (the total is their sum). */
export type Column = (typeof APPLICANTS)[number];

export const FIRST_YEAR = 2014;
export const YEARS = 10;

export interface SeriesPlace {
  /** The issuing body (`agencyAt(slot)`). */
  slot: number;
  year: number;
  /** Place in the body's series: 0 is its first report in the corpus, whose previous year may be missing. */
  position: number;
}

/** Stream tags: the series' draws never share a stream with a report's own. */
const START = 0x51a7;
const ORDER = 0x0bd3;
const CARRY = 0xca77;

export function seriesPlace(seed: number, index: number): SeriesPlace {
  const block = Math.floor(index / YEARS);
  const position = index % YEARS;
  const start = mixSeed(seed ^ START, block) % YEARS;
  return { slot: shuffled(seed, block), year: FIRST_YEAR + ((start + position) % YEARS), position };
}

/** Block → body: an affine permutation of the bodies (a multiplier coprime with their count). */
function shuffled(seed: number, block: number): number {
  const n = agencyCount();
  let a = (mixSeed(seed ^ ORDER, 1) % n) | 1;
  while (gcd(a, n) !== 1) a += 2;
  const b = mixSeed(seed ^ ORDER, 2) % n;
  // Both factors are below n (≈ 2^17): the product is exact in a double.
  return (a * (block % n) + b) % n;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * A body's requests still open at the end of `year`, by applicant column (2019/2021 template,
 * 结转下年度继续办理): its report for `year` states them, and its report for the next year
 * carries them over (上年结转). Drawn from the body and year alone, so both reports agree.
 */
export function carriedToNext(seed: number, slot: number, year: number): Record<Column, number> {
  const r = rng(mixSeed(mixSeed(seed ^ CARRY, slot), year));
  const odds = { natural_person: [0.3, 3], commercial: [0.1, 2], research: [0.02, 1], social_org: [0.02, 1], legal_service: [0.05, 1], other_org: [0.05, 1] } as const;
  const out = {} as Record<Column, number>;
  for (const a of APPLICANTS) {
    const [p, most] = odds[a];
    out[a] = r.chance(p) ? r.int(1, most) : 0;
  }
  return out;
}
