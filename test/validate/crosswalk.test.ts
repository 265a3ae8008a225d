import { describe, expect, it } from 'vitest';
import { aggregateKeys, loadCrosswalk, outcomeGroup, parseCrosswalk } from '../../src/catalogue/crosswalk.ts';

describe('outcome crosswalk (src/catalogue/crosswalk.csv)', () => {
  it('maps each era’s outcome keys to the contract’s groups', () => {
    expect(outcomeGroup('2008', 'already_public')).toBe('granted');
    expect(outcomeGroup('2008', 'denied.privacy')).toBe('denied');
    expect(outcomeGroup('2008', 'not_exist')).toBe('unable');
    expect(outcomeGroup('2008', 'other_channel')).toBe('not_processed');
    expect(outcomeGroup('2008', 'asked_to_amend')).toBe('other');
    expect(outcomeGroup('2019', 'unable.not_held')).toBe('unable');
    expect(outcomeGroup('2019', 'not_processed.repeat')).toBe('not_processed');
    expect(outcomeGroup('2021', 'other.fee_unpaid')).toBe('other');
    expect(outcomeGroup('2019', 'total')).toBeNull();
    expect(outcomeGroup(null, 'granted')).toBeNull();
  });

  it('knows which rows are aggregates of a breakdown', () => {
    expect(aggregateKeys('2008')).toEqual(['denied']);
    expect(aggregateKeys('2019')).toEqual([]);
    expect(aggregateKeys('2021')).toEqual(['other']);
  });

  it('parses comments, blank lines and any column order', () => {
    expect(parseCrosswalk('# note\n\nkey,group,era\ngranted,granted,2008\n')).toEqual([{ group: 'granted', era: '2008', key: 'granted' }]);
    expect(loadCrosswalk().length).toBe(22);
  });
});
