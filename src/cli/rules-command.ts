/** `relief rules`: checks the rule packs and lists them; the packs' code is loaded when it runs. */
import { Command } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import { inert } from '../text/inert.js';
import type { CliIO } from './io.js';

export function rulesCommand(io: CliIO): Command {
  return new Command('rules').option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR).action(async (options: { rules: string }) => {
    const { loadRulePacks } = await import('../packs/load.js');
    const { packs, version } = await loadRulePacks(options.rules);
    io.stdout(`rule packs version ${version}\n`);
    for (const { pack, version: packVersion, file } of packs) {
      io.stdout(`${inert(`${pack.program.padEnd(20)} ${packVersion}  ${pack.rules.length} rules  research as of ${pack.researchedAsOf}  ${pack.legalStatus.label}  (${file})`)}\n`);
    }
  });
}
