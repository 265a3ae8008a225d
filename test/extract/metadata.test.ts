import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agencyType, asAgencyName, extractMetadata, parseDate, scopeOf } from '../../src/extract/metadata.ts';
import type { ReportMeta } from '../../src/types.ts';
import { bigDocument, heapKept } from '../helpers.ts';

const RAW = fileURLToPath(new URL('../../data/raw/', import.meta.url));

/** Minimal stand-in for the read stage: full-width ASCII and U+3000 → half-width. */
function normalize(line: string): string {
  return line.replace(/[\uFF01-\uFF5E\u3000]/g, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

function seed(prefix: string): { file: string; raw: string[] } {
  const file = readdirSync(RAW).find((f) => f.startsWith(prefix))!;
  return { file, raw: readFileSync(RAW + file, 'utf8').split(/\r?\n/) };
}

type Expected = Omit<ReportMeta, 'evidence'> & { evidence: ReportMeta['evidence'] };

const SEEDS: Record<string, Expected> = {
  '000': {
    agency: '威海市环翠区政务服务中心管理办公室', agency_type: 'department',
    province: '山东省', city: '威海市', county: '环翠区', admin_code: '371002', level: 'county',
    year: 2017, scope: 'self', published: '2018-03-13', evidence: { agency: 1, year: 2, published: 395 },
  },
  '001': {
    agency: '温州市瓯海区人民政府', agency_type: 'government',
    province: '浙江省', city: '温州市', county: '瓯海区', admin_code: '330304', level: 'county',
    year: 2017, scope: 'aggregate', published: '2018-01-12', evidence: { agency: 34, year: 1, published: 35 },
  },
  '002': {
    agency: '威海市中小企业局', agency_type: 'department',
    province: '山东省', city: '威海市', county: null, admin_code: '371000', level: 'prefecture',
    year: 2017, scope: 'self', published: '2018-03-20', evidence: { agency: 3, year: 5, published: 94 },
  },
  '003': {
    agency: '威海市环翠区人民政府', agency_type: 'government',
    province: '山东省', city: '威海市', county: '环翠区', admin_code: '371002', level: 'county',
    year: 2020, scope: 'aggregate', published: null, evidence: { agency: 1, year: 2 },
  },
  '004': {
    agency: '秀英区政府服务中心', agency_type: 'department',
    province: '海南省', city: '海口市', county: '秀英区', admin_code: '460105', level: 'county',
    year: 2017, scope: 'self', published: null, evidence: { agency: 20, year: 1 },
  },
};

describe('extractMetadata on the seeds', () => {
  for (const [prefix, expected] of Object.entries(SEEDS)) {
    it(`${prefix}: full metadata, no findings (normalized lines)`, () => {
      const { file, raw } = seed(prefix);
      const { meta, findings } = extractMetadata(raw.map(normalize), { file });
      expect(meta).toEqual(expected);
      expect(findings).toEqual([]);
    });
    it(`${prefix}: same metadata from raw full-width text`, () => {
      const { raw } = seed(prefix);
      expect(extractMetadata(raw).meta).toEqual(expected);
    });
  }

  it('001: the signature (issuer) wins over the 编制 office of the opening paragraph', () => {
    const { raw } = seed('001');
    expect(raw[2]).toContain('由温州市瓯海区政务公开领导小组办公室编制');
    // Without the signature the drafting office is the best the text offers.
    const unsigned = raw.map((l, i) => (i === 33 ? '' : l));
    expect(extractMetadata(unsigned).meta.agency).toBe('温州市瓯海区政务公开领导小组办公室');
    expect(extractMetadata(unsigned).meta.agency_type).toBe('department');
  });

  it('001: a date inside body text (2018年1月11日，我区…) is not the publication date', () => {
    const { raw } = seed('001');
    const unsigned = raw.map((l, i) => (i === 34 ? '' : l));
    expect(extractMetadata(unsigned).meta.published).toBeNull();
  });

  it('004: table lines are not read as prose (tableLines hides the 填报单位 line and caption)', () => {
    const { raw } = seed('004');
    const tableLines = new Set([19, 20]);
    const { meta, findings } = extractMetadata(raw.map(normalize), { tableLines });
    expect(meta.agency).toBeNull();
    expect(meta.agency_type).toBeNull();
    expect(meta.scope).toBe('unknown');
    // The body still names 海口市 (line 13), which is all the region the text gives.
    expect([meta.province, meta.city, meta.county, meta.admin_code, meta.level]).toEqual(['海南省', '海口市', null, '460100', 'unknown']);
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['unknown_agency', 'warning']]);
  });
});

