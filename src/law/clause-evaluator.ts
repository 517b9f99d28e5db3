/**
 * Three-valued evaluation of a clause file. The clauses are compiled once (when the rules load)
 * into closures; each case then gets a Run that memoises every clause it asks for, per conviction
 * for a clause of each conviction, so a clause several others name is worked out once. Raw facts
 * not exactly known are ranges (days of a sentence, the days an offense date may fall on): a
 * comparison is true when the whole range passes, false when none of it does, else unknown.
 *
 * A Run also says why: the case fields that could settle an unknown clause, read only from the
 * unknown leaves that leave it unknown; the review points its clauses raise; and a trace of each
 * clause's value (per conviction where the clause is of each) for the explain view.
 */
import { anniversary, type DayRange, type EpochDay } from '../case/dates.js';
import { citationText, sourceLookup, type Citation } from '../packs/citation.js';
import type { Tri } from '../facts/tri.js';
import type { ReviewNote } from '../facts/calculator.js';
import { referencedClauses } from './clause-lint.js';
import type { Clause, ClauseFile, ClauseNode, ParameterRef, Truth } from './clause-schema.js';

/** The per-conviction raw facts of one case, as TypeScript computes them. */
export interface Subjects {
  readonly count: number;
  /** By raw-fact name: the fact of conviction `i` (a Tri, a days range, a date range or a list); `years` for a fact that takes one. */
  readonly facts: Readonly<Record<string, (i: number, years?: number) => unknown>>;
  /** The case fields whose answers could settle the fact of conviction `i` while it is unknown. */
  fields(fact: string, i: number): readonly string[];
  /** How the explain view and review points name conviction `i`. */
  name(i: number): string;
  /** By grouping name, how convictions group into one occasion (for a grouped count). */
  readonly groupings?: Readonly<Record<string, Grouping>>;
}

/**
 * Which convictions count once together (one occasion): a raw fact of their dates and incidents.
 * `count` is the number of groups among `members`, for "fewest" when convictions that may belong
 * together are joined and for "most" when only those that surely do; `fields` the case fields that
 * could settle whether they belong together.
 */
export interface Grouping {
  count(members: readonly number[], bound: 'fewest' | 'most'): number;
  fields(members: readonly number[]): readonly string[];
}

export interface Inputs {
  subjects: Subjects;
  /** The parameters by name (thresholds, years, offense-type lists). */
  params: Readonly<Record<string, unknown>>;
  screeningDay: EpochDay;
}

/** A range of days (a sentence, a maximum penalty). */
interface Days {
  low: number;
  high: number;
}

/** One clause's value in a trace: of the record, or of each conviction. */
export interface ClauseTrace {
  id: string;
  name: string;
  /** The citation as text (citationText), and its parts. */
  citation: string;
  citations: Citation;
  text: string;
  scope: Clause['scope'];
  /** Of the record: its value. Of each conviction: true when some conviction's is, and so on (Kleene "some"). */
  value: Tri;
  /** Of each conviction: the first convictions' values by name (the rest counted in moreInstances). */
  instances?: { name: string; value: Tri }[];
  moreInstances?: number;
  /** The clauses its condition names, in order. */
  uses: string[];
}

/** How a derived fact's clauses (rules/ina/clauses.json, rules/daca/clauses.json …) came out for the case: `derivedFacts.<fact>.clauses`. */
export interface ClauseExplanation {
  /** The clause file, as the rules folder names it ("rules/daca/clauses.json"). */
  file: string;
  /** For each key of the fact's record, the id of the clause that computes it. */
  roots: Record<string, string>;
  /** Each clause the roots depend on, by id. */
  clauses: Record<string, ClauseTrace>;
}

/** The most convictions a trace lists by name for one clause. */
const TRACE_INSTANCES = 10;

const UNSET = 0;
const FALSE = 1;
const TRUE = 2;
const UNKNOWN = 3;
const encode = (value: Tri): number => (value === true ? TRUE : value === false ? FALSE : UNKNOWN);
const decode = (code: number): Tri => (code === TRUE ? true : code === FALSE ? false : null);

