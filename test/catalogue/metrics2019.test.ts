import { describe, expect, it } from 'vitest';
import { SECTION_WORDS } from '../../src/catalogue/metrics2019.ts';

describe('SECTION_WORDS', () => {
  it('holds the same words now that the ones shared with the template labels are derived from them', () => {
    expect(SECTION_WORDS).toEqual({
      art20: '第二十条',
      art20Header: '信息内容',
      art20InWan: '万元',
      matrix: '申请人情况',
      matrixFirstRow: '本年新收',
      otherHandling: '其他处理',
      reconsideration: '行政复议',
      litigation: '行政诉讼',
    });
  });
});
