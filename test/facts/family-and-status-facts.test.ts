import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { checkScreeningDate, InputError, validateCase } from '../../src/case/load.js';
import { childVictim, currentSpouseFact, livedWithAbuser, marriageToAbuser } from '../../src/facts/family.js';
import { inSchool, primaryCaretakerOfMinorChild, relativeWithStatus } from '../../src/facts/person.js';
import { recentVisaOverstay } from '../../src/facts/status-history.js';

const context = (caseFile: CaseFile, screening = '2013-01-15') => ({ caseFile, screeningDay: parseExactDate(screening) });

/** The fields a case is refused for, and their problems. */
function problems(value: unknown): { field: string | null; problem: string }[] {
  try {
    validateCase(value, 'test.yaml');
  } catch (error) {
    if (error instanceof InputError) return error.issues;
    throw error;
  }
  return [];
}

describe('contradictory family and status facts are refused, naming the field', () => {
  it('refuses a marriage end date or reason for a client still married to the abuser', () => {
    expect(problems({ abuse: { marriageStatus: 'still_married', marriageEndedOn: '2012-01-01' } })).toEqual([
      { field: 'abuse.marriageEndedOn', problem: expect.stringContaining('still married') },
    ]);
    expect(problems({ abuse: { marriageStatus: 'still_married', marriageEndReason: 'divorce' } })[0]?.field).toBe('abuse.marriageEndReason');
    expect(problems({ abuse: { marriageStatus: 'still_married', marriageDate: '2008-05-10', abuser: { relationship: 'spouse' } } })).toEqual([]);
  });
  it('refuses a marriage status the relationship contradicts', () => {
    expect(problems({ abuse: { marriageStatus: 'still_married', abuser: { relationship: 'former_spouse' } } })[0]?.field).toBe('abuse.marriageStatus');
    expect(problems({ abuse: { marriageStatus: 'ended', abuser: { relationship: 'spouse' } } })[0]?.field).toBe('abuse.marriageStatus');
    expect(problems({ abuse: { marriageStatus: 'ended', abuser: { relationship: 'unmarried_partner' } } })[0]?.field).toBe('abuse.marriageStatus');
    // An intended spouse went through a ceremony (204(a)(1)(A)(iii)(II)(aa)(BB)).
    expect(problems({ abuse: { marriageStatus: 'never_married', abuser: { relationship: 'intended_spouse_bigamy' } } })[0]?.field).toBe('abuse.marriageStatus');
    expect(problems({ abuse: { marriageStatus: 'never_married', marriageDate: '2008-05-10' } })[0]?.field).toBe('abuse.marriageDate');
    expect(problems({ abuse: { abuser: { relationship: 'spouse' }, marriageEndedOn: '2012-01-01' } })[0]?.field).toBe('abuse.marriageEndedOn');
    expect(problems({ abuse: { abuser: { relationship: 'other' }, marriageStatus: 'still_married' } })[0]?.field).toBe('abuse.marriageStatus');
    expect(problems({ abuse: { abuser: { relationship: 'unmarried_partner' }, marriageEndReason: 'divorce' } })[0]?.field).toBe('abuse.marriageEndReason');
  });
  it('refuses a marital status that contradicts the spouse or the marriage to the abuser', () => {
    expect(problems({ family: { maritalStatus: 'never_married', spouse: { status: 'us_citizen' } } })[0]?.field).toBe('family.spouse');
    expect(problems({ family: { maritalStatus: 'divorced' }, abuse: { marriageStatus: 'still_married' } })[0]?.field).toBe('family.maritalStatus');
    expect(problems({ family: { maritalStatus: 'never_married' }, abuse: { abuser: { relationship: 'former_spouse' } } })[0]?.field).toBe('family.maritalStatus');
    expect(problems({ family: { maritalStatus: 'married' }, abuse: { abuser: { relationship: 'former_spouse' } } })).toEqual([]);
  });
  it('refuses a separation date for a client who never lived with the abuser', () => {
    expect(problems({ abuse: { residedWithAbuser: false, separatedOn: '2012-01-01' } })[0]?.field).toBe('abuse.separatedOn');
  });
  it("refuses a child's abuse that abuse.victims leaves out, and an abuser named for a child not abused", () => {
    expect(problems({ abuse: { victims: ['client'] }, family: { children: [{ abused: true }] } })[0]?.field).toBe('family.children[0].abused');
    expect(problems({ family: { children: [{ abused: false, abusedBy: 'M.' }] } })[0]?.field).toBe('family.children[0].abusedBy');
    expect(problems({ abuse: { victims: ['child'] }, family: { children: [{ abused: false }] } })[0]?.field).toBe('abuse.victims');
    expect(problems({ abuse: { victims: ['child'] }, family: { children: [] } })[0]?.field).toBe('abuse.victims');
    expect(problems({ abuse: { victims: ['child'] }, family: { children: [{ abused: false }, {}] } })).toEqual([]);
  });
  it("refuses a child's age that its date of birth contradicts on the screening date", () => {
    const child = (age: number) => problems({ screeningDate: '2013-01-15', family: { children: [{ dateOfBirth: '2000-01-15', age }] } });
    expect(child(13)).toEqual([]);
    expect(child(12)[0]?.field).toBe('family.children[0].age');
    // A partial date of birth allows either age it spans.
    expect(problems({ screeningDate: '2013-01-15', family: { children: [{ dateOfBirth: '2000', age: 12 }] } })).toEqual([]);
  });
  it('refuses a visa class on a status that is no visa, and one not written as a visa class', () => {
    expect(problems({ statusHistory: [{ status: 'none', visaClass: 'B-2' }] })[0]?.field).toBe('statusHistory[0].visaClass');
    expect(problems({ statusHistory: [{ status: 'nonimmigrant', visaClass: 'b2' }] })[0]).toMatchObject({ field: 'statusHistory[0].visaClass', problem: expect.stringContaining('B-2') });
    for (const visaClass of ['B-2', 'F-1', 'H-2A', 'H-1B1', 'B-1/B-2', 'TN', 'WT']) expect(problems({ statusHistory: [{ status: 'nonimmigrant', visaClass }] })).toEqual([]);
  });
  it('refuses a visa-abuse determination for a client with no visa and no admission', () => {
    const ewi = { entries: [{ date: '2000-05-01', manner: 'without_inspection' }], statusHistory: [{ status: 'none', from: '2000-05-01', to: 'present' }] };
    expect(problems({ ...ewi, security: { recentVisaAbuse: true } })[0]?.field).toBe('security.recentVisaAbuse');
    expect(problems({ ...ewi, security: { recentVisaAbuse: false } })).toEqual([]);
  });
  it('refuses a diploma date with no diploma, and one after the screening date', () => {
    expect(problems({ person: { education: 'none', educationCompletedOn: '2010' } })[0]?.field).toBe('person.educationCompletedOn');
    const caseFile = validateCase({ person: { dateOfBirth: '1990-03-10', education: 'ged', educationCompletedOn: '2013-06' } }, 'test.yaml');
    expect(() => checkScreeningDate(caseFile, parseExactDate('2013-01-15'), 'test.yaml')).toThrow('person.educationCompletedOn');
    expect(problems({ person: { dateOfBirth: '1990-03-10', education: 'ged', educationCompletedOn: '1989' } })[0]?.field).toBe('person.educationCompletedOn');
  });
});

