import { describe, expect, it } from 'vitest';
import { withRoom } from '../../src/corpus/columns.ts';

describe('withRoom', () => {
  it('returns the column itself while the index fits', () => {
    const a = new Uint32Array(4);
    expect(withRoom(a, 3)).toBe(a);
  });
  it('copies into a column of the same type, at least twice as long, when it does not', () => {
    const a = Float64Array.from([1.5, 2, 3]);
    const b = withRoom(a, 3);
    expect(b).toBeInstanceOf(Float64Array);
    expect(b.length).toBe(1024);
    expect([...b.subarray(0, 4)]).toEqual([1.5, 2, 3, 0]);
    const big = new Uint8Array(2048);
    big[2047] = 7;
    const c = withRoom(big, 2048);
    expect(c.length).toBe(4096);
    expect(c[2047]).toBe(7);
  });
});
