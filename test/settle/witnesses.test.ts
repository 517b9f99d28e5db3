/**
 * Witness pairs only explain why a result is open: with them (relief screen, batch --reports) or
 * without (batch records, the interview's planning), every result, review point, question and
 * missing list is the same. The witness descent runs after the searches and the questions, so the
 * completions it screens count against none of their bounds; this checks it on the fixtures and on
 * the benchmark's generated cases, where the per-case bound is reached.
 */
import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { checkScreeningDate, InputError, parseCaseText, screeningDayFor, validateCase } from '../../src/case/load.js';
import { Screener, type Screening } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures } from '../support/fixtures.js';

/** The benchmark's seeded case generator: plain JavaScript, so typed here by hand (a variable specifier keeps tsc from looking for its types). */
const GENERATOR: string = '../../bench/generate.js';
const { caseGenerator } = (await import(GENERATOR)) as { caseGenerator: (seed: number) => (index: number) => string };

const rulePacks = await loadRulePacks();
const explaining = new Screener(rulePacks);
const plain = new Screener(rulePacks, { witnesses: false });

/** Everything a report says but the witness pairs and the explanations that name them. */
function decided(report: Screening): unknown {
  return {
    questions: report.questions,
    programs: report.programs.map(({ byCases, ...rest }) => ({ ...rest, byCases: byCases?.map(({ explanation: _e, witness: _w, ...kept }) => kept) })),
  };
}

const GENERATED = 80;

function generatedCases(): [string, CaseFile, number][] {
  const next = caseGenerator(42);
  const out: [string, CaseFile, number][] = [];
  for (let i = 1; i <= GENERATED; i++) {
    try {
      const caseFile = validateCase(parseCaseText(next(i), `generated-${i}`, 'json'), `generated-${i}`);
      const day = screeningDayFor(undefined, caseFile.screeningDate, parseExactDate('2026-01-01'));
      checkScreeningDate(caseFile, day, `generated-${i}`);
      out.push([`generated-${i}`, caseFile, day]);
    } catch (error) {
      if (!(error instanceof InputError)) throw error; // the generator makes a few malformed cases on purpose
    }
  }
  return out;
}

const fixtures: [string, CaseFile, number][] = [...loadCaseFixtures(), ...loadCaseFixtures('teaching'), ...loadBoundaryFixtures().flatMap((f) => f.variants)].map((f) => [
  f.name,
  CaseFile.parse(f.caseValue),
  parseExactDate((f.caseValue as { screeningDate: string }).screeningDate),
]);

describe('the same results and questions with witness pairs or without', () => {
  it.each([...fixtures, ...generatedCases()])('%s', async (_name, caseFile, screeningDay) => {
    const [a, b] = await Promise.all([explaining, plain].map((s) => s.screen(caseFile, { screeningDay, source: 'witnesses' })));
    expect(decided(a!)).toEqual(decided(b!));
  });
});
