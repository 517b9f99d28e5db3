/**
 * Soundness of three-valued screening and of settling by cases: absent means unknown, never "no".
 * So removing facts from a case can turn a rule's status unknown, but must never flip a settled
 * status: every rule that applies (or does not) on the partial case must do the same on the full
 * case, and every outcome, Morton priority and level the partial case settles (by Kleene logic or
 * by cases) must be the full case's. Checked over every fixture and boundary variant, with random
 * sets of fields removed.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseExactDate } from '../src/case/dates.js';
import { CaseFile } from '../src/case/schema.js';
import { applyWhatIfs } from '../src/case/what-if.js';
import { Screener, type Report } from '../src/app/screen.js';
import { loadRulePacks } from '../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures } from './support/fixtures.js';

// Witness pairs only explain open results; the results are the same without them.
const screener = new Screener(await loadRulePacks(), { witnesses: false });
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

/**
 * Every settled rule status and result. An outcome settled by cases to "eligible with a waiver"
 * because some completions need the waiver and some do not is settled as "not barred": the full
 * case may be either.
 */
function settledStatuses(report: Report): Map<string, string> {
  const out = new Map<string, string>();
  for (const program of report.programs) {
    for (const finding of program.findings) if (finding.status !== 'unknown') out.set(finding.rule, finding.status);
    if (program.outcome && program.outcome !== 'not_enough_information') out.set(`${program.program} outcome`, notBarredByCases(program) ? NOT_BARRED : program.outcome);
    for (const [field, value] of Object.entries(program.classifications ?? {})) if (value !== null) out.set(`${program.program} ${field}`, value);
  }
  return out;
}

const NOT_BARRED = 'eligible or eligible with a waiver';

function notBarredByCases(program: Report['programs'][number]): boolean {
  return program.reviewReasons.some((r) => r.code === 'by-cases:waiver-may-be-needed');
}

/** A partial case's settled value agrees with the full case's ("not barred" with either kind of eligible). */
function agrees(partial: string, full: string | undefined): boolean {
  return partial === full || (partial === NOT_BARRED && (full === 'eligible' || full === 'eligible_with_waiver' || full === NOT_BARRED));
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
          .filter(([rule, status]) => !agrees(status, full.get(rule)))
          .map(([rule, status]) => ({ rule, partial: status, full: full.get(rule) ?? 'unknown' }));
        expect({ removed, flipped }).toEqual({ removed, flipped: [] });
      }),
      { numRuns: 25, seed: 20121215 },
    );
  });
});
