/**
 * `relief screen <case-file>`: its arguments and options. The action, and with it the screening
 * pipeline, is loaded only when the command runs (screen-action.ts), not for `relief screen --help`.
 */
import { Command, Option, InvalidArgumentError } from 'commander';
import { parseWhatIf, type WhatIf } from '../case/what-if.js';
import { parseScenarioRequest, type ScenarioRequest } from '../scenarios/request.js';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { CliIO } from './io.js';
import { clientSummaryLanguages } from '../render/client-summary/languages.js';
import { inert } from '../text/inert.js';
import { engineOption, noSettleOption, programOption, screeningDateOption, type EngineChoice } from './options.js';

export interface ScreenOptions {
  format: string;
  asOf?: string;
  program?: string[];
  explain?: boolean;
  detail?: boolean;
  width?: number;
  /** --pdf: also print the HTML (report or client summary) to this PDF. */
  pdf?: string;
  /** --client-summary: the client's summary in this language instead of the report. */
  clientSummary?: string;
  whatIf?: WhatIf[];
  /** --scenario: named scenarios (rules/scenarios.json), applied before the --what-if changes. */
  scenario?: ScenarioRequest[];
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

function scenarioOption(value: string, previous: ScenarioRequest[] = []): ScenarioRequest[] {
  const request = parseScenarioRequest(value);
  if (!request) throw new InvalidArgumentError('must be NAME, NAME:ITEM or NAME:ITEM=VALUE, e.g. plead:0=1325-first (relief scenarios lists them)');
  return [...previous, request];
}

function languageOption(value: string): string {
  const languages = clientSummaryLanguages();
  if (!languages.includes(value)) throw new InvalidArgumentError(`no client-summary catalog for "${inert(value).slice(0, 40)}" (available: ${languages.join(', ')})`);
  return value;
}

function widthOption(value: string): number {
  const columns = Number(value);
  if (!Number.isInteger(columns) || columns < 40 || columns > 1000) throw new InvalidArgumentError('must be a whole number of columns from 40 to 1000');
  return columns;
}

export function screenCommand(io: CliIO, useColor: (cmd: Command) => boolean): Command {
  return new Command('screen')
    .argument('<case-file>', 'path to the case file (- reads it from standard input)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown', 'html']).default('text'))
    .option('--as-of <date>', 'screening date YYYY-MM-DD (default: the case file\'s screeningDate, else today)', screeningDateOption)
    .addOption(programOption('screen only these programs'))
    .option('--detail', 'list every finding, factor and caution with its source, not only what decided each result')
    .option('--explain', 'show every rule, condition by condition, with the fact values')
    .option('--pdf <file>', 'instead of printing the report, write it (or the client summary) as a PDF to this file, through a local Chromium (RELIEF_CHROMIUM, else chromium on PATH)')
    .option('--client-summary <language>', 'instead of the report, a plain-language summary for the client in this language (en, es): what was looked at, the questions still open, the papers to bring', languageOption)
    .option('--width <columns>', 'wrap the text report to this many columns (default: the terminal\'s, else 80)', widthOption)
    .option('--what-if <path=value>', 'screen as if a fact were different (repeatable; value null makes it unknown)', whatIfOption)
    .option('--scenario <name>', 'screen as if a named scenario happened, e.g. plead:0=1325-first (repeatable; relief scenarios lists them)', scenarioOption)
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
