/**
 * What the interview and the client summary know about a case-file field, declared with the field
 * in the schema (its zod `.meta`, next to its question), so a field added for a new program brings
 * its own: the interview section of a top-level group, when it is asked at all, where a detail is
 * asked, what it stands in for, the answer another answer implies, and the client summary's topic.
 * This module reads them from the schema and checks them when first read: a note naming a field
 * that does not exist, or an unreadable pattern, is an error naming the field that declares it.
 *
 * Patterns are paths with the list indices left out (`criminalHistory.convictions[].juvenile`);
 * in a condition, `[]` means "the same list item" as the field asked.
 */
import { z } from 'zod';
import { CaseFile } from './schema.js';

/**
 * An answer that lets a question be asked: the field's answer is one of `is` (none, `[]`: only
 * "don't know" lets it be asked), or text that `matches` a regular expression (a visa class that
 * begins with J).
 */
export type Condition = { field: string; is: readonly unknown[] } | { field: string; matches: string };

export interface FieldNotes {
  /** For a top-level field: the title of the interview section it is asked in. */
  section?: string;
  /**
   * Asked only when each condition holds (every field under it too, but the deciding field and the
   * groups holding it). Only what the screening cannot tell: the planner already leaves out a
   * question no answer to which could change a result still open.
   */
  askedWhen?: Condition | readonly Condition[];
  /** Deciding fields of an enclosing group's `askedWhen` that do not govern this field: asked whatever they say. */
  askedRegardlessOf?: readonly string[];
  /** Asked in another section, after its own questions ("connected to the abuse?" once the abuse is known). */
  askedInSection?: string;
  /** The field this question stands in for: worth asking while that one is open (the age at entry for its date). */
  standsInFor?: string;
  /** The answer recorded, without asking, when another answer holds (a skip would leave the fact unknown). */
  impliedWhen?: Condition & { value: unknown };
  /** The client summary's topic the field is asked under (src/render/client-summary/topics.ts); null: the clinic's, never the client's. */
  clientTopic?: string | null;
}

declare module 'zod' {
  interface GlobalMeta extends FieldNotes {}
}

/** The meta keys above: the case-file JSON Schema leaves them out (they name internal patterns and topics, no editor's concern). */
export const FIELD_NOTE_KEYS = ['section', 'askedWhen', 'askedRegardlessOf', 'askedInSection', 'standsInFor', 'impliedWhen', 'clientTopic'] as const satisfies readonly (keyof FieldNotes)[];

/** A field's notes, from its declared schema and, beneath an optional, the inner one (declared wins). */
export function notesOf(declared: z.ZodType, inner: z.ZodType = declared): FieldNotes {
  const notes: Record<string, unknown> = {};
  for (const schema of [inner, declared]) {
    const meta = schema.meta() ?? {};
    for (const key of FIELD_NOTE_KEYS) if (key in meta) notes[key] = meta[key];
  }
  return notes as FieldNotes;
}

/** A field's conditions, one or several, as a list. */
export function conditionsOf(notes: FieldNotes): readonly Condition[] {
  const { askedWhen } = notes;
  if (askedWhen === undefined) return [];
  return isConditionList(askedWhen) ? askedWhen : [askedWhen];
}

function isConditionList(value: Condition | readonly Condition[]): value is readonly Condition[] {
  return Array.isArray(value);
}

/** A test of an answer (known, not "don't know") for a condition. */
export function conditionTest(condition: Condition): (answer: unknown) => boolean {
  if ('is' in condition) return (answer) => condition.is.includes(answer);
  const pattern = new RegExp(condition.matches);
  return (answer) => typeof answer === 'string' && pattern.test(answer);
}

function unwrap(schema: z.ZodType): z.ZodType {
  let inner = schema;
  while (inner instanceof z.ZodOptional) inner = inner.unwrap() as z.ZodType;
  return inner;
}

