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
import { Screener, type Screening } from '../src/app/screen.js';
import { loadRulePacks } from '../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures } from './support/fixtures.js';

const rulePacks = await loadRulePacks();
const kleene = new Screener(rulePacks, { settle: false });
// Witness pairs only explain open results; the results are the same without them.
const settling = new Screener(rulePacks, { witnesses: false });
const cases = [...loadCaseFixtures(), ...loadCaseFixtures('teaching'), ...loadBoundaryFixtures().flatMap((f) => f.variants)];

/** Every removable field: object keys at any depth (list items stay, their fields may go). */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => fieldPaths(item, `${prefix}${i}.`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    return key === 'screeningDate' ? [] : [path, ...fieldPaths(child, `${path}.`)];
  });
}

/** Every settled rule status (settling by cases changes no rule's status). */
function ruleStatuses(report: Screening): Map<string, string> {
  const out = new Map<string, string>();
  for (const program of report.programs) {
    for (const finding of program.findings) if (finding.status !== 'unknown') out.set(finding.rule, finding.status);
  }
  return out;
}

/**
 * Eligible with a waiver is "not barred", whether Kleene logic found it (a ground that may apply,
 * a waiver that applies) or cases did (some completions need the waiver, some do not): with
 * more facts it may turn out that no waiver is needed.
 */
const NOT_BARRED = 'eligible, or eligible with a waiver';

/** Every settled outcome, Morton priority and level. */
function results(report: Screening): Map<string, string> {
  const out = new Map<string, string>();
  for (const program of report.programs) {
    if (program.outcome && program.outcome !== 'not_enough_information') out.set(`${program.program} outcome`, program.outcome === 'eligible_with_waiver' ? NOT_BARRED : program.outcome);
    for (const [field, value] of Object.entries(program.classifications ?? {})) if (value !== null) out.set(`${program.program} ${field}`, value);
  }
  return out;
}

const agrees = (partial: string, full: string | undefined) => partial === full || (partial === NOT_BARRED && full === 'eligible');

/**
 * Removes random sets of fields from each fixture and checks that what the partial case settles
 * the full case settles the same way. Settling by cases costs several screenings per case, so its
 * property takes fewer runs than the rules' own.
 */
function neverFlips(screener: Screener, settled: (report: Screening) => Map<string, string>, numRuns: number) {
  return async (_name: string, fixture: (typeof cases)[number]) => {
    const screeningDay = parseExactDate((fixture.caseValue as { screeningDate: string }).screeningDate);
    const screen = (caseFile: CaseFile) => screener.screen(caseFile, { screeningDay, source: 'soundness' });
    const full = settled(await screen(CaseFile.parse(fixture.caseValue)));
    const paths = fieldPaths(fixture.caseValue);
    await fc.assert(
      fc.asyncProperty(fc.subarray(paths, { minLength: 1, maxLength: 6 }), async (removed) => {
        const partial = CaseFile.safeParse(applyWhatIfs(fixture.caseValue, removed.map((path) => ({ path, value: null }))));
        fc.pre(partial.success); // a few fields are required (a status period's status)
        // One expect per run, not one per rule: each expect call costs more than screening the case.
        const flipped = [...settled(await screen(partial.data!))]
          .filter(([key, value]) => !agrees(value, full.get(key)))
          .map(([key, value]) => ({ key, partial: value, full: full.get(key) ?? 'open' }));
        expect({ removed, flipped }).toEqual({ removed, flipped: [] });
      }),
      { numRuns, seed: 20121215 },
    );
  };
}

const named = cases.map((c) => [c.name, c] as const);

describe('removing facts never flips a settled rule', () => {
  it.each(named)('%s', neverFlips(kleene, ruleStatuses, 25));
});

describe('removing facts never flips a settled outcome, priority or level, settled by cases or not', () => {
  it.each(named)('%s', neverFlips(settling, results, 8));
});
