/**
 * `relief quiz [case]`: its argument and options. The action (the teaching cases, the prompts, the
 * screening and the reveal) is loaded only when the command runs (quiz-action.ts).
 */
import { Command } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { IntakeTerminal } from './intake-command.js';
import type { CliIO } from './io.js';
import { screeningDateOption } from './options.js';

/** The terminal the quiz talks to, as the interview's: whether stdin is one, and its prompts. */
export type QuizTerminal = IntakeTerminal;

export interface QuizOptions {
  asOf?: string;
  rules: string;
}

/** Without a terminal given, the action uses the process's own (stdin, @inquirer/prompts). */
export function quizCommand(io: CliIO, useColor: (cmd: Command) => boolean, terminal?: QuizTerminal): Command {
  return new Command('quiz')
    .argument('[case]', 'a bundled teaching case by name, or a case file (JSON or YAML); without it, the teaching cases to choose from')
    .option('--as-of <date>', 'screening date YYYY-MM-DD (default: the case\'s screeningDate, else today)', screeningDateOption)
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .action(async (caseArg: string | undefined, options: QuizOptions, cmd: Command) => {
      const { quiz } = await import('./quiz-action.js');
      await quiz(io, caseArg, options, useColor(cmd), terminal);
    });
}
