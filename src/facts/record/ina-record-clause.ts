/**
 * One clause of the record from rules/ina/clauses.json, named by the pack: a program whose statute
 * reads the INA's criminal grounds its own way (cancellation for non-permanent residents reads
 * "convicted of an offense under 212(a)(2), 237(a)(2) or 237(a)(3)" without 237's admission
 * condition) writes that reading as a cited clause and reads it here, with no code change. The
 * review points raised are those of the clauses it depends on.
 */
import type { Conviction } from '../../case/schema.js';
import type { EpochDay } from '../../case/dates.js';
import type { CaseFile } from '../../case/schema.js';
import { defineCalculator, derived, type Derived } from '../calculator.js';
import { CLAUSE_REVIEWS, REVIEW_CODES, dedupe, dismissedAfterPlea, evaluateInaClauses, knownConvictions, traceOnDemand } from './ina-grounds.js';
import { checkInaClauseId, inaClauses } from './ina-law.js';
import { InaRecordClauseParams } from './ina-params.js';

/** The clause must be one of the record: checked when the packs load (the clause files load first). */
const Params = InaRecordClauseParams.superRefine((params, context) => checkInaClauseId(params.clause, 'record', context));

function fromConvictions(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: InaRecordClauseParams): Derived {
  const { facts, run } = evaluateInaClauses(convictions, caseFile, screeningDay, params);
  const value = run.valueOf(params.clause);
  const within = inaClauses().dependencies(params.clause);
  const notes = facts.standingNotes.flat();
  for (let i = 0; i < convictions.length; i++) run.convictionReviews(i, CLAUSE_REVIEWS, notes, within);
  notes.push(...run.recordReviews(CLAUSE_REVIEWS, within), ...dismissedAfterPlea(caseFile));
  // A point bears on this one value: the record keys it names are inaCriminalRecord's, not read here.
  const unkeyed = notes.map(({ code, subject }) => ({ code, ...(subject ? { subject } : {}) }));
  const shown = value === null ? 'not settled' : value ? 'yes' : 'no';
  return {
    ...derived(value, `${convictions.length} conviction(s); clause ${params.clause}: ${shown}`, value === null ? run.fields([params.clause]) : [], dedupe(unkeyed)),
    clauses: traceOnDemand(convictions, caseFile, screeningDay, params, { $: params.clause }),
  };
}

export const inaRecordClause = defineCalculator({
  description:
    'The value of one clause of the record in rules/ina/clauses.json, named by the pack (checked when the packs load), over the listed convictions; unknown when only a quick category other than "none" is recorded. Raises the review points of the clauses it depends on.',
  params: Params,
  reviewCodes: REVIEW_CODES,
  compute({ caseFile, screeningDay }, params) {
    const convictions = knownConvictions(caseFile);
    if (convictions) return fromConvictions(convictions, caseFile, screeningDay, params);
    const category = caseFile.criminalHistory?.category;
    const notes = category ? [{ code: 'bareLabel', subject: category }] : [];
    return derived(null, category ? `only the category "${category.replaceAll('_', ' ')}" is recorded` : 'the conviction history is not recorded', ['criminalHistory.convictions'], notes);
  },
});
