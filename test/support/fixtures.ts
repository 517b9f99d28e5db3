/**
 * Loads the fixtures that specify relief-screen: fixtures/cases/<name>.case.yaml with its
 * <name>.expected.yaml (fixtures/teaching likewise: the quiz's cases, whose expected files also
 * hold the quiz's note), and fixtures/boundaries/*.yaml, each a base case plus variants that change
 * a few fields. In a variant, `set` maps dotted paths to new values (null removes the field);
 * `convictions` replaces the conviction list, each item laid over `defaults.conviction`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { applyWhatIfs } from '../../src/case/what-if.js';

export const FIXTURES_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures');

export interface FixtureCase {
  name: string;
  file: string;
  caseValue: unknown;
  expected: Record<string, ProgramExpectation>;
}

export interface ProgramExpectation {
  /** True: the program is not screened on the fixture's screening date, its rules beginning later (Report.notInForce); nothing else may be expected of it. */
  notInForce?: boolean;
  outcome?: string;
  /** A discretion program's classifications by name (Morton's priority and level); null: not determined by the known facts. */
  classifications?: Record<string, string | null>;
  needsReview?: boolean;
  /** Review codes that must be among the program's review reasons. */
  review?: string[];
  /** The program's review codes, exactly (in any order). */
  onlyReview?: string[];
  /** Caution codes that must be among the program's cautions (which never set needsReview). */
  cautions?: string[];
  applies?: string[];
  doesNotApply?: string[];
  unknown?: string[];
  satisfied?: string[];
  notMet?: string[];
  positive?: string[];
  negative?: string[];
  absent?: string[];
  overridden?: string[];
  notOverridden?: string[];
  /** The programs the result names to also consider (its alsoConsider), exactly (in any order); [] for none. */
  alsoConsider?: string[];
}

const readYaml = (file: string): unknown => parse(readFileSync(file, 'utf8'));

function withoutNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
}

/** The case fixtures of one folder of fixtures/: `cases` (the default) or `teaching` (the quiz's cases). */
export function loadCaseFixtures(folder = 'cases'): FixtureCase[] {
  const dir = join(FIXTURES_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.case.yaml'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.case\.yaml$/, '');
      const expected = readYaml(join(dir, `${name}.expected.yaml`)) as { programs: Record<string, ProgramExpectation> };
      return { name, file: join(dir, f), caseValue: readYaml(join(dir, f)), expected: expected.programs };
    });
}

interface BoundaryFile {
  base: string;
  defaults?: { conviction?: Record<string, unknown> };
  variants: { name: string; set?: Record<string, unknown>; convictions?: Record<string, unknown>[]; expect: Record<string, ProgramExpectation> }[];
}

export function loadBoundaryFixtures(): { file: string; variants: FixtureCase[] }[] {
  const dir = join(FIXTURES_DIR, 'boundaries');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const spec = readYaml(join(dir, f)) as BoundaryFile;
      const base = readYaml(resolve(dir, spec.base));
      const variants = spec.variants.map((variant) => {
        const changes = Object.entries(variant.set ?? {}).map(([path, value]) => ({ path, value }));
        if (variant.convictions) {
          const convictions = variant.convictions.map((c) => withoutNulls({ ...spec.defaults?.conviction, ...c }));
          changes.push({ path: 'criminalHistory', value: { convictions } });
        }
        const caseValue = applyWhatIfs(base, changes);
        return { name: variant.name, file: join(dir, f), caseValue, expected: variant.expect };
      });
      return { file: f, variants };
    });
}
