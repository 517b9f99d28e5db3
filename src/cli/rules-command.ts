/** `relief rules`: checks the rule packs and lists them, or prints the rule book (--doc); the packs' code is loaded when it runs. */
import { Command, InvalidArgumentError, Option } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import { inert } from '../text/inert.js';
import type { CliIO } from './io.js';

interface RulesOptions {
  rules: string;
  doc?: boolean;
  format?: 'markdown' | 'html';
  fixtures?: string;
}

export function rulesCommand(io: CliIO): Command {
  return new Command('rules')
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .option('--doc', 'print the rule book: every pack, rule by rule, with its conditions in words, parameters, sources and the fixtures that test it')
    .addOption(new Option('-f, --format <format>', 'the rule book as Markdown (the default) or a self-contained HTML page (with --doc)').choices(['markdown', 'html']))
    .option('--fixtures <dir>', 'fixtures folder whose expectations say which fixtures test each rule (with --doc; default: the fixtures of a source checkout)')
    .action(async (options: RulesOptions) => {
      const { loadRulePacks } = await import('../packs/load.js');
      if (!options.doc && (options.format || options.fixtures)) throw new InvalidArgumentError('--format and --fixtures are options of the rule book: add --doc');
      const packs = await loadRulePacks(options.rules);
      if (options.doc) {
        const { ruleBook } = await import('../rulebook/generate.js');
        const { FixturesError } = await import('../rulebook/fixtures.js');
        try {
          io.stdout(ruleBook(packs, options.rules, options.format ?? 'markdown', options.fixtures));
        } catch (error) {
          if (!(error instanceof FixturesError)) throw error;
          throw new InvalidArgumentError(`cannot list the fixtures that test each rule: ${error.file} ${error.problem}`);
        }
        return;
      }
      io.stdout(`rule packs version ${packs.version}\n`);
      for (const { pack, version: packVersion, file } of packs.packs) {
        io.stdout(`${inert(`${pack.program.padEnd(20)} ${packVersion}  ${pack.rules.length} rules  research as of ${pack.researchedAsOf}  ${pack.legalStatus.label}  (${file})`)}\n`);
      }
    });
}
