/**
 * The shape of a clause file (rules/ina/clauses.json, rules/daca/clauses.json, rules/morton/clauses.json): one clause per statutory clause, each with
 * its name, citation, the statute's words and a condition tree over per-conviction raw facts, other
 * clauses and parameters. The file's $comment says how to read one.
 */
import { z } from 'zod';
import { Citation, Source } from '../packs/citation.js';

/** A threshold or list taken from the parameters by name: no number of the law is written twice. */
export const ParameterRef = z.strictObject({ parameter: z.string().min(1) });
export type ParameterRef = z.infer<typeof ParameterRef>;

const Amount = z.union([ParameterRef, z.number().int().min(0)]);
const YearsBeforeScreening = z.strictObject({ yearsBeforeScreening: ParameterRef });

export type ClauseNode =
  | { all: ClauseNode[] }
  | { any: ClauseNode[] }
  | { not: ClauseNode }
  | { clause: string }
  | { fact: string; years?: ParameterRef }
  | { fact: string; atMost: ParameterRef | number }
  | { fact: string; atLeast: ParameterRef | number }
  | { fact: string; before: { yearsBeforeScreening: ParameterRef } }
  | { fact: string; onOrAfter: { yearsBeforeScreening: ParameterRef } }
  | { fact: string; includesAnyOf: ParameterRef }
  | { openQuestion: string }
  | { some: ClauseNode }
  | { every: ClauseNode }
  | { parameter: string }
  | { countAtLeast: ParameterRef | number; of: ClauseNode; grouped?: string }
  | { sumOf: string; over: ClauseNode; atLeast: ParameterRef | number };

export const ClauseNode: z.ZodType<ClauseNode> = z.lazy(() =>
  z.union([
    z.strictObject({ all: z.array(ClauseNode).min(1) }),
    z.strictObject({ any: z.array(ClauseNode).min(1) }),
    z.strictObject({ not: ClauseNode }),
    z.strictObject({ clause: z.string().min(1) }),
    z.strictObject({ fact: z.string().min(1), years: ParameterRef.optional() }),
    z.strictObject({ fact: z.string().min(1), atMost: Amount }),
    z.strictObject({ fact: z.string().min(1), atLeast: Amount }),
    z.strictObject({ fact: z.string().min(1), before: YearsBeforeScreening }),
    z.strictObject({ fact: z.string().min(1), onOrAfter: YearsBeforeScreening }),
    z.strictObject({ fact: z.string().min(1), includesAnyOf: ParameterRef }),
    // A question of law no case fact settles: always unknown. The string names the question for a reader of the file; the clause's own "review" entry raises the point.
    z.strictObject({ openQuestion: z.string().min(1) }),
    z.strictObject({ some: ClauseNode }),
    z.strictObject({ every: ClauseNode }),
    // A yes/no parameter by name (whether expunged convictions count): a policy choice of the law, cited where it is set.
    z.strictObject({ parameter: z.string().min(1) }),
    // "grouped": count groups, not convictions (convictions on one occasion count once); the raw facts say which convictions group.
    z.strictObject({ countAtLeast: z.union([ParameterRef, z.number().int().min(1)]), of: ClauseNode, grouped: z.string().min(1).optional() }),
    z.strictObject({ sumOf: z.string().min(1), over: ClauseNode, atLeast: Amount }),
  ]),
);

/** When a clause raises a point for attorney review: its own value, and optionally other clauses'. */
export const Truth = z.enum(['true', 'false', 'notFalse']);
export type Truth = z.infer<typeof Truth>;

export const Review = z.strictObject({
  code: z.string().min(1),
  when: Truth,
  and: z.array(z.strictObject({ clause: z.string().min(1), is: Truth })).optional(),
  /** The record keys the point bears on: a pack reading none of them does not raise it. */
  keys: z.array(z.string().min(1)).optional(),
});
export type Review = z.infer<typeof Review>;

export const Clause = z.strictObject({
  /** The concept, camelCase; a record key of the same name is computed by this clause. */
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'must be a camelCase name' }),
  name: z.string().min(1),
  citation: Citation,
  /** The statute's words, as the clause reads them. */
  text: z.string().min(1),
  /** "conviction": true or false of each conviction; "record": of the record as a whole. */
  scope: z.enum(['conviction', 'record']),
  when: ClauseNode,
  review: z.array(Review).optional(),
});
export type Clause = z.infer<typeof Clause>;

export const ClauseFile = z.strictObject({
  $comment: z.string().optional(),
  sources: z.array(Source).min(1),
  clauses: z.array(Clause).min(1),
});
export type ClauseFile = z.infer<typeof ClauseFile>;
