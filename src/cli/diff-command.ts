/**
 * `relief diff <old> <new>`: its arguments and options. The action (reading both outputs,
 * matching clients, writing the changes) is loaded only when the command runs (diff-action.ts).
 */
import { Command, Option } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { CliIO } from './io.js';

export interface DiffOptions {
  format: 'text' | 'csv' | 'ndjson';
  rules: string;
}

export function diffCommand(io: CliIO): Command {
  return new Command('diff')
    .argument('<old>', 'the earlier output: relief batch NDJSON or CSV, or a relief screen --format json report')
    .argument('<new>', 'the later output, of the same kind or another (a report screened with --what-if: the diff shows what the change did)')
    .addOption(new Option('-f, --format <format>', 'how to write the changes').choices(['text', 'csv', 'ndjson']).default('text'))
    .option('--rules <dir>', 'rule packs folder: names the programs and classifications a CSV output or a JSON report holds', DEFAULT_RULES_DIR)
    .action(async (oldFile: string, newFile: string, options: DiffOptions) => {
      const { diff } = await import('./diff-action.js');
      await diff(io, oldFile, newFile, options);
    });
}
