/**
 * A record classified by the convicting jurisdiction's own label, the way S.744's RPI bars read
 * (new INA 245B(b)(3)(A)(i)). What a felony, the count of misdemeanors on different dates, a foreign
 * offense and unlawful voting are, which judgments count, what is set aside from which count and
 * how the disputed exclusion is read, are the clauses of rules/s744-rpi/clauses.json, each cited
 * with the bill's words; this module gives them each conviction's raw facts (label-raw-facts.ts)
 * and reads their values into the calculator's result. A record key is the clause of the same id.
 */
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { EpochDay } from '../../case/dates.js';
import type { ClauseExplanation, Run } from '../../law/clause-evaluator.js';
import { clauseFileName, clausesOf } from '../../law/clause-file.js';
import { defineCalculator, derived, type Derived, type FactValue, type ReviewNote } from '../calculator.js';
import type { Tri } from '../tri.js';
import { classifyRecord, convictionName, maximumPenaltyRange } from './common.js';
import { JurisdictionLabelParams, LABEL_RECORD_KEYS, LabelFacts, S744_CLAUSES, readingFlags, type Reading } from './label-raw-facts.js';

const KEYS = LABEL_RECORD_KEYS;
const KEY_ROOTS: Record<string, string> = Object.fromEntries(KEYS.map((key) => [key, key]));

function evaluate(facts: LabelFacts, screeningDay: EpochDay, params: JurisdictionLabelParams, reading: Reading): Run {
  return clausesOf(S744_CLAUSES).run({ subjects: facts, params: { ...params, ...readingFlags(reading) }, screeningDay });
}

/** The clause trace, worked out again the first time a report asks (as for the other record classifications). */
function traceOnDemand(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: JurisdictionLabelParams): () => ClauseExplanation {
  let explanation: ClauseExplanation | undefined;
  return () =>
    (explanation ??= {
      file: clauseFileName(S744_CLAUSES),
      roots: KEY_ROOTS,
      clauses: evaluate(new LabelFacts(convictions, caseFile, params), screeningDay, params, params.disputedExclusion.reading).trace(KEYS),
    });
}

/**
 * The keys the two readings of the disputed exclusion decide differently. The pack's reading is what
 * the result takes (under "disputed" the clauses leave such a key unknown); the words of the result
 * say which keys turn on it whatever the reading, and under "disputed" each conviction it may reach
 * is marked for review. Worked out only when some conviction may be one the exclusion reaches.
 */
function keysTurningOnReading(facts: LabelFacts, run: Run, screeningDay: EpochDay, params: JurisdictionLabelParams): (typeof KEYS)[number][] {
  if (facts.convictions.every((_, i) => run.valueOf('disputedExclusion', i) === false)) return [];
  const excluded = evaluate(facts, screeningDay, params, 'excluded');
  const counted = evaluate(facts, screeningDay, params, 'counted');
  return KEYS.filter((key) => excluded.valueOf(key) !== counted.valueOf(key));
}

/**
 * The review points of conviction `i`, in the order the record lists them: the clauses' (a listed
 * exclusion, a label that may not be a misdemeanor) and the judgment's own (expunged, a misdemeanor
 * label on an offense punishable by more than the review line, a foreign court).
 */
function convictionNotes(facts: LabelFacts, run: Run, i: number, params: JurisdictionLabelParams): ReviewNote[] {
  const conviction = facts.convictions[i]!;
  const subject = facts.name(i);
  const notes = run.convictionReviews(i, new Set(['excludedOffenseType']));
  if (conviction.expunged) notes.push({ code: 'expungedConviction', subject });
  run.convictionReviews(i, new Set(['unsettledMisdemeanorLabel']), notes);
  // A sentence over the line proves the offense punishable by more; the label still decides.
  const max = maximumPenaltyRange(conviction, params.statutoryMaximumDaysByOffenseType);
  if (conviction.label !== undefined && params.misdemeanorLabels.includes(conviction.label) && max.low > params.misdemeanorReviewAboveDays) {
    notes.push({ code: 'labelledMisdemeanorPunishableOverOneYear', subject });
  }
  if (conviction.jurisdiction !== undefined && params.foreignJurisdictions.includes(conviction.jurisdiction)) notes.push({ code: 'foreignOffense', subject });
  return notes;
}

function classifyConvictions(convictions: Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: JurisdictionLabelParams): Derived {
  const facts = new LabelFacts(convictions, caseFile, params);
  const run = evaluate(facts, screeningDay, params, params.disputedExclusion.reading);
  const value = Object.fromEntries(KEYS.map((key) => [key, run.valueOf(key)])) as Record<(typeof KEYS)[number], Tri>;
  const notes = convictions.flatMap((_, i) => convictionNotes(facts, run, i, params));
  const undecided = keysTurningOnReading(facts, run, screeningDay, params);
  if (params.disputedExclusion.reading === 'disputed' && undecided.length) {
    convictions.forEach((_, i) => run.valueOf('disputedExclusion', i) !== false && notes.push({ code: 'disputedExclusion', subject: facts.name(i) }));
  }
  const open = KEYS.filter((key) => value[key] === null);
  const readingNote = undecided.length ? `; ${undecided.join(', ')} turn${undecided.length === 1 ? 's' : ''} on the disputed exclusion` : '';
  const summary = convictions.map((c, i) => `${convictionName(c, i)}: ${c.label?.replaceAll('_', ' ') ?? 'label unknown'}${c.convictionDate ? `, convicted ${c.convictionDate}` : ''}`).join('; ');
  return {
    ...derived(value as Record<string, FactValue>, `${convictions.length} conviction(s) by the convicting jurisdiction's label: ${summary || 'none'}${readingNote}`, open.length ? run.fields(open) : [], notes),
    clauses: traceOnDemand(convictions, caseFile, screeningDay, params),
  };
}

export const jurisdictionLabelRecord = defineCalculator({
  description:
    "Classifies the record by the convicting jurisdiction's label by the clauses of rules/s744-rpi (S.744's INA 245B(b)(3)(A)(i)): hasFelony, threeOrMoreMisdemeanors (convicted on different dates), foreignOffense, unlawfulVoting.",
  params: JurisdictionLabelParams,
  reviewCodes: ['bareLabel', 'excludedOffenseType', 'expungedConviction', 'unsettledMisdemeanorLabel', 'labelledMisdemeanorPunishableOverOneYear', 'foreignOffense', 'disputedExclusion'],
  outputKeys: KEYS,
  compute({ caseFile, screeningDay }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, screeningDay, params));
  },
});