/** The raw facts and parameters the clauses name, each given a slot when compiled, so a run looks them up by number. */
class Slots {
  readonly facts: string[] = [];
  readonly parameters: string[] = [];
  fact(name: string): number {
    const at = this.facts.indexOf(name);
    return at >= 0 ? at : this.facts.push(name) - 1;
  }
  parameter(name: string): number {
    const at = this.parameters.indexOf(name);
    return at >= 0 ? at : this.parameters.push(name) - 1;
  }
}

interface Compiled {
  value(run: Run, i: number): Tri;
  /** Adds the case fields that could settle this node for conviction `i` (or the record); called only when it is unknown. */
  fields(run: Run, i: number, out: Set<string>): void;
}

/** A threshold: a number written in the clause, or a parameter's slot. */
type Amount = { literal: number } | { slot: number };

function amount(value: ParameterRef | number, slots: Slots): Amount {
  return typeof value === 'number' ? { literal: value } : { slot: slots.parameter(value.parameter) };
}

function amountOf(amount: Amount, run: Run): number {
  return 'literal' in amount ? amount.literal : (run.params[amount.slot] as number);
}

function compileLeaf(node: ClauseNode & { fact: string }, slots: Slots): Compiled {
  const { fact } = node;
  const f = slots.fact(fact);
  const leafFields = (run: Run, i: number, out: Set<string>) => {
    for (const field of run.inputs.subjects.fields(fact, i)) out.add(field);
  };
  const leaf = (value: (run: Run, i: number) => Tri): Compiled => ({ value, fields: leafFields });
  if ('atMost' in node) {
    const limit = amount(node.atMost, slots);
    return leaf((run, i) => {
      const days = run.facts[f]!(i) as Days;
      const max = amountOf(limit, run);
      return days.high <= max ? true : days.low > max ? false : null;
    });
  }
  if ('atLeast' in node) {
    const limit = amount(node.atLeast, slots);
    return leaf((run, i) => {
      const days = run.facts[f]!(i) as Days;
      const min = amountOf(limit, run);
      return days.low >= min ? true : days.high < min ? false : null;
    });
  }
  if ('before' in node || 'onOrAfter' in node) {
    const onOrAfter = 'onOrAfter' in node;
    const years = slots.parameter(('onOrAfter' in node ? node.onOrAfter : (node as { before: { yearsBeforeScreening: ParameterRef } }).before).yearsBeforeScreening.parameter);
    return leaf((run, i) => {
      const days = run.facts[f]!(i) as DayRange | undefined;
      if (!days) return null;
      const cutoff = run.cutoff(years);
      const after: Tri = days.earliest >= cutoff ? true : days.latest < cutoff ? false : null;
      return onOrAfter ? after : after === null ? null : !after;
    });
  }
  if ('includesAnyOf' in node) {
    const list = slots.parameter(node.includesAnyOf.parameter);
    return leaf((run, i) => {
      const types = run.facts[f]!(i) as readonly string[] | undefined;
      if (!types) return null;
      const wanted = run.params[list] as readonly string[];
      return types.some((type) => wanted.includes(type));
    });
  }
  const years = 'years' in node && node.years ? slots.parameter(node.years.parameter) : undefined;
  if (years !== undefined) return leaf((run, i) => run.facts[f]!(i, run.params[years] as number) as Tri);
  return leaf((run, i) => run.facts[f]!(i) as Tri);
}

/** Kleene AND or OR over compiled children; the fields of an unknown group are its unknown children's. */
function compileGroup(children: Compiled[], and: boolean): Compiled {
  const decisive = !and;
  return {
    value(run, i) {
      let unknown = false;
      for (const child of children) {
        const value = child.value(run, i);
        if (value === decisive) return decisive;
        if (value === null) unknown = true;
      }
      return unknown ? null : !decisive;
    },
    fields(run, i, out) {
      for (const child of children) if (child.value(run, i) === null) child.fields(run, i, out);
    },
  };
}

/** Over the convictions: how many surely are, and how many may be. */
function countOf(inner: Compiled, run: Run, stopAt: number): { low: number; high: number } {
  let low = 0;
  let high = 0;
  for (let i = 0; i < run.inputs.subjects.count; i++) {
    const value = inner.value(run, i);
    if (value !== false) high++;
    if (value === true && ++low >= stopAt) break;
  }
  return { low, high };
}