describe('extractMetadata on inline fixtures', () => {
  it('"我局" only: agency null, unknown_agency warning', () => {
    const { meta, findings } = extractMetadata(['2019年,我局认真贯彻落实《条例》,全年主动公开政府信息12条。', '我局未收到政府信息公开申请。']);
    expect(meta.agency).toBeNull();
    expect(meta.year).toBe(2019);
    expect(meta.level).toBe('unknown');
    expect(findings).toEqual([{ severity: 'warning', code: 'unknown_agency', message: expect.any(String), metric: null, line: null }]);
  });

  it('no year anywhere: year null and unknown_year error', () => {
    const { meta, findings } = extractMetadata(['山东省教育厅', '政府信息公开工作年度报告', '我厅认真贯彻落实《条例》。']);
    expect(meta.year).toBeNull();
    expect(meta.agency).toBe('山东省教育厅');
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['unknown_year', 'error']]);
  });

  it('a title without its year names the agency: "XX局政府信息公开工作年度报告"', () => {
    const { meta } = extractMetadata(['威海市文登区住房和城乡建设局政府信息公开工作年度报告', '发布日期：2020-01-20', '我局主动公开政府信息412条。']);
    expect(meta).toMatchObject({ agency: '威海市文登区住房和城乡建设局', level: 'county', year: null, published: '2020-01-20' });
    expect(extractMetadata(['威海市环翠区人民政府政府信息公开工作年度报告', '我区主动公开政府信息412条。']).meta.agency).toBe('威海市环翠区人民政府');
  });

  it('a province department: 山东省教育厅 → province level, 370000', () => {
    const { meta } = extractMetadata(['山东省教育厅2018年政府信息公开工作年度报告', '', '2018年,我厅……。', '山东省教育厅', '2019年3月28日']);
    expect(meta).toMatchObject({
      agency: '山东省教育厅', agency_type: 'department', province: '山东省', city: null, county: null,
      admin_code: '370000', level: 'province', year: 2018, scope: 'self', published: '2019-03-28',
    });
    expect(meta.evidence).toEqual({ agency: 1, year: 1, published: 5 });
  });

  it('a town government → township, region from the county in its name, full-width colon and spaced year', () => {
    const { meta } = extractMetadata([
      '温州市瓯海区泽雅镇人民政府',
      '2018 年度政府信息公开工作年度报告',
      '2018年，全镇共收到政府信息公开申请3件，全部按时答复。',
    ]);
    expect(meta).toMatchObject({
      agency: '温州市瓯海区泽雅镇人民政府', agency_type: 'government', province: '浙江省', city: '温州市',
      county: '瓯海区', admin_code: '330304', level: 'township', year: 2018, scope: 'aggregate',
    });
  });

  it('ambiguous 鼓楼区: county null without a city; resolved by a city named in the text', () => {
    const title = ['鼓楼区人民政府', '2019年政府信息公开工作年度报告'];
    const bare = extractMetadata([...title, '2019年,我区共收到政府信息公开申请5件。']).meta;
    expect([bare.province, bare.city, bare.county, bare.admin_code, bare.level]).toEqual([null, null, null, null, 'county']);
    const fuzhou = extractMetadata([...title, '2019年,在福州市委市政府的领导下,全区共收到政府信息公开申请5件。']).meta;
    expect([fuzhou.province, fuzhou.city, fuzhou.county, fuzhou.admin_code]).toEqual(['福建省', '福州市', '鼓楼区', '350102']);
    expect(fuzhou.scope).toBe('aggregate');
  });

  it('a government report without aggregate evidence has scope unknown', () => {
    const { meta } = extractMetadata(['威海市环翠区人民政府', '2020年政府信息公开工作年度报告', '2020年,共收到政府信息公开申请17件。']);
    expect(meta.scope).toBe('unknown');
  });

  it('填报单位 with a full-width colon, 填报日期 as the publication date', () => {
    const { meta } = extractMetadata([
      '2017年，我中心认真贯彻实施政府信息公开法律法规。',
      '填报单位：秀英区政府服务中心',
      '填报日期：2018年1月5日',
    ]);
    expect(meta).toMatchObject({ agency: '秀英区政府服务中心', county: '秀英区', year: 2017, published: '2018-01-05' });
    expect(meta.evidence).toEqual({ agency: 2, year: 1, published: 3 });
  });

  it('year from a table caption (2017年度) when title and first sentence have none', () => {
    const { meta } = extractMetadata(['根据《条例》规定,现将我局政府信息公开工作报告如下。', '政府信息公开情况统计表', '(2017年度)']);
    expect(meta.year).toBe(2017);
    expect(meta.evidence.year).toBe(3);
  });

  it('year from the statistics period sentence', () => {
    const { meta } = extractMetadata(['根据《条例》规定,现将有关情况报告如下。', '本报告所列数据统计期限自2016年1月1日起至2016年12月31日止。']);
    expect(meta.year).toBe(2016);
  });

  it('a signature date in Chinese numerals; a date before the report year is ignored', () => {
    const signed = extractMetadata(['某某', '2017年政府信息公开年度报告', '正文。', '威海市中小企业局', '二〇一八年一月十二日']).meta;
    expect(signed.published).toBe('2018-01-12');
    expect(signed.agency).toBe('威海市中小企业局');
    const early = extractMetadata(['威海市中小企业局', '2017年政府信息公开年度报告', '正文。', '2016年5月1日']).meta;
    expect(early.published).toBeNull();
  });

  it('crawler header fields: 标题 gives agency and year, 发布时间 the date', () => {
    const { meta } = extractMetadata([
      '标题：威海市中小企业局2018年政府信息公开工作年度报告',
      '发布时间：2019-01-30 09:12',
      '根据《条例》规定,现将我局政府信息公开工作报告如下。',
    ]);
    expect(meta).toMatchObject({ agency: '威海市中小企业局', year: 2018, published: '2019-01-30', level: 'prefecture' });
    expect(meta.evidence).toEqual({ agency: 1, year: 1, published: 2 });
  });

  it('agency and year from the file name as a last resort', () => {
    const { meta, findings } = extractMetadata(['我局认真贯彻落实《条例》。'], { file: 'in/威海市中小企业局2018年政府信息公开年度报告.txt' });
    expect(meta.agency).toBe('威海市中小企业局');
    expect(meta.year).toBe(2018);
    expect(meta.evidence).toEqual({});
    expect(findings).toEqual([]);
  });
});

