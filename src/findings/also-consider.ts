/**
 * "Also consider": the other programs a program's facts point at (a crime victim screened for the
 * T visa -> the U visa), from the pack's `alsoConsider` entries (packs/schema.ts). Nothing here
 * knows a program: an entry names its target, its reason and citation, and its condition over the
 * pack's own facts.
 *
 * Three-valued like every rule: an entry is listed only when its condition holds (true). An
 * unknown condition lists nothing: the line is a pointer for the attorney, not a result, and a
 * client whose file does not yet say whether a crime happened would otherwise be pointed at every
 * program; the questions that would settle it are asked for the programs whose results they
 * decide. With `whenOutcome`, the program's outcome (after settling by cases) must be one listed.
 */
import { compileCondition, type Traced } from '../evaluate/compiled.js';
import type { ConditionTrace } from '../evaluate/engine.js';
import type { DerivedFacts } from '../facts/derive.js';
import type { LoadedPack } from '../packs/load.js';
import { citedSources, type Citation } from '../packs/citation.js';
import type { Pack } from '../packs/schema.js';
import type { ProgramResult } from './program-result.js';

export interface AlsoConsider {
  /** The program to consider, by id (a pack of the rules folder). */
  program: string;
  /** Its everyday name ("U visa"): the target pack's shortTitle. */
  title: string;
  /** Why this client's facts point at it, in the pack's words. */
  reason: string;
  /** The citation as text, as every report shows it. */
  citation: string;
  /** The citation's parts (source id, pinpoint, note): `citation` is their text. */
  citations: Citation;
  /** The pack's entry that named it (its `alsoConsider[].id`). */
  entry: string;
  /** The entry's condition as evaluated: why it holds (the explain view shows it). */
  conditions: ConditionTrace;
}

type Entry = NonNullable<Pack['alsoConsider']>[number];

/** Each pack's entries compiled once, not once per case. */
const compiledEntries = new WeakMap<LoadedPack, { entry: Entry; run: Traced }[]>();

function compiled(loaded: LoadedPack): { entry: Entry; run: Traced }[] {
  let entries = compiledEntries.get(loaded);
  if (!entries) {
    entries = (loaded.pack.alsoConsider ?? []).map((entry) => ({ entry, run: compileCondition(entry.conditions, entry.conditions.name ?? `also consider ${entry.program}`) }));
    compiledEntries.set(loaded, entries);
  }
  return entries;
}

/**
 * Sets `result.alsoConsider` from the pack's entries whose condition holds over `facts` (the facts
 * the program was screened with) and, with whenOutcome, whose outcome the result has, naming only
 * programs `inForce` on the screening date. `titleOf`: a program's everyday name by id. The entries' sources join the result's, where it lists them.
 */
export function addAlsoConsider(result: ProgramResult, loaded: LoadedPack, facts: DerivedFacts, titleOf: (program: string) => string, inForce: (program: string) => boolean): void {
  const fired: AlsoConsider[] = [];
  for (const { entry, run } of compiled(loaded)) {
    if (!inForce(entry.program)) continue;
    if (entry.whenOutcome && !(result.outcome && entry.whenOutcome.includes(result.outcome))) continue;
    const trace = run(facts);
    if (trace.status !== 'applies') continue;
    fired.push({ program: entry.program, title: titleOf(entry.program), reason: entry.reason, citation: entry.citation, citations: entry.citations, entry: entry.id, conditions: trace });
  }
  result.alsoConsider = fired;
  if (result.sources && fired.length) {
    const listed = new Set(result.sources.map((source) => source.id));
    result.sources.push(...citedSources(fired.map((item) => item.citations), loaded.sources).filter((source) => !listed.has(source.id)));
  }
}