function unknownInstancesFields(inner: Compiled): Compiled['fields'] {
  return (run, _i, out) => {
    for (let i = 0; i < run.inputs.subjects.count; i++) if (inner.value(run, i) === null) inner.fields(run, i, out);
  };
}

/** The convictions that surely pass `inner`, and those that may. */
function members(inner: Compiled, run: Run): { sure: number[]; possible: number[] } {
  const sure: number[] = [];
  const possible: number[] = [];
  for (let i = 0; i < run.inputs.subjects.count; i++) {
    const value = inner.value(run, i);
    if (value === true) sure.push(i);
    if (value !== false) possible.push(i);
  }
  return { sure, possible };
}

/** At least so many occasions among the convictions passing `inner`: fewest among the sure ones, most among the possible ones. */
function compileGroupedCount(name: string, inner: Compiled, threshold: Amount): Compiled {
  const grouping = (run: Run) => run.inputs.subjects.groupings![name]!;
  return {
    value(run) {
      const { sure, possible } = members(inner, run);
      const min = amountOf(threshold, run);
      const groups = grouping(run);
      return groups.count(sure, 'fewest') >= min ? true : groups.count(possible, 'most') < min ? false : null;
    },
    fields(run, i, out) {
      unknownInstancesFields(inner)(run, i, out);
      for (const field of grouping(run).fields(members(inner, run).possible)) out.add(field);
    },
  };
}

function compileSum(node: { sumOf: string; over: ClauseNode; atLeast: ParameterRef | number }, over: Compiled, slots: Slots): Compiled {
  const { sumOf: fact } = node;
  const f = slots.fact(fact);
  const atLeast = amount(node.atLeast, slots);
  const exact = (days: Days) => days.low === days.high;
  return {
    value(run) {
      let low = 0;
      let high = 0;
      const quantity = run.facts[f]!;
      for (let i = 0; i < run.inputs.subjects.count; i++) {
        const member = over.value(run, i);
        if (member === false) continue;
        const days = quantity(i) as Days;
        high += days.high;
        if (member === true) low += days.low;
      }
      const min = amountOf(atLeast, run);
      return low >= min ? true : high < min ? false : null;
    },
    fields(run, _i, out) {
      const quantity = run.facts[f]!;
      for (let i = 0; i < run.inputs.subjects.count; i++) {
        const member = over.value(run, i);
        if (member === false) continue;
        if (member === null) over.fields(run, i, out);
        if (!exact(quantity(i) as Days)) for (const field of run.inputs.subjects.fields(fact, i)) out.add(field);
      }
    },
  };
}

function compileNode(node: ClauseNode, index: ReadonlyMap<string, number>, slots: Slots): Compiled {
  if ('all' in node) return compileGroup(node.all.map((child) => compileNode(child, index, slots)), true);
  if ('any' in node) return compileGroup(node.any.map((child) => compileNode(child, index, slots)), false);
  if ('not' in node) {
    const inner = compileNode(node.not, index, slots);
    return { value: (run, i) => { const value = inner.value(run, i); return value === null ? null : !value; }, fields: inner.fields };
  }
  if ('clause' in node) {
    const k = index.get(node.clause)!;
    return { value: (run, i) => run.value(k, i), fields: (run, i, out) => run.clauseFields(k, i, out) };
  }
  if ('fact' in node) return compileLeaf(node, slots);
  if ('openQuestion' in node) return { value: () => null, fields: () => undefined };
  if ('some' in node || 'every' in node) {
    const some = 'some' in node;
    const inner = compileNode(some ? node.some : (node as { every: ClauseNode }).every, index, slots);
    return {
      value(run) {
        let unknown = false;
        for (let i = 0; i < run.inputs.subjects.count; i++) {
          const value = inner.value(run, i);
          if (value === some) return some;
          if (value === null) unknown = true;
        }
        return unknown ? null : !some;
      },
      fields: unknownInstancesFields(inner),
    };
  }
  if ('parameter' in node) {
    const flag = slots.parameter(node.parameter);
    return { value: (run) => run.params[flag] as boolean, fields: () => undefined };
  }
  if ('countAtLeast' in node) {
    const inner = compileNode(node.of, index, slots);
    const threshold = amount(node.countAtLeast, slots);
    if (node.grouped !== undefined) return compileGroupedCount(node.grouped, inner, threshold);
    return {
      value(run) {
        const min = amountOf(threshold, run);
        const { low, high } = countOf(inner, run, min);
        return low >= min ? true : high < min ? false : null;
      },
      fields: unknownInstancesFields(inner),
    };
  }
  return compileSum(node, compileNode(node.over, index, slots), slots);
}

