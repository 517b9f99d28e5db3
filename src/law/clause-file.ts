/**
 * A clause file of the rules folder (rules/ina/clauses.json, rules/daca/clauses.json …): read,
 * checked against the raw facts and parameters its calculators supply, and compiled, once when the
 * rules load. A broken clause file fails then, with the file and the clause named, like a broken
 * pack. Each calculator names the clause file it evaluates (a ClauseFileSpec) and reads the set
 * last loaded for it; one used before any load (a unit test, a script) loads the shipped file.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { formatPath } from '../case/input-error.js';
import { PackError } from '../packs/pack-error.js';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import { ClauseSet } from './clause-evaluator.js';
import { lintClauses, type Scope, type Vocabulary } from './clause-lint.js';
import { ClauseFile } from './clause-schema.js';

export interface ClauseFileSpec {
  /** The file inside the rules folder, as path segments (["daca", "clauses.json"]). */
  readonly path: readonly string[];
  /** What reads it, for the error when it cannot be read. */
  readonly readBy: string;
  /** The raw facts, parameters and record keys its calculators supply, and the clauses they read. */
  readonly vocabulary: Vocabulary;
}

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

/** Reads, checks and compiles the clause file `spec` names under `rulesDir`. */
export function loadClauseFile(spec: ClauseFileSpec, rulesDir: string, displayRoot: string = join(rulesDir, '..')): LoadedClauses {
  const file = join(rulesDir, ...spec.path);
  const shown = relative(displayRoot, file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new PackError(shown, [`cannot be read: the clauses ${spec.readBy} reads`]);
  }
  const clauseFile = parse(text, shown);
  const problems = lintClauses(clauseFile, spec.vocabulary);
  if (problems.length) throw new PackError(shown, problems);
  return { set: new ClauseSet(clauseFile), text, file: shown };
}

/** The file as reports name it: "rules/daca/clauses.json". */
export function clauseFileName(spec: ClauseFileSpec): string {
  return ['rules', ...spec.path].join('/');
}

const current = new Map<ClauseFileSpec, ClauseSet>();

/** Makes `set` the clauses the calculators of `spec` read (the pack loader's hook). */
export function useClauses(spec: ClauseFileSpec, set: ClauseSet): void {
  current.set(spec, set);
}

/** The clauses the calculators of `spec` read. */
export function clausesOf(spec: ClauseFileSpec): ClauseSet {
  let set = current.get(spec);
  if (!set) current.set(spec, (set = loadClauseFile(spec, DEFAULT_RULES_DIR).set));
  return set;
}
