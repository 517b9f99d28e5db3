import { describe, expect, it } from '@jest/globals';
import { ageOn, anniversary, parseDateSpec, parseExactDate, toIsoDate } from '../../src/case/dates.js';

const day = (iso: string) => parseExactDate(iso);

describe('toIsoDate', () => {
  it('writes every day from 1600 to 2400 as Date does', () => {
    const wrong: string[] = [];
    for (let d = day('1600-01-01'); d <= day('2400-12-31'); d++) {
      const expected = new Date(d * 86_400_000).toISOString().slice(0, 10);
      if (toIsoDate(d) !== expected) wrong.push(expected);
    }
    expect(wrong).toEqual([]);
  });
});

describe('date specs', () => {
  it('reads an exact date as a one-day range', () => {
    expect(parseDateSpec('2012-06-15')).toEqual({ earliest: day('2012-06-15'), latest: day('2012-06-15') });
  });
  it('reads a month and a year as the days they span', () => {
    expect(parseDateSpec('2012-02')).toEqual({ earliest: day('2012-02-01'), latest: day('2012-02-29') });
    expect(parseDateSpec('1999')).toEqual({ earliest: day('1999-01-01'), latest: day('1999-12-31') });
  });
  it('reads an ISO interval as the span from the start of one to the end of the other', () => {
    expect(parseDateSpec('1973-03/1974-03')).toEqual({ earliest: day('1973-03-01'), latest: day('1974-03-31') });
  });
  it('rejects impossible dates and backwards intervals', () => {
    expect(parseDateSpec('2023-02-29')).toBeUndefined();
    expect(parseDateSpec('2012-13')).toBeUndefined();
    expect(parseDateSpec('2000/1999')).toBeUndefined();
    expect(parseDateSpec('15/06/2012')).toBeUndefined();
  });
  it('round-trips through ISO text', () => {
    expect(toIsoDate(day('1981-06-16'))).toBe('1981-06-16');
  });
});

describe('age', () => {
  it('counts completed years, turning a year older on the birthday itself', () => {
    expect(ageOn(day('1981-06-15'), day('2012-06-14'))).toBe(30);
    expect(ageOn(day('1981-06-15'), day('2012-06-15'))).toBe(31);
  });
  it('takes a February 29 birthday to fall on March 1 in a common year', () => {
    expect(toIsoDate(anniversary(day('1992-02-29'), 1))).toBe('1993-03-01');
    expect(ageOn(day('1992-02-29'), day('1993-02-28'))).toBe(0);
    expect(ageOn(day('1992-02-29'), day('1993-03-01'))).toBe(1);
  });
});