describe('marriageToAbuser', () => {
  const lists = { spouseRelationships: ['spouse'], formerSpouseRelationships: ['former_spouse'], intendedSpouseRelationships: ['intended_spouse_bigamy'] };
  const state = (abuse: CaseFile['abuse'], which: 'continuing' | 'ended') => marriageToAbuser.compute(context({ abuse }), { state: which, ...lists }).value;
  it('reads the marriage status first, then a recorded end, then the relationship', () => {
    expect(state({ marriageStatus: 'still_married' }, 'continuing')).toBe(true);
    expect(state({ marriageStatus: 'still_married', separatedOn: '2005-01-01' }, 'ended')).toBe(false);
    expect(state({ marriageStatus: 'never_married' }, 'ended')).toBe(false);
    expect(state({ marriageEndedOn: '2012-01-01' }, 'ended')).toBe(true);
    expect(state({ abuser: { relationship: 'spouse' } }, 'continuing')).toBe(true);
    expect(state({ abuser: { relationship: 'other_parent_of_clients_child' } }, 'continuing')).toBe(false);
  });
  it('reads an intended spouse\'s void marriage as the marriage it was meant to be (the intended-spouse rules reach her anyway)', () => {
    expect(state({ marriageStatus: 'still_married', abuser: { relationship: 'intended_spouse_bigamy' } }, 'continuing')).toBe(true);
    expect(state({ abuser: { relationship: 'intended_spouse_bigamy' } }, 'continuing')).toBeNull();
  });
  it('is unknown, naming both questions, when nothing is recorded', () => {
    expect(marriageToAbuser.compute(context({}), { state: 'continuing', ...lists })).toMatchObject({ value: null, missing: ['abuse.marriageStatus', 'abuse.abuser.relationship'] });
  });
});

