/** What `relief diff <old> <new>` does: wiring only; reading, matching and writing live in src/diff. */
import { InvalidArgumentError } from 'commander';
import { loadRulePacks } from '../packs/load.js';
import { compareSides, hasChanges } from '../diff/compare.js';
import { RENDERERS } from '../diff/render.js';
import { DiffInputError, programFields, readSide } from '../diff/sides.js';
import { echo } from '../text/inert.js';
import { EXIT, ExitWith } from './exit-codes.js';
import type { CliIO } from './io.js';
import type { DiffOptions } from './diff-command.js';

export async function diff(io: CliIO, oldFile: string, newFile: string, options: DiffOptions): Promise<void> {
  const fields = programFields((await loadRulePacks(options.rules)).packs);
  let sides;
  try {
    sides = await Promise.all([readSide(oldFile, fields), readSide(newFile, fields)]);
  } catch (error) {
    if (!(error instanceof DiffInputError)) throw error;
    throw new InvalidArgumentError(
      `cannot compare: ${echo(error.file)} ${echo(error.problem, 400)}. relief diff reads what relief batch writes (--format ndjson or csv) or what relief screen --format json writes.`,
    );
  }
  const result = compareSides(sides[0], sides[1]);
  io.stdout(RENDERERS[options.format](result));
  if (hasChanges(result)) throw new ExitWith(EXIT.diffFoundChanges);
}
