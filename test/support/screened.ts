/**
 * A fixture screened through the front end `relief screen` uses (app/front-end.ts), on its own
 * screening date: the report and the case file it came from. A boundary variant has no file of its
 * own: the stamp hashes the case as JSON.
 */
import { Screener, type Report } from '../../src/app/screen.js';
import { screenCase } from '../../src/app/front-end.js';
import { sha256Hex } from '../../src/case/sha256.js';
import { todayEpochDay } from '../../src/case/dates.js';
import type { CaseFile } from '../../src/case/schema.js';
import { loadCaseFixtures, type FixtureCase } from './fixtures.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { TEST_TODAY } from './run-cli.js';

export interface Screened {
  report: Report;
  caseFile: CaseFile;
}

export async function screenFixture(screener: Screener, fixture: Pick<FixtureCase, 'caseValue' | 'file'>): Promise<Screened> {
  const arrival = { value: fixture.caseValue, name: fixture.file, sha256: sha256Hex(Buffer.from(JSON.stringify(fixture.caseValue))) };
  const { report, checked } = await screenCase(screener, arrival, { today: todayEpochDay(TEST_TODAY) }, { producedAt: TEST_TODAY });
  return { report, caseFile: checked.caseFile };
}

let shared: Screener | null = null;

/** The named case fixture's report; `change` edits the case value first (a hostile label, say). */
export async function screenNamedFixture(name: string, change: (caseValue: Record<string, unknown>) => void = () => undefined): Promise<Report> {
  const fixture = loadCaseFixtures().find((f) => f.name === name)!;
  const caseValue = structuredClone(fixture.caseValue) as Record<string, unknown>;
  change(caseValue);
  shared ??= new Screener(await loadRulePacks());
  return (await screenFixture(shared, { caseValue, file: fixture.file })).report;
}
