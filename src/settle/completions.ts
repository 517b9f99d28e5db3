/**
 * Partial completions of one case: the case with some unknown fields given a value, screened in
 * Kleene logic with the rest still unknown. Each completion is checked for consistency across
 * fields like a case file (a value its record rules out, such as more days suspended than imposed, makes it no completion),
 * derives its facts once for every program (a FactCache per completion, so the memo of derived
 * facts is per completion), and is kept by its assignments, so the searches of several results
 * that pass through the same completion screen it once.
 */
import type { EpochDay } from '../case/dates.js';
import { consistencyIssues, type CaseFile } from '../case/schema.js';
import { FactCache } from '../facts/derive.js';
import type { CompiledPack } from '../evaluate/compiled.js';
import type { ConditionTrace } from '../evaluate/engine.js';
import { decideOutcome } from '../findings/outcome.js';
import { classify } from '../findings/classifications.js';
import type { Finding } from '../findings/program-result.js';
import { pathKeys, withValue } from '../case/paths.js';
import type { FieldValue } from './representatives.js';

export interface Assignment {
  path: string;
  value: FieldValue;
  /** For a number standing for an interval: the interval's last value. */
  upTo?: number;
}

/** The results of one program that settling looks at: its outcome, or each classification. */
export const OUTCOME = 'outcome';

export interface ProgramState {
  /** The value of each result, null while Kleene logic leaves it open. */
  values: Map<string, string | null>;
  /** Why each settled outcome is what it is (outcomeReasons). */
  reasons: string[];
  /** The case fields whose absence left each open result's rules unknown, in the order read. */
  reach: Map<string, string[]>;
  /** The case fields that unknown factors read. */
  factorFields: string[];
  /** How many of its outcome or classification rules are unknown. */
  unknownRules: number;
}

/** The facts read by the leaves below a node that are unknown (the ones an answer could move). */
function unknownFacts(trace: ConditionTrace, out: Set<string>): Set<string> {
  if (trace.fact) out.add(trace.fact.split('.')[0]!);
  for (const child of trace.children ?? []) if (child.status === 'unknown') unknownFacts(child, out);
  return out;
}

interface Node {
  caseFile: CaseFile | null;
  cache: FactCache | null;
  programs: Map<string, ProgramState>;
}

export class CaseCompletions {
  private readonly nodes = new Map<string, Node>();
  /** Completions screened so far (memo misses): what the budgets count. */
  screened = 0;

  constructor(
    private readonly packs: ReadonlyMap<string, CompiledPack>,
    readonly caseFile: CaseFile,
    readonly screeningDay: EpochDay,
    /** The facts already derived for the case itself; each completion takes its fully known ones. */
    private readonly rootCache: FactCache = new FactCache({ caseFile, screeningDay }),
  ) {
    this.nodes.set('', { caseFile, cache: rootCache, programs: new Map() });
  }

  static key(assignments: readonly Assignment[]): string {
    return assignments.map((a) => `${a.path}=${JSON.stringify(a.value)}`).sort().join('\n');
  }

  /** The case with these assignments, or null when no case can have them (the record rules them out). */
  caseWith(assignments: readonly Assignment[]): CaseFile | null {
    return this.node(assignments).caseFile;
  }

  /** One program's results on this completion, or null when it is no completion. */
  state(assignments: readonly Assignment[], program: string): ProgramState | null {
    const node = this.node(assignments);
    if (!node.caseFile || !node.cache) return null;
    let state = node.programs.get(program);
    if (!state) {
      state = this.screen(node.cache, this.packs.get(program)!);
      node.programs.set(program, state);
    }
    return state;
  }

  private node(assignments: readonly Assignment[]): Node {
    const key = CaseCompletions.key(assignments);
    let node = this.nodes.get(key);
    if (!node) {
      this.screened += 1;
      let caseFile: CaseFile | null = this.caseFile;
      if (assignments.length) {
        let raw: unknown = this.caseFile;
        for (const { path, value } of assignments) raw = withValue(raw, pathKeys(path), value);
        // Each value set is one its field's type allows (representatives.ts), so only the checks
        // across fields can refuse the completion: the whole schema parse would cost more than screening it.
        caseFile = consistencyIssues(raw as CaseFile).length === 0 ? (raw as CaseFile) : null;
      }
      node = { caseFile, cache: caseFile ? new FactCache({ caseFile, screeningDay: this.screeningDay }, this.rootCache) : null, programs: new Map() };
      this.nodes.set(key, node);
    }
    return node;
  }

  private screen(cache: FactCache, compiled: CompiledPack): ProgramState {
    const { loaded } = compiled;
    const { pack } = loaded;
    const facts = cache.derivePack(loaded.facts);
    const evaluations = compiled.evaluate(facts);
    const defeatedBy = new Map<string, string[]>();
    for (const { rule, status } of evaluations) if (status === 'applies') for (const target of rule.defeats ?? []) defeatedBy.set(target, [...(defeatedBy.get(target) ?? []), rule.id]);
    // Just what the outcome and the classifications read of a finding.
    const findings = evaluations.map(({ rule, status }) => {
      const defeaters = status === 'applies' ? defeatedBy.get(rule.id) : undefined;
      return { rule: rule.id, name: rule.name, kind: rule.kind, status, citation: rule.citation, ...(defeaters ? { defeatedBy: defeaters } : {}) } as Finding;
    });
    const values = new Map<string, string | null>();
    let reasons: string[] = [];
    if (pack.kind === 'eligibility') {
      const decided = decideOutcome(findings, (id) => pack.rules.find((r) => r.id === id)?.defeats ?? []);
      values.set(OUTCOME, decided.outcome === 'not_enough_information' ? null : decided.outcome);
      reasons = decided.reasons;
    }
    if (pack.classifications) for (const [field, value] of Object.entries(classify(loaded, findings, [], () => false).values)) values.set(field, value);

    const reach = new Map<string, string[]>();
    const factorFields: string[] = [];
    let unknownRules = 0;
    const fieldsOf = (trace: ConditionTrace, into: string[]) => {
      for (const fact of unknownFacts(trace, new Set())) for (const field of facts.get(fact)?.missing ?? []) if (!into.includes(field)) into.push(field);
    };
    for (const { rule, status, trace } of evaluations) {
      if (status !== 'unknown') continue;
      const factor = rule.kind === 'helping_factor' || rule.kind === 'harmful_factor';
      if (!factor) unknownRules += 1;
      if (factor) fieldsOf(trace, factorFields);
      else if (rule.kind === 'classification' || rule.kind === 'scope') {
        for (const field of Object.keys(pack.classifications ?? {})) {
          if (values.get(field) !== null || (rule.kind === 'classification' && rule.sets?.field !== field)) continue;
          const into = reach.get(field) ?? [];
          fieldsOf(trace, into);
          reach.set(field, into);
        }
      } else if (values.get(OUTCOME) === null) {
        const into = reach.get(OUTCOME) ?? [];
        fieldsOf(trace, into);
        reach.set(OUTCOME, into);
      }
    }
    return { values, reasons, reach, factorFields, unknownRules };
  }
}