/** Every field's pattern with its notes, in the schema's order. */
function collect(schema: z.ZodObject, prefix: string, into: Map<string, FieldNotes>): void {
  for (const [key, declared] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const pattern = prefix ? `${prefix}.${key}` : key;
    let inner = unwrap(declared);
    into.set(pattern, notesOf(declared, inner));
    let below = pattern;
    if (inner instanceof z.ZodArray) {
      inner = unwrap(inner.element as z.ZodType);
      below = `${pattern}[]`;
    }
    if (inner instanceof z.ZodObject) collect(inner, below, into);
  }
}

const read = new WeakMap<z.ZodType, ReadonlyMap<string, FieldNotes>>();

/** The notes of every field of a schema (the case file's by default), by pattern; checked once, when first read. */
export function fieldNotes(root: z.ZodObject = CaseFile): ReadonlyMap<string, FieldNotes> {
  let notes = read.get(root);
  if (!notes) {
    const collected = new Map<string, FieldNotes>();
    collect(root, '', collected);
    const problems = [...collected].flatMap(([pattern, declared]) => problemsOf(pattern, declared, collected).map((problem) => `${pattern}: ${problem}`));
    if (problems.length) throw new Error(`case-file schema, interview notes: ${problems.join('; ')}`);
    notes = collected;
    read.set(root, notes);
  }
  return notes;
}

/** Whether a group's pattern is the pattern itself or one of the groups holding it. */
export function covers(group: string, pattern: string): boolean {
  return pattern === group || pattern.startsWith(`${group}.`) || pattern.startsWith(`${group}[`);
}

/** The list prefixes of a pattern: `a[].b[].c` -> `a[]`, `a[].b[]`. */
function listPrefixes(pattern: string): string[] {
  return [...pattern.matchAll(/\[\]/g)].map((match) => pattern.slice(0, match.index + 2));
}

function conditionProblems(condition: Condition, pattern: string, all: ReadonlyMap<string, FieldNotes>, what: string): string[] {
  const problems: string[] = [];
  if (!all.has(condition.field)) problems.push(`${what} names "${condition.field}", which is no field`);
  // `[]` is the same list item as the field asked: the deciding field must be in a list holding it.
  for (const list of listPrefixes(condition.field)) if (!pattern.startsWith(list)) problems.push(`${what} names "${condition.field}", in a list that does not hold this field`);
  if (('is' in condition) === ('matches' in condition)) problems.push(`${what} needs exactly one of "is" (a list of answers) or "matches" (a regular expression)`);
  else if ('is' in condition && !Array.isArray(condition.is)) problems.push(`${what}: "is" must be a list of answers`);
  else if ('matches' in condition) {
    try {
      new RegExp(condition.matches);
    } catch {
      problems.push(`${what}: "${condition.matches}" is no regular expression`);
    }
  }
  return problems;
}

/** What is wrong with one field's notes; empty when nothing. */
function problemsOf(pattern: string, notes: FieldNotes, all: ReadonlyMap<string, FieldNotes>): string[] {
  const problems: string[] = [];
  if (notes.section !== undefined && /[.[]/.test(pattern)) problems.push('a section belongs on a top-level field');
  for (const condition of conditionsOf(notes)) problems.push(...conditionProblems(condition, pattern, all, 'askedWhen'));
  if (notes.impliedWhen) {
    problems.push(...conditionProblems(notes.impliedWhen, pattern, all, 'impliedWhen'));
    if (!('value' in notes.impliedWhen)) problems.push('impliedWhen needs the "value" implied');
  }
  for (const field of notes.askedRegardlessOf ?? []) {
    const governs = [...all].some(([group, declared]) => covers(group, pattern) && group !== pattern && conditionsOf(declared).some((condition) => condition.field === field));
    if (!governs) problems.push(`askedRegardlessOf names "${field}", which decides no group holding this field`);
  }
  if (notes.standsInFor !== undefined && !all.has(notes.standsInFor)) problems.push(`standsInFor names "${notes.standsInFor}", which is no field`);
  if (notes.askedInSection !== undefined && ![...all.values()].some((declared) => declared.section === notes.askedInSection)) {
    problems.push(`askedInSection names "${notes.askedInSection}", a section no top-level field declares`);
  }
  return problems;
}
