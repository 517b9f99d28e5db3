/**
 * A record classified into the offense levels of the 2010 ICE priorities memo (Policy No. 10072.1,
 * the Secure Communities levels). What a conviction, a felony, a misdemeanor and each level are
 * is the clauses of rules/morton/clauses.json, each cited with the memo's words; this module gives
 * them each conviction's raw facts (level-raw-facts.ts) and reads their values into the
 * calculator's result. Only convictions under INA 101(a)(48)(A) count ("aliens convicted of
 * crimes"); a juvenile adjudication, a conviction set aside and a dismissed charge (an arrest) are
 * reported for review as part of the criminal history the memos weigh.
 */
import type { CaseFile, Conviction } from '../../case/schema.js';
import type { EpochDay } from '../../case/dates.js';
import type { ClauseExplanation, Run } from '../../law/clause-evaluator.js';
import { clauseFileName, clausesOf } from '../../law/clause-file.js';
import { defineCalculator, derived, type Derived, type ReviewNote } from '../calculator.js';
import type { Tri } from '../tri.js';
import { classifyRecord } from './common.js';
import { CONVICTION_CLAUSE, LevelFacts, MORTON_CLAUSES, OFFENSE_LEVEL_RECORD_KEYS, OffenseLevelParams } from './level-raw-facts.js';

const KEYS = OFFENSE_LEVEL_RECORD_KEYS;
const LEVELS = ['level1', 'level2', 'level3'] as const;
const CLAUSE_REVIEWS = new Set(['punishableByExactlyOneYear', 'aggravatedFelonyDetermination']);

function evaluate(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: OffenseLevelParams): { facts: LevelFacts; run: Run } {
  const facts = new LevelFacts(convictions, caseFile, params);
  return { facts, run: clausesOf(MORTON_CLAUSES).run({ subjects: facts, params, screeningDay }) };
}

/** The clause trace, worked out again the first time a report asks (as for the INA record: no run is kept alive for it). */
function traceOnDemand(convictions: readonly Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: OffenseLevelParams): () => ClauseExplanation {
  let explanation: ClauseExplanation | undefined;
  return () => {
    if (explanation) return explanation;
    const { run } = evaluate(convictions, caseFile, screeningDay, params);
    // The level is shown by the clause that decided it: the level that holds, the one left open, or (none holding) the lowest.
    const { level, open } = levelOf(run);
    const roots = { convicted: 'convicted', juvenileAdjudication: 'juvenileAdjudication', convictionCount: CONVICTION_CLAUSE, level: level ? LEVELS[level - 1]! : (open[0] ?? 'level3') };
    return (explanation = { file: clauseFileName(MORTON_CLAUSES), roots, clauses: run.trace(['convicted', 'juvenileAdjudication', ...LEVELS]) });
  };
}

/**
 * The level is a number where the clauses are three overlapping yes/no definitions (the memo's
 * levels overlap: a Level 1 offender is also convicted of crimes a lower level names), so it is
 * assembled here: the highest level that holds, reported only when no higher level is still open.
 * Also returns the open levels above the first that holds (or all open ones): any of them, settled,
 * could change the level.
 */
function levelOf(run: Run): { level: number | null; open: string[] } {
  const open: string[] = [];
  for (const [k, id] of LEVELS.entries()) {
    const value = run.valueOf(id);
    if (value === true) return { level: open.length ? null : k + 1, open };
    if (value === null) open.push(id);
  }
  return { level: null, open };
}

function classifyConvictions(convictions: Conviction[], caseFile: CaseFile, screeningDay: EpochDay, params: OffenseLevelParams): Derived {
  const { facts, run } = evaluate(convictions, caseFile, screeningDay, params);
  const convicted = run.valueOf('convicted');
  const juvenileAdjudication = run.valueOf('juvenileAdjudication');
  const { level, open: levelOpen } = levelOf(run);
  // How many judgments are convictions: a number, counted from the conviction clause, not a clause itself.
  const each: Tri[] = convictions.map((_, i) => run.valueOf(CONVICTION_CLAUSE, i));
  const unsettledJudgments = each.flatMap((v, i) => (v === null ? [i] : []));
  const convictionCount = unsettledJudgments.length ? null : each.filter((v) => v === true).length;

  const notes: ReviewNote[] = [];
  convictions.forEach((conviction, i) => {
    const subject = facts.name(i);
    if (facts.facts.juvenileAdjudication(i) === true) notes.push({ code: 'juvenile', subject });
    if (conviction.expunged) notes.push({ code: 'expunged', subject });
    run.convictionReviews(i, CLAUSE_REVIEWS, notes);
  });
  (caseFile.criminalHistory?.dismissedCharges ?? []).forEach((charge, i) => notes.push({ code: 'dismissedCharge', subject: charge.description ?? `dismissed charge #${i + 1}` }));

  // Every key the rules read counts: a count or a juvenile adjudication left open is asked too.
  const missing = new Set<string>();
  const ask = (fields: readonly string[]) => fields.forEach((field) => missing.add(field));
  if (convicted === null) ask(run.fields(['convicted']));
  // The lower levels' questions first: the penalties of the offenses before the attorney's aggravated-felony determination.
  if (convicted !== false && level === null) ask(run.fields([...levelOpen].reverse()));
  for (const i of unsettledJudgments) ask(run.fields([CONVICTION_CLAUSE], i));
  if (juvenileAdjudication === null) ask(run.fields(['juvenileAdjudication']));

  const detail =
    convicted === false
      ? `no convictions${convictions.length ? ` (${convictions.length} judgment(s) that are not convictions)` : ''}`
      : `${convictionCount ?? 'an unsettled number of'} conviction(s); level ${level ?? 'not settled by the known facts'}`;
  return {
    ...derived({ convicted, level, convictionCount, juvenileAdjudication }, detail, [...missing], notes),
    clauses: traceOnDemand(convictions, caseFile, screeningDay, params),
  };
}

export const offenseLevelRecord = defineCalculator({
  description:
    'Classifies the record into offense levels 1-3 by the clauses of rules/morton (the 2010 ICE memo), counting only INA convictions: convicted, level, convictionCount, juvenileAdjudication (some judgment is a juvenile delinquency adjudication).',
  params: OffenseLevelParams,
  reviewCodes: ['bareLabel', 'punishableByExactlyOneYear', 'expunged', 'juvenile', 'dismissedCharge', 'aggravatedFelonyDetermination'],
  outputKeys: KEYS,
  compute({ caseFile, screeningDay }, params) {
    return classifyRecord(caseFile, KEYS, params.categoryConclusions, (convictions) => classifyConvictions(convictions, caseFile, screeningDay, params));
  },
});
