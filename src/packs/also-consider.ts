/**
 * The loader's checks of a pack's "also consider" entries (schema.ts AlsoConsider): each one's
 * condition reads the pack's own facts (lint-leaves.ts), its id is unique, an outcome is named only
 * by an eligibility program (a discretion program has none), and its target is another program of
 * the rules folder. The target is checked once every pack is loaded, against the packs found there,
 * so a new program is a target as soon as its folder is added, and a misspelt one fails at load.
 */
import { echo } from '../text/inert.js';
import type { DeclaredFact, LoadedPack } from './load.js';
import { lintLeaves } from './lint-leaves.js';
import type { Pack } from './schema.js';

const quote = (name: string): string => `"${echo(name)}"`;

/** What is wrong with the pack's own entries (not their targets: alsoConsiderTargetProblems). */
export function alsoConsiderProblems(pack: Pack, facts: ReadonlyMap<string, DeclaredFact>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const entry of pack.alsoConsider ?? []) {
    const at = `alsoConsider ${quote(entry.id)}`;
    if (ids.has(entry.id)) problems.push(`${at} is defined twice`);
    ids.add(entry.id);
    if (entry.program === pack.program) problems.push(`${at}: names this program itself`);
    if (entry.whenOutcome && pack.kind !== 'eligibility') problems.push(`${at}: "whenOutcome" needs an eligibility program (a discretion program has no outcome)`);
    lintLeaves(at, entry.conditions, pack, facts, problems);
  }
  return problems;
}

/** Each entry whose target is not a program of the rules folder, by the file that names it. */
export function alsoConsiderTargetProblems(packs: readonly LoadedPack[]): { file: string; problems: string[] }[] {
  const programs = new Set(packs.map((loaded) => loaded.pack.program));
  const known = [...programs].sort().join(', ');
  return packs.flatMap(({ pack, file }) => {
    const problems = (pack.alsoConsider ?? [])
      .filter((entry) => !programs.has(entry.program))
      .map((entry) => `alsoConsider ${quote(entry.id)}: no program ${quote(entry.program)} in the rules folder (programs: ${known})`);
    return problems.length ? [{ file, problems }] : [];
  });
}
