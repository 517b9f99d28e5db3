/**
 * Which fixtures test a rule, read from the fixtures' expectations (never by screening them): a
 * fixture tests a rule when its expectation names the rule (its status: applies, does not apply,
 * unknown, satisfied, not met; a factor present or absent; a rule overridden or not), because that
 * is what the test suite checks, so a fixture listed fails if the rule's result changes. A fixture
 * that only meets a rule on the way to an outcome is not listed: nothing checks the rule there.
 * A classification rule (Morton's priorities and levels) is also tested by the fixtures that assert
 * the value it sets; several rules can set one value, and the rule book says so.
 *
 * Read here: fixtures/cases/<name>.expected.yaml (`programs:` program -> expectation) and
 * fixtures/boundaries/*.yaml (`variants:` each with a name and `expect:`).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Where the fixtures of a source checkout live; an installed copy has none. */
export const DEFAULT_FIXTURES_DIR = new URL('../../fixtures', import.meta.url);

/** The expectation keys that name rules, and how the rule book words each. */
export const RULE_ASSERTIONS = {
  applies: 'applies',
  doesNotApply: 'does not apply',
  unknown: 'unknown',
  satisfied: 'satisfied',
  notMet: 'not met',
  positive: 'a helping factor',
  negative: 'a harmful factor',
  absent: 'absent',
  overridden: 'overridden',
  notOverridden: 'not overridden',
} as const;
export type RuleAssertion = keyof typeof RULE_ASSERTIONS;

/** One place a fixture checks something: a case fixture ("cases/ramos-1326"), or a variant of a boundary file. */
export interface FixturePlace {
  fixture: string;
  variant: string | null;
}

export interface RuleMention extends FixturePlace {
  assertion: RuleAssertion;
}

export interface FixtureIndex {
  /** "<program> <rule id>" -> the places that name the rule, in file order. */
  rules: Map<string, RuleMention[]>;
  /** "<program> <field> <value>" -> the places that assert that classification. */
  classifications: Map<string, FixturePlace[]>;
  /** How many fixtures (case files and boundary variants) were read. */
  count: number;
}

export const ruleKey = (program: string, rule: string): string => `${program} ${rule}`;
export const classificationKey = (program: string, field: string, value: string): string => `${program} ${field} ${value}`;

/** A fixtures file that cannot be read as one, named with what is wrong. */
export class FixturesError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'FixturesError';
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function readYaml(file: string, shown: string): unknown {
  try {
    return parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new FixturesError(shown, `cannot be read as YAML (${(error as Error).message.split('\n')[0]})`);
  }
}

function record(index: FixtureIndex, place: FixturePlace, expectations: unknown, shown: string): void {
  if (!isObject(expectations)) throw new FixturesError(shown, `${place.variant === null ? 'its programs' : `variant "${place.variant}"`}: the expectation is not a mapping of program -> expectation`);
  index.count++;
  for (const [program, expectation] of Object.entries(expectations)) {
    if (!isObject(expectation)) continue;
    for (const [key, value] of Object.entries(expectation)) {
      if (Object.hasOwn(RULE_ASSERTIONS, key) && Array.isArray(value)) {
        for (const rule of value) {
          if (typeof rule !== 'string') continue;
          const list = index.rules.get(ruleKey(program, rule)) ?? [];
          list.push({ ...place, assertion: key as RuleAssertion });
          index.rules.set(ruleKey(program, rule), list);
        }
      } else if (key === 'classifications' && isObject(value)) {
        for (const [field, set] of Object.entries(value)) {
          if (typeof set !== 'string') continue;
          const list = index.classifications.get(classificationKey(program, field, set)) ?? [];
          list.push(place);
          index.classifications.set(classificationKey(program, field, set), list);
        }
      }
    }
  }
}

const yamlFiles = (dir: string, suffix: string): string[] => readdirSync(dir).filter((name) => name.endsWith(suffix)).sort();

/** The fixtures' assertions, or null when there is no fixtures folder (an installed copy). */
export function readFixtureIndex(dir: string): FixtureIndex | null {
  const cases = join(dir, 'cases');
  const boundaries = join(dir, 'boundaries');
  let caseFiles: string[];
  let boundaryFiles: string[];
  try {
    caseFiles = yamlFiles(cases, '.expected.yaml');
    boundaryFiles = yamlFiles(boundaries, '.yaml');
  } catch {
    return null;
  }
  const index: FixtureIndex = { rules: new Map(), classifications: new Map(), count: 0 };
  for (const name of caseFiles) {
    const shown = `cases/${name}`;
    const value = readYaml(join(cases, name), shown);
    record(index, { fixture: `cases/${name.replace(/\.expected\.yaml$/, '')}`, variant: null }, isObject(value) ? value.programs : undefined, shown);
  }
  for (const name of boundaryFiles) {
    const shown = `boundaries/${name}`;
    const value = readYaml(join(boundaries, name), shown);
    if (!isObject(value) || !Array.isArray(value.variants)) throw new FixturesError(shown, 'is not a boundary file (it needs a "variants" list)');
    for (const variant of value.variants) {
      const variantName = isObject(variant) && typeof variant.name === 'string' ? variant.name : null;
      if (variantName === null) throw new FixturesError(shown, 'has a variant without a name');
      record(index, { fixture: shown, variant: variantName }, (variant as Record<string, unknown>).expect, shown);
    }
  }
  return index;
}
