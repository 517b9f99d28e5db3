/**
 * The INA clause set (rules/ina/clauses.json), as the INA calculators name it: the raw facts and
 * parameters they supply, and the clauses they read. Loading and checking are src/law/clause-file.ts's.
 */
import { join } from 'node:path';
import type { z } from 'zod';
import { clausesOf, loadClauseFile, type ClauseFileSpec, type LoadedClauses } from '../../law/clause-file.js';
import type { ClauseSet } from '../../law/clause-evaluator.js';
import type { Scope } from '../../law/clause-lint.js';
import { INA_RAW_FACTS } from './ina-raw-facts.js';
import { InaClassParams, InaRecordClauseLists } from './ina-params.js';

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

/** Per conviction: the classes the record fact's detail names, each a clause. */
export const SUMMARY_CLAUSES = {
  cimt: 'cimtConviction',
  aggravatedFelony: 'aggravatedFelonyConviction',
  controlledSubstance: 'controlledSubstanceConviction',
  prostitution: 'recentProstitution',
  domesticViolence: 'domesticViolenceConviction',
  firearm: 'firearmConviction',
} as const;

const REQUIRED: Record<string, Scope> = {
  ...Object.fromEntries(INA_RECORD_KEYS.map((key) => [key, 'record'])),
  [CLASS_OFFENSE_CLAUSE]: 'record',
  [GROUND_CLAUSE]: 'conviction',
  ...Object.fromEntries(Object.values(SUMMARY_CLAUSES).map((id) => [id, 'conviction'])),
};

export const INA_CLAUSES: ClauseFileSpec = {
  path: [INA_RULES_FOLDER, CLAUSES_FILE],
  readBy: 'every INA criminal-record calculator',
  vocabulary: { facts: INA_RAW_FACTS, parameters: new Set([...Object.keys(InaClassParams.shape), ...Object.keys(InaRecordClauseLists.shape)]), required: REQUIRED, recordKeys: INA_RECORD_KEYS },
};

/** Reads, checks and compiles `<rulesDir>/ina/clauses.json`. */
export function loadInaClauses(rulesDir: string, displayRoot: string = join(rulesDir, '..')): LoadedClauses {
  return loadClauseFile(INA_CLAUSES, rulesDir, displayRoot);
}

/** The clauses the calculators read. */
export function inaClauses(): ClauseSet {
  return clausesOf(INA_CLAUSES);
}

const SCOPE_WORDS: Record<Scope, string> = { record: 'the record', conviction: 'each conviction' };

/**
 * A pack's parameter that names an INA clause: it must exist and be of the scope its calculator
 * reads. A zod refinement, so the packs' loader reports it at the fact (the clause files load first).
 */
export function checkInaClauseId(clause: string, scope: Scope, context: z.RefinementCtx): void {
  const set = inaClauses();
  const k = set.index.get(clause);
  if (k === undefined) context.addIssue({ code: 'custom', path: ['clause'], message: `no clause "${clause}" in rules/ina/clauses.json` });
  else if (set.clauses[k]!.scope !== scope) {
    context.addIssue({ code: 'custom', path: ['clause'], message: `clause "${clause}" is of ${SCOPE_WORDS[set.clauses[k]!.scope]}; name a clause of ${SCOPE_WORDS[scope]}` });
  }
}
