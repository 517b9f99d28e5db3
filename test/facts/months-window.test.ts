import { describe, expect, it } from '@jest/globals';
import { addMonthsClamped, parseExactDate, toIsoDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { dateWithinMonthsBefore } from '../../src/facts/months-window.js';

const within = (signedOn: string | undefined, screening: string) =>
  dateWithinMonthsBefore.compute(
    { caseFile: { crimeVictimization: { certification: signedOn ? { signedOn } : {} } } as CaseFile, screeningDay: parseExactDate(screening) },
    { path: 'crimeVictimization.certification.signedOn', months: 6 },
  );

describe('addMonthsClamped', () => {
  it('keeps the day of the month, or clamps it to the end of a shorter month', () => {
    expect(toIsoDate(addMonthsClamped(parseExactDate('2025-01-15'), 6))).toBe('2025-07-15');
    expect(toIsoDate(addMonthsClamped(parseExactDate('2024-08-31'), 6))).toBe('2025-02-28');
    expect(toIsoDate(addMonthsClamped(parseExactDate('2023-08-31'), 6))).toBe('2024-02-29');
    expect(toIsoDate(addMonthsClamped(parseExactDate('2024-09-30'), 15))).toBe('2025-12-30');
  });
});

describe('dateWithinMonthsBefore', () => {
  it('is within before the anniversary, open on it (anniversaryDay), not within after it', () => {
    expect(within('2025-01-15', '2025-07-14')).toMatchObject({ value: true, notes: [] });
    expect(within('2025-01-15', '2025-07-15')).toMatchObject({ value: null, missing: [], notes: [{ code: 'anniversaryDay' }] });
    expect(within('2025-01-15', '2025-07-16')).toMatchObject({ value: false, notes: [] });
  });
  it('clamps the anniversary of a month end: signed Aug. 31, open on Feb. 28', () => {
    expect(within('2024-08-31', '2025-02-27').value).toBe(true);
    expect(within('2024-08-31', '2025-02-28')).toMatchObject({ value: null, notes: [{ code: 'anniversaryDay' }] });
    expect(within('2024-08-31', '2025-03-01').value).toBe(false);
  });
  it('is unknown, naming the field, when absent or when a partial date straddles the anniversary', () => {
    expect(within(undefined, '2025-07-14')).toMatchObject({ value: null, missing: ['crimeVictimization.certification.signedOn'] });
    expect(within('2025-01', '2025-07-20')).toMatchObject({ value: null, missing: ['crimeVictimization.certification.signedOn'], notes: [] });
    expect(within('2025-01', '2025-06-30').value).toBe(true);
    expect(within('2025-01', '2025-08-01').value).toBe(false);
  });
});
