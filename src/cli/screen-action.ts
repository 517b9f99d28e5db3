/** `relief screen <case-file>`: wiring only; the pipeline lives in app/screen.ts. */
import { Command, Option, InvalidArgumentError } from 'commander';
import { checkScreeningDate, loadCaseFile, screeningDayFor } from '../case/load.js';
import { WhatIfError, parseWhatIf, type WhatIf } from '../case/what-if.js';
import { todayEpochDay } from '../case/dates.js';
import { Screener } from '../app/screen.js';
import { loadRulePacks, DEFAULT_RULES_DIR } from '../packs/load.js';
import { renderJson } from '../render/json.js';
import { renderText } from '../render/text.js';
import type { CliIO } from './io.js';
import { checkProgramIds, screeningDateOption } from './options.js';

function whatIfOption(value: string, previous: WhatIf[] = []): WhatIf[] {
  const change = parseWhatIf(value);
  if (!change) throw new InvalidArgumentError('must be path=value with a YAML value, e.g. criminalHistory.convictions[0].maximumPenaltyDays=180');
  return [...previous, change];
}

export function screenCommand(io: CliIO, useColor: (cmd: Command) => boolean): Command {
  return new Command('screen')
    .description('screen one case file (JSON or YAML) against every rule pack')
    .argument('<case-file>', 'path to the case file')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('--as-of <date>', 'screening date YYYY-MM-DD (default: the case file\'s screeningDate, else today)', screeningDateOption)
    .option('--program <ids...>', 'screen only these programs (e.g. daca morton)')
    .option('--explain', 'show every rule, condition by condition, with the fact values')
    .option('--what-if <path=value>', 'screen as if a fact were different (repeatable; value null makes it unknown)', whatIfOption)
    .option('--rules <dir>', 'rule packs folder', DEFAULT_RULES_DIR)
    .action(async (casePath: string, options: { format: string; asOf?: string; program?: string[]; explain?: boolean; whatIf?: WhatIf[]; rules: string }, cmd: Command) => {
      const packs = await loadRulePacks(options.rules);
      checkProgramIds(packs, options.program);
      const whatIfs = options.whatIf ?? [];
      const caseFile = await loadCaseFile(casePath, whatIfs).catch((error: unknown) => {
        // A change this case cannot take is a mistake in the command line, not in the case file.
        throw error instanceof WhatIfError ? new InvalidArgumentError(error.message) : error;
      });
      const screeningDay = screeningDayFor(options.asOf, caseFile.screeningDate, todayEpochDay(io.now()));
      checkScreeningDate(caseFile, screeningDay, casePath);
      const report = await new Screener(packs).screen(caseFile, {
        screeningDay,
        source: casePath,
        whatIfs: whatIfs.map((w) => `${w.path} = ${JSON.stringify(w.value)}`),
        ...(options.program ? { programs: options.program } : {}),
      });
      io.stdout(options.format === 'json' ? renderJson(report) : renderText(report, { color: useColor(cmd), explain: Boolean(options.explain) }));
    });
}
