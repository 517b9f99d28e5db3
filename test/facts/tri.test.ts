import { describe, expect, it } from '@jest/globals';
import { triAnd, triNot, triOr, triRange } from '../../src/facts/tri.js';

describe('three-valued logic', () => {
  it('lets one false settle an and, whatever else is unknown', () => {
    expect(triAnd([true, null, false])).toBe(false);
    expect(triAnd([true, null])).toBeNull();
    expect(triAnd([true, true])).toBe(true);
  });
  it('lets one true settle an or', () => {
    expect(triOr([false, null, true])).toBe(true);
    expect(triOr([false, null])).toBeNull();
    expect(triOr([false])).toBe(false);
  });
  it('keeps unknown unknown under not', () => {
    expect(triNot(null)).toBeNull();
    expect(triNot(true)).toBe(false);
  });
  it('is true or false only when a whole range agrees', () => {
    expect(triRange(true, true)).toBe(true);
    expect(triRange(false, false)).toBe(false);
    expect(triRange(false, true)).toBeNull();
  });
});