describe('extractMetadata keeps no document alive', () => {
  // Every name read from a document passes through a memo (asAgencyName), whose answers are made from a copy of the key.
  it('the agency name is a string of its own, not a view into its line (which views its document)', () => {
    const agencies: (string | null)[] = [];
    // A name of 13 characters or more (shorter substrings are copies), a new one per document.
    const name = (i: number) => `${'甲乙丙丁戊己庚辛壬癸'[i % 10]}${'东西南北'[i >> 3 & 3]}${'春夏秋冬'[i % 4]}市瓯海区政务公开领导小组办公室`;
    // 40 documents of 256 KB: 20 MB (two-byte text) if the names kept were views into them.
    const kept = heapKept(() => {
      for (let i = 0; i < 40; i++) {
        const lines = `${name(i)}\n2019年政府信息公开工作年度报告\n${bigDocument(i)}`.split('\n');
        agencies.push(extractMetadata(lines).meta.agency);
      }
    });
    expect(agencies[39]).toBe(name(39));
    expect(kept).toBeLessThan(2 ** 21);
  });
});

describe('helpers', () => {
  it('asAgencyName rejects self-references, headings and sentences', () => {
    expect(asAgencyName('我局')).toBeNull();
    expect(asAgencyName('我中心')).toBeNull();
    expect(asAgencyName('区政务服务中心管理办')).toBeNull();
    expect(asAgencyName('一、工作概况')).toBeNull();
    expect(asAgencyName('政府信息公开情况统计表')).toBeNull();
    expect(asAgencyName('2018年1月12日')).toBeNull();
    expect(asAgencyName(' 威海市环翠区政务服务中心管理办公室')).toBe('威海市环翠区政务服务中心管理办公室');
    expect(asAgencyName('(威海市中小企业局)')).toBe('威海市中小企业局');
    // 统计 makes a caption (…情况统计表), but 统计局 is the statistics bureau.
    expect(asAgencyName('白山市长白朝鲜族自治县统计局')).toBe('白山市长白朝鲜族自治县统计局');
    expect(asAgencyName('国家统计局威海调查队')).toBe('国家统计局威海调查队');
    expect(asAgencyName('政府信息公开工作统计表')).toBeNull();
    // 本/镇/全/乡/市 open self-references and abbreviations, and the names of real places too.
    expect(asAgencyName('本溪市财政局')).toBe('本溪市财政局');
    expect(asAgencyName('镇江市京口区人民政府')).toBe('镇江市京口区人民政府');
    expect(asAgencyName('全椒县人民政府')).toBe('全椒县人民政府');
    expect(asAgencyName('本单位政务公开办公室')).toBeNull();
    expect(asAgencyName('镇人民政府')).toBeNull();
    expect(asAgencyName('威海市 中小企业局')).toBe('威海市中小企业局');
  });

  it('agencyType by the longest suffix', () => {
    expect(agencyType('温州市瓯海区人民政府')).toBe('government');
    expect(agencyType('温州市瓯海区娄桥街道办事处')).toBe('government');
    expect(agencyType('威海经济技术开发区管理委员会')).toBe('government');
    expect(agencyType('威海市环翠区人民政府办公室')).toBe('department');
    expect(agencyType('秀英区政府服务中心')).toBe('department');
    expect(agencyType('山东省教育厅')).toBe('department');
    expect(agencyType('威海市立医院')).toBe('other');
    expect(agencyType('国网威海供电公司')).toBe('other');
  });

  it('parseDate', () => {
    expect(parseDate('2018 年 3 月 20 日')).toBe('2018-03-20');
    expect(parseDate('发布时间: 2018-3-5 10:00')).toBe('2018-03-05');
    expect(parseDate('二〇一八年十二月三十一日')).toBe('2018-12-31');
    expect(parseDate('2018年2月30日')).toBeNull();
  });

  it('scopeOf', () => {
    expect(scopeOf('department', ['全区共收到申请5件'])).toBe('self');
    expect(scopeOf('government', ['全区共收到申请5件'])).toBe('aggregate');
    expect(scopeOf('government', ['全区政务公开工作呈现良好态势'])).toBe('unknown');
    expect(scopeOf(null, [])).toBe('unknown');
  });
});

