/**
 * The screening pipeline for one case: validated case -> derived facts -> rule packs evaluated ->
 * program results -> one report. The CLI and (later) batch mode call this; it does no I/O.
 */
import { toIsoDate, type EpochDay } from '../case/dates.js';
import type { CaseFile } from '../case/schema.js';
import { FactCache } from '../facts/derive.js';
import { PackEngine } from '../evaluate/engine.js';
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

/** Which engine evaluates the packs (wired by the CLI's --engine; the compiled evaluator is the default). */
export interface ScreenerOptions {
  engine?: 'compiled' | 'reference';
}

export class Screener {
  private readonly engines: PackEngine[];

  constructor(readonly rulePacks: RulePacks, readonly options: ScreenerOptions = {}) {
    this.engines = rulePacks.packs.map((loaded) => new PackEngine(loaded));
  }

  /** Screens one case. Runs packs one after another: an engine must not serve two runs at once. */
  async screen(caseFile: CaseFile, options: { screeningDay: EpochDay; source: string; programs?: string[]; whatIfs?: string[] }): Promise<Report> {
    const cache = new FactCache({ caseFile, screeningDay: options.screeningDay });
    const programs: ProgramResult[] = [];
    for (const engine of this.engines) {
      const { loaded } = engine;
      if (options.programs && !options.programs.includes(loaded.pack.program)) continue;
      const facts = cache.derive(loaded.facts.values());
      programs.push(buildProgramResult(loaded, await engine.evaluate(facts), facts));
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
