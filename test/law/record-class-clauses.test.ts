/**
 * The clause files of the two record classifications beside the INA's: DACA's criminal bars
 * (rules/daca/clauses.json, read by penaltyAndCustodyRecord) and the Morton offense levels
 * (rules/morton/clauses.json, read by offenseLevelRecord). Each is linted when the rules load, as
 * rules/ina is, and --explain shows its clauses beneath the leaves that read the record.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, PackError, loadRulePacks } from '../../src/packs/load.js';
import { loadClauseFile, type ClauseFileSpec } from '../../src/law/clause-file.js';
import { DACA_CLAUSES } from '../../src/facts/record/custody-raw-facts.js';
import { MORTON_CLAUSES } from '../../src/facts/record/level-raw-facts.js';
import type { Report } from '../../src/app/screen.js';
import { renderText } from '../../src/render/text.js';
import { screenNamedFixture } from '../support/screened.js';

type Json = { sources: { id: string }[]; clauses: Record<string, unknown>[] };
const shipped = (spec: ClauseFileSpec) => JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, ...spec.path), 'utf8')) as Json;

/** The problems loading the shipped clause file of `spec` after `edit`, or [] when it loads. */
function problemsAfter(spec: ClauseFileSpec, edit: (file: Json) => void): string[] {
  const file = structuredClone(shipped(spec));
  edit(file);
  const dir = mkdtempSync(join(tmpdir(), 'record-clauses-'));
  mkdirSync(join(dir, spec.path[0]!));
  writeFileSync(join(dir, ...spec.path), JSON.stringify(file));
  try {
    loadClauseFile(spec, dir);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    expect((error as PackError).file).toBe(join(dir.split('/').pop()!, ...spec.path));
    return (error as PackError).problems;
  }
}

const clauseById = (file: Json, id: string) => file.clauses.find((c) => c.id === id)!;

describe.each([
  ['DACA', DACA_CLAUSES, 'felony', 'hasFelony'],
  ['Morton', MORTON_CLAUSES, 'moreThanFelonyTerm', 'level1'],
] as const)('the %s clause file is linted when it loads', (_name, spec, convictionClause, recordClause) => {
  it('loads as shipped', () => {
    expect(problemsAfter(spec, () => undefined)).toEqual([]);
  });
  it('every clause is cited, from a listed source', () => {
    expect(problemsAfter(spec, (f) => (clauseById(f, convictionClause).citation = []))).toEqual([expect.stringMatching(new RegExp(`^clause "${convictionClause}" at citation: `))]);
    expect(problemsAfter(spec, (f) => (clauseById(f, convictionClause).citation = [{ source: 'Nowhere' }]))).toEqual([
      expect.stringContaining(`clause "${convictionClause}": cites source "Nowhere", which the clause file does not list in "sources"`),
    ]);
  });
  it('names only raw facts its calculator supplies, and parameters it has', () => {
    expect(problemsAfter(spec, (f) => (clauseById(f, convictionClause).when = { fact: 'crimeInvolvingMoralTurpitude' }))[0]).toMatch(new RegExp(`^clause "${convictionClause}": unknown raw fact "crimeInvolvingMoralTurpitude"`));
    expect(problemsAfter(spec, (f) => (clauseById(f, convictionClause).when = { fact: 'maximumPenaltyDays', atMost: { parameter: 'oneYear' } }))).toEqual([`clause "${convictionClause}": unknown parameter "oneYear"`]);
  });
  it('every clause its calculator reads is there, of the record', () => {
    expect(problemsAfter(spec, (f) => (f.clauses = f.clauses.filter((c) => c.id !== recordClause)))).toContain(`clause "${recordClause}" is missing (the calculators read it)`);
  });
});

describe('the DACA clause language: yes/no parameters and counts of occasions', () => {
  it('a condition on a parameter names a yes/no parameter', () => {
    expect(problemsAfter(DACA_CLAUSES, (f) => (clauseById(f, 'countsTowardBars').when = { parameter: 'multipleMisdemeanorCount' }))).toEqual([
      'clause "countsTowardBars": "multipleMisdemeanorCount" is not a yes/no parameter (known: expungedConvictionsCount, juvenileAdjudicationsCount, enumeratedOverridesExclusions)',
    ]);
  });
  it('a grouped count names a grouping the raw facts supply', () => {
    expect(problemsAfter(DACA_CLAUSES, (f) => ((clauseById(f, 'threeOrMoreMisdemeanors').when as { grouped: string }).grouped = 'sameCourt'))).toEqual(['clause "threeOrMoreMisdemeanors": unknown grouping "sameCourt"']);
  });
  it('a broken DACA clause file stops the rules from loading, named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'daca-rules-'));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const file = structuredClone(shipped(DACA_CLAUSES));
    clauseById(file, 'hasFelony').when = { some: { clause: 'gone' } };
    writeFileSync(join(dir, 'daca', 'clauses.json'), JSON.stringify(file));
    await expect(loadRulePacks(dir)).rejects.toThrow(/daca\/clauses\.json: clause "hasFelony": unknown clause "gone"/);
  });
});

/** The explain view of one rule of a report: from its header to the next rule's. */
function ruleText(report: Report, rule: string): string {
  const text = renderText(report, { color: false, detail: false, explain: true, width: 200 });
  const start = text.indexOf(` · ${rule} · `);
  const next = text.slice(start + 1).search(/\n {4}(?:bar|requirement|waiver|factor|classification|element|harmful factor)[^\n]* · [a-z0-9-]+ · /);
  return text.slice(start, next < 0 ? undefined : start + 1 + next);
}

describe('explain: the DACA and Morton clauses beneath the leaves that read the record', () => {
  it('Ramos (a 1326 reentry, punishable by two years): the DACA felony bar shows the felony clause per conviction, cited', async () => {
    const rule = ruleText(await screenNamedFixture('ramos-1326'), 'daca-felony');
    expect(rule).toContain('by the clauses of rules/daca/clauses.json:');
    expect(rule).toContain('Convicted of a felony: yes (8 CFR 236.22(b)(6); USCIS DACA FAQ; criteria brief 2(b)7)');
    expect(rule).toContain('Felony: punishable by imprisonment beyond the felony term: illegal reentry (W.D. Pa.): yes (USCIS DACA FAQ: "a federal, state, or local criminal offense');
  });
  it('Claudia (seed 004): Morton Level 1 is open on the aggravated-felony determination, shown clause by clause', async () => {
    const rule = ruleText(await screenNamedFixture('claudia'), 'morton-level-1');
    expect(rule).toContain('by the clauses of rules/morton/clauses.json:');
    expect(rule).toContain('Level 1 offender: not known (ICE memo of June 30, 2010 (Priority 1, the Secure Communities levels); criteria brief 5(b)2)');
    expect(rule).toContain('Convicted of an aggravated felony (INA 101(a)(43)): Arizona facilitation (2010): not known');
  });
});
