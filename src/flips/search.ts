/**
 * What flips a result: the smallest changes to a case that change a program's outcome (or Morton's
 * priority or level), found by screening the case with each change made, exactly as `relief screen`
 * would with the same flags, the same --as-of and the same --program list.
 *
 * The search, and its bounds:
 * 1. every single change (candidates.ts: the named scenarios the case takes, and each known fact
 *    moved to at most VALUES_PER_FIELD other values) is screened once: those that change a
 *    program's result are its flips;
 * 2. pairs, for each program: two single changes that each moved some of its findings without
 *    changing its result, never two that write the same place, choices paired first; at most
 *    PAIRS_PER_PROGRAM pairs tried per program. A pair is a flip only when neither change alone is.
 * Each case is screened settling by cases, as `relief screen` does, without the questions and
 * witness pairs that only explain a result.
 */
import { Screener } from '../app/screen.js';
import type { RulePacks } from '../packs/load.js';
import type { ProgramResult } from '../findings/program-result.js';
import { CHANGE_KINDS, type ChangeKind } from './changeability.js';
import { overlap, variantOf, type CaseContext, type Change, type Variant } from './changes.js';

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
  /** Single changes tried (those that make a possible case different from the one given). */
  singles: number;
  /** Changes that make no possible case (they contradict the record or the screening date), or no change at all. */
  skipped: number;
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
  results: Map<string, Result>;
  findings: Map<string, string>;
}

class Screenings {
  private readonly screener: Screener;
  private readonly done = new Map<string, Screened>();

  constructor(
    packs: RulePacks,
    private readonly programs: string[] | undefined,
  ) {
    // Settling by cases as relief screen does; its questions and witness pairs explain a result,
    // and the results are the same without them.
    this.screener = new Screener(packs, { witnesses: false, questions: false });
  }

  get count(): number {
    return this.done.size;
  }

  async screen(variant: Variant): Promise<Screened> {
    let screened = this.done.get(variant.key);
    if (!screened) {
      const options = { screeningDay: variant.screeningDay, source: '', ...(this.programs ? { programs: this.programs } : {}) };
      const { programs } = await this.screener.screen(variant.caseFile, options);
      screened = { results: new Map(programs.map((p) => [p.program, resultOf(p)])), findings: new Map(programs.map((p) => [p.program, findingsOf(p)])) };
      this.done.set(variant.key, screened);
    }
    return screened;
  }
}

export async function searchFlips(packs: RulePacks, context: CaseContext, singles: readonly Change[], programs: string[] | undefined): Promise<FlipSearch> {
  const screenings = new Screenings(packs, programs);
  const base = variantOf(context, [])!;
  const before = await screenings.screen(base);
  const screenedPrograms = packs.packs.filter((p) => !programs || programs.includes(p.pack.program));

  const tried: { change: Change; screened: Screened }[] = [];
  const made = new Set([base.key]);
  let skipped = 0;
  for (const change of singles) {
    const variant = variantOf(context, [change]);
    // Two changes that make the same case (an entry a day later, or its date moved by a day) are tried once, the first kept.
    if (!variant || made.has(variant.key)) {
      skipped += 1;
      continue;
    }
    made.add(variant.key);
    tried.push({ change, screened: await screenings.screen(variant) });
  }

  const out: ProgramFlips[] = [];
  for (const { pack } of screenedPrograms) {
    const id = pack.program;
    const now = before.results.get(id)!;
    const flips: Flip[] = [];
    const movers: Change[] = [];
    for (const { change, screened } of tried) {
      const result = screened.results.get(id)!;
      if (!sameResult(result, now)) flips.push({ changes: [change], kind: change.kind, result });
      else if (screened.findings.get(id) !== before.findings.get(id)) movers.push(change);
    }
    let pairsTried = 0;
    for (const pair of pairsOf(movers)) {
      if (pairsTried >= PAIRS_PER_PROGRAM) break;
      pairsTried += 1;
      const variant = variantOf(context, pair);
      if (!variant) continue;
      const result = (await screenings.screen(variant)).results.get(id)!;
      if (!sameResult(result, now)) flips.push({ changes: pair, kind: weakest(pair), result });
    }
    flips.sort((a, b) => rank(a.kind) - rank(b.kind) || a.changes.length - b.changes.length);
    out.push({ program: id, shortTitle: pack.shortTitle, result: now, flips, pairsTried });
  }
  return {
    programs: out,
    singles: tried.length,
    skipped,
    screenings: screenings.count,
    bound: 1 + singles.length + PAIRS_PER_PROGRAM * screenedPrograms.length,
  };
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
