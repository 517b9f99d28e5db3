import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { ageBelowAtEvent, ageBelowOn, caseField, fieldIsOneOf, firstEntryBeforeAge, primaryCaretakerOfMinorChild, relativeWithStatus } from '../../src/facts/person.js';

const context = (caseFile: CaseFile, screening = '2013-01-15') => ({ caseFile, screeningDay: parseExactDate(screening) });

describe('ageBelowOn', () => {
  const under31 = (dateOfBirth?: string) => ageBelowOn.compute(context({ person: { ...(dateOfBirth ? { dateOfBirth } : {}) } }), { date: '2012-06-15', years: 31, birthDate: 'person.dateOfBirth' });
  it('is true the day after the cutoff birthday and false on it', () => {
    expect(under31('1981-06-16').value).toBe(true);
    expect(under31('1981-06-15').value).toBe(false);
  });
  it('is unknown, naming the field, without a date of birth', () => {
    expect(under31()).toMatchObject({ value: null, missing: ['person.dateOfBirth'] });
  });
  it('is unknown when a partial date of birth straddles the cutoff, and settled when it does not', () => {
    expect(under31('1981').value).toBeNull();
    expect(under31('1982').value).toBe(true);
    expect(under31('1980').value).toBe(false);
  });
  it('reads "screening" as the screening date', () => {
    expect(ageBelowOn.compute(context({ person: { dateOfBirth: '1998-01-16' } }), { date: 'screening', years: 15, birthDate: 'person.dateOfBirth' }).value).toBe(true);
  });
});

describe('firstEntryBeforeAge', () => {
  const before16 = (caseFile: CaseFile) => firstEntryBeforeAge.compute(context(caseFile), { years: 16 }).value;
  it('uses the earliest of several entries', () => {
    expect(before16({ person: { dateOfBirth: '1990-03-10' }, entries: [{ date: '2010-01-01' }, { date: '2006-03-09' }] })).toBe(true);
  });
  it('is false for an arrival on the 16th birthday', () => {
    expect(before16({ person: { dateOfBirth: '1990-03-10' }, entries: [{ date: '2006-03-10' }] })).toBe(false);
  });
  it('takes a reported age at entry when the date is not known', () => {
    expect(before16({ entries: [{ ageAtEntry: 15 }] })).toBe(true);
    expect(before16({ entries: [{ ageAtEntry: 16 }] })).toBe(false);
  });
  it('is unknown with no entries recorded', () => {
    expect(before16({})).toBeNull();
  });
});

describe('raw fields', () => {
  it('caseField is unknown when absent and the value when present', () => {
    expect(caseField.compute(context({}), { path: 'removal.mandatoryDetention' })).toMatchObject({ value: null, missing: ['removal.mandatoryDetention'] });
    expect(caseField.compute(context({ removal: { mandatoryDetention: false } }), { path: 'removal.mandatoryDetention' }).value).toBe(false);
  });
  it('fieldIsOneOf accepts listed values and raises review for reviewIf values', () => {
    const result = fieldIsOneOf.compute(context({ person: { education: 'in_school' } }), { path: 'person.education', values: ['in_school'], reviewIf: ['in_school'] });
    expect(result.value).toBe(true);
    expect(result.notes).toEqual([{ code: 'valueNeedsReview', subject: 'person.education = in_school' }]);
  });
});

describe('family', () => {
  it('finds a U.S.-citizen child, and stays unknown while a status is missing', () => {
    const params = { relatives: ['child' as const], statuses: ['us_citizen' as const] };
    expect(relativeWithStatus.compute(context({ family: { children: [{ status: 'other' }, { status: 'us_citizen' }] } }), params).value).toBe(true);
    expect(relativeWithStatus.compute(context({ family: { children: [{ status: 'other' }, {}] } }), params).value).toBeNull();
    expect(relativeWithStatus.compute(context({ family: { children: [] } }), params).value).toBe(false);
  });
  it('counts a caretaker only of a child still a minor on the screening date', () => {
    const caretaker = (dateOfBirth: string) =>
      primaryCaretakerOfMinorChild.compute(context({ family: { children: [{ dateOfBirth, clientIsPrimaryCaretaker: true }] } }), { underAge: 18 }).value;
    expect(caretaker('1995-01-16')).toBe(true);
    expect(caretaker('1995-01-15')).toBe(false);
  });
});

describe('ageBelowAtEvent', () => {
  const params = { eventDate: 'trafficking.firstActDate', ageAtEvent: 'trafficking.ageAtFirstAct', years: 18, birthDate: 'person.dateOfBirth' };
  const under18 = (caseFile: CaseFile) => ageBelowAtEvent.compute(context(caseFile), params);
  it('is true the day before the 18th birthday and false on it', () => {
    expect(under18({ person: { dateOfBirth: '1990-03-10' }, trafficking: { firstActDate: '2008-03-09' } }).value).toBe(true);
    expect(under18({ person: { dateOfBirth: '1990-03-10' }, trafficking: { firstActDate: '2008-03-10' } }).value).toBe(false);
  });
  it('takes a recorded age as said', () => {
    expect(under18({ trafficking: { ageAtFirstAct: 17 } }).value).toBe(true);
    expect(under18({ trafficking: { ageAtFirstAct: 18 } }).value).toBe(false);
  });
  it('is unknown when partial dates straddle the birthday, and settled when they do not', () => {
    expect(under18({ person: { dateOfBirth: '1990' }, trafficking: { firstActDate: '2008' } })).toMatchObject({
      value: null,
      missing: ['person.dateOfBirth', 'trafficking.firstActDate', 'trafficking.ageAtFirstAct'],
    });
    expect(under18({ person: { dateOfBirth: '1990' }, trafficking: { firstActDate: '2006' } }).value).toBe(true);
    expect(under18({ person: { dateOfBirth: '1990' }, trafficking: { firstActDate: '2009' } }).value).toBe(false);
  });
  it('is unknown, naming the missing fields, without an age or both dates', () => {
    expect(under18({ trafficking: { firstActDate: '2008-03-09' } })).toMatchObject({ value: null, missing: ['person.dateOfBirth', 'trafficking.ageAtFirstAct'] });
    expect(under18({ person: { dateOfBirth: '1990-03-10' } })).toMatchObject({ value: null, missing: ['trafficking.firstActDate', 'trafficking.ageAtFirstAct'] });
  });
  it("reads another person's date of birth when birthDate names it (a crime's direct victim)", () => {
    const victimParams = { eventDate: 'crimeVictimization.firstActDate', ageAtEvent: 'crimeVictimization.directVictimAgeAtFirstAct', years: 21, birthDate: 'crimeVictimization.directVictimDateOfBirth' };
    const under21 = (directVictimDateOfBirth: string) =>
      ageBelowAtEvent.compute(context({ person: { dateOfBirth: '1960-01-01' }, crimeVictimization: { firstActDate: '2012-05-01', directVictimDateOfBirth } }), victimParams).value;
    expect(under21('1991-05-02')).toBe(true);
    expect(under21('1991-05-01')).toBe(false);
    expect(ageBelowAtEvent.compute(context({ crimeVictimization: { firstActDate: '2012-05-01' } }), victimParams).missing).toEqual([
      'crimeVictimization.directVictimDateOfBirth',
      'crimeVictimization.directVictimAgeAtFirstAct',
    ]);
  });
});