describe('livedWithAbuser and childVictim', () => {
  it('takes a separation date as living together, the direct answer first', () => {
    expect(livedWithAbuser.compute(context({ abuse: { separatedOn: '2012-01-01' } }), {}).value).toBe(true);
    expect(livedWithAbuser.compute(context({ abuse: { residedWithAbuser: false } }), {}).value).toBe(false);
    expect(livedWithAbuser.compute(context({ abuse: {} }), {})).toMatchObject({ value: null, missing: ['abuse.residedWithAbuser'] });
  });
  it('finds an abused child in abuse.victims or the child list, and settles "no" only when the facts do', () => {
    const victim = (caseFile: CaseFile) => childVictim.compute(context(caseFile), {});
    expect(victim({ family: { children: [{ abused: false }, { abused: true }] } }).value).toBe(true);
    expect(victim({ abuse: { victims: ['client'] } }).value).toBe(false);
    expect(victim({ family: { children: [] } }).value).toBe(false);
    expect(victim({ family: { children: [{ abused: false }] } }).value).toBe(false);
    expect(victim({ family: { children: [{ abused: false }, {}] } })).toMatchObject({ value: null, missing: ['abuse.victims', 'family.children[1].abused'] });
  });
});

describe("a child's age when only the age is known", () => {
  const caretaker = (child: NonNullable<NonNullable<CaseFile['family']>['children']>[number]) =>
    primaryCaretakerOfMinorChild.compute(context({ family: { children: [{ clientIsPrimaryCaretaker: true, ...child }] } }), { underAge: 18 });
  it('settles "minor" from the age on the screening date', () => {
    expect(caretaker({ age: 17 }).value).toBe(true);
    expect(caretaker({ age: 18 }).value).toBe(false);
  });
  it('prefers the date of birth, and asks for either when neither is known', () => {
    expect(caretaker({ dateOfBirth: '1995-01-16' }).value).toBe(true);
    expect(caretaker({})).toMatchObject({ value: null, missing: ['family.children[0].dateOfBirth', 'family.children[0].age'] });
  });
});

describe('the current spouse', () => {
  it('has no pregnant, nursing or ill spouse, and no citizen spouse, without a spouse', () => {
    const single: CaseFile = { family: { maritalStatus: 'divorced' } };
    expect(currentSpouseFact.compute(context(single), { field: 'pregnantOrNursing' }).value).toBe(false);
    expect(relativeWithStatus.compute(context(single), { relatives: ['spouse'], statuses: ['us_citizen'] }).value).toBe(false);
  });
  it('asks about a spouse the client has, or may have', () => {
    expect(currentSpouseFact.compute(context({ family: { maritalStatus: 'married' } }), { field: 'seriouslyIll' })).toMatchObject({ value: null, missing: ['family.spouse.seriouslyIll'] });
    expect(currentSpouseFact.compute(context({}), { field: 'seriouslyIll' }).missing).toEqual(['family.maritalStatus', 'family.spouse.seriouslyIll']);
    expect(relativeWithStatus.compute(context({ family: { maritalStatus: 'married' } }), { relatives: ['spouse'], statuses: ['us_citizen'] })).toMatchObject({ value: null, missing: ['family.spouse.status'] });
  });
});

