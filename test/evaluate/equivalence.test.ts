/**
 * The compiled evaluator against the reference engine (json-rules-engine read in Kleene logic): on
 * every fixture, every boundary variant and the benchmark's seeded synthetic cases (which leave
 * facts unknown and records partial), both give the same report, down to the order of the keys
 * of every trace node, which the JSON report shows.
 */
import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import { InputError, checkScreeningDate, validateCase } from '../../src/case/load.js';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { loadBoundaryFixtures, loadCaseFixtures } from '../support/fixtures.js';

/** The benchmark's seeded case generator: plain JavaScript, so typed here by hand (a variable specifier keeps tsc from looking for its types). */
const GENERATOR: string = '../../bench/generate.js';
const { caseGenerator } = (await import(GENERATOR)) as { caseGenerator: (seed: number) => (index: number) => string };

const rulePacks = await loadRulePacks();
// The engines are compared on what they evaluate; settling by cases runs on the compiled packs whichever screens.
const compiled = new Screener(rulePacks, { engine: 'compiled', settle: false });
const reference = new Screener(rulePacks, { engine: 'reference', settle: false });

const SEED = 20121215;
const GENERATED = 300;

/**
 * Where two reports first differ, as a path with both values, or null if they are the same: same
 * keys in the same order (a key set to undefined is not a missing key), same prototypes, and
 * Object.is on everything else. Written out because jest's toStrictEqual takes seconds on these
 * reports and ignores key order.
 */
function firstDifference(a: unknown, b: unknown): string | null {
  const path: string[] = [];
  const problem = differenceAt(a, b, path);
  return problem && `report${path.reverse().map((key) => `.${key}`).join('')}: ${problem}`;
}

// Taken once: a global such as Object is slow to look up in jest's sandbox, and the walk below
// looks at every one of a report's thousands of values.
const { is, getPrototypeOf, keys } = Object;

/** What differs, with its keys pushed onto `path` innermost first (built only on a difference: it is rare). */
function differenceAt(a: unknown, b: unknown, path: string[]): string | null {
  if (is(a, b)) return null;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return `compiled ${JSON.stringify(a)}, reference ${JSON.stringify(b)}`;
  if (getPrototypeOf(a) !== getPrototypeOf(b)) return 'different kinds of object';
  const keysA = keys(a);
  const keysB = keys(b);
  if (keysA.length !== keysB.length || keysA.some((key, i) => key !== keysB[i])) return `keys [${keysA.join(', ')}] in the compiled report, [${keysB.join(', ')}] in the reference`;
  for (const key of keysA) {
    const problem = differenceAt((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], path);
    if (problem) {
      path.push(key);
      return problem;
    }
  }
  return null;
}

/** Screens a case with both engines and returns where the reports differ; undefined when the case is not valid. */
async function compare(caseValue: unknown, source: string): Promise<string | null | undefined> {
  try {
    const caseFile = validateCase(caseValue, source);
    const screeningDay = parseExactDate(caseFile.screeningDate!);
    checkScreeningDate(caseFile, screeningDay, source);
    const options = { screeningDay, source };
    const difference = firstDifference(await compiled.screen(caseFile, options), await reference.screen(caseFile, options));
    return difference && `${source}: ${difference}`;
  } catch (error) {
    if (error instanceof InputError) return undefined;
    throw error;
  }
}

describe('the compiled evaluator gives the reference engine\'s reports', () => {
  it('tells reports apart by any value, missing key or key order', () => {
    expect(firstDifference({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBeNull();
    expect(firstDifference({ a: [1, { b: null }] }, { a: [1, { b: false }] })).toBe('report.a.1.b: compiled null, reference false');
    expect(firstDifference({ a: 1, b: undefined }, { a: 1 })).toMatch(/^report: keys/);
    expect(firstDifference({ a: 1, b: 2 }, { b: 2, a: 1 })).toMatch(/^report: keys/);
    expect(firstDifference([1, 2], [1, 2, 3])).toMatch(/^report: keys/);
    expect(firstDifference([], {})).toBe('report: different kinds of object');
  });

  it('is one of two engines: a Screener refuses any other', () => {
    expect(() => new Screener(rulePacks, { engine: 'fast' as never })).toThrow('unknown engine "fast" (known: compiled, reference)');
  });

  it('on every fixture and boundary variant', async () => {
    const fixtures = [...loadCaseFixtures(), ...loadCaseFixtures('teaching'), ...loadBoundaryFixtures().flatMap((f) => f.variants)];
    for (const fixture of fixtures) expect(await compare(fixture.caseValue, `${fixture.file} ${fixture.name}`)).toBeNull();
  });

  it(`on ${GENERATED} synthetic cases from the benchmark's seeded generator`, async () => {
    const next = caseGenerator(SEED);
    let compared = 0;
    for (let index = 1; index <= GENERATED; index++) {
      let value: unknown;
      try {
        value = JSON.parse(next(index));
      } catch {
        continue; // the generator cuts about 1% of its lines short on purpose
      }
      const difference = await compare(value, `synthetic-${index}`);
      if (difference !== undefined) compared++;
      expect(difference ?? null).toBeNull();
    }
    // About 3% are malformed on purpose: nearly all the rest must have been compared.
    expect(compared).toBeGreaterThan(GENERATED * 0.9);
  });
});
