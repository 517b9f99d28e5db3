/**
 * `relief intake`: its options. The action (the interview, its prompt library, the screening that
 * follows) is loaded only when the command runs (intake-action.ts).
 */
import { Command } from 'commander';
import type { Prompts } from '../intake/prompts.js';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { CliIO } from './io.js';
import { screeningDateOption } from './options.js';

/** The terminal the interview talks to; tests of the wiring replace it. */
export interface IntakeTerminal {
  interactive: boolean;
  prompts: (color: boolean) => Prompts;
}

export interface IntakeOptions {
  out?: string;
  resume?: string;
  draft?: string;
  asOf?: string;
  rules: string;
}

/** Without a terminal given, the action uses the process's own (stdin, @inquirer/prompts). */
export function intakeCommand(io: CliIO, useColor: (cmd: Command) => boolean, terminal?: IntakeTerminal): Command {
  return new Command('intake')
    .option('--out <file>', 'where to save the case file (YAML; default <caseId>.case.yaml)')
    .option('--resume <file>', 'continue a draft, or answer the questions a saved case file leaves open')
    .option('--draft <file>', 'where to keep the draft (default <out>.draft.json, or relief-intake.draft.json)')
    .option('--as-of <date>', 'screening date YYYY-MM-DD (default: the case\'s screeningDate, else today)', screeningDateOption)
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .action(async (options: IntakeOptions, cmd: Command) => {
      const { intake } = await import('./intake-action.js');
      await intake(io, options, useColor(cmd), terminal);
    });
}
