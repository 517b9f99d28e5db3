/**
 * From evaluated rules to a program's result: the outcome (for eligibility programs) or the
 * classifications (for discretion programs), the findings with their citations and the facts that
 * triggered them, the points for attorney review, and the missing facts as questions to ask next.
 * Nothing here knows any program: it reads rule kinds, `defeats` and `sets` from the pack.
 */
import { questionFor } from '../case/fields.js';
import type { DerivedFacts } from '../facts/derive.js';
import type { FactValue } from '../facts/derived.js';
import type { ConditionTrace, RuleEvaluation } from '../evaluate/engine.js';
import type { LoadedPack } from '../packs/load.js';
import type { RuleKind, RuleStatus } from '../packs/schema.js';
import { decideOutcome, type Outcome } from './outcome.js';
import { classify } from './classifications.js';


export interface FactUsed {
  fact: string;
  value: FactValue;
  detail: string;
}

export interface Finding {
  rule: string;
  name: string;
  kind: RuleKind;
  status: RuleStatus;
  citation: string;
  explanation: string;
  facts: FactUsed[];
  defeatedBy?: string[];
  conditions: ConditionTrace;
}

export interface ReviewReason {
  /** Stable id of the review point: a rule id, a review-note code, "legal-status", or "undetermined:<field>". */
  code: string;
  reason: string;
  citation: string;
  rule?: string;
  subject?: string;
}

export interface MissingFact {
  field: string;
  question: string;
  neededFor: string[];
  /** Whether the answer could change the outcome or classification, or only a factor. */
  decisive: boolean;
}

export interface FactorList {
  positive: Finding[];
  negative: Finding[];
}

export interface ProgramResult {
  program: string;
  title: string;
  kind: 'eligibility' | 'discretion';
  legalStatus: { label: string; detail: string };
  researchedAsOf: string;
  packVersion: string;
  outcome?: Outcome;
  /** Why the outcome is what it is, as codes: ELEMENT:<rule>, BAR:<rule>, WAIVER:<rule>, UNKNOWN:<rule>. */
  outcomeReasons?: string[];
  classifications?: Record<string, string | null>;
  /** Classifications the known facts could not settle (their value is then null). */
  undetermined?: string[];
  needsReview: boolean;
  reviewReasons: ReviewReason[];
  findings: Finding[];
  factors: FactorList;
  missing: MissingFact[];
}

/**
 * The review points in the order raised, with an index of the (reason, subject) pairs already
 * listed: a long record raises one note per conviction, and searching the list for each was quadratic.
 */
class ReviewReasons {
  readonly list: ReviewReason[] = [];
  private readonly subjects = new Map<string, Set<string | undefined>>();

  has(reason: string, subject: string | undefined): boolean {
    return this.subjects.get(reason)?.has(subject) ?? false;
  }

  add(reason: ReviewReason): void {
    this.list.push(reason);
    const subjects = this.subjects.get(reason.reason) ?? new Set<string | undefined>();
    subjects.add(reason.subject);
    this.subjects.set(reason.reason, subjects);
  }
}

const OPPOSITE: Record<RuleStatus, RuleStatus> = { applies: 'does_not_apply', does_not_apply: 'applies', unknown: 'unknown' };

/** The facts read by the leaves of a condition tree that `descend` lets the walk reach. */
function factsOf(trace: ConditionTrace, descend: (child: ConditionTrace, parent: ConditionTrace) => boolean, out: Set<string> = new Set()): Set<string> {
  if (trace.fact) out.add(trace.fact.split('.')[0]!);
  for (const child of trace.children ?? []) if (descend(child, trace)) factsOf(child, descend, out);
  return out;
}

/** Every fact, and every record key ("record.hasFelony"), that the leaves of a condition tree read. */
function readPaths(trace: ConditionTrace, out: Set<string>): Set<string> {
  if (trace.fact) out.add(trace.fact);
  for (const child of trace.children ?? []) readPaths(child, out);
  return out;
}

/**
 * The facts that decided a condition: below an `any` that applies, only the branches that apply;
 * below an `all` that fails, only the branches that fail; and so on down the tree.
 */
const decisive = (child: ConditionTrace, parent: ConditionTrace) => child.status === (parent.combinator === 'not' ? OPPOSITE[parent.status] : parent.status);
const unknownOnly = (child: ConditionTrace) => child.status === 'unknown';

