import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { fieldHasValueOutside } from '../../src/facts/values-outside.js';

const outside = (caseFile: CaseFile) =>
  fieldHasValueOutside.compute({ caseFile, screeningDay: parseExactDate('2025-01-01') }, { path: 'crimeVictimization.crimes', values: ['domestic_violence', 'felonious_assault'] });

describe('fieldHasValueOutside', () => {
  it('is true when some item is not listed, false when every item is or the list is empty', () => {
    expect(outside({ crimeVictimization: { crimes: ['robbery'] } }).value).toBe(true);
    expect(outside({ crimeVictimization: { crimes: ['domestic_violence', 'theft'] } }).value).toBe(true);
    expect(outside({ crimeVictimization: { crimes: ['domestic_violence'] } }).value).toBe(false);
    expect(outside({ crimeVictimization: { crimes: [] } }).value).toBe(false);
  });
  it('is unknown, naming the field, when it is absent', () => {
    expect(outside({})).toMatchObject({ value: null, missing: ['crimeVictimization.crimes'] });
  });
});
