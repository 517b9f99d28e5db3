/**
 * Soundness of three-valued screening: absent means unknown, never "no". So removing facts from a
 * case can turn a rule's status unknown, but must never flip a settled status: every rule that
 * applies (or does not) on the partial case must do the same on the full case. Checked over every
 * fixture and boundary variant, with random sets of fields removed.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseExactDate } from '../src/case/dates.js';
import { CaseFile } from '../src/case/schema.js';
import { applyWhatIfs } from '../src/case/what-if.js';
import { Screener, type Report } from '../src/app/screen.js';
import { loadRulePacks } from '../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures } from './support/fixtures.js';

const screener = new Screener(await loadRulePacks());
const cases = [...loadCaseFixtures(), ...loadBoundaryFixtures().flatMap((f) => f.variants)];

/** Every removable field: object keys at any depth (list items stay, their fields may go). */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldPaths(item, `${prefix}${i}.`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    return key === 'screeningDate' ? [] : [path, ...fieldPaths(child, `${path}.`)];
  });
}

function screen(caseFile: CaseFile, screeningDate: string): Promise<Report> {
  return screener.screen(caseFile, { screeningDay: parseExactDate(screeningDate), source: 'soundness' });
}

function settledStatuses(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const program of report.programs) {
    for (const finding of program.findings) if (finding.status !== 'unknown') out.set(finding.rule, finding.status);
  }
  return out;
}

describe('removing facts never flips a settled rule', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, fixture) => {
    const screeningDate = (fixture.caseValue as { screeningDate: string }).screeningDate;
    const full = settledStatuses(await screen(CaseFile.parse(fixture.caseValue), screeningDate));
    const paths = fieldPaths(fixture.caseValue);
    await fc.assert(
      fc.asyncProperty(fc.subarray(paths, { minLength: 1, maxLength: 6 }), async (removed) => {
        const partial = CaseFile.safeParse(applyWhatIfs(fixture.caseValue, removed.map((path) => ({ path, value: null }))));
        fc.pre(partial.success); // a few fields are required (a status period's status)
        // One expect per run, not one per rule: each expect call costs more than screening the case.
        const flipped = [...settledStatuses(await screen(partial.data!, screeningDate))]
          .filter(([rule, status]) => full.get(rule) !== status)
          .map(([rule, status]) => ({ rule, partial: status, full: full.get(rule) ?? 'unknown' }));
        expect({ removed, flipped }).toEqual({ removed, flipped: [] });
      }),
      { numRuns: 25, seed: 20121215 },
    );
  });
});
