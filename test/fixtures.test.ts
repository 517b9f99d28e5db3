/** Runs every fixture: the fixtures are the specification. */
import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../src/case/dates.js';
import { checkScreeningDate, validateCase } from '../src/case/load.js';
import { Screener } from '../src/app/screen.js';
import { loadRulePacks } from '../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures, type FixtureCase } from './support/fixtures.js';
import { mismatches } from './support/expectations.js';

const screener = new Screener(await loadRulePacks());

async function check(fixture: FixtureCase): Promise<string[]> {
  const caseFile = validateCase(fixture.caseValue, fixture.file);
  // Every fixture fixes its own screening date: no result may depend on today.
  if (!caseFile.screeningDate) return [`${fixture.file} has no screeningDate`];
  const screeningDay = parseExactDate(caseFile.screeningDate);
  checkScreeningDate(caseFile, screeningDay, fixture.file);
  const report = await screener.screen(caseFile, { screeningDay, source: fixture.file });
  return mismatches(report, fixture.expected);
}

describe('case fixtures', () => {
  const fixtures = loadCaseFixtures();
  it('include Claudia, Ramos and Ramos with a 1326 conviction', () => {
    expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(['claudia', 'ramos', 'ramos-1326']));
  });
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    expect(await check(fixture)).toEqual([]);
  });
});

describe('teaching cases (relief quiz)', () => {
  const fixtures = loadCaseFixtures('teaching');
  it('are at least six', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(6);
  });
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    expect(await check(fixture)).toEqual([]);
  });
});

for (const { file, variants } of loadBoundaryFixtures()) {
  describe(`boundaries: ${file}`, () => {
    it.each(variants.map((v) => [v.name, v] as const))('%s', async (_name, fixture) => {
      expect(await check(fixture)).toEqual([]);
    });
  });
}
