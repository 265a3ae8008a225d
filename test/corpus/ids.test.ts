import { describe, expect, it } from 'vitest';
import { ReportIds } from '../../src/corpus/ids.ts';

describe('ReportIds', () => {
  it('names the first copy by its hash and numbers further copies', () => {
    const ids = new ReportIds();
    expect(ids.next('0123456789abcdef')).toBe('0123456789abcdef');
    expect(ids.next('fedcba9876543210')).toBe('fedcba9876543210');
    expect(ids.next('0123456789abcdef')).toBe('0123456789abcdef-2');
    expect(ids.next('0123456789abcdef')).toBe('0123456789abcdef-3');
    expect(ids.next('fedcba9876543210')).toBe('fedcba9876543210-2');
  });

  it('handles ids that are not hashes, and the all-zero hash, through its Map', () => {
    const ids = new ReportIds();
    expect(ids.next('nofile-0badf00d')).toBe('nofile-0badf00d');
    expect(ids.next('nofile-0badf00d')).toBe('nofile-0badf00d-2');
    expect(ids.next('0000000000000000')).toBe('0000000000000000');
    expect(ids.next('0000000000000000')).toBe('0000000000000000-2');
  });

  it('matches a Map of every id on 200,000 ids with repeats (the table merged into the run many times)', () => {
    const ids = new ReportIds();
    const ref = new Map<string, number>();
    let x = 0x2545f491;
    const rand = () => ((x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0);
    const seen: string[] = [];
    for (let i = 0; i < 200_000; i++) {
      // One in ten is a repeat of an earlier id; ids sharing their low word collide in slots.
      const id = i % 10 === 9 ? seen[rand() % seen.length] : rand().toString(16).padStart(8, '0') + (i % 7 === 0 ? '00000001' : rand().toString(16).padStart(8, '0'));
      seen.push(id);
      const n = (ref.get(id) ?? 0) + 1;
      ref.set(id, n);
      expect(ids.next(id)).toBe(n === 1 ? id : `${id}-${n}`);
    }
  });

  it('finds keys that share their high word, or sit in the first and last buckets, across merges', () => {
    const ids = new ReportIds();
    const hex = (n: number) => n.toString(16).padStart(8, '0');
    const his = [0x00000001, 0x7fff0000, 0x7fff0000, 0xffffffff];
    // 120,000 ids: several merges of the table into the run (the first after 32,768 keys).
    const made: string[] = [];
    for (let i = 0; i < 120_000; i++) made.push(hex(his[i % 4]!) + hex(i * 2654435761 >>> 0 || 1));
    for (const id of made) expect(ids.next(id)).toBe(id);
    for (const id of made.filter((_, i) => i % 997 === 0)) expect(ids.next(id)).toBe(`${id}-2`);
    expect(ids.next(hex(0x7fff0000) + hex(3))).toBe(hex(0x7fff0000) + hex(3));
  });
});
