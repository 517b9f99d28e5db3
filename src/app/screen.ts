/**
 * The screening pipeline for one case: validated case -> derived facts -> rule packs evaluated ->
 * program results -> one screening, which audit.ts stamps into the report the outputs render. Every
 * command reaches it through the front end (front-end.ts), which reads, dates and checks the case
 * first; it does no I/O.
 */
import { toIsoDate, type EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { FactCache, type DerivedFacts } from '../facts/derive.js';
import { CompiledPack } from '../evaluate/compiled.js';
import { ENGINES, referenceEvaluators, type EngineChoice, type PackEvaluator } from '../evaluate/engine.js';
import { buildProgramResult, type ProgramResult } from '../findings/program-result.js';
import { addAlsoConsider } from '../findings/also-consider.js';
import { packsOn, type LoadedPack, type RulePacks } from '../packs/load.js';
import type { NotInForce } from '../packs/dated-parameters.js';
import { staleResearch, type StaleResearch } from '../findings/stale-research.js';
import { CaseCompletions } from '../settle/completions.js';
import { questionsFromMissing, settleByCases, type Question } from '../settle/settle.js';
import { thresholdsOf } from '../settle/thresholds.js';
import type { AuditStamp } from './audit.js';

export const DISCLAIMER =
  'relief-screen is a screening aid, not legal advice. Its results are likely bars and helpful factors for an attorney to verify; points marked for review need an attorney\'s judgment.';

/** A case screened: the report without its audit stamp (what the interview plans its questions from). */
export interface Screening {
  tool: 'relief-screen';
  disclaimer: string;
  caseId: string | null;
  source: string;
  screeningDate: string;
  /** "What if" changes applied to the case file before screening, as path = value. */
  whatIfs: string[];
  rulesVersion: string;
  /** The programs whose rule pack's research is old at the screening date (findings/stale-research.ts); empty when none is. */
  staleResearch: StaleResearch[];
  /**
   * The programs asked for that are not screened on the screening date because their rules begin
   * later (a dated parameter they read has no value yet: packs/dated-parameters.ts), in the packs'
   * order; empty when every one is in force. They are absent from `programs`.
   */
  notInForce: NotInForce[];
  programs: ProgramResult[];
  /**
   * The case's questions, once each: those some answer to which could settle or narrow an open
   * outcome, priority or level (decisive), ranked by how many they could, then a few that only
   * factors read. Each names the programs it matters to.
   */
  questions: Question[];
}

/** The report every output renders (docs/json-contract.md): the screening and its audit stamp (audit.ts). */
export interface Report extends Screening {
  audit: AuditStamp;
}

export interface ScreenerOptions {
  /** Which engine evaluates the packs: the compiled evaluator (the default) or json-rules-engine, the reference. */
  engine?: EngineChoice;
  /** Settle by cases what Kleene logic leaves open (src/settle); on unless false (--no-settle). */
  settle?: boolean;
  /** With settling: look for a witness pair for each result left open (settle.ts); on unless false. */
  witnesses?: boolean;
  /** With settling: work out the case's questions; on unless false (the results are the same without them). */
  questions?: boolean;
  /** Keep each program's derived facts' sources for the explain view (derivedFacts); on unless false. */
  sources?: boolean;
}

/** The evaluators of one set of packs (one epoch of dated parameters), built once. */
class Evaluators {
  /** The compiled packs, built at once; null when the reference engine was chosen. */
  readonly compiled: PackEvaluator[] | null;
  reference: Promise<PackEvaluator[]> | null = null;
  /** The compiled packs by program, for settling by cases (whichever engine screens). */
  readonly settling: ReadonlyMap<string, CompiledPack> | null;

  constructor(
    readonly rulePacks: RulePacks,
    engine: EngineChoice,
    settle: boolean,
  ) {
    this.compiled = engine === 'compiled' ? rulePacks.packs.map((loaded) => new CompiledPack(loaded)) : null;
    const settlers = settle ? ((this.compiled as CompiledPack[] | null) ?? rulePacks.packs.map((loaded) => new CompiledPack(loaded))) : null;
    this.settling = settlers && new Map(settlers.map((compiled) => [compiled.loaded.pack.program, compiled]));
  }
}

export class Screener {
  private readonly engine: EngineChoice;
  /** By the packs of each epoch of dated parameters a screening date fell in (packs/dated-parameters.ts). */
  private readonly evaluators = new Map<RulePacks, Evaluators>();

  constructor(
    readonly rulePacks: RulePacks,
    private readonly options: ScreenerOptions = {},
  ) {
    const engine = options.engine ?? 'compiled';
    // The choice may come through a worker thread's setup, where nothing checks its type.
    if (!ENGINES.includes(engine)) throw new Error(`unknown engine "${String(engine)}" (known: ${ENGINES.join(', ')})`);
    this.engine = engine;
    this.evaluatorsFor(rulePacks);
  }

  /** A program's everyday name, from every pack of the rules folder (a target may not be in force on the screening date). */
  private readonly titleOf = (program: string): string => this.rulePacks.packs.find((loaded) => loaded.pack.program === program)?.pack.shortTitle ?? program;

  private evaluatorsFor(rulePacks: RulePacks): Evaluators {
    let evaluators = this.evaluators.get(rulePacks);
    if (!evaluators) this.evaluators.set(rulePacks, (evaluators = new Evaluators(rulePacks, this.engine, this.options.settle !== false)));
    return evaluators;
  }

  /**
   * Screens one case. Runs packs one after another: a reference engine must not serve two runs at
   * once. The compiled packs answer without awaiting anything.
   */
  async screen(caseFile: CaseFile, options: { screeningDay: EpochDay; source: string; programs?: string[]; whatIfs?: string[] }): Promise<Screening> {
    const onDate = packsOn(this.rulePacks, options.screeningDay, options.source, options.programs);
    const packs = this.evaluatorsFor(onDate.packs);
    const cache = new FactCache({ caseFile, screeningDay: options.screeningDay });
    const programs: ProgramResult[] = [];
    const screenedWith = new Map<ProgramResult, { loaded: LoadedPack; facts: DerivedFacts }>();
    const evaluators = packs.compiled ?? (await (packs.reference ??= referenceEvaluators(packs.rulePacks)));
    for (const evaluator of evaluators) {
      const { loaded } = evaluator;
      if (options.programs && !options.programs.includes(loaded.pack.program)) continue;
      const facts = cache.derivePack(loaded.facts);
      const evaluated = evaluator.evaluate(facts);
      const result = buildProgramResult(loaded, Array.isArray(evaluated) ? evaluated : await evaluated, facts, this.options.sources !== false);
      programs.push(result);
      screenedWith.set(result, { loaded, facts });
    }
    let questions: Question[];
    if (packs.settling) {
      const screened = new Map(programs.map((p) => [p.program, packs.settling!.get(p.program)!]));
      questions = settleByCases(programs, new CaseCompletions(screened, caseFile, options.screeningDay, cache), thresholdsOf(packs.rulePacks), { witnesses: this.options.witnesses !== false, questions: this.options.questions !== false });
    } else questions = questionsFromMissing(programs);
    // After settling: an entry may ask for the program's final outcome.
    // A pointer names a program in force on the screening date only (no U visa before the VTVPA 2000).
    const inForce = (program: string) => !onDate.laterLaw.has(program);
    for (const [result, { loaded, facts }] of screenedWith) addAlsoConsider(result, loaded, facts, this.titleOf, inForce);
    return {
      tool: 'relief-screen',
      disclaimer: DISCLAIMER,
      caseId: caseFile.caseId ?? null,
      source: options.source,
      screeningDate: toIsoDate(options.screeningDay),
      whatIfs: options.whatIfs ?? [],
      rulesVersion: this.rulePacks.version,
      staleResearch: staleResearch(programs, options.screeningDay),
      notInForce: onDate.notInForce,
      programs,
      questions,
    };
  }
}
