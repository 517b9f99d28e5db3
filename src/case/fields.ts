/**
 * Case-file fields looked up by dotted path in the schema itself: the question that fills a field
 * (for the missing-facts report and the interview), and what kind of value it holds (so rule packs
 * naming a field are checked when they load). The schema is the one source, so none can drift.
 */
import type { z } from 'zod';
import { CaseFile, DateSpec, ExactDate } from './schema.js';
import { readKeys } from './paths.js';

interface Walkable {
  meta?: () => Record<string, unknown> | undefined;
  unwrap?: () => Walkable;
  shape?: Record<string, Walkable>;
  element?: Walkable;
  def?: { type?: string; options?: Walkable[] };
}

function unwrapOptional(schema: Walkable): Walkable {
  let current = schema;
  while (current.def?.type === 'optional' && current.unwrap) current = current.unwrap();
  return current;
}

function questionOf(schema: Walkable): string | undefined {
  const meta = schema.meta?.();
  return typeof meta?.question === 'string' ? meta.question : undefined;
}

/** The schemas along a path (indices ignored), or undefined if a key does not exist. */
function walk(path: string, root: z.ZodType): Walkable[] | undefined {
  const trail: Walkable[] = [root as unknown as Walkable];
  for (const key of path.replace(/\[\d+\]/g, '').split('.')) {
    let inner = unwrapOptional(trail[trail.length - 1]!);
    if (inner.def?.type === 'array' && inner.element) inner = unwrapOptional(inner.element);
    // An own key only: "constructor" or "toString" is no field of the case file.
    const next = inner.shape && Object.hasOwn(inner.shape, key) ? inner.shape[key] : undefined;
    if (!next) return undefined;
    trail.push(next);
  }
  return trail;
}

/** Questions by field path without list indices: the schema is fixed, so each is looked up once. */
const caseFileQuestions = new Map<string, string>();

/** The question for "criminalHistory.convictions[0].maximumPenaltyDays" (or its nearest parent's). */
export function questionFor(path: string, root: z.ZodType = CaseFile): string {
  if (root !== CaseFile) return lookUpQuestion(path, root);
  const field = path.replace(/\[\d+\]/g, '');
  let question = caseFileQuestions.get(field);
  if (question === undefined) {
    question = lookUpQuestion(field, root);
    caseFileQuestions.set(field, question);
  }
  return question;
}

function lookUpQuestion(path: string, root: z.ZodType): string {
  const trail = walk(path, root);
  if (!trail) return `What is ${path}?`;
  for (const schema of [...trail].reverse()) {
    const question = questionOf(schema) ?? questionOf(unwrapOptional(schema));
    if (question) return question;
  }
  return `What is ${path}?`;
}

export type FieldKind = 'object' | 'list' | 'value';

/** What a dotted path in the case file holds, or undefined if there is no such field. */
export function fieldKind(path: string, root: z.ZodType = CaseFile): FieldKind | undefined {
  const trail = walk(path, root);
  if (!trail) return undefined;
  const type = unwrapOptional(trail[trail.length - 1]!).def?.type;
  return type === 'object' ? 'object' : type === 'array' ? 'list' : 'value';
}

/**
 * Paths split into their keys, each once: the paths read are the rule packs' (a few dozen, read for
 * every case), and splitting one cost more than reading it.
 */
const keysOfPath = new Map<string, readonly string[]>();

/** Reads a dotted path from a value (a case file, or a record-valued fact). */
export function readPath(value: unknown, path: string): unknown {
  let keys = keysOfPath.get(path);
  if (keys === undefined) {
    keys = path.split('.').filter(Boolean);
    keysOfPath.set(path, keys);
  }
  return readKeys(value, keys);
}

/** What one piece of text (a CSV cell) must become to fill a field: its kind, and whether it is a list of them. */
export interface CellKind {
  list: boolean;
  /** `date`: text holding a case-file date (a roster may be told how its dates are written). */
  item: 'number' | 'boolean' | 'text' | 'date' | 'group';
}

const DATE_SCHEMAS: readonly unknown[] = [DateSpec, ExactDate];

/** A date field, or one that holds a date or a word ("present"). */
const holdsDate = (schema: Walkable): boolean => DATE_SCHEMAS.includes(schema) || (schema.def?.type === 'union' && (schema.def.options ?? []).some((option) => DATE_SCHEMAS.includes(option)));

/** How text is read into the field at a dotted path, or undefined if there is no such field. */
export function cellKind(path: string, root: z.ZodType = CaseFile): CellKind | undefined {
  const trail = walk(path, root);
  if (!trail) return undefined;
  let leaf = unwrapOptional(trail[trail.length - 1]!);
  const list = leaf.def?.type === 'array';
  if (list && leaf.element) leaf = unwrapOptional(leaf.element);
  const type = leaf.def?.type;
  return { list, item: type === 'number' ? 'number' : type === 'boolean' ? 'boolean' : type === 'object' ? 'group' : holdsDate(leaf) ? 'date' : 'text' };
}

/** The keys an object at a dotted path (or each item of a list there) must have, e.g. statusHistory -> [status]. */
export function requiredKeys(path: string, root: z.ZodType = CaseFile): string[] {
  const trail = walk(path, root);
  if (!trail) return [];
  let holder = unwrapOptional(trail[trail.length - 1]!);
  if (holder.def?.type === 'array' && holder.element) holder = unwrapOptional(holder.element);
  return Object.entries(holder.shape ?? {})
    .filter(([, schema]) => schema.def?.type !== 'optional')
    .map(([key]) => key);
}
