/**
 * The case file as YAML text, written so that every YAML loader reads back the same strings: a
 * date is always quoted (as in the fixtures), and so is any text a YAML 1.1 loader would read as
 * something else ("2013-01-15" as a date, "no" as false). Unquoted, a strict loader hands the JSON
 * Schema a date object where it expects a string, and the file is rejected. The first line is a
 * comment that gives an editor the schema, so the file is checked as it is edited.
 */
import { Document, visit } from 'yaml';
import { DATE_SPEC_PATTERN } from '../case/dates.js';
import { CASE_FILE_SCHEMA_PATH, schemaModeline } from '../case/json-schema.js';

/**
 * The schema the saved file's first line points a YAML editor at: this installation's own copy, as
 * a file URL (an absolute path, since the case file can be saved anywhere; a URL, since a path may
 * hold spaces). The $id would not do: it names the format and resolves nowhere.
 */
const INSTALLED_SCHEMA = new URL(`../../${CASE_FILE_SCHEMA_PATH}`, import.meta.url).href;

export function caseYaml(caseFile: unknown): string {
  // The 1.1 schema quotes what YAML 1.1 reads as another type; the document carries no directive.
  const document = new Document(caseFile, { version: '1.1' });
  visit(document, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && DATE_SPEC_PATTERN.test(node.value)) node.type = 'QUOTE_DOUBLE';
    },
  });
  return `${schemaModeline(INSTALLED_SCHEMA)}${document.toString()}`;
}
