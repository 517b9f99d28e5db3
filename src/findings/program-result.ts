/**
 * From evaluated rules to a program's result: the outcome (for eligibility programs) or the
 * classifications (for discretion programs), the findings with their citations and the facts that
 * triggered them, the points for attorney review, the cautions, and the missing facts as questions
 * to ask next. Nothing here knows any program: it reads rule kinds, `defeats`, `sets`, `review` and
 * `caution` from the pack.
 *
 * A review point is a legal question this client's facts raise; it sets needsReview. A caution is
 * true of anyone in the same position (the program's legal status, a term the memo never defined):
 * it is listed once and never sets the flag, so the flag sorts the clients an attorney must see.
 *
 * This runs for every program of every case of a batch, so what depends only on the pack (which
 * rule defeats which, the fact paths each rule reads) is worked out once, not once per case.
 */
import { questionFor } from '../case/fields.js';
import type { ClauseExplanation } from '../law/clause-evaluator.js';
import type { DerivedFacts } from '../facts/derive.js';
import type { FactValue } from '../facts/calculator.js';
import type { ConditionTrace, RuleEvaluation } from '../evaluate/engine.js';
import type { LoadedPack, ParameterUse } from '../packs/load.js';
import type { LegalStatusKind, Rule, RuleKind, RuleStatus } from '../packs/schema.js';
import { citedSources, type Citation, type Source } from '../packs/citation.js';
import { OPPOSITE, derivedFactOf, leafFact, leaves } from '../packs/conditions.js';
import { decideOutcome, type Outcome } from './outcome.js';
import { classify } from './classifications.js';
import type { AlsoConsider } from './also-consider.js';

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
  /** The citation's parts (source id, pinpoint, note): `citation` is their text. */
  citations: Citation;
  explanation: string;
  facts: FactUsed[];
  defeatedBy?: string[];
  /** The rules this one cures or overrides when it applies (a waiver's bars), from the pack. */
  defeats?: string[];
  conditions: ConditionTrace;
}

export interface ReviewReason {
  /** Stable id of the review point: a rule id, a review-note code, "undetermined:<field>" or "by-cases:waiver-may-be-needed". */
  code: string;
  reason: string;
  citation: string;
  /** The citation's parts, where it comes from a rule file (not for the tool's own words). */
  citations?: Citation;
  rule?: string;
  subject?: string;
}

/** A point true of every client in this position: worth knowing, not a question for this client. */
export interface Caution {
  /** "legal-status" for the program-wide caution, else the id of the rule that raised it. */
  code: string;
  reason: string;
  citation: string;
  /** The citation's parts, where it comes from a rule file (not for the tool's own words). */
  citations?: Citation;
  rule?: string;
}

export interface MissingFact {
  field: string;
  question: string;
  neededFor: string[];
  /** Whether the answer could change the outcome or classification, or only a factor. */
  decisive: boolean;
}

/** A result Kleene logic left open, split by cases over the unknown case facts (src/settle). */
export interface ByCases {
  /** "outcome", or a classification ("priority", "level"). */
  result: string;
  settled: boolean;
  /** The value every completion gives when settled, else null. */
  value: string | null;
  /** The case fields split on, in the order first split. */
  splitOn: string[];
  /** In words: "whichever way … is answered: barred", or why it stays open. */
  explanation: string;
  /** When open: two completions (the fields each sets) that give different values. */
  witness?: { set: Record<string, boolean | string | number | string[]>; value: string }[];
}

/**
 * Where a derived fact the pack's rules read came from, for the explain view: the calculator and
 * the pack's words for it, how its value was reached (which conviction, which date), the case fields
 * whose answers could settle it while any part of it is unknown, and the parameters it was derived
 * with, each with its value and citation.
 */
export interface FactSource {
  calculator: string;
  description: string;
  detail: string;
  /** Empty when the fact is known (or open only on a point of law). */
  caseFields: string[];
  parameters: ParameterUse[];
  /** For a fact computed by cited clauses (rules/ina): the clause behind each key and every clause it depends on, with their values. */
  clauses?: ClauseExplanation;
}

export interface FactorList {
  positive: Finding[];
  negative: Finding[];
}

