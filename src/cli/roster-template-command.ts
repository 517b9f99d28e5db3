/** `relief roster-template`: a roster header ranked by how much each column decides, with an example row. */
import { Command } from 'commander';
import type { CliIO } from './io.js';

export function rosterTemplateCommand(io: CliIO): Command {
  return new Command('roster-template')
    .option('--markdown', 'print the column guide (docs/roster-columns.md): one line per column, what it decided')
    .action(async (options: { markdown?: boolean }) => {
      const { templateCsv, templateMarkdown } = await import('./roster-template-columns.js');
      io.stdout(options.markdown ? templateMarkdown() : templateCsv());
    });
}
