/**
 * A field's interview notes, declared with it in the schema (src/case/field-notes.ts): read through
 * its optional wrapper, obeyed by the interview's skip rules, checked when first read (a note naming
 * no field, or an unreadable pattern, is an error naming the field), and left out of the JSON Schema.
 */
import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { FIELD_NOTE_KEYS, fieldNotes, type FieldNotes } from '../../src/case/field-notes.js';
import { caseFileJsonSchemaText } from '../../src/case/json-schema.js';
import { awaitedDecider, impliedAnswersOf, isSkipped, skipRulesOf } from '../../src/intake/skip-rules.js';

/** A small case file whose fields declare their notes, as the real one does. */
const Pets = z.strictObject({
  owner: z
    .strictObject({
      has: z.boolean().optional(),
      kind: z.enum(['dog', 'cat']).optional().meta({ question: 'Which pet?', askedWhen: { field: 'owner.has', is: [true] } }),
      licensed: z.boolean().optional().meta({ impliedWhen: { field: 'owner.has', is: [false], value: false } }),
    })
    .optional()
    .meta({ section: 'Pets' }),
  visits: z
    .array(
      z.strictObject({
        visaClass: z.string().optional(),
        medical: z.boolean().optional().meta({ askedWhen: { field: 'visits[].visaClass', matches: '^J\\b' } }),
      }),
    )
    .optional(),
});

describe('field notes', () => {
  const notes = fieldNotes(Pets);
  const rules = skipRulesOf(notes);

  it('are read by pattern, through an optional wrapper, with the question left to the question', () => {
    expect(notes.get('owner')).toEqual({ section: 'Pets' });
    expect(notes.get('owner.kind')).toEqual({ askedWhen: { field: 'owner.has', is: [true] } });
    expect(notes.get('visits[].medical')).toEqual({ askedWhen: { field: 'visits[].visaClass', matches: '^J\\b' } });
    expect(notes.get('visits')).toEqual({});
  });

  it('ask a declared field only when its condition holds: unanswered is pending, "don\'t know" keeps it asked', () => {
    expect(isSkipped('owner.kind', { 'owner.has': false }, rules)).toBe(true);
    expect(isSkipped('owner.kind', { 'owner.has': true }, rules)).toBe(false);
    expect(isSkipped('owner.kind', { 'owner.has': null }, rules)).toBe(false);
    expect(isSkipped('owner.kind', {}, rules)).toBe(false);
    expect(awaitedDecider('owner.kind', {}, rules, [])).toBe('owner.has');
    // A pattern condition, on the same list item.
    const visits = { 'visits[0].visaClass': 'J-1', 'visits[1].visaClass': 'B-2' };
    expect(isSkipped('visits[0].medical', visits, rules)).toBe(false);
    expect(isSkipped('visits[1].medical', visits, rules)).toBe(true);
    expect(impliedAnswersOf(notes).map(({ field, value, when, implies }) => ({ field, value, when, onNo: implies(false), onYes: implies(true) }))).toEqual([
      { field: 'owner.licensed', value: false, when: 'owner.has', onNo: true, onYes: false },
    ]);
  });

  /** The error of reading a schema with one field so noted. */
  const problem = (declared: FieldNotes) => {
    const schema = z.strictObject({ a: z.strictObject({ b: z.boolean().optional(), c: z.boolean().optional().meta({ ...declared }) }).optional(), list: z.array(z.strictObject({ d: z.boolean().optional() })).optional() });
    try {
      fieldNotes(schema);
    } catch (error) {
      return (error as Error).message;
    }
    return 'no error';
  };

  it('are refused when they name no field or cannot be read, naming the field that declares them', () => {
    expect(problem({ askedWhen: { field: 'a.bb', is: [true] } })).toBe('case-file schema, interview notes: a.c: askedWhen names "a.bb", which is no field');
    expect(problem({ askedWhen: { field: 'a.b', matches: '(' } })).toContain('a.c: askedWhen: "(" is no regular expression');
    expect(problem({ askedWhen: { field: 'a.b', is: [true], matches: 'x' } as never })).toContain('a.c: askedWhen needs exactly one of "is" (a list of answers) or "matches"');
    expect(problem({ askedWhen: { field: 'list[].d', is: [true] } })).toContain('a.c: askedWhen names "list[].d", in a list that does not hold this field');
    expect(problem({ impliedWhen: { field: 'a.x', is: [true], value: true } })).toContain('a.c: impliedWhen names "a.x", which is no field');
    expect(problem({ standsInFor: 'a.x' })).toContain('a.c: standsInFor names "a.x", which is no field');
    expect(problem({ askedRegardlessOf: ['a.b'] })).toContain('a.c: askedRegardlessOf names "a.b", which decides no group holding this field');
    expect(problem({ askedInSection: 'Nowhere' })).toContain('a.c: askedInSection names "Nowhere", a section no top-level field declares');
    expect(problem({ section: 'Pets' })).toContain('a.c: a section belongs on a top-level field');
    expect(problem({ askedWhen: { field: 'a.b', is: [true] } })).toBe('no error');
  });

  it('of the case file are all readable (the schema loads), and the JSON Schema carries none of them', () => {
    expect(fieldNotes().get('crimeVictimization')).toMatchObject({ section: 'Crime victimization', askedWhen: { field: 'crimeVictimization.occurred', is: [true] } });
    const text = caseFileJsonSchemaText();
    for (const key of FIELD_NOTE_KEYS) expect(text).not.toContain(`"${key}"`);
    expect(text).toContain('"question": "Has the client been the victim of a crime');
  });
});