const RECORD = -1;

/** A clause file compiled once; `run` evaluates it for one case. */
export class ClauseSet {
  readonly clauses: readonly Clause[];
  /** Each clause's citation as text, written with the clause file's sources. */
  readonly citations: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly compiled: readonly Compiled[];
  readonly slots: Slots;
  readonly uses: readonly string[][];
  /** For a clause of each conviction, its column in a run's memo (-1 for a clause of the record). */
  readonly column: readonly number[];
  readonly columns: number;
  /** The clauses with review points, of each conviction and of the record. */
  readonly reviewing: { conviction: number[]; record: number[] };

  constructor(file: ClauseFile) {
    this.clauses = file.clauses;
    const sources = sourceLookup(file.sources);
    this.citations = file.clauses.map((clause) => citationText(clause.citation, sources));
    this.index = new Map(file.clauses.map((clause, k) => [clause.id, k]));
    this.slots = new Slots();
    this.compiled = file.clauses.map((clause) => compileNode(clause.when, this.index, this.slots));
    this.uses = file.clauses.map((clause) => [...referencedClauses(clause.when)]);
    let columns = 0;
    this.column = file.clauses.map((clause) => (clause.scope === 'conviction' ? columns++ : -1));
    this.columns = columns;
    const reviewing = (scope: Clause['scope']) => file.clauses.flatMap((clause, k) => (clause.scope === scope && clause.review ? [k] : []));
    this.reviewing = { conviction: reviewing('conviction'), record: reviewing('record') };
  }

  run(inputs: Inputs): Run {
    return new Run(this, inputs);
  }

  /** The clause `id` and every clause it reads, directly or through others. */
  dependencies(id: string): Set<string> {
    const out = new Set<string>();
    const visit = (name: string) => {
      if (out.has(name)) return;
      out.add(name);
      for (const used of this.uses[this.index.get(name)!]!) visit(used);
    };
    visit(id);
    return out;
  }
}

function matches(value: Tri, truth: Truth): boolean {
  return truth === 'true' ? value === true : truth === 'false' ? value === false : value !== false;
}

export class Run {
  private readonly record: Int8Array;
  /** Conviction by conviction, a column per clause of each conviction. */
  private readonly perConviction: Int8Array;
  private readonly cutoffs = new Map<number, EpochDay>();
  /** The raw facts and parameters by slot. */
  readonly facts: ((i: number, years?: number) => unknown)[];
  readonly params: unknown[];
  /** Clauses whose fields were already added in this collection (per conviction for a clause of each). */
  private visited: Set<number> | undefined;

  constructor(
    readonly set: ClauseSet,
    readonly inputs: Inputs,
  ) {
    this.record = new Int8Array(set.clauses.length);
    this.perConviction = new Int8Array(set.columns * inputs.subjects.count);
    this.facts = set.slots.facts.map((name) => inputs.subjects.facts[name]!);
    this.params = set.slots.parameters.map((name) => inputs.params[name]);
  }

  /** The day `years` (a parameter's slot) before the screening date. */
  cutoff(years: number): EpochDay {
    let day = this.cutoffs.get(years);
    if (day === undefined) {
      day = anniversary(this.inputs.screeningDay, -(this.params[years] as number));
      this.cutoffs.set(years, day);
    }
    return day;
  }

