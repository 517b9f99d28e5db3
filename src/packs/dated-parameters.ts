/**
 * Dated parameters, as OpenFisca keeps them: where the law changed, a parameter holds, instead of
 * one "value", a list of "values", each with the date from which it applies and its own citation.
 * A case is screened under the values in force on its screening date: the latest "from" on or
 * before that date.
 *
 * A screening date before a parameter's first "from" is resolved per program, never guessed: a
 * program whose rules read that parameter (its own, or a shared one it uses) is not screened on
 * that date, and the result says so (NotInForce), since its pack cannot say what the law was
 * before its first value (the program, or the rule, did not exist yet). The other programs are
 * screened as usual. Only when no program asked for is in force is the date an error.
 *
 * Packs are built once per "epoch" (the set of values in force), not per case or per date: a
 * batch's thousands of screening dates fall in a handful of epochs, and settling re-screens many
 * variants of one case on one date.
 */
import { z } from 'zod';
import { parseExactDate, toIsoDate, type EpochDay } from '../case/dates.js';
import { ExactDate } from '../case/schema.js';
import { InputError } from '../case/input-error.js';
import { Citation } from './citation.js';

const Text = z.string().trim().min(1, { error: 'must not be empty' });

/** One value of a dated parameter: the date it applies from, the value, and the law that set it. */
export const DatedValue = z.strictObject({
  from: ExactDate,
  value: z.unknown().refine((v) => v !== undefined, { error: 'a dated value needs a value' }),
  citation: Citation,
});
export type DatedValue = z.infer<typeof DatedValue>;

/** The values of a dated parameter, in the order of their dates, no date twice. */
export const DatedValues = z
  .array(DatedValue)
  .min(1, { error: 'a dated parameter needs at least one value' })
  .superRefine((values, context) => {
    for (let i = 1; i < values.length; i++) {
      if (values[i]!.from <= values[i - 1]!.from) {
        context.addIssue({ code: 'custom', path: [i, 'from'], message: `must come after the previous value's "from" (${values[i - 1]!.from}): list the values in the order of their dates` });
      }
    }
  });

/** When parameters are resolved: on a screening date, or the latest value of each (the law as it stands now). */
export type ParameterDate = EpochDay | 'latest';

/** A parameter's value in force, with the date it applies from (null for a parameter that is not dated). */
export interface InForce {
  value: unknown;
  citation: string;
  from: string | null;
}

/** The index of the value in force on a date, or -1 when the date is before the first value. */
export function indexInForce(values: readonly DatedValue[], when: ParameterDate): number {
  if (when === 'latest') return values.length - 1;
  let found = -1;
  for (let i = 0; i < values.length; i++) if (parseExactDate(values[i]!.from) <= when) found = i;
  return found;
}

/** A dated parameter by name and file: what the per-date cache looks at. */
export interface DatedParameter {
  name: string;
  file: string;
  values: readonly DatedValue[];
  /** The citation of its first value, as text: what a program not yet in force on a date cites. */
  firstCitation: string;
}

/** A program and the dated parameters its rules read: its own, and the shared ones its pack uses. */
export interface DatedProgram {
  program: string;
  title: string;
  shortTitle: string;
  dated: readonly DatedParameter[];
}

/**
 * A program not screened on the screening date: one of the dated parameters its rules read has no
 * value in force then (the law it holds came later). Of several such parameters, the one whose
 * first value is latest: from that date on the program can be screened.
 */
export interface NotInForce {
  /** The program's id, as --program names it. */
  program: string;
  /** The program's title, as its pack gives it. */
  title: string;
  /** The program's short title (the summary's), as its pack gives it. */
  shortTitle: string;
  /** The first date from which its rules give that parameter a value (YYYY-MM-DD). */
  inForceFrom: string;
  /** The parameter's name. */
  parameter: string;
  /** The citation of the parameter's first value: the law from which the program's rules begin. */
  citation: string;
}

/** The packs to screen a case with on a date, and the programs they leave out because their rules begin later. */
export interface OnDate<P> {
  packs: P;
  notInForce: NotInForce[];
  /** Every program whose law came after the date, asked for or not: an "also consider" line does not point at one. */
  laterLaw: ReadonlySet<string>;
}

/** What one program reads of the dated parameters: each one's position in the list the epochs are keyed by. */
interface ProgramDates {
  program: DatedProgram;
  positions: number[];
}

