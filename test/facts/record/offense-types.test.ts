import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../../src/case/dates.js';
import type { CaseFile } from '../../../src/case/schema.js';
import { convictionOfType } from '../../../src/facts/record/offense-types.js';

const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate('2024-06-01') });
const trafficking = (caseFile: CaseFile) => convictionOfType.compute(context(caseFile), { offenseTypes: ['trafficking_others'] });

describe('convictionOfType', () => {
  it('finds a conviction of a listed type', () => {
    expect(trafficking({ criminalHistory: { convictions: [{ offenseTypes: ['theft_or_fraud'] }, { id: 'recruiting', offenseTypes: ['trafficking_others'] }] } })).toMatchObject({
      value: true,
      detail: 'of a listed type: recruiting',
    });
  });
  it('is false when every conviction has its types recorded and none is listed, or there are none', () => {
    expect(trafficking({ criminalHistory: { convictions: [{ offenseTypes: [] }] } }).value).toBe(false);
    expect(trafficking({ criminalHistory: { convictions: [] } }).value).toBe(false);
    expect(trafficking({ criminalHistory: { category: 'none' } }).value).toBe(false);
  });
  it('is unknown, asking for the types, while a conviction has none recorded', () => {
    expect(trafficking({ criminalHistory: { convictions: [{ offenseTypes: [] }, {}] } })).toMatchObject({ value: null, missing: ['criminalHistory.convictions[1].offenseTypes'] });
  });
  it('is unknown with review for a bare label, and unknown when nothing is recorded', () => {
    expect(trafficking({ criminalHistory: { category: 'level_1' } })).toMatchObject({ value: null, notes: [{ code: 'bareLabel', subject: 'level_1' }] });
    expect(trafficking({})).toMatchObject({ value: null, missing: ['criminalHistory.convictions'] });
  });
  describe('counted within a period (two DUI convictions in the ten years before 2024-06-01)', () => {
    const duis = (...dates: (string | undefined)[]) =>
      convictionOfType.compute(context({ criminalHistory: { convictions: dates.map((convictionDate) => ({ offenseTypes: ['dui' as const], ...(convictionDate ? { convictionDate } : {}) })) } }), {
        offenseTypes: ['dui'],
        atLeast: 2,
        convictedWithinYears: 10,
      });
    it('counts convictions entered on or after the day ten years back, not the day before', () => {
      expect(duis('2014-06-01', '2020-01-01').value).toBe(true);
      expect(duis('2014-05-31', '2020-01-01').value).toBe(false);
      expect(duis('2020-01-01').value).toBe(false);
    });
    it('asks for a conviction date that decides the count', () => {
      expect(duis(undefined, '2020-01-01')).toMatchObject({ value: null, missing: ['criminalHistory.convictions[0].convictionDate'] });
      expect(duis('2014', '2020-01-01').value).toBeNull();
    });
  });
});
