/**
 * A record classified by maximum authorized penalty and sentence to custody, the way DACA does
 * (8 CFR 236.22(b)(6) and the USCIS FAQ's definitions). What a felony, a significant misdemeanor
 * and the count of other misdemeanors are, and which judgments count toward the bars, are the
 * clauses of rules/daca/clauses.json, each cited with its words; this module gives them each
 * conviction's raw facts (custody-raw-facts.ts) and reads their values into the calculator's result.
 * A record key is the clause of the same id.
 */
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { EpochDay } from '../../case/dates.js';
import type { ClauseExplanation, Run } from '../../law/clause-evaluator.js';
import { clauseFileName, clausesOf } from '../../law/clause-file.js';
import { defineCalculator, derived, type Derived, type ReviewNote } from '../calculator.js';
import type { Tri } from '../tri.js';
import { classifyRecord, convictionName } from './common.js';
import { CUSTODY_RECORD_KEYS, CustodyFacts, DACA_CLAUSES, OCCASION, OTHER_MISDEMEANOR_CLAUSE, PenaltyAndCustodyParams } from './custody-raw-facts.js';

const KEYS = CUSTODY_RECORD_KEYS;
const KEY_ROOTS: Record<string, string> = Object.fromEntries(KEYS.map((key) => [key, key]));
const CLAUSE_REVIEWS = new Set(['enumeratedOffenseType', 'possiblyEnumeratedOffenseType', 'excludedOffenseType']);

function evaluate(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: PenaltyAndCustodyParams): { facts: CustodyFacts; run: Run } {
  const facts = new CustodyFacts(convictions, caseFile, params);
  return { facts, run: clausesOf(DACA_CLAUSES).run({ subjects: facts, params, screeningDay }) };
}

/** The clause trace, worked out again the first time a report asks (as for the INA record: no run is kept alive for it). */
function traceOnDemand(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: PenaltyAndCustodyParams): () => ClauseExplanation {
  let explanation: ClauseExplanation | undefined;
  return () => (explanation ??= { file: clauseFileName(DACA_CLAUSES), roots: KEY_ROOTS, clauses: evaluate(convictions, caseFile, screeningDay, params).run.trace(KEYS) });
}

/**
 * The review points of conviction `i` that are facts of the judgment, not of the clauses: expunged,
 * a juvenile adjudication, a misdemeanor label on a crime punishable as a felony, a maximum exactly
 * at the felony line, and the sentence to custody and the days actually held disagreeing about the
 * custody threshold (days held only on an immigration detainer do not count).
 */
function judgmentNotes(facts: CustodyFacts, run: Run, i: number, params: PenaltyAndCustodyParams): ReviewNote[] {
  const conviction = facts.convictions[i]!;
  const subject = facts.name(i);
  const notes: ReviewNote[] = [];
  if (conviction.expunged) notes.push({ code: 'expunged', subject });
  if (facts.facts.juvenileAdjudication(i) === true) notes.push({ code: 'juvenile', subject });
  run.convictionReviews(i, CLAUSE_REVIEWS, notes);
  if (conviction.label === 'misdemeanor' && run.valueOf('felony', i) === true) notes.push({ code: 'labelledMisdemeanorPunishableAsFelony', subject });
  const max = facts.facts.maximumPenaltyDays(i) as { low: number; high: number };
  if (max.low === params.felonyAboveDays && max.high === params.felonyAboveDays) notes.push({ code: 'punishableByExactlyOneYear', subject });
  const longCustody = run.valueOf('longCustodySentence', i);
  if (longCustody !== null && actualCustodyExceeds(conviction, params.significantCustodyAboveDays) === !longCustody) notes.push({ code: 'custodyMeasuresDisagree', subject });
  return notes;
}

/** Days actually held for the offense beyond `threshold`, not counting days held only on a detainer. */
function actualCustodyExceeds(conviction: Conviction, threshold: number): Tri {
  if (conviction.daysInCustody === undefined) return null;
  const detainer = conviction.daysHeldOnImmigrationDetainer;
  const served = conviction.daysInCustody - (detainer ?? 0);
  if (served <= threshold) return false;
  return detainer === undefined ? null : true;
}

function classifyConvictions(convictions: Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: PenaltyAndCustodyParams): Derived {
  const { facts, run } = evaluate(convictions, caseFile, screeningDay, params);
  const value = Object.fromEntries(KEYS.map((key) => [key, run.valueOf(key)])) as Record<(typeof KEYS)[number], Tri>;
  const notes = convictions.flatMap((_, i) => judgmentNotes(facts, run, i, params));
  // The occasions among the other misdemeanors, for the words of the result and the grouping's review point.
  const other = convictions.map((_, i) => run.valueOf(OTHER_MISDEMEANOR_CLAUSE, i));
  const sure = other.flatMap((v, i) => (v === true ? [i] : []));
  const possible = other.flatMap((v, i) => (v !== false ? [i] : []));
  const occasions = facts.groupings[OCCASION]!;
  const count = { low: occasions.count(sure, 'fewest'), high: occasions.count(possible, 'most') };
  if (possible.length >= params.multipleMisdemeanorCount && count.high < possible.length) {
    notes.push({ code: 'groupedBySameIncident', subject: `${possible.length} misdemeanors counted as ${count.high}` });
  }
  const summary = convictions
    .map((c, i) => {
      const felony = run.valueOf('felony', i);
      const kind = felony ? 'felony' : run.valueOf('significantMisdemeanor', i) ? 'significant misdemeanor' : run.valueOf('misdemeanor', i) ? 'misdemeanor' : felony === null ? 'class unknown' : 'not a misdemeanor';
      return `${convictionName(c, i)}: ${kind}${run.valueOf('countsTowardBars', i) === false ? ' (not an automatic bar)' : ''}`;
    })
    .join('; ');
  const open = KEYS.filter((key) => value[key] === null);
  return {
    ...derived(value, `${convictions.length} conviction(s): ${summary || 'none'}; non-significant misdemeanors counted: ${count.low === count.high ? count.low : `${count.low} to ${count.high}`}`, open.length ? run.fields(open) : [], notes),
    clauses: traceOnDemand(convictions, caseFile, screeningDay, params),
  };
}

export const penaltyAndCustodyRecord = defineCalculator({
  description:
    'Classifies the record by maximum penalty and sentence to custody by the clauses of rules/daca (8 CFR 236.22(b)(6)): hasFelony, hasSignificantMisdemeanor, threeOrMoreMisdemeanors (counted once per date or act).',
  params: PenaltyAndCustodyParams,
  reviewCodes: [
    'bareLabel',
    'expunged',
    'juvenile',
    'excludedOffenseType',
    'labelledMisdemeanorPunishableAsFelony',
    'punishableByExactlyOneYear',
    'enumeratedOffenseType',
    'possiblyEnumeratedOffenseType',
    'custodyMeasuresDisagree',
    'groupedBySameIncident',
  ],
  outputKeys: KEYS,
  compute({ caseFile, screeningDay }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, screeningDay, params));
  },
});
