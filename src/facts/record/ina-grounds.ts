/**
 * A record classified under the INA's criminal inadmissibility and deportability grounds, the
 * way VAWA, the T visa and S.744 read it. The grounds, their exceptions and how they combine are
 * the clauses of rules/ina/clauses.json, each cited with the statute's words; this module only
 * gives them each conviction's raw facts (ina-raw-facts.ts) and reads their values into the
 * calculators' results. A record key is the clause of the same id.
 */
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { DayRange, EpochDay } from '../../case/dates.js';
import type { ClauseExplanation, Run } from '../../law/clause-evaluator.js';
import { defineCalculator, derived, type Derived, type ReviewNote } from '../calculator.js';
import type { Tri } from '../tri.js';
import { classifyRecord, convictionPath, offenseDays } from './common.js';
import { ConvictionFacts } from './ina-raw-facts.js';
import { CLASS_OFFENSE_CLAUSE, GROUND_CLAUSE, INA_CLAUSES, INA_RECORD_KEYS, SUMMARY_CLAUSES, inaClauses } from './ina-law.js';
import { clauseFileName } from '../../law/clause-file.js';
import { InaClassParams, InaGroundsParams } from './ina-params.js';

export { InaGroundsParams };

const KEYS = INA_RECORD_KEYS;
/** Each record key is computed by the clause of the same id. */
const KEY_ROOTS: Record<string, string> = Object.fromEntries(KEYS.map((key) => [key, key]));

export const REVIEW_CODES = [
  'bareLabel',
  'cimtDetermination',
  'aggravatedFelonyDetermination',
  'pettyOffenseException',
  'singleSchemeOfMisconduct',
  'notAdmitted',
  'juvenileAdjudication',
  'foreignJuvenileConviction',
  'setAsideConviction',
  'firstOffenderExpungement',
  'dismissedAfterPlea',
];
export const CLAUSE_REVIEWS: ReadonlySet<string> = new Set(REVIEW_CODES);

/** The clauses evaluated over a case's convictions. */
export function evaluateInaClauses(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: InaGroundsParams): { facts: ConvictionFacts; run: Run } {
  const facts = new ConvictionFacts(convictions, caseFile, params);
  return { facts, run: inaClauses().run({ subjects: facts, params, screeningDay }) };
}

/**
 * The clause trace, worked out the first time a report asks (every pack sharing the fact asks the
 * same one) by evaluating the clauses again: keeping each run's memo for every case variant
 * settling derives would cost memory for a trace few of them show. Made here, not where the run
 * is: a closure made there would keep the run alive through the scope it shares.
 */
export function traceOnDemand(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: InaGroundsParams, roots: Record<string, string>): () => ClauseExplanation {
  let explanation: ClauseExplanation | undefined;
  return () => (explanation ??= { file: clauseFileName(INA_CLAUSES), roots, clauses: evaluateInaClauses(convictions, caseFile, screeningDay, params).run.trace(Object.values(roots)) });
}

/**
 * A charge dismissed after a plea or finding of guilt and a penalty (deferred adjudication) is a
 * conviction under 101(a)(48)(A) (Matter of Roldan), and so belongs in the list of convictions,
 * which the values read: one recorded only as dismissed is raised for the attorney to move it.
 */
export function dismissedAfterPlea(caseFile: CaseFile): ReviewNote[] {
  return (caseFile.criminalHistory?.dismissedCharges ?? []).flatMap((charge, i) =>
    charge.basis === 'after_plea_or_finding_with_penalty' ? [{ code: 'dismissedAfterPlea', subject: charge.description ?? `dismissed charge #${i + 1}` }] : [],
  );
}

/** The classes of conviction `i`, in words, for the report's "from". */
function summarise(run: Run, i: number): string {
  const cimt = run.valueOf(SUMMARY_CLAUSES.cimt, i);
  const labels = [
    cimt ? 'CIMT' : cimt === null ? 'CIMT undetermined' : '',
    run.valueOf(SUMMARY_CLAUSES.aggravatedFelony, i) ? 'aggravated felony' : '',
    run.valueOf(SUMMARY_CLAUSES.controlledSubstance, i) ? 'controlled substance' : '',
    run.valueOf(SUMMARY_CLAUSES.prostitution, i) ? 'prostitution within the look-back' : '',
    run.valueOf(SUMMARY_CLAUSES.domesticViolence, i) ? 'domestic violence' : '',
    run.valueOf(SUMMARY_CLAUSES.firearm, i) ? 'firearm' : '',
  ].filter(Boolean);
  const ground = run.valueOf(GROUND_CLAUSE, i);
  const grounds = ground === true ? 'a criminal ground' : ground === false ? 'no criminal ground' : 'ground not settled';
  return `${labels.join(', ') || 'no listed class'} (${grounds})`;
}

