import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, PackError, loadRulePacks } from '../../src/packs/load.js';
import { loadInaClauses } from '../../src/facts/record/ina-law.js';

type Json = { sources: { id: string }[]; clauses: Record<string, unknown>[] };
const shipped = JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, 'ina', 'clauses.json'), 'utf8')) as Json;

/** The problems loading the shipped clause file after `edit`, or [] when it loads. */
function problemsAfter(edit: (file: Json) => void): string[] {
  const file = structuredClone(shipped);
  edit(file);
  const dir = mkdtempSync(join(tmpdir(), 'ina-clauses-'));
  mkdirSync(join(dir, 'ina'));
  writeFileSync(join(dir, 'ina', 'clauses.json'), JSON.stringify(file));
  try {
    loadInaClauses(dir);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).file).toMatch(/^ina-clauses-\w+\/ina\/clauses\.json$/);
    return (error as PackError).problems;
  }
}

const clauseById = (file: Json, id: string) => file.clauses.find((c) => c.id === id)!;

describe('the INA clause file is linted when it loads', () => {
  it('loads as shipped', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });
  it('every clause is cited', () => {
    expect(problemsAfter((f) => (clauseById(f, 'pettyOffense').citation = []))).toEqual([expect.stringMatching(/^clause "pettyOffense" at citation: /)]);
  });
  it('from a listed source', () => {
    expect(problemsAfter((f) => (clauseById(f, 'pettyOffense').citation = [{ source: 'Nowhere', pin: '1' }]))).toEqual([expect.stringContaining('clause "pettyOffense": cites source "Nowhere", which the clause file does not list in "sources"')]);
  });
  it('names only clauses that exist', () => {
    expect(problemsAfter((f) => (clauseById(f, 'criminalInadmissible').when = { clause: 'noSuchClause' }))).toEqual(['clause "criminalInadmissible": unknown clause "noSuchClause"']);
  });
  it('names only raw facts that exist, read as their kind, of each conviction', () => {
    expect(problemsAfter((f) => (clauseById(f, 'pettyOffense').when = { fact: 'sentenceDays', atMost: 1 }))[0]).toMatch(/^clause "pettyOffense": unknown raw fact "sentenceDays"/);
    expect(problemsAfter((f) => (clauseById(f, 'pettyOffense').when = { fact: 'offenseDate', atMost: 1 }))).toEqual(['clause "pettyOffense": raw fact "offenseDate" is read as date, not as days']);
    expect(problemsAfter((f) => (clauseById(f, 'aggravatedFelony').when = { fact: 'aggravatedFelony' }))).toEqual([
      'clause "aggravatedFelony": raw fact "aggravatedFelony" is of each conviction; read it through some, every, countAtLeast or sumOf',
    ]);
  });
  it('names only parameters the calculators have', () => {
    expect(problemsAfter((f) => (clauseById(f, 'pettyOffense').when = { fact: 'sentenceImposedDays', atMost: { parameter: 'sixMonths' } }))).toEqual(['clause "pettyOffense": unknown parameter "sixMonths"']);
  });
  it('a review point bears only on keys of the record', () => {
    expect(problemsAfter((f) => ((clauseById(f, 'cimtConviction').review as { keys: string[] }[])[0]!.keys = ['cimtInadmisible']))).toEqual([
      'clause "cimtConviction": review "cimtDetermination" names unknown record key "cimtInadmisible"',
    ]);
  });
  it('no clause depends on itself', () => {
    expect(problemsAfter((f) => (clauseById(f, 'cimtException').when = { clause: 'cimtInadmissible' }))).toEqual([
      'clause "cimtException" depends on itself: cimtException -> cimtInadmissible -> cimtException',
    ]);
  });
  it('every clause a calculator reads is there', () => {
    expect(problemsAfter((f) => (f.clauses = f.clauses.filter((c) => c.id !== 'convictionsConnectedToAbuse')))).toEqual(['clause "convictionsConnectedToAbuse" is missing (the calculators read it)']);
  });
  it('a broken clause file stops the rules from loading, named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ina-rules-'));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const file = structuredClone(shipped);
    clauseById(file, 'prostitutionInadmissible').when = { clause: 'gone' };
    writeFileSync(join(dir, 'ina', 'clauses.json'), JSON.stringify(file));
    await expect(loadRulePacks(dir)).rejects.toThrow(/ina\/clauses\.json: clause "prostitutionInadmissible": unknown clause "gone"/);
  });
});
