/**
 * Every clause file the calculators evaluate, loaded and checked together when the rules load,
 * so a broken one fails before any case is screened and each counts in the rules' version.
 */
import { join } from 'node:path';
import { loadClauseFile, useClauses, type ClauseFileSpec } from '../../law/clause-file.js';
import { INA_CLAUSES } from './ina-law.js';
import { DACA_CLAUSES } from './custody-raw-facts.js';
import { MORTON_CLAUSES } from './level-raw-facts.js';
import { S744_CLAUSES } from './label-raw-facts.js';

export const CLAUSE_FILES: readonly ClauseFileSpec[] = [INA_CLAUSES, DACA_CLAUSES, MORTON_CLAUSES, S744_CLAUSES];

/** Loads every clause file under `rulesDir`, makes each the one its calculators read, and returns their texts. */
export function loadClauseFiles(rulesDir: string, displayRoot: string = join(rulesDir, '..')): string[] {
  return CLAUSE_FILES.map((spec) => {
    const loaded = loadClauseFile(spec, rulesDir, displayRoot);
    useClauses(spec, loaded.set);
    return loaded.text;
  });
}
