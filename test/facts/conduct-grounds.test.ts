import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { prostitutionConduct, unlawfulVotingConduct } from '../../src/facts/conduct-grounds.js';

const context = (caseFile: CaseFile, screening = '2016-01-15') => ({ caseFile, screeningDay: parseExactDate(screening) });
const params = { lookbackYears: 10, prostitutionOffenseTypes: ['prostitution' as const], commercialSexTraffickingTypes: ['sex' as const, 'both' as const] };
const clean: CaseFile = { criminalHistory: { convictions: [] }, trafficking: { occurred: false }, security: { prostitution: { engaged: false }, unlawfulVoting: false } };
const conduct = (caseFile: CaseFile) => prostitutionConduct.compute(context(caseFile), params);
const record = (offenseDate: string, juvenile = false): CaseFile['criminalHistory'] => ({
  convictions: [{ jurisdiction: juvenile ? 'juvenile_court' : 'state', offenseTypes: ['prostitution'], offenseDate, juvenile }],
});

describe('prostitutionConduct', () => {
  it('reads told conduct on the look-back line: 10 years to the day is within, a day earlier is not', () => {
    expect(conduct({ ...clean, security: { prostitution: { engaged: true, lastDate: '2006-01-15' } } }).value).toMatchObject({ shownWithinLookback: true, withinLookback: true });
    expect(conduct({ ...clean, security: { prostitution: { engaged: true, lastDate: '2006-01-14' } } }).value).toMatchObject({ shownWithinLookback: false, withinLookback: false });
  });
  it('reads a record of the offense, a juvenile adjudication or an expunged conviction included, even when the client said no', () => {
    expect(conduct({ ...clean, criminalHistory: record('2012-05-01', true) }).value).toMatchObject({ shownWithinLookback: true });
    expect(conduct({ ...clean, criminalHistory: record('2005-05-01') }).value).toMatchObject({ shownWithinLookback: false });
  });
  it('keeps the commercial sex acts of sex trafficking apart, by the last act', () => {
    const trafficked = (type: 'sex' | 'labor', lastActDate: string): CaseFile => ({ ...clean, trafficking: { occurred: true, type, lastActDate } });
    expect(conduct(trafficked('sex', '2006-01-15')).value).toEqual({ shownWithinLookback: false, compelledWithinLookback: true, withinLookback: true });
    expect(conduct(trafficked('sex', '2006-01-14')).value).toMatchObject({ compelledWithinLookback: false, withinLookback: false });
    expect(conduct(trafficked('labor', '2015-01-01')).value).toMatchObject({ compelledWithinLookback: false });
  });
  it('is unknown, never "no", when the client was not asked, and names the question', () => {
    const derived = conduct({ ...clean, security: {} });
    expect(derived.value).toMatchObject({ shownWithinLookback: null, withinLookback: null });
    expect(derived.missing).toContain('security.prostitution.engaged');
    const undated = conduct({ ...clean, security: { prostitution: { engaged: true } } });
    expect(undated.missing).toContain('security.prostitution.lastDate');
  });
});

describe('unlawfulVotingConduct', () => {
  const voting = (caseFile: CaseFile) => unlawfulVotingConduct.compute(context(caseFile), { unlawfulVotingOffenseTypes: ['unlawful_voting'] }).value;
  it('reads the answer, and a record of the offense whatever the answer', () => {
    expect(voting({ ...clean, security: { unlawfulVoting: true } })).toBe(true);
    expect(voting(clean)).toBe(false);
    expect(voting({ ...clean, criminalHistory: { convictions: [{ offenseTypes: ['unlawful_voting'] }] } })).toBe(true);
  });
  it('is unknown without an answer when no record shows it', () => {
    expect(voting({ ...clean, security: {} })).toBeNull();
  });
});
