/** The question tree comes from the schema; the tables that name fields name real ones. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { answersFromCase, caseFromAnswers, decodeAnswer, plannedQuestions, type Question } from '../../src/intake/answers.js';
import { FIELD_ORDER, IDENTIFYING_FIELDS, SECTION_ORDER } from '../../src/intake/clinic-order.js';
import { questionsInOrder } from '../../src/intake/planner.js';
import { caseQuestions, sectionsOf, type ObjectField, type ValueField } from '../../src/intake/questions.js';
import { awaitedDecider, isSkipped } from '../../src/intake/skip-rules.js';
import { conditionsOf, fieldNotes } from '../../src/case/field-notes.js';
import { CaseFile } from '../../src/case/schema.js';
import { FIXTURES_DIR } from '../support/fixtures.js';

const tree = caseQuestions();

function allPatterns(object: ObjectField): string[] {
  return object.fields.flatMap((field) => [field.pattern, ...(field.kind === 'object' ? allPatterns(field) : field.kind === 'list' ? allPatterns(field.item) : [])]);
}
const patterns = allPatterns(tree);

describe('intake questions', () => {
  it('asks every field of the case file, with the schema\'s question where it has one', () => {
    const questions = plannedQuestions(tree.fields, {});
    expect(questions.map((q) => q.path)).toContain('person.dateOfBirth');
    expect(questions.find((q) => q.path === 'person.dateOfBirth')?.field.message).toBe("What is the client's date of birth?");
    expect(patterns).toContain('criminalHistory.convictions[].maximumPenaltyDays');
    expect(patterns).toContain('trafficking.lawEnforcement.declarationObtained');
  });

  it('picks up a field added to the schema, in its own section or at the end', () => {
    const grown = CaseFile.safeExtend({ person: CaseFile.shape.person.unwrap().extend({ tribalMember: z.boolean().optional().meta({ question: 'Is the client a tribal member?' }) }).optional().meta(CaseFile.shape.person.meta() ?? {}), pets: z.array(z.enum(['dog', 'cat'])).optional() });
    const sections = sectionsOf(caseQuestions(grown));
    const questions = plannedQuestions(sections[0]!.fields, {});
    expect(questions.find((q) => q.path === 'person.tribalMember')?.field).toMatchObject({ input: 'boolean', message: 'Is the client a tribal member?' });
    expect(sections.at(-1)).toMatchObject({ title: 'Other facts', fields: [expect.objectContaining({ name: 'pets', input: 'choices', options: ['dog', 'cat'] })] });
  });

  it('names only real fields in the clinic\'s order, and every field the schema\'s notes name is real', () => {
    // Read from the question tree, not the notes' own reader, so the two walks check each other.
    for (const [pattern, notes] of fieldNotes()) {
      expect(patterns).toContain(pattern);
      const named = [...conditionsOf(notes).map((condition) => condition.field), ...(notes.impliedWhen ? [notes.impliedWhen.field] : []), ...(notes.askedRegardlessOf ?? []), ...(notes.standsInFor ? [notes.standsInFor] : [])];
      for (const field of named) expect({ pattern, names: field, real: patterns.includes(field) }).toEqual({ pattern, names: field, real: true });
      if (notes.askedInSection) expect(SECTION_ORDER).toContain(notes.askedInSection);
    }
    const declared = new Set(tree.fields.flatMap((field) => field.notes.section ?? []));
    for (const title of SECTION_ORDER) expect(declared).toContain(title);
    for (const [object, names] of Object.entries(FIELD_ORDER)) for (const name of names) expect(patterns).toContain(object ? `${object}.${name}` : name);
    for (const pattern of IDENTIFYING_FIELDS) expect(patterns).toContain(pattern);
  });

  it('groups the top-level fields into the sections they declare, in the sections\' order', () => {
    expect(sectionsOf(tree).map((section) => section.title)).toEqual(SECTION_ORDER);
    expect(sectionsOf(tree).find((section) => section.title === 'Crime victimization')?.fields.map((field) => field.name)).toEqual(['crimeVictimization']);
    const grown = CaseFile.safeExtend({ pets: z.boolean().optional().meta({ section: 'Pets' }) });
    expect(sectionsOf(caseQuestions(grown)).map((section) => section.title).slice(-2)).toEqual(['Notes and sources', 'Pets']);
  });

  it('orders the questions as a clinic meets them', () => {
    const full = { statusHistory: 1, 'criminalHistory.convictions': 1, departures: 1, 'abuse.occurred': true, 'trafficking.occurred': true, 'removal.finalOrder': true };
    const order = questionsInOrder(sectionsOf(tree), full).map(({ question }) => question.path);
    const before = (first: string, then: string) => expect(order.indexOf(first)).toBeLessThan(order.indexOf(then));
    before('removal.inProceedings', 'removal.noticeToAppearDate');
    before('removal.finalOrder', 'removal.failedToDepartOrAbsconded');
    before('criminalHistory.convictions[0].offenseDate', 'criminalHistory.convictions[0].convictionDate');
    before('criminalHistory.convictions[0].convictionDate', 'criminalHistory.convictions[0].sentenceImposedDays');
    before('criminalHistory.convictions[0].sentenceSuspendedDays', 'criminalHistory.convictions[0].sentenceToCustodyDays');
    before('criminalHistory.convictions[0].daysInCustody', 'criminalHistory.convictions[0].releasedFromConfinementDate');
    // A detail that refers to the abuse or the trafficking comes after it.
    before('abuse.occurred', 'criminalHistory.convictions[0].connectedToAbuse');
    before('abuse.occurred', 'departures[0].connectedToAbuse');
    before('trafficking.occurred', 'criminalHistory.convictions[0].connectedToTrafficking');
    before('abuse.abuser.relationship', 'abuse.marriageDate');
    before('abuse.abuser.statusLost', 'abuse.abuser.statusLostOn');
  });

  it('skips a group only when the deciding answer is known and rules it out', () => {
    expect(isSkipped('abuse.victims', { 'abuse.occurred': false })).toBe(true);
    expect(isSkipped('abuse.victims', { 'abuse.occurred': null })).toBe(false);
    expect(isSkipped('abuse.victims', {})).toBe(false);
    expect(isSkipped('abuse.occurred', { 'abuse.occurred': false })).toBe(false);
    expect(isSkipped('criminalHistory.convictions[1].triedAsAdult', { 'criminalHistory.convictions[0].juvenile': false, 'criminalHistory.convictions[1].juvenile': true })).toBe(false);
    expect(isSkipped('criminalHistory.convictions[0].triedAsAdult', { 'criminalHistory.convictions[0].juvenile': false })).toBe(true);
    expect(isSkipped('trafficking.lawEnforcement.reasonForNotComplying', { 'trafficking.lawEnforcement.requestReceived': false })).toBe(true);
    expect(isSkipped('trafficking.lawEnforcement.reasonForNotComplying', { 'trafficking.lawEnforcement.requestReceived': true, 'trafficking.lawEnforcement.complied': true })).toBe(true);
    expect(isSkipped('trafficking.lawEnforcement.reasonForNotComplying', { 'trafficking.lawEnforcement.requestReceived': true, 'trafficking.lawEnforcement.complied': false })).toBe(false);
    // Trafficking others is asked whatever the answer to trafficking.
    expect(isSkipped('trafficking.traffickedOthers', { 'trafficking.occurred': false })).toBe(false);
    // Ruled out with the answer that rules out what it depends on.
    expect(isSkipped('trafficking.lawEnforcement.reasonForNotComplying', { 'trafficking.occurred': false })).toBe(true);
    expect(isSkipped('criminalHistory.convictions[0].primaryPerpetrator', { 'abuse.occurred': false })).toBe(true);
    // A stand-in is asked only when the field it stands in for is "don't know".
    expect(isSkipped('criminalHistory.category', { 'criminalHistory.convictions': 0 })).toBe(true);
    expect(isSkipped('criminalHistory.category', { 'criminalHistory.convictions': null })).toBe(false);
  });

  it('skips the new programs\' details as their fields declare', () => {
    expect(isSkipped('crimeVictimization.crimes', { 'crimeVictimization.occurred': false })).toBe(true);
    expect(isSkipped('crimeVictimization.crimes', { 'crimeVictimization.occurred': true })).toBe(false);
    expect(isSkipped('crimeVictimization.certification.signedOn', { 'crimeVictimization.occurred': true, 'crimeVictimization.certification.obtained': false })).toBe(true);
    expect(isSkipped('crimeVictimization.certification.obtained', { 'crimeVictimization.occurred': true, 'crimeVictimization.certification.obtained': false })).toBe(false);
    expect(isSkipped('crimeVictimization.directVictimDateOfBirth', { 'crimeVictimization.role': 'direct_victim' })).toBe(true);
    expect(isSkipped('crimeVictimization.directVictimDateOfBirth', { 'crimeVictimization.role': 'indirect_victim' })).toBe(false);
    expect(isSkipped('crimeVictimization.violatedUsLawAbroad', { 'crimeVictimization.location': 'united_states' })).toBe(true);
    expect(isSkipped('crimeVictimization.violatedUsLawAbroad', { 'crimeVictimization.location': 'both' })).toBe(false);
    expect(isSkipped('removal.inAbsentiaOralNotice', { 'removal.finalOrder': true, 'removal.finalOrderKind': 'after_hearing' })).toBe(true);
    expect(isSkipped('removal.inAbsentiaOralNotice', { 'removal.finalOrder': false })).toBe(true);
    expect(isSkipped('removal.inAbsentiaOralNotice', { 'removal.finalOrder': true, 'removal.finalOrderKind': 'in_absentia' })).toBe(false);
    // The deadline only after an overstay; the overstay whatever the order the client has now (a lapsed grant still bars).
    expect(isSkipped('removal.voluntaryDepartureDeadline', { 'removal.failedToDepartUnderVoluntaryDeparture': false })).toBe(true);
    expect(isSkipped('removal.voluntaryDepartureDeadline', { 'removal.failedToDepartUnderVoluntaryDeparture': true })).toBe(false);
    expect(isSkipped('removal.failedToDepartUnderVoluntaryDeparture', { 'removal.voluntaryDepartureOrder': false })).toBe(false);
    // The notice's time and place once there is a notice (its date, or "don't know" it).
    expect(isSkipped('removal.noticeToAppearStatedTimeAndPlace', { 'removal.noticeToAppearDate': '2019-03-04' })).toBe(false);
    expect(awaitedDecider('removal.noticeToAppearStatedTimeAndPlace', {})).toBe('removal.noticeToAppearDate');
    // A J visa class, by its prefix; a status with no visa class rules it out with the class.
    const j = (visaClass: string) => ({ 'statusHistory[0].status': 'nonimmigrant', 'statusHistory[0].visaClass': visaClass });
    expect(isSkipped('statusHistory[0].graduateMedicalTraining', j('J-1'))).toBe(false);
    expect(isSkipped('statusHistory[0].homeResidenceRequirement', j('J-2'))).toBe(false);
    expect(isSkipped('statusHistory[0].homeResidenceRequirement', j('H-1B'))).toBe(true);
    expect(isSkipped('statusHistory[0].graduateMedicalTraining', { 'statusHistory[0].status': 'asylee' })).toBe(true);
    expect(isSkipped('statusHistory[0].graduateMedicalTraining', { 'statusHistory[0].status': 'nonimmigrant', 'statusHistory[0].visaClass': null })).toBe(false);
  });

  it('names the unanswered question another presupposes', () => {
    expect(awaitedDecider('trafficking.type', {})).toBe('trafficking.occurred');
    expect(awaitedDecider('trafficking.type', { 'trafficking.occurred': null })).toBeUndefined();
    expect(awaitedDecider('criminalHistory.convictions[1].primaryPerpetrator', { 'abuse.occurred': true })).toBe('criminalHistory.convictions[1].connectedToAbuse');
    expect(awaitedDecider('criminalHistory.convictions[1].primaryPerpetrator', {})).toBe('abuse.occurred');
    expect(awaitedDecider('person.dateOfBirth', {})).toBeUndefined();
  });

  it('turns every fixture case into answers (the fields it holds) and back into the same case', () => {
    const files = readdirSync(join(FIXTURES_DIR, 'cases')).filter((name) => name.endsWith('.case.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const caseValue: unknown = parse(readFileSync(join(FIXTURES_DIR, 'cases', name), 'utf8'));
      expect(caseFromAnswers(tree, answersFromCase(tree, caseValue))).toEqual(caseValue);
    }
  });

  it('reads typed answers by kind', () => {
    const question = (path: string): Question => plannedQuestions(tree.fields, { 'criminalHistory.convictions': 1 }).find((q) => q.path === path)!;
    expect(decodeAnswer(question('person.seriouslyIll'), 'no')).toEqual({ ok: true, value: false });
    expect(decodeAnswer(question('person.seriouslyIll'), 'maybe')).toEqual({ ok: false, error: 'must be yes or no' });
    expect(decodeAnswer(question('sources'), 'intake; documents')).toEqual({ ok: true, value: ['intake', 'documents'] });
    expect(decodeAnswer(question('criminalHistory.convictions[0].maximumPenaltyDays'), '180')).toEqual({ ok: true, value: 180 });
    expect(decodeAnswer(question('criminalHistory.convictions[0].maximumPenaltyDays'), '1.5')).toMatchObject({ ok: false });
    expect(decodeAnswer(question('criminalHistory.convictions[0].offenseTypes'), ['dui', '?'])).toMatchObject({ ok: false });
    expect(decodeAnswer(question('entries'), '')).toEqual({ ok: true, value: null });
    expect(decodeAnswer(question('entries'), 'none')).toEqual({ ok: true, value: 0 });
    const status = plannedQuestions(tree.fields, { statusHistory: 1 }).find((q) => q.path === 'statusHistory[0].status')!;
    expect((status.field as ValueField).optional).toBe(false);
    expect(decodeAnswer(status, '?')).toEqual({ ok: false, error: 'an answer is needed here' });
  });
});
