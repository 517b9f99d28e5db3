/** Option checks that several commands share, so each reads and fails the same way. */
import { InvalidArgumentError } from 'commander';
import { ExactDate } from '../case/schema.js';
import type { RulePacks } from '../packs/load.js';

export function screeningDateOption(value: string): string {
  if (!ExactDate.safeParse(value).success) throw new InvalidArgumentError('must be a calendar date written YYYY-MM-DD');
  return value;
}

/** Every --program id names a loaded pack. */
export function checkProgramIds(packs: RulePacks, ids: readonly string[] | undefined): void {
  const known = packs.packs.map((p) => p.pack.program);
  const unknown = ids?.filter((id) => !known.includes(id)) ?? [];
  if (unknown.length) throw new InvalidArgumentError(`unknown program ${unknown.join(', ')} (known: ${known.join(', ')})`);
}
