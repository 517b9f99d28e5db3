/**
 * Answers, keyed by path (`entries[0].date`); `null` is "don't know", kept apart from a missing
 * key, which is a question not asked yet. A list is answered by its length (0 = none). The case
 * file is built from the answers by walking the question tree, so a skipped branch or an item
 * beyond a list's length never reaches the file.
 */
import { joinPath, type Field, type ListField, type ObjectField, type ValueField } from './questions.js';
import { isSkipped } from './skip-rules.js';

export type Answer = unknown;
export type Answers = Record<string, Answer>;

/** A question as the interview asks it: a value, or a list's length. */
export type Question = { path: string; field: ValueField } | { path: string; field: ListField };

/** The questions that currently apply, in order: lists expand to their answered length. */
export function plannedQuestions(fields: readonly Field[], answers: Answers, prefix = ''): Question[] {
  const out: Question[] = [];
  for (const field of fields) {
    const path = joinPath(prefix, field.name);
    if (isSkipped(path, answers)) continue;
    if (field.kind === 'object') {
      out.push(...plannedQuestions(field.fields, answers, path));
    } else if (field.kind === 'list') {
      out.push({ path, field });
      const count = answers[path];
      for (let i = 0; typeof count === 'number' && i < count; i++) out.push(...plannedQuestions(field.item.fields, answers, `${path}[${i}]`));
    } else {
      out.push({ path, field });
    }
  }
  return out;
}

function buildObject(fields: readonly Field[], answers: Answers, prefix: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const field of fields) {
    const path = joinPath(prefix, field.name);
    if (isSkipped(path, answers)) continue;
    if (field.kind === 'object') {
      const value = buildObject(field.fields, answers, path);
      if (value) out[field.name] = value;
    } else if (field.kind === 'list') {
      const count = answers[path];
      if (typeof count === 'number') {
        out[field.name] = Array.from({ length: count }, (_, i) => buildObject(field.item.fields, answers, `${path}[${i}]`) ?? {});
      }
    } else if (answers[path] !== undefined && answers[path] !== null) {
      out[field.name] = answers[path];
    }
  }
  return Object.keys(out).length ? out : undefined;
}

/** The raw case file (not yet validated) the answers make, its keys in schema order. */
export function caseFromAnswers(tree: ObjectField, answers: Answers): Record<string, unknown> {
  return buildObject(tree.fields, answers, '') ?? {};
}

/**
 * The answers a case file gives: each field it holds, a list by its length. An absent field is
 * left unanswered (the file cannot tell "don't know" from "not asked"), so the interview asks it
 * if, and only if, its answer could change a result.
 */
export function answersFromCase(tree: ObjectField, caseFile: unknown): Answers {
  const answers: Answers = {};
  const visit = (fields: readonly Field[], value: unknown, prefix: string) => {
    const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
    for (const field of fields) {
      const path = joinPath(prefix, field.name);
      const own = record[field.name];
      if (field.kind === 'object') {
        visit(field.fields, own, path);
      } else if (Array.isArray(own) && field.kind === 'list') {
        answers[path] = own.length;
        own.forEach((item, i) => visit(field.item.fields, item, `${path}[${i}]`));
      } else if (own !== undefined && own !== null) {
        answers[path] = own;
      }
    }
  };
  visit(tree.fields, caseFile, '');
  return answers;
}

/** What a user types or picks for "don't know". */
export const DONT_KNOW = '?';
/** What a user picks, in a multi-select, for "none of these" (typed, it is "none"). */
export const NONE_OF_THESE = '(none)';

/** An answer as the prompts show it (the input default, the review list). */
export function encodeAnswer(question: Question, value: Answer): string {
  if (value === undefined || value === null) return DONT_KNOW;
  if (question.field.kind === 'list') return value === 0 ? 'none' : String(value);
  switch (question.field.input) {
    case 'boolean':
      return value ? 'yes' : 'no';
    case 'texts':
      return (value as string[]).length ? (value as string[]).join('; ') : 'none';
    case 'choices':
      return (value as string[]).length ? (value as string[]).join(', ') : 'none';
    default:
      return String(value);
  }
}

export type Decoded = { ok: true; value: Answer } | { ok: false; error: string };

/** Reads a typed or picked answer, validated with the field's own schema and its messages. */
export function decodeAnswer(question: Question, raw: string | readonly string[]): Decoded {
  const { field } = question;
  if (typeof raw !== 'string') {
    if (raw.length === 0) return { ok: false, error: 'tick the answers that apply with the space bar, or tick "None of these" or "Don\'t know"' };
    if (raw.includes(DONT_KNOW)) return raw.length === 1 ? { ok: true, value: null } : { ok: false, error: '"don\'t know" cannot be picked with other answers' };
    if (raw.includes(NONE_OF_THESE)) return raw.length === 1 ? { ok: true, value: [] } : { ok: false, error: '"none of these" cannot be picked with other answers' };
    return checked(field as ValueField, [...raw]);
  }
  const text = raw.trim();
  if (text === '' || text === DONT_KNOW) {
    return field.kind === 'list' || field.optional ? { ok: true, value: null } : { ok: false, error: 'an answer is needed here' };
  }
  if (field.kind === 'list') {
    if (text.toLowerCase() === 'none') return { ok: true, value: 0 };
    return /^\d+$/.test(text) ? { ok: true, value: Number(text) } : { ok: false, error: 'must be a number of items (0 or "none" for none, ? for don\'t know)' };
  }
  switch (field.input) {
    case 'boolean':
      return text === 'yes' || text === 'no' ? { ok: true, value: text === 'yes' } : { ok: false, error: 'must be yes or no' };
    case 'number':
      return /^-?\d+(\.\d+)?$/.test(text) ? checked(field, Number(text)) : { ok: false, error: 'must be a number' };
    case 'texts':
      return checked(field, text.toLowerCase() === 'none' ? [] : text.split(';').map((part) => part.trim()).filter(Boolean));
    default:
      return checked(field, text);
  }
}

function checked(field: ValueField, value: Answer): Decoded {
  const result = field.schema.safeParse(value);
  return result.success ? { ok: true, value: result.data } : { ok: false, error: result.error.issues[0]?.message ?? 'is not valid' };
}
