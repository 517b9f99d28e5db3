/**
 * A finding's deciding facts and a program's missing-fact questions are plain data of the result:
 * they read the same every time and are in the JSON report, in the result's own key order.
 */
import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';

const screener = new Screener(await loadRulePacks());
// Little is known, so rules are unknown (questions to ask) and others decided (facts that decided them).
const caseFile = CaseFile.parse({ caseId: 'sparse', screeningDate: '2014-05-01', person: { dateOfBirth: '1990-01-01', currentLocation: 'united_states' } });

describe('deciding facts and missing-fact questions', () => {
  it('read the same every time, and are in the JSON report', async () => {
    const report = await screener.screen(caseFile, { screeningDay: parseExactDate('2014-05-01'), source: 'test' });
    const daca = report.programs.find((program) => program.program === 'daca')!;
    expect(daca.missing.length).toBeGreaterThan(0);
    expect(daca.missing).toBe(daca.missing);
    const decided = daca.findings.find((finding) => finding.facts.length > 0)!;
    expect(decided.facts).toBe(decided.facts);
    const json = JSON.parse(JSON.stringify(report)) as typeof report;
    const parsed = json.programs.find((program) => program.program === 'daca')!;
    expect(parsed.missing).toEqual(daca.missing);
    expect(parsed.findings.map((finding) => finding.facts)).toEqual(daca.findings.map((finding) => finding.facts));
    expect(Object.keys(parsed)).toEqual(Object.keys(daca));
  });
});
