/**
 * Option definitions and checks that several commands share, so each reads and fails the same way.
 * Loaded to define a command's options (and by `relief <command> --help`): it imports no pipeline.
 */
import { InvalidArgumentError, Option } from 'commander';
import { EXACT_DATE_PATTERN, parseDateSpec } from '../case/dates.js';
import type { RulePacks } from '../packs/load.js';
// engine.ts holds only types and the list of engines: cheap to load for option definitions.
import { ENGINES, type EngineChoice } from '../evaluate/engine.js';

/** The same test as the case file's ExactDate (src/case/schema.ts), without loading the schema. */
export function screeningDateOption(value: string): string {
  if (!EXACT_DATE_PATTERN.test(value) || parseDateSpec(value) === undefined) throw new InvalidArgumentError('must be a calendar date written YYYY-MM-DD');
  return value;
}

export type { EngineChoice };

/** --engine: the compiled evaluator does the work; json-rules-engine stays as the reference to check it against. */
export const engineOption = (): Option =>
  new Option('--engine <engine>', 'what evaluates the rule packs: the compiled evaluator, or json-rules-engine (the reference, slower)')
    .choices(ENGINES)
    .default('compiled');

/** --no-settle (commander sets `settle` false): leave open what Kleene logic leaves open (src/settle). */
export const noSettleOption = (): Option => new Option('--no-settle', 'do not settle by cases what the known facts leave open (faster; for comparison)');

/**
 * --program: program ids, comma-separated, the option repeatable (`--program daca,morton`,
 * `--program daca --program morton`). One value per use, so it never takes the case file after it.
 */
export const programOption = (description: string): Option =>
  new Option('--program <ids>', `${description} (comma-separated, e.g. daca,morton; repeatable)`).argParser((value: string, previous: string[] | undefined) => {
    const ids = value.split(',').map((id) => id.trim());
    if (ids.some((id) => id === '')) throw new InvalidArgumentError('must be program ids separated by commas, e.g. daca,morton');
    return [...(previous ?? []), ...ids];
  });

/** Every --program id names a loaded pack. */
export function checkProgramIds(packs: RulePacks, ids: readonly string[] | undefined): void {
  const known = packs.packs.map((p) => p.pack.program);
  const unknown = ids?.filter((id) => !known.includes(id)) ?? [];
  if (unknown.length) throw new InvalidArgumentError(`unknown program ${unknown.join(', ')} (known: ${known.join(', ')})`);
}
