import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { relativeUnderAgeOn } from '../../src/facts/relatives-under-age.js';

const context = (family: CaseFile['family']) => ({ caseFile: { family } as CaseFile, screeningDay: parseExactDate('2025-06-10') });
const siblingUnder18 = (family: CaseFile['family']) => relativeUnderAgeOn.compute(context(family), { relatives: 'family.siblings', years: 18, date: 'screening', unmarriedOnly: true });

describe('relativeUnderAgeOn', () => {
  it('counts a sibling the day before the 18th birthday, not on it', () => {
    expect(siblingUnder18({ siblings: [{ dateOfBirth: '2007-06-11', married: false }] }).value).toBe(true);
    expect(siblingUnder18({ siblings: [{ dateOfBirth: '2007-06-10', married: false }] }).value).toBe(false);
  });
  it('leaves out a married sibling, and asks whether one is married when it decides', () => {
    expect(siblingUnder18({ siblings: [{ dateOfBirth: '2010-01-01', married: true }] }).value).toBe(false);
    expect(siblingUnder18({ siblings: [{ dateOfBirth: '2010-01-01' }] })).toMatchObject({ value: null, missing: ['family.siblings[0].married'] });
    expect(siblingUnder18({ siblings: [{ dateOfBirth: '2000-01-01' }] }).value).toBe(false);
  });
  it('is false for an empty list and unknown, naming it, for an absent one', () => {
    expect(siblingUnder18({ siblings: [] }).value).toBe(false);
    expect(siblingUnder18({})).toMatchObject({ value: null, missing: ['family.siblings'] });
  });
  it('reads a child by the age told when no date of birth is recorded, married or not when unmarriedOnly is off', () => {
    const childUnder21 = (children: NonNullable<CaseFile['family']>['children']) =>
      relativeUnderAgeOn.compute(context({ children }), { relatives: 'family.children', years: 21, date: 'screening', unmarriedOnly: false }).value;
    expect(childUnder21([{ age: 20, married: true }])).toBe(true);
    expect(childUnder21([{ age: 21 }])).toBe(false);
  });
});
