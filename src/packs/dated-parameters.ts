/**
 * Dated parameters, as OpenFisca keeps them: where the law changed, a parameter holds, instead of
 * one "value", a list of "values", each with the date from which it applies and its own citation.
 * A case is screened under the values in force on its screening date: the latest "from" on or
 * before that date. A screening date before a parameter's first "from" is an error, not a guess:
 * the pack cannot say what the law was before its first value (the program, or the rule, did not
 * exist yet).
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
}

/**
 * The packs for each epoch, built on demand from one loader and kept: `on(day)` answers the same
 * object for every date of one epoch, so the compiled evaluators built for it are built once.
 */
export class DatedPacks<P> {
  private readonly byEpoch = new Map<string, P>();

  constructor(
    private readonly dated: readonly DatedParameter[],
    /** The packs as loaded with the latest values: what every date after the last change gets. */
    private readonly latest: P,
    private readonly load: (when: EpochDay) => P,
  ) {}

  /** True when some parameter is dated: only then can two screening dates see different packs. */
  get anyDated(): boolean {
    return this.dated.length > 0;
  }

  /** `source`: the case screened, which an error names. */
  on(day: EpochDay, source: string): P {
    if (!this.dated.length) return this.latest;
    const indexes = this.dated.map((parameter) => indexInForce(parameter.values, day));
    const early = indexes.findIndex((index) => index < 0);
    if (early >= 0) {
      const { name, file, values } = this.dated[early]!;
      throw new InputError(source, [
        {
          field: 'screeningDate',
          problem: `${toIsoDate(day)} is before ${values[0]!.from}, the first date from which the rules give parameter "${name}" (${file}) a value: the rules cannot screen a case on a date before the law they hold (choose a later screening date, or --as-of)`,
        },
      ]);
    }
    if (indexes.every((index, i) => index === this.dated[i]!.values.length - 1)) return this.latest;
    const key = indexes.join(',');
    let packs = this.byEpoch.get(key);
    if (!packs) this.byEpoch.set(key, (packs = this.load(day)));
    return packs;
  }
}