describe('recentVisaOverstay', () => {
  const params = { determination: 'security.recentVisaAbuse', overstayReviewWithinDays: 1095 };
  const visa = (to: string, noneFrom: string, extra: CaseFile = {}) =>
    recentVisaOverstay.compute(
      context({ entries: [{ date: '2009-01-01', manner: 'admitted' }], statusHistory: [{ status: 'nonimmigrant', visaClass: 'B-2', from: '2009-01-01', to }, { status: 'none', from: noneFrom, to: 'present' }], ...extra }),
      params,
    );
  it("lets the attorney's determination win", () => {
    expect(visa('2012-08-31', '2012-09-01', { security: { recentVisaAbuse: false } }).value).toBe(false);
    expect(visa('2012-08-31', '2012-09-01', { security: { recentVisaAbuse: true } }).value).toBe(true);
  });
  it('raises an overstay that began within the look-back for the determination, never deciding "knowing abuse" itself', () => {
    const recent = visa('2010-01-15', '2010-01-16');
    expect(recent).toMatchObject({ value: null, missing: ['security.recentVisaAbuse'], notes: [{ code: 'visaOverstay', subject: expect.stringContaining('B-2 status') }] });
    expect(visa('2010-01-14', '2010-01-15').notes).toEqual([]);
  });
  it('sees no overstay when a change of status follows, or the status continues', () => {
    const changed = recentVisaOverstay.compute(
      context({ statusHistory: [{ status: 'nonimmigrant', visaClass: 'F-1', from: '2009-01-01', to: '2012-06-01' }, { status: 'lawful_permanent_resident', from: '2012-06-02', to: 'present' }] }),
      params,
    );
    expect(changed).toMatchObject({ value: null, notes: [] });
    expect(recentVisaOverstay.compute(context({ statusHistory: [{ status: 'nonimmigrant', from: '2012-01-01', to: 'present' }] }), params).notes).toEqual([]);
  });
  it('is "no" for a client who never held a visa and was never admitted, and open while an entry may have been an admission', () => {
    const history: CaseFile['statusHistory'] = [{ status: 'none', from: '2000-05-01', to: 'present' }];
    expect(recentVisaOverstay.compute(context({ statusHistory: history, entries: [{ manner: 'without_inspection' }] }), params).value).toBe(false);
    expect(recentVisaOverstay.compute(context({ statusHistory: history, entries: [{}] }), params)).toMatchObject({ value: null, missing: ['entries[0].manner', 'statusHistory', 'security.recentVisaAbuse'] });
    expect(recentVisaOverstay.compute(context({ statusHistory: history, entries: [{ manner: 'admitted' }] }), params).value).toBeNull();
  });
});

describe('inSchool', () => {
  it('shows the highest grade completed to the attorney reviewing "in school"', () => {
    const result = inSchool.compute(context({ person: { education: 'in_school', highestGradeCompleted: 10 } }), {});
    expect(result).toMatchObject({ value: true, notes: [{ code: 'valueNeedsReview', subject: expect.stringContaining('highest grade completed: 10') }] });
    expect(inSchool.compute(context({ person: { education: 'ged' } }), {})).toMatchObject({ value: false, notes: [] });
  });
});

describe('relief schema', () => {
  it('exports the new fields as JSON Schema the same way zod reads them', () => {
    const schema = z.toJSONSchema(CaseFile, { io: 'input' }) as { properties: Record<string, { properties?: Record<string, unknown>; items?: { properties: Record<string, unknown> } }> };
    const { properties } = schema;
    expect(properties.abuse?.properties?.marriageStatus).toMatchObject({ enum: ['never_married', 'still_married', 'ended'] });
    expect(properties.family?.properties?.maritalStatus).toMatchObject({ enum: ['never_married', 'married', 'divorced', 'widowed'] });
    const visaClass = properties.statusHistory?.items?.properties.visaClass as { pattern: string };
    for (const [text, valid] of [['H-2A', true], ['B-1/B-2', true], ['h-2a', false], ['B 2', false]] as const) {
      expect(new RegExp(visaClass.pattern).test(text)).toBe(valid);
      expect(CaseFile.safeParse({ statusHistory: [{ status: 'nonimmigrant', visaClass: text }] }).success).toBe(valid);
    }
    expect(properties.person?.properties?.highestGradeCompleted).toMatchObject({ type: 'integer', minimum: 0, maximum: 12 });
  });
});