export interface ProgramResult {
  program: string;
  title: string;
  shortTitle: string;
  kind: 'eligibility' | 'discretion';
  legalStatus: { kind: LegalStatusKind; label: string; detail: string };
  researchedAsOf: string;
  packVersion: string;
  outcome?: Outcome;
  /** Why the outcome is what it is, as codes: ELEMENT:<rule>, BAR:<rule>, WAIVER:<rule>, UNKNOWN:<rule>. */
  outcomeReasons?: string[];
  classifications?: Record<string, string | null>;
  /** Classifications the known facts could not settle (their value is then null). */
  undetermined?: string[];
  /** Results Kleene logic left open, split by cases (absent when none was, or with settling off). */
  byCases?: ByCases[];
  /** Whether any review point was raised: this client's facts raise a legal question. */
  needsReview: boolean;
  reviewReasons: ReviewReason[];
  cautions: Caution[];
  findings: Finding[];
  factors: FactorList;
  missing: MissingFact[];
  /**
   * Other programs this client's facts point at (the pack's alsoConsider entries whose condition
   * holds, and whose outcome this result has where the entry names one): one line each in the report.
   */
  alsoConsider: AlsoConsider[];
  /**
   * The full reference of each source the result's citations name (findings, review points,
   * cautions, derived facts' parameters), listed once; with derivedFacts only.
   */
  sources?: Source[];
  /**
   * Each derived fact the pack's rules read, by name (a leaf's fact "record.hasFelony" is "record"),
   * for the explain view; absent when the screening was asked not to keep them (a batch without reports).
   */
  derivedFacts?: Record<string, FactSource>;
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


/**
 * The facts read by the leaves of a condition tree that `descend` lets the walk reach, in the
 * order first read. A rule reads few facts: a list is cheaper than a Set here.
 */
function factsOf(trace: ConditionTrace, descend: (child: ConditionTrace, parent: ConditionTrace) => boolean, out: string[] = []): string[] {
  if (trace.fact) {
    const fact = derivedFactOf(trace.fact);
    if (!out.includes(fact)) out.push(fact);
  }
  const children = trace.children;
  if (children) for (const child of children) if (descend(child, trace)) factsOf(child, descend, out);
  return out;
}

/** What the pack's rules cure and read: the same for every case, so worked out once per pack. */
interface PackIndex {
  defeats: ReadonlyMap<string, readonly string[]>;
  /** Every fact, and every record key ("record.hasFelony"), that each rule's leaves read, by rule id. */
  pathsByRule: ReadonlyMap<string, readonly string[]>;
  /** The paths all the pack's rules read, and the facts they belong to, in the order first read. */
  allPaths: ReadonlySet<string>;
  allFacts: readonly string[];
}

const packIndexes = new WeakMap<LoadedPack, PackIndex>();

/** The paths the rules read, and the facts those paths belong to. */
function pathsAndFacts(rules: readonly Rule[], pathsByRule: ReadonlyMap<string, readonly string[]>): { read: ReadonlySet<string>; used: readonly string[] } {
  const read = new Set(rules.flatMap((rule) => pathsByRule.get(rule.id)!));
  return { read, used: [...new Set([...read].map(derivedFactOf))] };
}

function packIndex(loaded: LoadedPack): PackIndex {
  let index = packIndexes.get(loaded);
  if (!index) {
    const { rules } = loaded.pack;
    const pathsByRule = new Map(rules.map((rule) => [rule.id, [...leaves(rule.conditions)].map((leaf) => leafFact(leaf.fact, leaf.path))]));
    const { read, used } = pathsAndFacts(rules, pathsByRule);
    index = { defeats: new Map(rules.map((rule) => [rule.id, rule.defeats ?? []])), pathsByRule, allPaths: read, allFacts: used };
    packIndexes.set(loaded, index);
  }
  return index;
}

/** The paths the reviewed rules read and the facts those paths belong to. */
function readBy(reviewed: readonly RuleEvaluation[], everyRule: boolean, index: PackIndex): { read: ReadonlySet<string>; used: readonly string[] } {
  if (everyRule) return { read: index.allPaths, used: index.allFacts };
  return pathsAndFacts(reviewed.map((evaluation) => evaluation.rule), index.pathsByRule);
}

/**
 * The facts that decided a condition: below an `any` that applies, only the branches that apply;
 * below an `all` that fails, only the branches that fail; and so on down the tree.
 */
const decisive = (child: ConditionTrace, parent: ConditionTrace) => child.status === (parent.combinator === 'not' ? OPPOSITE[parent.status] : parent.status);
const unknownOnly = (child: ConditionTrace) => child.status === 'unknown';

function buildFindings(evaluations: readonly RuleEvaluation[], facts: DerivedFacts): Finding[] {
  // A rule is defeated only by a rule that applies (a waiver granted, an exception in force).
  const defeatedBy = new Map<string, string[]>();
  for (const { rule, status } of evaluations) {
    if (status !== 'applies') continue;
    for (const target of rule.defeats ?? []) defeatedBy.set(target, [...(defeatedBy.get(target) ?? []), rule.id]);
  }
  return evaluations.map(({ rule, status, trace }) => {
    // Worked out at once: a getter that put it off until read cost more per finding (an accessor
    // on every object literal and two closures) than the walk and the few objects it saves.
    const used = factsOf(trace, decisive).map((name): FactUsed => {
      const fact = facts.get(name)!;
      return { fact: name, value: fact.value, detail: fact.detail };
    });
    const defeaters = status === 'applies' ? defeatedBy.get(rule.id) : undefined;
    const { id, name, kind, citation, citations, explanation, defeats } = rule;
    // The report lists defeatedBy and defeats before the conditions (no spread: this runs for every rule of every case).
    const finding = { rule: id, name, kind, status, citation, citations, explanation, facts: used } as Finding;
    if (defeaters) finding.defeatedBy = defeaters;
    if (defeats) finding.defeats = defeats;
    finding.conditions = trace;
    return finding;
  });
}

/** The facts whose absence left rules unknown, as questions to ask, the decisive ones first. */
function missingFacts(evaluations: readonly RuleEvaluation[], facts: DerivedFacts): MissingFact[] {
  const missingByField = new Map<string, MissingFact>();
  for (const evaluation of evaluations) {
    if (evaluation.status !== 'unknown') continue;
    for (const factName of factsOf(evaluation.trace, unknownOnly)) {
      for (const field of facts.get(factName)!.missing) {
        let entry = missingByField.get(field);
        if (!entry) {
          entry = { field, question: questionFor(field), neededFor: [], decisive: false };
          missingByField.set(field, entry);
        }
        if (!entry.neededFor.includes(evaluation.rule.name)) entry.neededFor.push(evaluation.rule.name);
        if (evaluation.rule.kind !== 'helping_factor' && evaluation.rule.kind !== 'harmful_factor') entry.decisive = true;
      }
    }
  }
  return [...missingByField.values()].sort((a, b) => Number(b.decisive) - Number(a.decisive));
}

/** The sources of the facts the rules read: references to what the derivation already made, nothing copied. */
function factSources(loaded: LoadedPack, names: readonly string[], facts: DerivedFacts): Record<string, FactSource> {
  const sources: Record<string, FactSource> = {};
  for (const name of names) {
    const declared = loaded.facts.get(name)!;
    const { detail, missing, clauses } = facts.get(name)!;
    sources[name] = { calculator: declared.calculatorName, description: declared.description, detail, caseFields: missing, parameters: declared.parameters, ...(clauses ? { clauses: clauses() } : {}) };
  }
  return sources;
}

export function buildProgramResult(loaded: LoadedPack, evaluations: RuleEvaluation[], facts: DerivedFacts, withSources = true): ProgramResult {
  const { pack } = loaded;
  const index = packIndex(loaded);
  const findings = buildFindings(evaluations, facts);

  const decided = pack.kind === 'eligibility' ? decideOutcome(findings, (id) => index.defeats.get(id) ?? []) : undefined;
  // A required element affirmatively not met settles the program: review points about the other
  // rules could not change it, so only the failing elements' own points are raised.
  const failedElements = new Set(findings.filter((f) => f.kind === 'requirement' && f.status === 'does_not_apply').map((f) => f.rule));
  const reviewed = failedElements.size ? evaluations.filter((e) => failedElements.has(e.rule.id)) : evaluations;

  // The calculators' notes first: they tell a rule open on a point of law from one waiting on facts.
  const { read, used } = readBy(reviewed, reviewed === evaluations, index);
  const notes = new ReviewReasons();
  const noted = new Set<string>();
  for (const name of used) {
    for (const note of facts.get(name)!.notes) {
      // A note about record keys this pack never reads is not this pack's concern.
      if (note.keys && !note.keys.some((key) => read.has(`${name}.${key}`))) continue;
      noted.add(name);
      const wording = pack.reviewNotes[note.code]!;
      if (!notes.has(wording.reason, note.subject)) notes.add({ code: note.code, reason: wording.reason, citation: wording.citation, citations: wording.citations, ...(note.subject ? { subject: note.subject } : {}) });
    }
  }
  // An unknown rule is a question for an attorney only when it is open on a point of law: a fact it
  // waits on carries a review note, or is unknown with nothing left to ask the client. A rule that
  // waits only on facts not yet asked (see missing) is no legal question yet: raising its review
  // point would flag every client whose file is incomplete.
  const openOnALegalPoint = (finding: Finding) => finding.facts.some(({ fact }) => noted.has(fact) || facts.get(fact)!.missing.length === 0);

  // Looked up only for the few review points that presuppose other rules.
  let statusOf: Map<string, RuleStatus> | undefined;
  const applies = (premise: string) => (statusOf ??= new Map(evaluations.map(({ rule, status }) => [rule.id, status]))).get(premise) === 'applies';
  const reviewReasons = new ReviewReasons();
  const cautions: Caution[] = pack.standingCaution ? [{ code: 'legal-status', ...pack.standingCaution }] : [];
  evaluations.forEach(({ rule, status }, at) => {
    if (reviewed !== evaluations && !failedElements.has(rule.id)) return;
    const { review, caution } = rule;
    if (
      review?.when.includes(status) &&
      // A question that presupposes other rules (a nexus to trafficking) arises only once they apply.
      (review.onlyIfApplies ?? []).every(applies) &&
      (status !== 'unknown' || openOnALegalPoint(findings[at]!))
    ) {
      reviewReasons.add({ code: rule.id, reason: review.reason, citation: rule.citation, citations: rule.citations, rule: rule.id });
    }
    if (caution?.when.includes(status)) cautions.push({ code: rule.id, reason: caution.reason, citation: rule.citation, citations: rule.citations, rule: rule.id });
  });
  for (const note of notes.list) if (!reviewReasons.has(note.reason, note.subject)) reviewReasons.add(note);

  const factors: FactorList = { positive: [], negative: [] };
  for (const finding of findings) {
    if (finding.status !== 'applies') continue;
    if (finding.kind === 'helping_factor') factors.positive.push(finding);
    else if (finding.kind === 'harmful_factor') factors.negative.push(finding);
  }
  const classifications = pack.classifications ? classify(loaded, findings, reviewReasons.list, openOnALegalPoint) : undefined;
  // Properties in the report's order; the optional ones added only when present (spreading them
  // in cost more than all the rest of this function).
  const result = { program: pack.program, title: pack.title, shortTitle: pack.shortTitle, kind: pack.kind, legalStatus: pack.legalStatus, researchedAsOf: pack.researchedAsOf, packVersion: loaded.version } as ProgramResult;
  if (decided) {
    result.outcome = decided.outcome;
    result.outcomeReasons = decided.reasons;
  }
  if (classifications) {
    result.classifications = classifications.values;
    result.undetermined = classifications.undetermined;
  }
  result.needsReview = reviewReasons.list.length > 0;
  result.reviewReasons = reviewReasons.list;
  result.cautions = cautions;
  result.findings = findings;
  result.factors = factors;
  // Worked out at once, though a batch record never reads them: a getter put on each result (a
  // closure of its own) gave every result a hidden class of its own in V8, and the whole screening paid
  // for that in slower property reads and garbage collection, far more than the questions cost.
  result.missing = missingFacts(evaluations, facts);
  // Filled once the outcome is final (app/screen.ts: after settling by cases), in this place of the report.
  result.alsoConsider = [];
  if (withSources) {
    result.derivedFacts = factSources(loaded, index.allFacts, facts);
    const parameters = Object.values(result.derivedFacts).flatMap((fact) => fact.parameters.map((parameter) => parameter.citations));
    result.sources = citedSources([...findings.map((f) => f.citations), ...[...reviewReasons.list, ...cautions].map((item) => item.citations ?? []), ...parameters], loaded.sources);
  }
  return result;
}
