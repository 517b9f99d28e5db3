/**
 * The question that fills a case-file field, read from the schema itself so the missing-facts
 * report (and the interview) can never drift from the case-file format.
 */
import type { z } from 'zod';
import { CaseFile } from './schema.js';

interface Walkable {
  meta?: () => Record<string, unknown> | undefined;
  unwrap?: () => Walkable;
  shape?: Record<string, Walkable>;
  element?: Walkable;
  def?: { type?: string };
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

/** Looks up "criminalHistory.convictions[0].maximumPenaltyDays" (indices are ignored). */
export function questionFor(path: string, root: z.ZodType = CaseFile): string {
  let schema = root as unknown as Walkable;
  let question: string | undefined;
  for (const key of path.replace(/\[\d+\]/g, '').split('.')) {
    question = questionOf(schema);
    let inner = unwrapOptional(schema);
    if (inner.def?.type === 'array' && inner.element) inner = unwrapOptional(inner.element);
    const next = inner.shape?.[key];
    if (!next) return `What is ${path}?`;
    schema = next;
  }
  return questionOf(schema) ?? questionOf(unwrapOptional(schema)) ?? question ?? `What is ${path}?`;
}
