/** The question tree comes from the schema; the tables that name fields name real ones. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { answersFromCase, caseFromAnswers, decodeAnswer, plannedQuestions, type Question } from '../../src/intake/answers.js';
import { SECTIONS, caseQuestions, sectionsOf, type ObjectField, type ValueField } from '../../src/intake/questions.js';
import { ASK_ONLY_WHEN, isSkipped } from '../../src/intake/skip-rules.js';
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
    const grown = CaseFile.safeExtend({ person: CaseFile.shape.person.unwrap().extend({ tribalMember: z.boolean().optional().meta({ question: 'Is the client a tribal member?' }) }).optional(), pets: z.array(z.enum(['dog', 'cat'])).optional() });
    const sections = sectionsOf(caseQuestions(grown));
    const questions = plannedQuestions(sections[0]!.fields, {});
    expect(questions.find((q) => q.path === 'person.tribalMember')?.field).toMatchObject({ input: 'boolean', message: 'Is the client a tribal member?' });
    expect(sections.at(-1)).toMatchObject({ title: 'Other facts', fields: [expect.objectContaining({ name: 'pets', input: 'choices', options: ['dog', 'cat'] })] });
  });

  it('names only real fields in the sections and the skip table', () => {
    const topLevel = tree.fields.map((field) => field.name);
    for (const section of SECTIONS) for (const name of section.fields) expect(topLevel).toContain(name);
    for (const rule of ASK_ONLY_WHEN) for (const pattern of [rule.when, ...rule.ask]) expect(patterns).toContain(pattern);
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
  });

  it('turns every fixture case into answers and back into the same case', () => {
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
