/**
 * The relief command: commander wiring, colour policy, and the mapping from errors to exit codes.
 * Every failure a user can cause ends in a one-paragraph message naming the place, never a stack.
 * Whatever those messages quote from the input is made inert, so a file name or a key cannot
 * carry terminal escapes or line breaks into them.
 *
 * Start-up loads only what the command line asks for: `relief --help` loads this module and
 * commander; the command being run has its options defined (its *-command.ts module), and its
 * action loads the pipeline it needs when it runs. No other command's code is loaded.
 */
import { Command, CommanderError, Help, InvalidArgumentError } from 'commander';
import { InputError } from '../case/input-error.js';
import { PackError } from '../packs/pack-error.js';
import { CatalogError } from '../render/client-summary/catalog-error.js';
import { EXIT, ExitWith } from './exit-codes.js';
import { processIO, type CliIO } from './io.js';
import { inert, inertLines } from '../text/inert.js';
import { TOOL_VERSION } from '../app/version.js';
import { examplesHelp } from './examples.js';

type UseColor = (cmd: Command) => boolean;

export interface CommandEntry {
  name: string;
  description: string;
  /** How `relief --help` lists the command: commander's own term for the full definition (a test keeps them equal). */
  term: string;
  /** The command with its arguments, options and action. */
  define: () => Promise<(io: CliIO, useColor: UseColor) => Command>;
}

/** Every command, in the order `relief --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'screen',
    description: 'screen one case file (JSON or YAML) against every rule pack',
    term: 'screen [options] <case-file>',
    define: async () => (await import('./screen-command.js')).screenCommand,
  },
  {
    name: 'intake',
    description: 'interview the client, question by question, save the case file and screen it',
    term: 'intake [options]',
    define: async () => {
      const { intakeCommand } = await import('./intake-command.js');
      return (io, useColor) => intakeCommand(io, useColor);
    },
  },
  {
    name: 'quiz',
    description: 'predict, then reveal: a teaching case\'s facts, your prediction of each program\'s result, then the screening\'s reasoning and your score',
    term: 'quiz [options] [case]',
    define: async () => {
      const { quizCommand } = await import('./quiz-command.js');
      return (io, useColor) => quizCommand(io, useColor);
    },
  },
  {
    name: 'batch',
    description: 'screen many cases: case files, folders of them, NDJSON files (one case per line) and CSV rosters (one case per row)',
    term: 'batch [options] <inputs...>',
    define: async () => (await import('./batch-command.js')).batchCommand,
  },
  {
    name: 'roster-template',
    description: 'print a CSV roster header, columns ranked by how much they decide, with an example row',
    term: 'roster-template [options]',
    define: async () => (await import('./roster-template-command.js')).rosterTemplateCommand,
  },
  {
    name: 'diff',
    description: 'compare two batch outputs (NDJSON or CSV) or two JSON reports: which clients changed outcome, priority or level; between two reports (a case and a what-if), which findings changed',
    term: 'diff [options] <old> <new>',
    define: async () => (await import('./diff-command.js')).diffCommand,
  },
  {
    name: 'scenarios',
    description: 'list the named scenarios relief screen --scenario takes (a plea, no conviction, an entry a day later …)',
    term: 'scenarios [options]',
    define: async () => (await import('./scenarios-command.js')).scenariosCommand,
  },
  {
    name: 'flips',
    description: 'what would change each result: the smallest changes to the case (a plea, a later filing, a fact) that change an outcome, priority or level, each marked a choice, a question of law or a counterfactual',
    term: 'flips [options] <case-file>',
    define: async () => (await import('./flips-command.js')).flipsCommand,
  },
  {
    name: 'schema',
    description: 'print the case-file format as JSON Schema',
    term: 'schema',
    define: async () => (await import('./schema-command.js')).schemaCommand,
  },
  {
    name: 'rules',
    description: 'check the rule packs and list them with their versions; --doc prints the rule book',
    term: 'rules [options]',
    define: async () => (await import('./rules-command.js')).rulesCommand,
  },
];

/**
 * The command an argument list runs, or asks help for (`relief help screen`), read as commander
 * reads it: the program's own options (--no-color, -V, -h) take no value, so the first word that
 * is not an option names the command.
 */
export function commandNamed(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}

/** The program for this argument list: the command it names defined in full, the others only named and described. */
export async function buildProgram(io: CliIO, argv: readonly string[]): Promise<Command> {
  // NO_COLOR counts when set and non-empty (chalk itself ignores it).
  const useColor: UseColor = (cmd) => io.colorSupported && cmd.optsWithGlobals().color !== false && !io.env.NO_COLOR;
  const program = new Command()
    .name('relief')
    .description('Screens a person for U.S. immigration relief from declarative rule packs. A screening aid, not legal advice.')
    .version(TOOL_VERSION)
    .option('--no-color', 'plain output without colour (NO_COLOR is honoured too)')
    .exitOverride()
    // commander's own errors quote the argument it refused ("unknown option '…'").
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: (text, write) => write(inertLines(text)) })
    .showHelpAfterError('(run "relief --help" for usage)');
  const terms = new Map(COMMANDS.map((entry) => [entry.name, entry.term]));
  const help = new Help();
  program.configureHelp({ subcommandTerm: (cmd) => terms.get(cmd.name()) ?? help.subcommandTerm(cmd) });

  const running = commandNamed(argv);
  for (const entry of COMMANDS) {
    const command = entry.name === running ? (await entry.define())(io, useColor).addHelpText('after', examplesHelp(entry.name)) : new Command(entry.name);
    program.addCommand(command.description(entry.description).copyInheritedSettings(program));
  }
  return program;
}

function errorParagraph(title: string, place: string, problems: string[]): string {
  return `relief: ${title} ${inert(place)}:\n${problems.map((p) => `  - ${inert(p)}`).join('\n')}\n`;
}

/** Runs the CLI and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    await (await buildProgram(io, argv)).parseAsync(argv, { from: 'user' });
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
    if (error instanceof CatalogError) {
      io.stderr(errorParagraph('a client-summary catalog is not valid:', error.file, error.problems));
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
