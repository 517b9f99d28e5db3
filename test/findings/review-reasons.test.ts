/**
 * Review points are listed once per (reason, subject), in the order raised, however many
 * convictions raise them: the list is indexed rather than searched for each note.
 */
import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';

const screener = new Screener(await loadRulePacks());

const conviction = (id: string, day: number) => ({
  id,
  jurisdiction: 'state',
  label: 'misdemeanor',
  maximumPenaltyDays: 180,
  offenseTypes: ['theft_or_fraud'],
  offenseDate: `2010-03-${String(day).padStart(2, '0')}`,
  convictionDate: `2010-05-${String(day).padStart(2, '0')}`,
  expunged: true,
});

describe('review points on a long record', () => {
  it('lists each reason once per subject, keeps every subject, and keeps the order raised', async () => {
    // Three convictions share the id "twin": their notes name one subject and are listed once.
    const convictions = [conviction('twin', 1), conviction('twin', 2), conviction('twin', 3), ...Array.from({ length: 20 }, (_, i) => conviction(`c${i}`, i + 4))];
    const caseFile = CaseFile.parse({ caseId: 'long', screeningDate: '2014-05-01', person: { dateOfBirth: '1980-01-01' }, criminalHistory: { convictions } });
    const report = await screener.screen(caseFile, { screeningDay: parseExactDate('2014-05-01'), source: 'test' });
    for (const program of report.programs) {
      const keys = program.reviewReasons.map((r) => `${r.reason}\0${r.subject ?? ''}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const morton = report.programs.find((p) => p.program === 'morton')!;
    const expunged = morton.reviewReasons.filter((r) => r.code === 'expunged').map((r) => r.subject);
    expect(expunged).toEqual(['twin', ...Array.from({ length: 20 }, (_, i) => `c${i}`)]);
  });
});
