/**
 * The shape of a rule pack (rules/<program>/pack.json) and its parameters file
 * (rules/<program>/parameters.json). Conditions are json-rules-engine conditions; everything
 * around them is the legal bookkeeping each rule must carry.
 */
import { z } from 'zod';
import { ExactDate } from '../case/schema.js';
import { DatedValues } from './dated-parameters.js';
import { Citation, Source } from './citation.js';

export const RULE_KINDS = ['requirement', 'bar', 'waiver', 'helping_factor', 'harmful_factor', 'classification', 'scope'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

export const RULE_STATUSES = ['applies', 'does_not_apply', 'unknown'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

const Text = z.string().trim().min(1, { error: 'must not be empty' });

/** json-rules-engine's built-in operators; decorators and custom operators are not used here. */
export const OPERATORS = ['equal', 'notEqual', 'in', 'notIn', 'contains', 'doesNotContain', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'] as const;

/**
 * How deep a pack file (pack.json, parameters.json) may nest objects and lists. The real packs
 * nest about 12 deep; 64 leaves conditions about 30 levels of all/any/not. It is checked without
 * recursion before anything walks the file (zod included), so a hostile pack cannot overflow the stack.
 */
export const PACK_DEPTH_LIMIT = 64;

/** What a condition compares a fact with. */
export const LeafValue = z.union([z.boolean(), z.number(), z.string(), z.null(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

const Leaf = z.strictObject({
  name: Text.optional(),
  fact: Text,
  path: z.string().regex(/^\$\.[A-Za-z]+$/, { error: 'must be a "$.key" path' }).optional(),
  operator: Text,
  value: LeafValue,
});
export type LeafCondition = z.infer<typeof Leaf>;

export type Condition =
  | LeafCondition
  | { name?: string; all: Condition[] }
  | { name?: string; any: Condition[] }
  | { name?: string; not: Condition };

export const Condition: z.ZodType<Condition> = z.union([
  Leaf,
  z.strictObject({ name: Text.optional(), get all() { return z.array(Condition).min(1); } }),
  z.strictObject({ name: Text.optional(), get any() { return z.array(Condition).min(1); } }),
  z.strictObject({ name: Text.optional(), get not() { return Condition; } }),
]);

const TopCondition = z.union([
  z.strictObject({ name: Text.optional(), all: z.array(Condition).min(1) }),
  z.strictObject({ name: Text.optional(), any: z.array(Condition).min(1) }),
  z.strictObject({ name: Text.optional(), not: Condition }),
]);

const Review = z.strictObject({
  when: z.array(z.enum(RULE_STATUSES)).min(1),
  /**
   * Rules that must apply for the question to arise for this client (a nexus to trafficking
   * arises only for a trafficking victim): while any of them does not apply, the point is not raised.
   */
  onlyIfApplies: z.array(Text).min(1).optional(),
  reason: Text,
});

/** A point true of anyone for whom the rule has this status: listed as a caution, never for review. */
const Caution = z.strictObject({
  when: z.array(z.enum(RULE_STATUSES)).min(1),
  reason: Text,
});

export const Rule = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by hyphens' }),
  name: Text,
  kind: z.enum(RULE_KINDS),
  citation: Citation,
  explanation: Text,
  conditions: TopCondition,
  review: Review.optional(),
  caution: Caution.optional(),
  /** Rules this one cures or overrides when it applies: a waiver defeats bars; an exception defeats a factor. */
  defeats: z.array(Text).optional(),
  /** For classification rules: which classification this rule sets, and to what. */
  sets: z.strictObject({ field: Text, value: Text }).optional(),
});
/** A rule as its pack file writes it: a structured citation. */
export type RuleFile = z.infer<typeof Rule>;

/**
 * What the loader hands on for each citation: `citation`, the text every report shows (citationText,
 * one way for all), and `citations`, the parts it was written from.
 */
export type Cited<T extends { citation: unknown }> = Omit<T, 'citation'> & { citation: string; citations: Citation };

/** A rule as the loaded pack holds it. */
export type Rule = Cited<RuleFile>;

const ParameterRef = z.strictObject({ parameter: Text });

export const FactDeclaration = z.strictObject({
  calculator: Text,
  description: Text,
  params: z.record(z.string(), z.unknown()),
});

export { Source };

export const LegalStatusKind = z.enum(['in_force', 'in_litigation', 'historical', 'hypothetical']);
export type LegalStatusKind = z.infer<typeof LegalStatusKind>;

/** The outcomes of an eligibility program (findings/outcome.ts's Outcome), as a pack may name them. */
export const OUTCOMES = ['eligible', 'eligible_with_waiver', 'barred', 'not_enough_information'] as const;

/**
 * Another program this program's facts point at ("also consider the U visa"): named in one line of
 * the report when `conditions` (over this pack's own facts) hold, and, with `whenOutcome`, only
 * when this program's outcome is one of those listed. The loader checks that `program` is a pack of
 * the rules folder (packs/also-consider.ts); findings/also-consider.ts evaluates it.
 */
export const AlsoConsider = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'must be lower-case words joined by hyphens' }),
  program: Text,
  reason: Text,
  citation: Citation,
  conditions: TopCondition,
  whenOutcome: z.array(z.enum(OUTCOMES)).min(1).optional(),
});
export type AlsoConsiderFile = z.infer<typeof AlsoConsider>;

