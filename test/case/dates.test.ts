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

/** What the calendar arithmetic replaced: the same answers through Date, as a reference. */
const MS = 86_400_000;
function dateDay(year: number, monthIndex: number, dayOfMonth: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, dayOfMonth);
  return Math.round(date.getTime() / MS);
}
const dateAnniversary = (birth: number, years: number) => {
  const date = new Date(birth * MS);
  return dateDay(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate());
};

describe('calendar arithmetic against Date', () => {
  it('reads every day, month and year from 1596 to 2404 as Date counts them', () => {
    const wrong: string[] = [];
    for (let year = 1596; year <= 2404; year++) {
      const y = String(year);
      if (parseDateSpec(y)?.earliest !== dateDay(year, 0, 1) || parseDateSpec(y)?.latest !== dateDay(year, 11, 31)) wrong.push(y);
      for (let month = 1; month <= 12; month++) {
        const ym = `${y}-${String(month).padStart(2, '0')}`;
        const range = parseDateSpec(ym);
        if (range?.earliest !== dateDay(year, month - 1, 1) || range.latest !== dateDay(year, month, 0)) wrong.push(ym);
        for (let dayOfMonth = 1; dayOfMonth <= 31; dayOfMonth++) {
          const text = `${ym}-${String(dayOfMonth).padStart(2, '0')}`;
          const expected = new Date(dateDay(year, month - 1, dayOfMonth) * MS).toISOString().slice(0, 10) === text ? dateDay(year, month - 1, dayOfMonth) : undefined;
          if (parseDateSpec(text)?.earliest !== expected) wrong.push(text);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('gives every birthday and age from 1896 to 2104 as Date does, leap days included', () => {
    const wrong: string[] = [];
    for (let birth = day('1896-01-01'); birth <= day('2104-12-31'); birth += 7) {
      for (const years of [-150, -10, -1, 0, 1, 3, 4, 15, 18, 21, 100, 150]) {
        const expected = dateAnniversary(birth, years);
        if (anniversary(birth, years) !== expected) wrong.push(`${toIsoDate(birth)} + ${years}`);
        // The day before a birthday, and the birthday itself.
        if (years >= 0 && (ageOn(birth, expected) !== years || (years > 0 && ageOn(birth, expected - 1) !== years - 1))) wrong.push(`age ${toIsoDate(birth)} ${years}`);
      }
    }
    for (let birth = day('1896-02-29'); birth <= day('2104-02-29'); birth = dateAnniversary(birth, 4)) {
      for (let years = 1; years <= 8; years++) if (anniversary(birth, years) !== dateAnniversary(birth, years)) wrong.push(`${toIsoDate(birth)} + ${years}`);
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
