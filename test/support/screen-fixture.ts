/** A case fixture screened in-process, at its own screening date, as `relief screen` screens it. */
import { Screener, type Report } from '../../src/app/screen.js';
import { parseExactDate } from '../../src/case/dates.js';
import { validateCase } from '../../src/case/load.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { loadCaseFixtures } from './fixtures.js';

let screener: Screener | null = null;

/** The fixture's report; `change` edits the case value first (a hostile label, say). */
export async function screenFixture(name: string, change: (caseValue: Record<string, unknown>) => void = () => undefined): Promise<Report> {
  const fixture = loadCaseFixtures().find((f) => f.name === name)!;
  const caseValue = structuredClone(fixture.caseValue) as Record<string, unknown>;
  change(caseValue);
  const caseFile = validateCase(caseValue, fixture.file);
  screener ??= new Screener(await loadRulePacks());
  return screener.screen(caseFile, { screeningDay: parseExactDate(caseFile.screeningDate!), source: fixture.file });
}
