/**
 * What flips a result: the smallest changes to a case that change a program's outcome (or Morton's
 * priority or level), found by screening the case with each change made, exactly as `relief screen`
 * would with the same flags, the same --as-of and the same --program list.
 *
 * The search, and its bounds:
 * 1. the single changes (candidates.ts: the named scenarios the case takes, and each known fact
 *    given other values), at most VALUES_PER_FIELD per fact or scenario item, are screened: those
 *    that change a program's result are its flips. Where there are more, each is first probed on
 *    the known facts alone (Kleene logic, cheap), and the first that move some finding, one per
 *    way of moving them, are screened: a value that moves nothing is not screened in full;
 * 2. pairs, for each program: two single changes that each moved some of its findings without
 *    changing its result, never two that write the same place, choices paired first; at most
 *    PAIRS_PER_PROGRAM pairs tried per program. A pair is a flip only when neither change alone is.
 * Each case is screened settling by cases, as `relief screen` does, without the questions and
 * witness pairs that only explain a result.
 */
import { Screener } from '../app/screen.js';
import type { RulePacks } from '../packs/load.js';
import type { NotInForce } from '../packs/dated-parameters.js';
import type { ProgramResult } from '../findings/program-result.js';
import { CHANGE_KINDS, type ChangeKind } from './changeability.js';
import { overlap, variantOf, type CaseContext, type Change, type Variant } from './changes.js';
import { VALUES_PER_FIELD } from './candidates.js';

export const PAIRS_PER_PROGRAM = 8;

/** A program's result: its outcome, or its classifications (null: undetermined). */
export interface Result {
  outcome?: string;
  classifications?: Record<string, string | null>;
}

export interface Flip {
  /** One change, or two. */
  changes: Change[];
  /** The weakest of its changes' kinds: a pair is a choice only when both are. */
  kind: ChangeKind;
  result: Result;
}

export interface ProgramFlips {
  program: string;
  shortTitle: string;
  result: Result;
  /** Choices first, then questions of law, then counterfactuals; single changes before pairs in each. */
  flips: Flip[];
  pairsTried: number;
}

export interface FlipSearch {
  programs: ProgramFlips[];
  /** The programs asked for that are not screened on the case's screening date, their rules beginning later (Screening.notInForce): none has flips. */
  notInForce: NotInForce[];
  /** Single changes tried (those that make a possible case different from the one given). */
  singles: number;
  /** Changes that make no possible case (they contradict the record or the screening date), or no change at all. */
  skipped: number;
  /** Values of a fact screened on the known facts alone (Kleene logic) to choose those screened in full. */
  probes: number;
  /** The facts moved and the scenario items tried: at most VALUES_PER_FIELD changes of each are screened in full. */
  groups: number;
  /** Cases screened in all, the case itself among them. */
  screenings: number;
  /** The most screenings the bounds allow on this case. */
  bound: number;
}

const resultOf = (program: ProgramResult): Result => (program.outcome ? { outcome: program.outcome } : { classifications: { ...program.classifications } });
const sameResult = (a: Result, b: Result) => JSON.stringify(a) === JSON.stringify(b);
/** Where the program's findings stand: a change that moves none of them is not paired. */
const findingsOf = (program: ProgramResult) => program.findings.map((f) => `${f.rule}:${f.status}`).join(',');
const rank = (kind: ChangeKind) => CHANGE_KINDS.indexOf(kind);
const weakest = (changes: readonly Change[]): ChangeKind => CHANGE_KINDS[Math.max(...changes.map((c) => rank(c.kind)))]!;

interface Screened {
  /** By program screened: a program not in force on the variant's screening date has none. */
  results: Map<string, Result>;
  findings: Map<string, string>;
  notInForce: NotInForce[];
}

class Screenings {
  private readonly screener: Screener;
  private readonly kleene: Screener;
  private readonly done = new Map<string, Screened>();

  constructor(
    packs: RulePacks,
    private readonly programs: string[] | undefined,
    /** The case's name, which an error names. */
    private readonly source: string,
  ) {
    // Settling by cases as relief screen does; its questions and witness pairs explain a result,
    // and the results are the same without them.
    this.screener = new Screener(packs, { witnesses: false, questions: false });
    this.kleene = new Screener(packs, { settle: false });
  }

  private options(variant: Variant) {
    return { screeningDay: variant.screeningDay, source: this.source, ...(this.programs ? { programs: this.programs } : {}) };
  }

  /** Where every screened program's findings stand on the known facts alone: what a probe compares. */
  async probe(variant: Variant): Promise<string> {
    const { programs } = await this.kleene.screen(variant.caseFile, this.options(variant));
    return programs.map((p) => `${p.program}:${JSON.stringify(resultOf(p))}:${findingsOf(p)}`).join('\n');
  }

  get count(): number {
    return this.done.size;
  }