const NONE: ReadonlySet<string> = new Set();

/** A program not in force, with the file of the parameter that keeps it out: what an error names. */
type Early = NotInForce & { file: string };

/** One epoch: its packs (null when no program is in force, so none is built), and the programs it leaves out. */
interface Epoch<P> {
  packs: P | null;
  early: Early[];
}

/**
 * The packs for each epoch, built on demand from one loader and kept: `on(day)` answers the same
 * object for every date of one epoch, so the compiled evaluators built for it are built once.
 */
export class DatedPacks<P> {
  private readonly byEpoch = new Map<string, Epoch<P>>();
  private readonly dated: DatedParameter[];
  private readonly programs: ProgramDates[];

  constructor(
    /** Every program, in the packs' order, with the dated parameters its rules read. */
    programs: readonly DatedProgram[],
    /** The packs as loaded with the latest values: what every date after the last change gets. */
    private readonly latest: P,
    /** The packs with the values in force `when`, leaving out the programs in `notInForce`. */
    private readonly load: (when: EpochDay, notInForce: ReadonlySet<string>) => P,
  ) {
    this.dated = [...new Set(programs.flatMap((program) => program.dated))];
    this.programs = programs.map((program) => ({ program, positions: program.dated.map((parameter) => this.dated.indexOf(parameter)) }));
  }

  /** True when some parameter is dated: only then can two screening dates see different packs. */
  get anyDated(): boolean {
    return this.dated.length > 0;
  }

  /**
   * The packs in force on `day`. `asked`: the programs to screen (--program; every program when
   * absent): only those are looked at, and it is an InputError naming `source` (the case screened)
   * when none of them is in force on the date.
   */
  on(day: EpochDay, source: string, asked?: readonly string[]): OnDate<P> {
    if (!this.dated.length) return { packs: this.latest, notInForce: [], laterLaw: NONE };
    const indexes = this.dated.map((parameter) => indexInForce(parameter.values, day));
    const key = indexes.join(',');
    let epoch = this.byEpoch.get(key);
    if (!epoch) this.byEpoch.set(key, (epoch = this.epoch(day, indexes)));
    const isAsked = (program: string) => !asked || asked.includes(program);
    const early = epoch.early.filter((entry) => isAsked(entry.program));
    const screened = this.programs.filter(({ program }) => isAsked(program.program) && !early.some((entry) => entry.program === program.program));
    if (!screened.length || !epoch.packs) throw noProgramInForce(day, source, early);
    return { packs: epoch.packs, notInForce: early.map(({ file: _file, ...entry }) => entry), laterLaw: new Set(epoch.early.map((entry) => entry.program)) };
  }

  private epoch(day: EpochDay, indexes: readonly number[]): Epoch<P> {
    const early = this.programs.flatMap(({ program, positions }): Early[] => {
      const before = positions.filter((position) => indexes[position]! < 0).map((position) => this.dated[position]!);
      if (!before.length) return [];
      // The parameter whose law came last: the program can be screened from its first date on.
      const last = before.reduce((latest, parameter) => (parameter.values[0]!.from > latest.values[0]!.from ? parameter : latest));
      return [{ program: program.program, title: program.title, shortTitle: program.shortTitle, inForceFrom: last.values[0]!.from, parameter: last.name, citation: last.firstCitation, file: last.file }];
    });
    if (early.length === this.programs.length) return { packs: null, early };
    const atLatest = indexes.every((index, i) => index === this.dated[i]!.values.length - 1);
    return { packs: atLatest ? this.latest : this.load(day, new Set(early.map((entry) => entry.program))), early };
  }
}

/** The error when no program asked for is in force on the screening date: each one's first date, and the law it begins with. */
function noProgramInForce(day: EpochDay, source: string, early: readonly Early[]): InputError {
  const programs = early.map((entry) => `${entry.shortTitle} (${entry.program}) from ${entry.inForceFrom}, the first date from which its rules give parameter "${entry.parameter}" (${entry.file}) a value (${entry.citation})`);
  return new InputError(source, [
    {
      field: 'screeningDate',
      problem: `${toIsoDate(day)} is before the law of every program asked for, so none can be screened on that date: ${programs.join('; ')} (choose a later screening date, or --as-of)`,
    },
  ]);
}
