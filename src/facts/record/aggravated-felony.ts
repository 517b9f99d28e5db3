/**
 * Whether a conviction is an aggravated felony (INA 101(a)(43)), as far as the raw facts settle it.
 * The attorney's determination (`aggravatedFelony`) always decides. Otherwise the offense types are
 * read against the categories in rules/shared-parameters.json, each with its gate: none (murder,
 * illicit trafficking ...), a term of imprisonment of at least a year (theft, burglary, a crime of
 * violence ...; suspended time counts, 101(a)(48)(B)), a maximum of at least a year (racketeering,
 * gambling), or a loss over $10,000 (fraud, tax evasion). An intake type is not a categorical-approach
 * match, so no category makes a conviction surely an aggravated felony: a type whose gate is passed
 * or open leaves the answer open (the attorney's question, and the gate's own fact), and a
 * conviction whose every type fails its gates, or falls in no category, is none. Only (O) settles
 * "yes" from the facts: a 1325/1326 offense after a removal based on an aggravated felony.
 */
import { z } from 'zod';
import { rangeOfField } from '../../case/dates.js';
import { OffenseType, type CaseFile, type Conviction } from '../../case/schema.js';
import { DayCount } from '../params.js';
import { triOr, type Tri } from '../tri.js';
import { convictionPath, hasType, maximumPenaltyRange, offenseDays, rangeTest, sentenceImposedRange, type StatutoryMaxima } from './common.js';
import { AggravatedFelonyRemovals } from './prior-events.js';

const Gate = z.discriminatedUnion('kind', [
  /** Whatever the sentence. */
  z.strictObject({ kind: z.literal('none') }),
  /** "for which the term of imprisonment [is] at least one year": the sentence imposed, suspended part included. */
  z.strictObject({ kind: z.literal('termOfImprisonmentAtLeast'), days: DayCount }),
  /** "for which a sentence of one year imprisonment or more may be imposed": the maximum. */
  z.strictObject({ kind: z.literal('maximumPenaltyAtLeast'), days: DayCount }),
  /** "in which the loss to the victim or victims exceeds $10,000". */
  z.strictObject({ kind: z.literal('lossOver'), dollars: z.number().min(0) }),
]);

const AggravatedFelonyCategory = z.strictObject({
  subparagraph: z.string().min(1),
  offense: z.string().min(1),
  offenseTypes: z.array(OffenseType).min(1),
  gate: Gate,
  citation: z.string().min(1),
});
export const AggravatedFelonyCategories = z.array(AggravatedFelonyCategory).min(1);
export type AggravatedFelonyCategories = z.infer<typeof AggravatedFelonyCategories>;

/** The parameters every calculator that reads aggravated felonies takes. */
export const AggravatedFelonyParams = {
  aggravatedFelonyCategories: AggravatedFelonyCategories,
  aggravatedFelonyReentryOffenseTypes: z.array(OffenseType),
};

export interface AggravatedFelonyInputs {
  aggravatedFelonyCategories: AggravatedFelonyCategories;
  aggravatedFelonyReentryOffenseTypes: readonly OffenseType[];
  statutoryMaximumDaysByOffenseType: StatutoryMaxima;
}

/** The aggravated-felony reading of one record: collects the questions that would settle it. */
export class AggravatedFelonyReading {
  /** The prior removals, sorted once the first reentry offense asks about them. */
  private removals?: AggravatedFelonyRemovals;

  constructor(
    private readonly caseFile: CaseFile,
    private readonly params: AggravatedFelonyInputs,
    private readonly missing: string[],
  ) {}

  of(conviction: Conviction, index: number): Tri {
    if (conviction.aggravatedFelony !== undefined) return conviction.aggravatedFelony;
    const reentry = this.reentryAfterAggravatedFelonyRemoval(conviction, index);
    if (reentry === true) return true;
    const value = triOr([reentry, this.byCategory(conviction, index)]);
    if (value === null) this.missing.push(convictionPath(index, 'aggravatedFelony'));
    return value;
  }

  /** Some type of the conviction may fall in a category whose gate it passes or may pass: open; none: false. */
  private byCategory(conviction: Conviction, index: number): Tri {
    if (!conviction.offenseTypes) {
      this.missing.push(convictionPath(index, 'offenseTypes'));
      return null;
    }
    const gates = this.params.aggravatedFelonyCategories.filter((category) => hasType(conviction, category.offenseTypes) === true).map((category) => this.gatePassed(conviction, index, category.gate));
    return gates.some((passed) => passed !== false) ? null : false;
  }

  private gatePassed(conviction: Conviction, index: number, gate: z.infer<typeof Gate>): Tri {
    switch (gate.kind) {
      case 'none':
        return true;
      case 'termOfImprisonmentAtLeast': {
        const passed = rangeTest(sentenceImposedRange(conviction), (days) => days >= gate.days);
        if (passed === null) this.missing.push(convictionPath(index, 'sentenceImposedDays'));
        return passed;
      }
      case 'maximumPenaltyAtLeast': {
        const passed = rangeTest(maximumPenaltyRange(conviction, this.params.statutoryMaximumDaysByOffenseType), (days) => days >= gate.days);
        if (passed === null) this.missing.push(convictionPath(index, 'maximumPenaltyDays'));
        return passed;
      }
      case 'lossOver': {
        if (conviction.lossAmountDollars === undefined) {
          this.missing.push(convictionPath(index, 'lossAmountDollars'));
          return null;
        }
        return conviction.lossAmountDollars > gate.dollars;
      }
    }
  }

  /** 101(a)(43)(O): a 1325/1326 offense committed after a removal based on an aggravated felony. */
  private reentryAfterAggravatedFelonyRemoval(conviction: Conviction, index: number): Tri {
    const reentry = hasType(conviction, this.params.aggravatedFelonyReentryOffenseTypes);
    if (reentry !== true) return reentry === false ? false : null;
    const removals = this.caseFile.removal?.priorRemovals;
    if (!removals) {
      this.missing.push('removal.priorRemovals');
      return null;
    }
    const offense = offenseDays(conviction);
    if (!this.removals) {
      // The first such conviction names the removals' open facts, in their order; they are the
      // same for every conviction, so the later ones add only their own offense date.
      removals.forEach((removal, r) => {
        const removed = rangeOfField(removal.date);
        const before: Tri = removed && offense ? (removed.latest < offense.earliest ? true : removed.earliest > offense.latest ? false : null) : null;
        if (removal.aggravatedFelonyBasis === undefined) this.missing.push(`removal.priorRemovals[${r}].aggravatedFelonyBasis`);
        if (before === null) this.missing.push(removed ? convictionPath(index, 'offenseDate') : `removal.priorRemovals[${r}].date`);
      });
      this.removals = new AggravatedFelonyRemovals(removals);
    } else if (this.removals.offenseDateOpen(offense)) this.missing.push(convictionPath(index, 'offenseDate'));
    return this.removals.before(offense);
  }
}