function buildFindings(evaluations: RuleEvaluation[], facts: DerivedFacts): Finding[] {
  // A rule is defeated only by a rule that applies (a waiver granted, an exception in force).
  const defeatedBy = new Map<string, string[]>();
  for (const { rule, status } of evaluations) {
    if (status !== 'applies') continue;
    for (const target of rule.defeats ?? []) defeatedBy.set(target, [...(defeatedBy.get(target) ?? []), rule.id]);
  }
  return evaluations.map(({ rule, status, trace }) => ({
    rule: rule.id,
    name: rule.name,
    kind: rule.kind,
    status,
    citation: rule.citation,
    explanation: rule.explanation,
    facts: [...factsOf(trace, decisive)].map((name) => ({ fact: name, value: facts.get(name)!.value, detail: facts.get(name)!.detail })),
    ...(defeatedBy.has(rule.id) && status === 'applies' ? { defeatedBy: defeatedBy.get(rule.id) } : {}),
    conditions: trace,
  }));
}

export function buildProgramResult(loaded: LoadedPack, evaluations: RuleEvaluation[], facts: DerivedFacts): ProgramResult {
  const { pack } = loaded;
  const findings = buildFindings(evaluations, facts);

  const defeats = new Map(pack.rules.map((rule) => [rule.id, rule.defeats ?? []]));
  const decided = pack.kind === 'eligibility' ? decideOutcome(findings, (id) => defeats.get(id) ?? []) : undefined;
  // A required element affirmatively not met settles the program: review points about the other
  // rules could not change it, so only the failing elements' own points are raised.
  const failedElements = new Set(findings.filter((f) => f.kind === 'requirement' && f.status === 'does_not_apply').map((f) => f.rule));
  const reviewed = failedElements.size ? evaluations.filter((e) => failedElements.has(e.rule.id)) : evaluations;

  const reviewReasons = new ReviewReasons();
  if (pack.standingReview) reviewReasons.add({ code: 'legal-status', ...pack.standingReview });
  for (const { rule, status } of reviewed) {
    if (rule.review?.when.includes(status)) reviewReasons.add({ code: rule.id, reason: rule.review.reason, citation: rule.citation, rule: rule.id });
  }
  const read = new Set<string>();
  for (const evaluation of reviewed) readPaths(evaluation.trace, read);
  const usedFacts = new Set([...read].map((path) => path.split('.')[0]!));
  for (const name of usedFacts) {
    for (const note of facts.get(name)!.notes) {
      // A note about record keys this pack never reads is not this pack's concern.
      if (note.keys && !note.keys.some((key) => read.has(`${name}.${key}`))) continue;
      const wording = pack.reviewNotes[note.code]!;
      if (!reviewReasons.has(wording.reason, note.subject)) reviewReasons.add({ code: note.code, reason: wording.reason, citation: wording.citation, ...(note.subject ? { subject: note.subject } : {}) });
    }
  }

  const missingByField = new Map<string, MissingFact>();
  for (const evaluation of evaluations) {
    if (evaluation.status !== 'unknown') continue;
    for (const factName of factsOf(evaluation.trace, unknownOnly)) {
      for (const field of facts.get(factName)!.missing) {
        const entry = missingByField.get(field) ?? { field, question: questionFor(field), neededFor: [], decisive: false };
        if (!entry.neededFor.includes(evaluation.rule.name)) entry.neededFor.push(evaluation.rule.name);
        if (evaluation.rule.kind !== 'helping_factor' && evaluation.rule.kind !== 'harmful_factor') entry.decisive = true;
        missingByField.set(field, entry);
      }
    }
  }

  const factors: FactorList = {
    positive: findings.filter((f) => f.kind === 'helping_factor' && f.status === 'applies'),
    negative: findings.filter((f) => f.kind === 'harmful_factor' && f.status === 'applies'),
  };
  const base = {
    program: pack.program,
    title: pack.title,
    kind: pack.kind,
    legalStatus: pack.legalStatus,
    researchedAsOf: pack.researchedAsOf,
    packVersion: loaded.version,
  };
  const classifications = pack.classifications ? classify(loaded, findings, reviewReasons.list) : undefined;
  return {
    ...base,
    ...(decided ? { outcome: decided.outcome, outcomeReasons: decided.reasons } : {}),
    ...(classifications ? { classifications: classifications.values, undetermined: classifications.undetermined } : {}),
    // The program-wide caution is always listed; only points about this case set the flag.
    needsReview: reviewReasons.list.some((r) => r.code !== 'legal-status'),
    reviewReasons: reviewReasons.list,
    findings,
    factors,
    // Questions that could change the outcome come first.
    missing: [...missingByField.values()].sort((a, b) => Number(b.decisive) - Number(a.decisive)),
  };
}