  /** Clause `k` of the record (i = -1) or of conviction `i`; a clause of the record ignores `i`. */
  value(k: number, i: number): Tri {
    const column = this.set.column[k]!;
    if (column < 0) {
      const code = this.record[k]!;
      if (code !== UNSET) return decode(code);
      const value = this.set.compiled[k]!.value(this, RECORD);
      this.record[k] = encode(value);
      return value;
    }
    const at = i * this.set.columns + column;
    const code = this.perConviction[at]!;
    if (code !== UNSET) return decode(code);
    const value = this.set.compiled[k]!.value(this, i);
    this.perConviction[at] = encode(value);
    return value;
  }

  /** The value of the clause named `id`, of the record or of conviction `i`. */
  valueOf(id: string, i: number = RECORD): Tri {
    const k = this.set.index.get(id);
    // The lint has checked that every clause a calculator reads exists; an unknown id is a programming error, not an unknown.
    if (k === undefined) throw new Error(`no clause "${id}" in the clause file`);
    return this.value(k, i);
  }

  clauseFields(k: number, i: number, out: Set<string>): void {
    const key = this.set.column[k]! < 0 ? k : (i + 1) * this.set.clauses.length + k;
    if (this.visited!.has(key) || this.value(k, i) !== null) return;
    this.visited!.add(key);
    this.set.compiled[k]!.fields(this, i, out);
  }

  /** The case fields that could settle the named clauses where they are unknown (of the record, or of conviction `i`). */
  fields(ids: readonly string[], i: number = RECORD): string[] {
    const out = new Set<string>();
    this.visited = new Set();
    for (const id of ids) this.clauseFields(this.set.index.get(id)!, i, out);
    this.visited = undefined;
    return [...out];
  }

  private raised(clause: Clause, k: number, i: number, codes: ReadonlySet<string>, notes: ReviewNote[]): void {
    for (const review of clause.review ?? []) {
      if (!codes.has(review.code) || !matches(this.value(k, i), review.when)) continue;
      if (!(review.and ?? []).every((other) => matches(this.valueOf(other.clause, i), other.is))) continue;
      notes.push({ code: review.code, ...(i === RECORD ? {} : { subject: this.inputs.subjects.name(i) }), ...(review.keys ? { keys: review.keys } : {}) });
    }
  }

  /** The review points the clauses raise for conviction `i`, among `codes` (only from the clauses `within`, when given). */
  convictionReviews(i: number, codes: ReadonlySet<string>, notes: ReviewNote[] = [], within?: ReadonlySet<string>): ReviewNote[] {
    for (const k of this.set.reviewing.conviction) if (!within || within.has(this.set.clauses[k]!.id)) this.raised(this.set.clauses[k]!, k, i, codes, notes);
    return notes;
  }

  /** The review points the clauses of the record raise, among `codes` (only from the clauses `within`, when given). */
  recordReviews(codes: ReadonlySet<string>, within?: ReadonlySet<string>): ReviewNote[] {
    const notes: ReviewNote[] = [];
    for (const k of this.set.reviewing.record) if (!within || within.has(this.set.clauses[k]!.id)) this.raised(this.set.clauses[k]!, k, RECORD, codes, notes);
    return notes;
  }

  /** Every clause the named ones depend on, each with its value: what the explain view shows. */
  trace(ids: readonly string[]): Record<string, ClauseTrace> {
    const out: Record<string, ClauseTrace> = {};
    const visit = (id: string) => {
      if (Object.hasOwn(out, id)) return;
      const k = this.set.index.get(id)!;
      const clause = this.set.clauses[k]!;
      const entry: ClauseTrace = { id, name: clause.name, citation: this.set.citations[k]!, citations: clause.citation, text: clause.text, scope: clause.scope, value: null, uses: this.set.uses[k]! };
      if (clause.scope === 'record') entry.value = this.value(k, RECORD);
      else {
        const { count } = this.inputs.subjects;
        const values = Array.from({ length: count }, (_, i) => this.value(k, i));
        entry.value = values.includes(true) ? true : values.includes(null) ? null : false;
        entry.instances = values.slice(0, TRACE_INSTANCES).map((value, i) => ({ name: this.inputs.subjects.name(i), value }));
        if (count > TRACE_INSTANCES) entry.moreInstances = count - TRACE_INSTANCES;
      }
      out[id] = entry;
      for (const used of entry.uses) visit(used);
    };
    for (const id of ids) visit(id);
    return out;
  }
}
