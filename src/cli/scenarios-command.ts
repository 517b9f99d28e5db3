/** `relief scenarios`: the named scenarios --scenario takes, from rules/scenarios.json. */
import { Command } from 'commander';
import { DEFAULT_RULES_DIR } from '../packs/rules-dir.js';
import type { CliIO } from './io.js';

export function scenariosCommand(io: CliIO): Command {
  return new Command('scenarios').option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR).action(async (options: { rules: string }) => {
    const { loadScenarioBook } = await import('../scenarios/book.js');
    const { describeScenarios } = await import('../scenarios/describe.js');
    io.stdout(describeScenarios(loadScenarioBook(options.rules)));
  });
}
