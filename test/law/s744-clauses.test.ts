/**
 * S.744's RPI criminal bars as a clause file (rules/s744-rpi/clauses.json, read by
 * jurisdictionLabelRecord): linted when the rules load, as the other clause files are, with the
 * disputed "violation of this Act" exclusion a yes/no input the clauses read; --explain shows the
 * clauses beneath the leaves that read the record.
 */
import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, PackError, loadRulePacks } from '../../src/packs/load.js';
import { loadClauseFile } from '../../src/law/clause-file.js';
import { S744_CLAUSES } from '../../src/facts/record/label-raw-facts.js';
import type { Report } from '../../src/app/screen.js';
import { renderText } from '../../src/render/text.js';
import { screenNamedFixture } from '../support/screened.js';

type Json = { sources: { id: string }[]; clauses: Record<string, unknown>[] };
const shipped = () => JSON.parse(readFileSync(join(DEFAULT_RULES_DIR, ...S744_CLAUSES.path), 'utf8')) as Json;
const clauseById = (file: Json, id: string) => file.clauses.find((c) => c.id === id)!;

/** The problems loading the shipped file after `edit`, or [] when it loads. */
function problemsAfter(edit: (file: Json) => void): string[] {
  const file = structuredClone(shipped());
  edit(file);
  const dir = mkdtempSync(join(tmpdir(), 's744-clauses-'));
  mkdirSync(join(dir, S744_CLAUSES.path[0]!));
  writeFileSync(join(dir, ...S744_CLAUSES.path), JSON.stringify(file));
  try {
    loadClauseFile(S744_CLAUSES, dir);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return (error as PackError).problems;
  }
}

describe('the S.744 clause file is linted when it loads', () => {
  it('loads as shipped', () => {
    expect(problemsAfter(() => undefined)).toEqual([]);
  });
  it('every clause is cited, from a listed source', () => {
    expect(problemsAfter((f) => (clauseById(f, 'felonyByLabel').citation = [{ source: 'Nowhere' }]))).toEqual([
      expect.stringContaining('clause "felonyByLabel": cites source "Nowhere", which the clause file does not list in "sources"'),
    ]);
  });
  it('names only raw facts and parameters the calculator supplies', () => {
    expect(problemsAfter((f) => (clauseById(f, 'felonyByLabel').when = { fact: 'maximumPenaltyDays', atLeast: { parameter: 'misdemeanorReviewAboveDays' } }))[0]).toMatch(/^clause "felonyByLabel": unknown raw fact "maximumPenaltyDays"/);
    expect(problemsAfter((f) => (clauseById(f, 'felonyByLabel').when = { fact: 'label', includesAnyOf: { parameter: 'felonies' } }))).toEqual(['clause "felonyByLabel": unknown parameter "felonies"']);
  });
  it('reads the pack\'s reading of the disputed exclusion as yes/no inputs, and nothing else as one', () => {
    expect(problemsAfter((f) => (clauseById(f, 'violationOfThisActSetAside').when = { parameter: 'misdemeanorCount' }))).toEqual([
      'clause "violationOfThisActSetAside": "misdemeanorCount" is not a yes/no parameter (known: disputedExclusionApplies, disputedExclusionDisputed)',
    ]);
  });
  it('counts misdemeanors grouped by a grouping the raw facts supply', () => {
    expect(problemsAfter((f) => ((clauseById(f, 'threeOrMoreMisdemeanors').when as { grouped: string }).grouped = 'occasion'))).toEqual(['clause "threeOrMoreMisdemeanors": unknown grouping "occasion"']);
  });
  it('every clause the calculator reads is there', () => {
    expect(problemsAfter((f) => (f.clauses = f.clauses.filter((c) => c.id !== 'threeOrMoreMisdemeanors')))).toContain('clause "threeOrMoreMisdemeanors" is missing (the calculators read it)');
  });
  it('a broken S.744 clause file stops the rules from loading, named', async () => {
    const dir = mkdtempSync(join(tmpdir(), 's744-rules-'));
    cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
    const file = structuredClone(shipped());
    clauseById(file, 'hasFelony').when = { some: { clause: 'gone' } };
    writeFileSync(join(dir, 's744-rpi', 'clauses.json'), JSON.stringify(file));
    await expect(loadRulePacks(dir)).rejects.toThrow(/s744-rpi\/clauses\.json: clause "hasFelony": unknown clause "gone"/);
  });
});

/** The explain view of one rule of a report: from its header to the next rule's. */
function ruleText(report: Report, rule: string): string {
  const text = renderText(report, { color: false, detail: false, explain: true, width: 200 });
  const start = text.indexOf(` · ${rule} · `);
  const next = text.slice(start + 1).search(/\n {4}(?:bar|requirement|waiver|factor|classification|element|harmful factor)[^\n]* · [a-z0-9-]+ · /);
  return text.slice(start, next < 0 ? undefined : start + 1 + next);
}

describe('explain: the S.744 clauses beneath the leaves that read the record', () => {
  it('Ramos (a 1326 reentry felony): the felony bar is open on the disputed exclusion, shown clause by clause', async () => {
    const rule = ruleText(await screenNamedFixture('ramos-1326'), 's744-felony');
    expect(rule).toContain('by the clauses of rules/s744-rpi/clauses.json:');
    expect(rule).toContain('245B(b)(3)(A)(i)(I): convicted of a felony: not known (S.744 §2101; INA 245B(b)(3)(A)(i)(I) (B1, B2); criteria brief 1(c), 1(e))');
    expect(rule).toContain('245B(b)(3)(A)(i)(I): classified as a felony in the convicting jurisdiction: illegal reentry (W.D. Pa.): yes');
    expect(rule).toContain('245B(b)(3)(A)(i)(I): set aside from the felony bar: illegal reentry (W.D. Pa.): not known');
    expect(rule).toMatch(/"A violation of this Act": the reading the pack takes: not known \(INA 245B\(b\)\(3\)\(A\)\(i\)\(I\), \(III\)/);
    expect(rule).toContain('no case fact is missing: open on a point of law');
  });
  it('a misdemeanor count shows the misdemeanor clauses and the count by conviction date', async () => {
    const report = await screenNamedFixture('ramos-1326');
    const rule = ruleText(report, 's744-multiple-misdemeanors');
    expect(rule).toContain('by the clauses of rules/s744-rpi/clauses.json:');
    expect(rule).toMatch(/245B\(b\)\(3\)\(A\)\(i\)\(III\): misdemeanors convicted on different dates: no \(S\.744 §2101; INA 245B\(b\)\(3\)\(A\)\(i\)\(III\)/);
    expect(rule).toContain('245B(b)(3)(A)(i)(III): a misdemeanor offense, by the convicting jurisdiction\'s label: illegal reentry (W.D. Pa.): no');
  });
});
