import { describe, expect, it } from 'vitest';
import { labelCore } from '../../src/extract/labels.ts';

describe('label cores', () => {
  it.each([
    ['（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '主动公开政府信息数'],
    ['　　　　　其中：主动公开规范性文件数', '主动公开规范性文件数'],
    ['八、开通政府信息公开网站（或设立门户网站信息公开专栏）数', '开通政府信息公开网站数'],
    ['（二）县（市、区）政府门户网站', '县政府门户网站'],
    ['3. 政务微博公开政府信息数', '政务微博公开政府信息数'],
    ['自 然 人', '自然人'],
    ['1.属于国家秘密', '属于国家秘密'],
    ['十二、依申请公开信息收取的费用', '依申请公开信息收取的费用'],
  ])('%s → %s', (label, core) => expect(labelCore(label)).toBe(core));
});

describe('label cores, repeated and nested', () => {
  it('strips stacked numbering and 其中 in any order, and gives the same core on a repeated call', () => {
    for (let i = 0; i < 2; i++) {
      expect(labelCore('其中：（1）1.政府网站')).toBe('政府网站');
      expect(labelCore('（三）其中：①微博：')).toBe('微博');
      expect(labelCore('网站(专栏)数：')).toBe('网站数');
      expect(labelCore('第一项 概述')).toBe('概述');
      expect(labelCore('2018年')).toBe('2018年');
    }
  });
});
