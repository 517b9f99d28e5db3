/**
 * The screening pipeline for one case: validated case -> derived facts -> rule packs evaluated ->
 * program results -> one report. The CLI and (later) batch mode call this; it does no I/O.
 */
import { toIsoDate, type EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { FactCache } from '../facts/derive.js';
import { CompiledPack } from '../evaluate/compiled.js';
import { ENGINES, referenceEvaluators, type EngineChoice, type PackEvaluator } from '../evaluate/engine.js';
import { buildProgramResult, type ProgramResult } from '../findings/program-result.js';
import type { RulePacks } from '../packs/load.js';

export const DISCLAIMER =
  'relief-screen is a screening aid, not legal advice. Its results are likely bars and helpful factors for an attorney to verify; points marked for review need an attorney\'s judgment.';

export interface Report {
  tool: 'relief-screen';
  disclaimer: string;
  caseId: string | null;
  source: string;
  screeningDate: string;
  /** "What if" changes applied to the case file before screening, as path = value. */
  whatIfs: string[];
  rulesVersion: string;
  programs: ProgramResult[];
}

export interface ScreenerOptions {
  /** Which engine evaluates the packs: the compiled evaluator (the default) or json-rules-engine, the reference. */
  engine?: EngineChoice;
}

export class Screener {
  /** The compiled packs, built at once; null when the reference engine was chosen. */
  private readonly compiled: PackEvaluator[] | null;
  private reference: Promise<PackEvaluator[]> | null = null;

  constructor(
    readonly rulePacks: RulePacks,
    options: ScreenerOptions = {},
  ) {
    const engine = options.engine ?? 'compiled';
    // The choice may come through a worker thread's setup, where nothing checks its type.
    if (!ENGINES.includes(engine)) throw new Error(`unknown engine "${String(engine)}" (known: ${ENGINES.join(', ')})`);
    this.compiled = engine === 'compiled' ? rulePacks.packs.map((loaded) => new CompiledPack(loaded)) : null;
  }

  /**
   * Screens one case. Runs packs one after another: a reference engine must not serve two runs at
   * once. The compiled packs answer without awaiting anything.
   */
  async screen(caseFile: CaseFile, options: { screeningDay: EpochDay; source: string; programs?: string[]; whatIfs?: string[] }): Promise<Report> {
    const cache = new FactCache({ caseFile, screeningDay: options.screeningDay });
    const programs: ProgramResult[] = [];
    const evaluators = this.compiled ?? (await (this.reference ??= referenceEvaluators(this.rulePacks)));
    for (const evaluator of evaluators) {
      const { loaded } = evaluator;
      if (options.programs && !options.programs.includes(loaded.pack.program)) continue;
      const facts = cache.derivePack(loaded.facts);
      const evaluated = evaluator.evaluate(facts);
      programs.push(buildProgramResult(loaded, Array.isArray(evaluated) ? evaluated : await evaluated, facts));
    }
    return {
      tool: 'relief-screen',
      disclaimer: DISCLAIMER,
      caseId: caseFile.caseId ?? null,
      source: options.source,
      screeningDate: toIsoDate(options.screeningDay),
      whatIfs: options.whatIfs ?? [],
      rulesVersion: this.rulePacks.version,
      programs,
    };
  }
}
