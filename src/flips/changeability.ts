/**
 * What kind of change it is to give a known case fact another value (rules/changeable-facts.json):
 * a choice the client or counsel can still make, a question of law (an attorney's determination),
 * or a counterfactual (a past fact that cannot change, the default). Kept as data beside the rules,
 * each entry with its reason and citation, so the law of what can change is read, not coded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fieldKind } from '../case/fields.js';
import { PackError } from '../packs/pack-error.js';
import { Citation, Source, citationProblems, citationText, sourceLookup } from '../packs/citation.js';

export const CHANGEABLE_FACTS_FILE = 'changeable-facts.json';

export const CHANGE_KINDS = ['choice', 'question_of_law', 'counterfactual'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

const Text = z.string().min(1);
const Entry = z.strictObject({ kind: z.enum(['choice', 'question_of_law']), reason: Text, citation: Citation });
const File = z.strictObject({
  description: Text,
  /** What the entries' citations name. */
  sources: z.array(Source).min(1),
  default: z.literal('counterfactual'),
  fields: z.record(z.string().regex(/^[A-Za-z]+(?:\.[A-Za-z]+)*$/, { error: 'a dotted case-file field without list indices' }), Entry),
});

export interface Changeability {
  kind: ChangeKind;
  reason?: string;
  citation?: string;
}

export type ChangeabilityOf = (path: string) => Changeability;

/** The kinds of change, by field; a field the file does not name is a counterfactual. */
export function loadChangeability(rulesDir: string): ChangeabilityOf {
  const file = join(rulesDir, CHANGEABLE_FACTS_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new PackError(file, [`cannot be read: ${error instanceof SyntaxError ? 'not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable')}`]);
  }
  const parsed = File.safeParse(raw);
  if (!parsed.success) throw new PackError(file, parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`));
  // A field the case file does not have would never match: a typo found when the file loads.
  const unknown = Object.keys(parsed.data.fields).filter((field) => fieldKind(field) !== 'value' && fieldKind(field) !== 'list');
  if (unknown.length) throw new PackError(file, unknown.map((field) => `fields.${field}: no such field in the case file (relief schema lists them)`));
  const { sources } = parsed.data;
  const citationIssues = citationProblems(Object.entries(parsed.data.fields).map(([field, entry]) => ({ where: `fields.${field}`, citation: entry.citation })), sources, CHANGEABLE_FACTS_FILE);
  if (citationIssues.length) throw new PackError(file, citationIssues);
  const lookup = sourceLookup(sources);
  const fields: Record<string, Changeability> = Object.fromEntries(Object.entries(parsed.data.fields).map(([field, entry]) => [field, { ...entry, citation: citationText(entry.citation, lookup) }]));
  return (path) => {
    const field = path.replace(/\[\d+\]/g, '').replace(/\.\d+(?=\.|$)/g, '');
    return Object.hasOwn(fields, field) ? fields[field]! : { kind: 'counterfactual' };
  };
}
