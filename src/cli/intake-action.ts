/**
 * What `relief intake` does: wiring only. The workflow (which draft and case file, the interview,
 * saving, the screening that follows) lives in src/intake/session.ts; this checks for a terminal,
 * loads the rule packs, hands the session the prompts and the text report, and turns its endings
 * into exit codes (a usage error: 2; Ctrl-C: 130).
 */
import { InvalidArgumentError } from 'commander';
import { loadRulePacks } from '../packs/load.js';
import { renderText } from '../render/text.js';
import { widthFor } from '../render/wrap.js';
import { inquirerPrompts } from '../intake/prompts.js';
import { SessionUsageError, runIntakeSession } from '../intake/session.js';
import type { IntakeOptions, IntakeTerminal } from './intake-command.js';
import type { CliIO } from './io.js';
import { EXIT, ExitWith } from './exit-codes.js';

const processTerminal = (): IntakeTerminal => ({ interactive: Boolean(process.stdin.isTTY), prompts: inquirerPrompts });

const USAGE = 'relief intake [--out case.yaml] [--resume <draft-or-case>] [--as-of YYYY-MM-DD]';

export async function intake(io: CliIO, options: IntakeOptions, color: boolean, terminal: IntakeTerminal = processTerminal()): Promise<void> {
  if (!terminal.interactive) {
    throw new InvalidArgumentError(`intake is an interview and needs a terminal (stdin is not a TTY). To screen a case file without one, run "relief screen <case-file>". Usage: ${USAGE}`);
  }
  const rulePacks = await loadRulePacks(options.rules);
  const ended = await runIntakeSession(options, {
    rulePacks,
    prompts: () => terminal.prompts(color),
    say: io.stdout,
    now: () => io.now(),
    showReport: (report) => renderText(report, { color, detail: false, explain: false, width: widthFor(io.stdoutColumns) }),
  }).catch((error: unknown) => {
    throw error instanceof SessionUsageError ? new InvalidArgumentError(error.message) : error;
  });
  if (ended === 'stopped') throw new ExitWith(EXIT.interrupted);
}
