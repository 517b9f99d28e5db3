import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError, checkScreeningDate, loadCaseFile, validateCase } from '../../src/case/load.js';
import { parseExactDate } from '../../src/case/dates.js';
import { fieldKind, questionFor } from '../../src/case/fields.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-cases-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function problems(name: string, text: string): Promise<string[]> {
  const file = join(scratch, name);
  writeFileSync(file, text);
  try {
    await loadCaseFile(file);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).problems;
  }
  return [];
}

describe('case files', () => {
  it('accepts an empty-but-valid case: every fact unknown', async () => {
    expect(await problems('empty.yaml', 'caseId: x\n')).toEqual([]);
  });
  it('names a misspelt key', async () => {
    expect(await problems('typo.yaml', 'person:\n  dateOfBrith: "1990-01-01"\n')).toEqual([expect.stringMatching(/^person: unknown field "dateOfBrith"/)]);
  });
  it('names the field of an impossible date', async () => {
    expect(await problems('date.json', '{"person": {"dateOfBirth": "1990-02-30"}}')).toEqual(['person.dateOfBirth: is not a real calendar date (or the span ends before it starts)']);
  });
  it('names the field of a wrong type deep in a list', async () => {
    expect(await problems('type.yaml', 'criminalHistory:\n  convictions:\n    - maximumPenaltyDays: "a year"\n')).toEqual([expect.stringMatching(/^criminalHistory\.convictions\[0\]\.maximumPenaltyDays: /)]);
  });
  it('catches contradictions between fields', async () => {
    const found = await problems('contradiction.yaml', 'person: { dateOfBirth: "1990-01-01" }\nentries: [{ date: "1989-01-01" }]\ncriminalHistory: { category: reentry_felony, convictions: [] }\n');
    expect(found).toEqual(['entries[0].date: the entry date is before the date of birth', 'criminalHistory.convictions: is empty, but the category says "reentry_felony"']);
  });
  it('rejects events after the screening date actually used', async () => {
    const caseFile = validateCase({ entries: [{ date: '2014-01-01' }], criminalHistory: { convictions: [{ offenseDate: '2013-05' }] } }, 'x.yaml');
    expect(() => checkScreeningDate(caseFile, parseExactDate('2014-01-01'), 'x.yaml')).not.toThrow();
    expect(() => checkScreeningDate(caseFile, parseExactDate('2013-12-31'), 'x.yaml')).toThrow(/entries\[0\]\.date: the entry date \(2014-01-01\) is after the screening date 2013-12-31/);
    expect(() => checkScreeningDate(caseFile, parseExactDate('2013-04-30'), 'x.yaml')).toThrow(/offenseDate: the offense date \(2013-05\) is after/);
  });
  it('rejects a date of birth after the screening date, like the other dated events', () => {
    const unborn = validateCase({ person: { dateOfBirth: '2030-05' } }, 'x.yaml');
    expect(() => checkScreeningDate(unborn, parseExactDate('2030-05-01'), 'x.yaml')).not.toThrow();
    expect(() => checkScreeningDate(unborn, parseExactDate('2030-04-30'), 'x.yaml')).toThrow('person.dateOfBirth: the date of birth (2030-05) is after the screening date 2030-04-30');
  });
  it('reports malformed YAML and JSON without a stack trace', async () => {
    expect(await problems('bad.yaml', 'person: [unclosed\n')).toEqual([expect.stringMatching(/^not valid YAML: /)]);
    expect(await problems('bad.json', '{"person": }')).toEqual([expect.stringMatching(/^not valid JSON: line 1, column 12: /)]);
  });
  it('reports a missing file', async () => {
    await expect(loadCaseFile(join(scratch, 'absent.yaml'))).rejects.toMatchObject({ problems: ['no such file'] });
  });
});

describe('questions from the schema', () => {
  it('finds the question for a nested, indexed field', () => {
    expect(questionFor('criminalHistory.convictions[3].maximumPenaltyDays')).toBe('What is the maximum term of imprisonment the statute of conviction authorizes, in days?');
    expect(questionFor('person.dateOfBirth')).toBe("What is the client's date of birth?");
  });
  it('knows what kind of value a field holds', () => {
    expect(fieldKind('removal.mandatoryDetention')).toBe('value');
    expect(fieldKind('removal.priorRemovals')).toBe('list');
    expect(fieldKind('removal')).toBe('object');
    expect(fieldKind('removal.inProceding')).toBeUndefined();
  });
});