export function dedupe(notes: ReviewNote[]): ReviewNote[] {
  const seen = new Set<string>();
  return notes.filter((n) => {
    const key = `${n.code}\0${n.subject ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function classifyConvictions(convictions: Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: InaGroundsParams): Derived {
  const { facts, run } = evaluateInaClauses(convictions, caseFile, screeningDay, params);
  const value = Object.fromEntries(KEYS.map((key) => [key, run.valueOf(key)])) as Record<(typeof KEYS)[number], Tri>;
  const open = KEYS.filter((key) => value[key] === null);
  const notes = facts.standingNotes.flat();
  for (let i = 0; i < convictions.length; i++) run.convictionReviews(i, CLAUSE_REVIEWS, notes);
  notes.push(...run.recordReviews(CLAUSE_REVIEWS), ...dismissedAfterPlea(caseFile));
  const summary = convictions.map((_, i) => `${facts.name(i)}: ${summarise(run, i)}`).join('; ');
  return {
    ...derived(value, `${convictions.length} conviction(s)${summary ? `: ${summary}` : ''}`, open.length ? run.fields(open) : [], dedupe(notes)),
    clauses: traceOnDemand(convictions, caseFile, screeningDay, params, KEY_ROOTS),
  };
}

export const inaCriminalRecord = defineCalculator({
  description:
    'Classifies the record under the INA criminal grounds (suspended sentences count) by the clauses of rules/ina: aggravated felony, CIMT after the petty-offense and juvenile exceptions, controlled substance, multiple convictions, prostitution, criminal inadmissibility, domestic-violence and criminal deportability (after an admission), the 237(a)(7) waiver, and whether the convictions behind the grounds are connected to abuse or trafficking.',
  params: InaGroundsParams,
  reviewCodes: REVIEW_CODES,
  outputKeys: KEYS,
  compute({ caseFile, screeningDay }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, screeningDay, params));
  },
});

/**
 * The record as a list of convictions, or none when only "none" is recorded; undefined when the
 * record is unknown or only a label that says nothing about dates.
 */
export function knownConvictions(caseFile: CaseFile): Conviction[] | undefined {
  const history = caseFile.criminalHistory;
  if (history?.convictions) return history.convictions;
  return history?.category === 'none' ? [] : undefined;
}

export interface GroundOffense {
  /** When the offense was committed, as far as the case file tells. */
  committed: DayRange | undefined;
  ground: Tri;
  path: string;
}

/**
 * The convictions of which a clause of each conviction holds (the pack names it: the stop-time
 * rule of 240A(d)(1)(B) reads stopTimeOffenseConviction), each with when the offense was
 * committed; undefined when the record is not known.
 */
export function groundOffenses(caseFile: CaseFile, screeningDay: EpochDay, params: InaGroundsParams, clause: string): GroundOffense[] | undefined {
  const convictions = knownConvictions(caseFile);
  if (!convictions) return undefined;
  const { run } = evaluateInaClauses(convictions, caseFile, screeningDay, params);
  return convictions.map((c, i) => ({ committed: offenseDays(c), ground: run.valueOf(clause, i), path: convictionPath(i, 'offenseDate') }));
}

const CIMT_DETERMINATION = new Set(['cimtDetermination']);
const EXCEPTED_CIMT_CLASS = new Set(['exceptedCimtClass']);

export const inaClassOffenseDuringPeriod = defineCalculator({
  description:
    'Some conviction puts the person in a 212(a)(2)(A), (B) or (D) class (whether inadmissible or not) for an offense committed during the given number of years before the screening date (INA 101(f)(3)), by the clauses of rules/ina.',
  params: InaClassParams,
  reviewCodes: ['bareLabel', 'cimtDetermination', 'exceptedCimtClass'],
  compute({ caseFile, screeningDay }, params) {
    const convictions = knownConvictions(caseFile);
    const category = caseFile.criminalHistory?.category;
    if (!convictions) {
      const notes = category ? [{ code: 'bareLabel', subject: category }] : [];
      return derived(null, category ? `only the category "${category.replaceAll('_', ' ')}" is recorded` : 'the conviction history is not recorded', ['criminalHistory.convictions'], notes);
    }
    const { run } = evaluateInaClauses(convictions, caseFile, screeningDay, params);
    const value = run.valueOf(CLASS_OFFENSE_CLAUSE);
    // A single value, not a record: the point bears on it whole.
    const notes: ReviewNote[] = [
      ...convictions.flatMap((_, i) => run.convictionReviews(i, CIMT_DETERMINATION).map(({ code, subject }) => ({ code, ...(subject ? { subject } : {}) }))),
      ...run.recordReviews(EXCEPTED_CIMT_CLASS),
    ];
    const detail = `${convictions.length} conviction(s); 212(a)(2) class offenses in the ${params.periodYears} years before the screening date: ${value === null ? 'not settled' : value ? 'yes' : 'none'}`;
    return {
      ...derived(value, detail, value === null ? run.fields([CLASS_OFFENSE_CLAUSE]) : [], dedupe(notes)),
      clauses: traceOnDemand(convictions, caseFile, screeningDay, params, { $: CLASS_OFFENSE_CLAUSE }),
    };
  },
});
