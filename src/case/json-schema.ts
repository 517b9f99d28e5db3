/**
 * The case-file format as JSON Schema (draft 2020-12), built from the zod schema: what `relief
 * schema` prints and docs/case-file.schema.json holds (a test keeps the file current). Its `$id`
 * names the format, not a place: the .example domain is reserved (RFC 2606) and never resolves, so
 * an editor finds the schema through the file's path, given in each case file's first line.
 */
import { z } from 'zod';
import { FIELD_NOTE_KEYS } from './field-notes.js';
import { CaseFile } from './schema.js';

export const CASE_FILE_SCHEMA_ID = 'https://relief-screen.example/schemas/case-file.schema.json';

/** Where the repository (and the installed package) keeps the schema, from its root. */
export const CASE_FILE_SCHEMA_PATH = 'docs/case-file.schema.json';

/**
 * The schema without the fields' interview notes (src/case/field-notes.ts): they name internal
 * patterns and client-summary topics, nothing an editor or a validator of a case file can use. The
 * question stays: an editor shows it as the field's hover text.
 */
export function caseFileJsonSchema(): Record<string, unknown> {
  const withoutNotes = ({ jsonSchema }: { jsonSchema: Record<string, unknown> }) => {
    for (const key of FIELD_NOTE_KEYS) delete jsonSchema[key];
  };
  const { $schema, ...schema } = z.toJSONSchema(CaseFile, { io: 'input', override: withoutNotes });
  return { $schema, $id: CASE_FILE_SCHEMA_ID, title: 'relief-screen case file', ...schema };
}

/** The schema as the file and `relief schema` give it. */
export function caseFileJsonSchemaText(): string {
  return `${JSON.stringify(caseFileJsonSchema(), null, 2)}\n`;
}

/** The first line of a case file that points a YAML editor (yaml-language-server) at the schema. */
export function schemaModeline(schemaLocation: string): string {
  return `# yaml-language-server: $schema=${schemaLocation}\n`;
}
