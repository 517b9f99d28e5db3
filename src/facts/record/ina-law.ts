/**
 * The INA clause set (rules/ina/clauses.json): read, checked against the raw facts and parameters
 * the calculators supply, and compiled, once when the rules load. A broken clause file fails
 * then, with the file and the clause named, like a broken pack.
 *
 * The calculators read the clause set last loaded; a calculator used before any load (a unit test,
 * a script) loads the shipped one.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatPath } from '../../case/input-error.js';
import { PackError } from '../../packs/pack-error.js';
import { DEFAULT_RULES_DIR } from '../../packs/rules-dir.js';
import { ClauseSet } from '../../law/clause-evaluator.js';
import { lintClauses, type Scope } from '../../law/clause-lint.js';
import { ClauseFile } from '../../law/clause-schema.js';
import { INA_RAW_FACTS } from './ina-raw-facts.js';
import { InaClassParams } from './ina-params.js';

/** The folder of the shared INA clauses inside the rules folder: not a program's pack. */
export const INA_RULES_FOLDER = 'ina';
const CLAUSES_FILE = 'clauses.json';

/** The record keys of inaCriminalRecord: each is computed by the clause of the same id. */
export const INA_RECORD_KEYS = [
  'aggravatedFelony',
  'cimtInadmissible',
  'cimtPettyOffenseException',
  'controlledSubstanceInadmissible',
  'multipleConvictionsInadmissible',
  'prostitutionInadmissible',
  'criminalInadmissible',
  'domesticViolenceDeportable',
  'domesticViolenceWaivable',
  'otherCriminalDeportable',
  'criminalDeportable',
  'groundsConnectedToAbuse',
  'groundsConnectedToTrafficking',
  'convictionsConnectedToAbuse',
] as const;

/** 101(f)(3): inaClassOffenseDuringPeriod's value. */
export const CLASS_OFFENSE_CLAUSE = 'classOffenseDuringPeriod';
/** Per conviction: gives rise to a criminal ground (the stop-time rule's offenses). */
export const GROUND_CLAUSE = 'groundGivingConviction';

const REQUIRED: Record<string, Scope> = {
  ...Object.fromEntries(INA_RECORD_KEYS.map((key) => [key, 'record'])),
  [CLASS_OFFENSE_CLAUSE]: 'record',
  [GROUND_CLAUSE]: 'conviction',
};

export interface LoadedClauses {
  set: ClauseSet;
  /** The file's text, for the rules' version hash. */
  text: string;
  file: string;
}

function parse(text: string, shown: string): ClauseFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new PackError(shown, [`not valid JSON: ${(error as Error).message}`]);
  }
  const parsed = ClauseFile.safeParse(raw);
  if (!parsed.success) {
    const clauses = (raw as { clauses?: { id?: unknown }[] } | null)?.clauses;
    throw new PackError(
      shown,
      parsed.error.issues.map((issue) => {
        const [first, index, ...rest] = issue.path;
        const id = first === 'clauses' && typeof index === 'number' ? clauses?.[index]?.id : undefined;
        const where = typeof id === 'string' ? `clause "${id}"${rest.length ? ` at ${formatPath(rest)}` : ''}` : formatPath(issue.path);
        return `${where}: ${issue.message}`;
      }),
    );
  }
  return parsed.data;
}

/** Reads, checks and compiles `<rulesDir>/ina/clauses.json`. */
export function loadInaClauses(rulesDir: string, displayRoot: string = join(rulesDir, '..')): LoadedClauses {
  const file = join(rulesDir, INA_RULES_FOLDER, CLAUSES_FILE);
  const shown = relative(displayRoot, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PackError(shown, ['cannot be read: the INA clauses every criminal-record calculator reads']);
  }
  const clauseFile = parse(text, shown);
  const problems = lintClauses(clauseFile, { facts: INA_RAW_FACTS, parameters: new Set(Object.keys(InaClassParams.shape)), required: REQUIRED, recordKeys: INA_RECORD_KEYS });
  if (problems.length) throw new PackError(shown, problems);
  return { set: new ClauseSet(clauseFile), text, file: shown };
}

let current: ClauseSet | undefined;

/** Makes `set` the clauses the calculators read (the pack loader's hook). */
export function useInaClauses(set: ClauseSet): void {
  current = set;
}

/** The clauses the calculators read. */
export function inaClauses(): ClauseSet {
  current ??= loadInaClauses(DEFAULT_RULES_DIR).set;
  return current;
}
