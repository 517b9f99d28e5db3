/** Runs every fixture: the fixtures are the specification. */
import { describe, expect, it } from '@jest/globals';
import { screenCase } from '../src/app/front-end.js';
import { Screener } from '../src/app/screen.js';
import { todayEpochDay } from '../src/case/dates.js';
import { sha256Hex } from '../src/case/sha256.js';
import { loadRulePacks } from '../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures, type FixtureCase } from './support/fixtures.js';
import { mismatches } from './support/expectations.js';
import { TEST_TODAY } from './support/run-cli.js';

const screener = new Screener(await loadRulePacks());

/** Screened through the front end every command uses: validated, dated by its own screeningDate and checked against it. */
async function check(fixture: FixtureCase): Promise<string[]> {
  // Every fixture fixes its own screening date: no result may depend on today.
  const { screeningDate } = fixture.caseValue as { screeningDate?: unknown };
  if (screeningDate === undefined) return [`${fixture.file} has no screeningDate`];
  const arrival = { value: fixture.caseValue, name: fixture.file, sha256: sha256Hex(Buffer.from(JSON.stringify(fixture.caseValue))) };
  const { report } = await screenCase(screener, arrival, { today: todayEpochDay(TEST_TODAY) }, { producedAt: TEST_TODAY });
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

describe('fixture expectations', () => {
  it('name classifications under "classifications", and any other key is a mismatch, never silently unchecked', async () => {
    const claudia = loadCaseFixtures().find((f) => f.name === 'claudia')!;
    const { report } = await screenCase(screener, { value: claudia.caseValue, name: claudia.file, sha256: '' }, { today: todayEpochDay(TEST_TODAY) }, { producedAt: TEST_TODAY });
    expect(mismatches(report, { morton: { classifications: { priority: '1', level: null } } })).toEqual([]);
    expect(mismatches(report, { morton: { classifications: { priority: '2', rank: 'x' } } })).toEqual(['morton: priority 1, expected 2', 'morton: no classification "rank"']);
    const oldStyle = { morton: { priority: '2' } } as Parameters<typeof mismatches>[1];
    expect(mismatches(report, oldStyle)).toEqual([expect.stringContaining('morton: the fixture expects "priority", which is not an expectation')]);
  });

  it('check "notInForce" both ways, alone', async () => {
    const vawa1999 = loadCaseFixtures().find((f) => f.name === 'vawa-1999')!;
    const { report } = await screenCase(screener, { value: vawa1999.caseValue, name: vawa1999.file, sha256: '' }, { today: todayEpochDay(TEST_TODAY) }, { producedAt: TEST_TODAY });
    expect(mismatches(report, { 't-visa': { notInForce: true }, daca: { notInForce: false } })).toEqual([]);
    expect(mismatches(report, { 't-visa': { notInForce: false }, daca: { notInForce: true } })).toEqual(['t-visa: not in force on the screening date, expected in force', 'daca: in force on the screening date, expected not in force']);
    expect(mismatches(report, { 't-visa': { notInForce: true, outcome: 'barred' } })).toEqual(['t-visa: a fixture expecting "notInForce" expects nothing else of the program']);
    expect(mismatches(report, { 't-visa': { outcome: 'barred' } })).toEqual(['program t-visa missing from the report']);
  });
});