  async screen(variant: Variant): Promise<Screened> {
    let screened = this.done.get(variant.key);
    if (!screened) {
      const { programs, notInForce } = await this.screener.screen(variant.caseFile, this.options(variant));
      screened = { results: new Map(programs.map((p) => [p.program, resultOf(p)])), findings: new Map(programs.map((p) => [p.program, findingsOf(p)])), notInForce };
      this.done.set(variant.key, screened);
    }
    return screened;
  }
}

export async function searchFlips(packs: RulePacks, context: CaseContext, singles: readonly Change[], programs: string[] | undefined): Promise<FlipSearch> {
  const screenings = new Screenings(packs, programs, context.source);
  const base = variantOf(context, [])!;
  const before = await screenings.screen(base);
  // Only the programs in force on the case's screening date have a result to change.
  const screenedPrograms = packs.packs.filter((p) => before.results.has(p.pack.program));

  const tried: { change: Change; screened: Screened }[] = [];
  const made = new Set([base.key]);
  let skipped = 0;
  let probes = 0;
  const unmoved = await screenings.probe(base);
  for (const group of groupsOf(singles)) {
    const possible: { change: Change; variant: Variant }[] = [];
    for (const change of group) {
      const variant = variantOf(context, [change]);
      // Two changes that make the same case (an entry a day later, or its date moved by a day) are tried once, the first kept.
      if (!variant || made.has(variant.key)) skipped += 1;
      else {
        made.add(variant.key);
        possible.push({ change, variant });
      }
    }
    // More values than are screened in full: the first that move some finding on the known facts, one per way of moving them.
    let chosen = possible;
    if (possible.length > VALUES_PER_FIELD) {
      chosen = [];
      const seen = new Set([unmoved]);
      for (const value of possible) {
        if (chosen.length === VALUES_PER_FIELD) break;
        probes += 1;
        const moved = await screenings.probe(value.variant);
        if (!seen.has(moved)) chosen.push(value);
        seen.add(moved);
      }
    }
    for (const { change, variant } of chosen) tried.push({ change, screened: await screenings.screen(variant) });
  }

  const out: ProgramFlips[] = [];
  for (const { pack } of screenedPrograms) {
    const id = pack.program;
    const now = before.results.get(id)!;
    const flips: Flip[] = [];
    const movers: Change[] = [];
    for (const { change, screened } of tried) {
      const result = screened.results.get(id);
      // A change that moves the screening date before the program's rules begin gives it no result: no flip.
      if (!result) continue;
      if (!sameResult(result, now)) flips.push({ changes: [change], kind: change.kind, result });
      else if (screened.findings.get(id) !== before.findings.get(id)) movers.push(change);
    }
    let pairsTried = 0;
    for (const pair of pairsOf(movers)) {
      if (pairsTried >= PAIRS_PER_PROGRAM) break;
      pairsTried += 1;
      const variant = variantOf(context, pair);
      if (!variant) continue;
      const result = (await screenings.screen(variant)).results.get(id);
      if (result && !sameResult(result, now)) flips.push({ changes: pair, kind: weakest(pair), result });
    }
    flips.sort((a, b) => rank(a.kind) - rank(b.kind) || a.changes.length - b.changes.length);
    out.push({ program: id, shortTitle: pack.shortTitle, result: now, flips, pairsTried });
  }
  const groups = groupsOf(singles).length;
  return {
    programs: out,
    notInForce: before.notInForce,
    singles: tried.length,
    skipped,
    probes,
    groups,
    screenings: screenings.count,
    bound: 1 + VALUES_PER_FIELD * groups + PAIRS_PER_PROGRAM * screenedPrograms.length,
  };
}

/** The changes by the fact (or scenario and item) they move, in order. */
function groupsOf(changes: readonly Change[]): Change[][] {
  const groups = new Map<string, Change[]>();
  for (const change of changes) groups.set(change.group, [...(groups.get(change.group) ?? []), change]);
  return [...groups.values()];
}

/**
 * The pairs of changes to try, the likeliest to be of use first: pairs of choices before pairs with
 * a question of law, before pairs with a counterfactual, each kind taken across its changes.
 * Never two changes that write one place. A
 * pair's scenarios come first on the command line, as `relief screen` applies them.
 */
function pairsOf(movers: readonly Change[]): Change[][] {
  const pairs: { pair: Change[]; order: number[] }[] = [];
  movers.forEach((a, i) => {
    movers.forEach((b, j) => {
      if (j <= i || overlap(a, b)) return;
      const pair = a.flag === '--what-if' && b.flag === '--scenario' ? [b, a] : [a, b];
      // Across the movers (i + j), so the few pairs tried are not all with the first of them.
      pairs.push({ pair, order: [Math.max(rank(a.kind), rank(b.kind)), i + j, i] });
    });
  });
  const compare = (x: number[], y: number[]) => x.findIndex((v, k) => v !== y[k]);
  pairs.sort((x, y) => {
    const at = compare(x.order, y.order);
    return at < 0 ? 0 : x.order[at]! - y.order[at]!;
  });
  return pairs.map((p) => p.pair);
}
