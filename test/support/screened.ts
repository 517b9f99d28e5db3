/** A fixture screened as `relief screen` would, on its own screening date: the report and the case file it came from. */
import type { Report, Screener } from '../../src/app/screen.js';
import { parseExactDate } from '../../src/case/dates.js';
import { validateCase } from '../../src/case/load.js';
import type { CaseFile } from '../../src/case/schema.js';
import type { FixtureCase } from './fixtures.js';

export interface Screened {
  report: Report;
  caseFile: CaseFile;
}

export async function screenFixture(screener: Screener, fixture: Pick<FixtureCase, 'caseValue' | 'file'>): Promise<Screened> {
  const caseFile = validateCase(fixture.caseValue, fixture.file);
  const report = await screener.screen(caseFile, { screeningDay: parseExactDate(caseFile.screeningDate!), source: fixture.file });
  return { report, caseFile };
}
