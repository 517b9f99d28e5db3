/**
 * The interview's questions, generated from the case-file schema itself: every field of CaseFile
 * becomes a question (its `question` meta, else its description), so a field added to the schema
 * is asked without touching the interview and the two cannot drift apart.
 *
 * Paths are written like the missing-facts report writes them: `entries[0].date`. A pattern is
 * the same path with the indices left out: `entries[].date`. Each object's fields come in the
 * clinic's order (clinic-order.ts), so the case file is written in the order it was asked. Each
 * field carries what the schema notes about asking it (its section, where it is asked, what it
 * stands in for: src/case/field-notes.ts).
 */
import { z } from 'zod';
import { notesOf, type FieldNotes } from '../case/field-notes.js';
import { CaseFile, DateSpec, ExactDate } from '../case/schema.js';
import { SECTION_ORDER, inClinicOrder } from './clinic-order.js';

/** How a value is asked: a yes/no, one of a list, several of a list, a number, text, texts. */
export type InputKind = 'boolean' | 'choice' | 'choices' | 'number' | 'text' | 'texts';

export interface ValueField {
  kind: 'value';
  name: string;
  pattern: string;
  message: string;
  input: InputKind;
  /** The allowed values of a choice or choices field. */
  options: readonly string[];
  /** Whether "don't know" is an answer (every field but a few required ones). */
  optional: boolean;
  /** The field's own schema (as declared), whose messages validate an answer. */
  schema: z.ZodType;
  /** A format hint shown with the question (dates). */
  hint?: string;
  notes: FieldNotes;
}

/** A list of objects: asked as "how many?" (0 = none, don't know = unknown), then item by item. */
export interface ListField {
  kind: 'list';
  name: string;
  pattern: string;
  message: string;
  item: ObjectField;
  notes: FieldNotes;
}

export interface ObjectField {
  kind: 'object';
  name: string;
  pattern: string;
  fields: Field[];
  notes: FieldNotes;
}

export type Field = ValueField | ListField | ObjectField;

const DATE_HINT = 'YYYY-MM-DD, or YYYY-MM / YYYY, or a span START/END';

function textOf(declared: z.ZodType, inner: z.ZodType): string | undefined {
  for (const schema of [declared, inner]) {
    const meta = schema.meta();
    if (typeof meta?.question === 'string') return meta.question;
  }
  for (const schema of [declared, inner]) {
    const meta = schema.meta();
    if (typeof meta?.description === 'string') return meta.description;
  }
  return undefined;
}

function unwrap(schema: z.ZodType): { inner: z.ZodType; optional: boolean } {
  let inner = schema;
  let optional = false;
  while (inner instanceof z.ZodOptional) {
    optional = true;
    inner = inner.unwrap() as z.ZodType;
  }
  return { inner, optional };
}

/** Joins a field name to a path or pattern. */
export function joinPath(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

function humanize(name: string): string {
  const words = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}?`;
}

function isDate(schema: z.ZodType): boolean {
  if (schema === DateSpec || schema === ExactDate) return true;
  return schema instanceof z.ZodUnion && (schema.options as z.ZodType[]).some(isDate);
}

function fieldOf(name: string, declared: z.ZodType, pattern: string): Field {
  const { inner, optional } = unwrap(declared);
  const message = textOf(declared, inner) ?? humanize(name);
  const notes = notesOf(declared, inner);
  if (inner instanceof z.ZodObject) return objectOf(name, inner, pattern, notes);
  const value = (input: InputKind, options: readonly string[] = []): ValueField => ({
    kind: 'value', name, pattern, message, input, options, optional, schema: declared,
    ...(isDate(inner) ? { hint: DATE_HINT } : {}),
    notes,
  });
  if (inner instanceof z.ZodArray) {
    const element = unwrap(inner.element as z.ZodType).inner;
    if (element instanceof z.ZodObject) return { kind: 'list', name, pattern, message, item: objectOf(name, element, `${pattern}[]`, {}), notes };
    if (element instanceof z.ZodEnum) return value('choices', element.options as string[]);
    return value('texts');
  }
  if (inner instanceof z.ZodBoolean) return value('boolean');
  if (inner instanceof z.ZodEnum) return value('choice', inner.options as string[]);
  if (inner instanceof z.ZodNumber) return value('number');
  return value('text');
}

function objectOf(name: string, schema: z.ZodObject, pattern: string, notes: FieldNotes): ObjectField {
  const fields = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, declared]) => fieldOf(key, declared, joinPath(pattern, key)));
  return { kind: 'object', name, pattern, fields: inClinicOrder(pattern, fields), notes };
}

/** The question tree of the whole case file. */
export function caseQuestions(schema: z.ZodObject = CaseFile): ObjectField {
  return objectOf('', schema, '', {});
}

export interface Section {
  title: string;
  fields: Field[];
}

/**
 * The tree's top-level fields grouped by the section each declares, in SECTION_ORDER (a section it
 * does not name after those), each section's fields in the schema's order, and any field of no
 * section at the end.
 */
export function sectionsOf(tree: ObjectField): Section[] {
  const declared = tree.fields.flatMap((field) => field.notes.section ?? []);
  const titles = [...new Set([...SECTION_ORDER, ...declared])];
  const sections = titles.map((title) => ({ title, fields: tree.fields.filter((field) => field.notes.section === title) }));
  const rest = tree.fields.filter((field) => field.notes.section === undefined);
  return [...sections, ...(rest.length ? [{ title: 'Other facts', fields: rest }] : [])].filter((section) => section.fields.length > 0);
}
