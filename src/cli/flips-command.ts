/**
 * `relief flips <case-file>`: its arguments and options. The action, and with it the search, is
 * loaded only when the command runs (flips-action.ts).
 */
import { Command, Option } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { CliIO } from './io.js';
import { programOption, screeningDateOption } from './options.js';

export interface FlipsOptions {
  format: 'text' | 'json';
  asOf?: string;
  program?: string[];
  rules: string;
}

export function flipsCommand(io: CliIO): Command {
  return new Command('flips')
    .argument('<case-file>', 'path to the case file (- reads it from standard input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--as-of <date>', 'screening date YYYY-MM-DD (default: the case file\'s screeningDate, else today)', screeningDateOption)
    .addOption(programOption('search only these programs'))
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .action(async (casePath: string, options: FlipsOptions) => {
      (await import('zod')).config({ jitless: true });
      const { flips } = await import('./flips-action.js');
      await flips(io, casePath, options);
    });
}
