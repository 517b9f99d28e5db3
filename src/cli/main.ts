/**
 * The relief command: commander wiring, colour policy, and the mapping from errors to exit codes.
 * Every failure a user can cause ends in a one-paragraph message naming the place, never a stack.
 * Whatever those messages quote from the input is made inert, so a file name or a key cannot
 * carry terminal escapes or line breaks into them.
 */
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { InputError } from '../case/load.js';
import { CaseFile } from '../case/schema.js';
import { PackError, loadRulePacks, DEFAULT_RULES_DIR } from '../packs/load.js';
import { EXIT, ExitWith } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { screenCommand } from './screen-command.js';
import { intakeCommand } from './intake-command.js';
import { batchCommand } from './batch-command.js';
import { inert, inertLines } from '../text/inert.js';

const VERSION = '0.1.0';

export function buildProgram(io: CliIO): Command {
  // NO_COLOR counts when set and non-empty (chalk itself ignores it).
  const useColor = (cmd: Command) => io.colorSupported && cmd.optsWithGlobals().color !== false && !io.env.NO_COLOR;
  const program = new Command()
    .name('relief')
    .description('Screens a person for U.S. immigration relief from declarative rule packs. A screening aid, not legal advice.')
    .version(VERSION)
    .option('--no-color', 'plain output without colour (NO_COLOR is honoured too)')
    .exitOverride()
    // commander's own errors quote the argument it refused ("unknown option '…'").
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(inertLines(text)) })
    .showHelpAfterError('(run "relief --help" for usage)');

  program.addCommand(screenCommand(io, useColor).copyInheritedSettings(program));
  program.addCommand(intakeCommand(io, useColor).copyInheritedSettings(program));
  program.addCommand(batchCommand(io).copyInheritedSettings(program));
  program
    .command('schema')
    .description('print the case-file format as JSON Schema')
    .action(() => io.stdout(`${JSON.stringify(z.toJSONSchema(CaseFile, { io: 'input' }), null, 2)}\n`));
  program
    .command('rules')
    .description('check the rule packs and list them with their versions')
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .action(async (options: { rules: string }) => {
      const { packs, version } = await loadRulePacks(options.rules);
      io.stdout(`rule packs version ${version}\n`);
      for (const { pack, version: packVersion, file } of packs) {
        io.stdout(`${inert(`${pack.program.padEnd(20)} ${packVersion}  ${pack.rules.length} rules  research as of ${pack.researchedAsOf}  ${pack.legalStatus.label}  (${file})`)}\n`);
      }
    });
  return program;
}

function errorParagraph(title: string, place: string, problems: string[]): string {
  return `relief: ${title} ${inert(place)}:\n${problems.map((p) => `  - ${inert(p)}`).join('\n')}\n`;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    await buildProgram(io).parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof ExitWith) return error.code;
    if (error instanceof InputError) {
      io.stderr(errorParagraph('the case file is not valid:', error.source, error.problems));
      return EXIT.invalidCase;
    }
    if (error instanceof PackError) {
      io.stderr(errorParagraph('a rule pack is not valid:', error.file, error.problems));
      return EXIT.invalidRulePack;
    }
    if (error instanceof InvalidArgumentError) {
      io.stderr(`relief: ${inert(error.message)}\n`);
      return EXIT.usage;
    }
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    io.stderr(`relief: internal error (please report it): ${inert(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.internal;
  }
}