describe('fast paths keep the same answers', () => {
  it('asAgencyName: a caption with brackets and (盖章) is still a name; long or short text is not', () => {
    expect(asAgencyName('【威海市中小企业局】')).toBe('威海市中小企业局');
    expect(asAgencyName('威海市中小企业局（盖章）')).toBe('威海市中小企业局');
    expect(asAgencyName('威海市中小企业局 [image: seal.png]')).toBe('威海市中小企业局');
    expect(asAgencyName('局')).toBeNull();
    expect(asAgencyName('威'.repeat(41) + '局')).toBeNull();
  });

  it('asAgencyName: digits, punctuation or length inside a placeholder do not reject the name', () => {
    expect(asAgencyName('[image:seal-2018:1.png]威海市中小企业局')).toBe('威海市中小企业局');
    expect(asAgencyName('威海市中小企业局［image: ' + 'x'.repeat(50) + '］')).toBe('威海市中小企业局');
    expect(asAgencyName('威海市中小企业局，')).toBeNull();
    expect(asAgencyName('威海市中小企业局２')).toBeNull();
    expect(asAgencyName('威海市 中 小 企 业 局' + ' '.repeat(60))).toBe('威海市中小企业局');
  });

  it('scope: one aggregate phrase with a figure sentence is enough, in any line', () => {
    expect(scopeOf('government', ['总体情况', '全县各乡镇共受理申请12件。'])).toBe('aggregate');
    expect(scopeOf('government', ['各部门认真落实。', '本机关受理申请12件。'])).toBe('unknown');
  });

  it('agencyType: the same suffix length across lists goes to the first list (医院 beats 院, 管理局 beats 局)', () => {
    expect(agencyType('威海市市政管理局')).toBe('department');
    expect(agencyType('威海市中心医院')).toBe('other');
    expect(agencyType('某某')).toBe('other');
  });

  it('a spaced-out date line still counts as a lone date line; a long line does not', () => {
    const r = extractMetadata(['威海市中小企业局2017年政府信息公开年度报告', '正文。', '2018   年   1   月   12   日']);
    expect(r.meta.published).toBe('2018-01-12');
    const long = extractMetadata(['威海市中小企业局2017年政府信息公开年度报告', '正文。', '2018年1月12日发布的通知']);
    expect(long.meta.published).toBeNull();
  });

  it('full-width lines are folded before matching (填报单位：…, ２０１８年)', () => {
    const r = extractMetadata(['填报单位：秀英区政府服务中心', '２０１７年度政府信息公开工作情况。', '填报日期：２０１８年１月５日'], { file: 'x.txt' });
    expect([r.meta.agency, r.meta.year, r.meta.published]).toEqual(['秀英区政府服务中心', 2017, '2018-01-05']);
  });

  it('table lines outside the document or as a large set are ignored or hidden', () => {
    const lines = ['(威海市中小企业局)', '威海市中小企业局', '2017年政府信息公开年度报告'];
    expect(extractMetadata(lines, { tableLines: new Set([0, 99, 1.5]) }).meta.agency).toBe('威海市中小企业局');
    expect(extractMetadata(lines, { tableLines: new Set([1, 2]) }).meta.agency).toBeNull();
  });
});
