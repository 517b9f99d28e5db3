/**
 * `relief screen <case-file>`: its arguments and options. The action, and with it the screening
 * pipeline, is loaded only when the command runs (screen-action.ts), not for `relief screen --help`.
 */
import { Command, Option, InvalidArgumentError } from 'commander';
import { parseWhatIf, type WhatIf } from '../case/what-if.js';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { CliIO } from './io.js';
import { engineOption, noSettleOption, screeningDateOption, type EngineChoice } from './options.js';

export interface ScreenOptions {
  format: string;
  asOf?: string;
  program?: string[];
  explain?: boolean;
  detail?: boolean;
  width?: number;
  whatIf?: WhatIf[];
  rules: string;
  engine: EngineChoice;
  /** --no-settle: commander sets it false. */
  settle: boolean;
}

function whatIfOption(value: string, previous: WhatIf[] = []): WhatIf[] {
  const change = parseWhatIf(value);
  if (!change) throw new InvalidArgumentError('must be path=value with a YAML value, e.g. criminalHistory.convictions[0].maximumPenaltyDays=180');
  return [...previous, change];
}

function widthOption(value: string): number {
  const columns = Number(value);
  if (!Number.isInteger(columns) || columns < 40 || columns > 1000) throw new InvalidArgumentError('must be a whole number of columns from 40 to 1000');
  return columns;
}

export function screenCommand(io: CliIO, useColor: (cmd: Command) => boolean): Command {
  return new Command('screen')
    .argument('<case-file>', 'path to the case file (- reads it from standard input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .option('--as-of <date>', 'screening date YYYY-MM-DD (default: the case file\'s screeningDate, else today)', screeningDateOption)
    .option('--program <ids...>', 'screen only these programs (e.g. daca morton)')
    .option('--detail', 'list every finding, factor and caution with its source, not only what decided each result')
    .option('--explain', 'show every rule, condition by condition, with the fact values')
    .option('--width <columns>', 'wrap the text report to this many columns (default: the terminal\'s, else 80)', widthOption)
    .option('--what-if <path=value>', 'screen as if a fact were different (repeatable; value null makes it unknown)', whatIfOption)
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .addOption(engineOption())
    .addOption(noSettleOption())
    .action(async (casePath: string, options: ScreenOptions, cmd: Command) => {
      // One case: zod would compile a parser for each object schema (built when the schema modules
      // load, below) on its first parse, which costs more than one parse of each can win back.
      (await import('zod')).config({ jitless: true });
      const { screen } = await import('./screen-action.js');
      await screen(io, casePath, options, useColor(cmd));
    });
}
