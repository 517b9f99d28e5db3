import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { continuousResidenceSince, priorRemovalOnOrBefore } from '../../src/facts/timeline.js';

const context = (caseFile: CaseFile) => ({ caseFile, screeningDay: parseExactDate('2013-01-15') });

describe('prior removal on or before a date', () => {
  const removed = (priorRemovals: NonNullable<CaseFile['removal']>['priorRemovals']) =>
    priorRemovalOnOrBefore.compute(context({ removal: { priorRemovals } }), { date: '2011-12-31', bases: ['non_criminal'] });
  it('is true for a removal on the date itself, false the day after', () => {
    expect(removed([{ date: '2011-12-31', basis: 'non_criminal' }]).value).toBe(true);
    expect(removed([{ date: '2012-01-01', basis: 'non_criminal' }]).value).toBe(false);
  });
  it('reads the basis, and leaves an unknown basis or a date spanning the cutoff open', () => {
    expect(removed([{ date: '2010-01-01', basis: 'criminal' }]).value).toBe(false);
    expect(removed([{ date: '2010-01-01' }]).missing).toEqual(['removal.priorRemovals[0].basis']);
    expect(removed([{ date: '2011', basis: 'non_criminal' }]).value).toBe(true);
    expect(removed([{ date: '2011/2012', basis: 'non_criminal' }]).value).toBeNull();
  });
  it('is false with no removal and unknown when removals are not recorded', () => {
    expect(removed([]).value).toBe(false);
    expect(priorRemovalOnOrBefore.compute(context({}), { date: '2011-12-31', bases: ['non_criminal'] }).value).toBeNull();
  });
});

describe('continuous presence where the law says "on or before"', () => {
  it('takes an arrival on the start date without a review note', () => {
    const params = { since: '2011-12-31', briefAbsencesExcusedBefore: 'screening' as const, advanceParoleExcusesAfterCutoff: false, arrivalOnStartDateQualifies: true };
    const result = continuousResidenceSince.compute(context({ entries: [{ date: '2011-12-31' }], departures: [], removal: { priorRemovals: [] } }), params);
    expect(result.value).toBe(true);
    expect(result.notes).toEqual([]);
  });
});
