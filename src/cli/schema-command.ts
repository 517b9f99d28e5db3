/** `relief schema`: the case-file format as JSON Schema, built from the zod schema when asked for. */
import { Command } from 'commander';
import type { CliIO } from './io.js';

export function schemaCommand(io: CliIO): Command {
  return new Command('schema').action(async () => {
    const { caseFileJsonSchemaText } = await import('../case/json-schema.js');
    io.stdout(caseFileJsonSchemaText());
  });
}