export const Pack = z.strictObject({
  $schema: z.string().optional(),
  program: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  title: Text,
  /** The program's everyday name, for a summary line and a table cell ("T visa"). */
  shortTitle: Text,
  kind: z.enum(['eligibility', 'discretion']),
  /**
   * Where the program stands in law today: `in_force` and `in_litigation` can help a client now;
   * `historical` (superseded policy) and `hypothetical` (a bill never enacted) are for study, and
   * every report and client summary says so.
   */
  legalStatus: z.strictObject({ kind: LegalStatusKind, label: Text, detail: Text }),
  /** A caution listed on every screening (a program whose legal status keeps changing); it never sets needsReview. */
  standingCaution: z.strictObject({ reason: Text, citation: Citation }).optional(),
  researchedAsOf: ExactDate,
  sources: z.array(Source).min(1),
  /** Words and citation for each review code the pack's calculators can raise. */
  reviewNotes: z.record(z.string(), z.strictObject({ reason: Text, citation: Citation })),
  facts: z.record(z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'fact names are camelCase' }), FactDeclaration),
  classifications: z.record(z.string(), z.strictObject({ order: z.array(Text).min(1), otherwise: Text, description: Text })).optional(),
  rules: z.array(Rule).min(1),
  /** Other programs this one's facts point at, each named in one line of the report when its condition holds. */
  alsoConsider: z.array(AlsoConsider).optional(),
});
/** A pack as its file writes it. */
export type PackFile = z.infer<typeof Pack>;

/** A pack as the loader hands it on: every citation also as text (load.ts, cite-pack.ts). */
export type Pack = Omit<PackFile, 'rules' | 'reviewNotes' | 'standingCaution' | 'alsoConsider'> & {
  rules: Rule[];
  alsoConsider?: Cited<AlsoConsiderFile>[];
  reviewNotes: Record<string, Cited<PackFile['reviewNotes'][string]>>;
  standingCaution?: Cited<NonNullable<PackFile['standingCaution']>>;
};

/**
 * A parameter holds one "value" with its "citation", or, where the law changed, dated "values"
 * (dated-parameters.ts), each with its own citation.
 */
export const Parameter = z
  .strictObject({
    value: z.unknown().optional(),
    values: DatedValues.optional(),
    description: Text,
    citation: Citation.optional(),
  })
  .superRefine((parameter, context) => {
    const dated = parameter.values !== undefined;
    if (dated && parameter.value !== undefined) context.addIssue({ code: 'custom', path: ['value'], message: 'a parameter holds "value" or dated "values", not both' });
    else if (!dated && parameter.value === undefined) context.addIssue({ code: 'custom', path: ['value'], message: 'a parameter needs a value (or dated "values")' });
    if (dated && parameter.citation !== undefined) context.addIssue({ code: 'custom', path: ['citation'], message: 'a dated parameter cites the law beside each of its values, not once for all' });
    else if (!dated && parameter.citation === undefined) context.addIssue({ code: 'custom', path: ['citation'], message: 'a parameter needs a citation' });
  });

export const ParametersFile = z.strictObject({
  $schema: z.string().optional(),
  /** The shared parameters' own sources; a pack's parameters cite the sources its pack.json lists. */
  sources: z.array(Source).min(1).optional(),
  parameters: z.record(z.string(), Parameter),
});

export function isParameterRef(value: unknown): value is z.infer<typeof ParameterRef> {
  // Asked of every value in a pack: what has no "parameter" key at all cannot be one, and needs no parse.
  if (value === null || typeof value !== 'object' || !('parameter' in value)) return false;
  return ParameterRef.safeParse(value).success;
}
