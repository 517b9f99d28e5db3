/** Scoring a prediction: each part against the screening of a teaching case, right and wrong. */
import { describe, expect, it } from '@jest/globals';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { reportView, type ProgramView } from '../../src/render/view.js';
import { NOTHING_DECIDES, UNDETERMINED, programQuiz, type ProgramQuiz } from '../../src/quiz/predictions.js';
import { scoreProgram, total } from '../../src/quiz/score.js';
import { loadCaseFixtures } from '../support/fixtures.js';
import { screenFixture } from '../support/screened.js';
import { finding } from '../support/finding.js';

const rulePacks = await loadRulePacks();
const screener = new Screener(rulePacks);
const teaching = new Map(loadCaseFixtures('teaching').map((fixture) => [fixture.name, fixture]));
const quizFor = (program: string): ProgramQuiz => programQuiz(rulePacks.packs.find((loaded) => loaded.pack.program === program)!);

async function viewOf(name: string, program: string): Promise<ProgramView> {
  const { report } = await screenFixture(screener, teaching.get(name)!);
  return reportView(report).programs.find((p) => p.program.program === program)!;
}

const rightness = (quiz: ProgramQuiz, predictions: Record<string, string>, view: ProgramView) => scoreProgram(quiz, predictions, view).verdicts.map((v) => [v.key, v.right]);

describe('scoring an eligibility program', () => {
  it('gives a point for the outcome and one for naming the element not met (the twin born June 15, 1981)', async () => {
    const view = await viewOf('twin-born-1981-06-15', 'daca');
    const daca = quizFor('daca');
    const score = scoreProgram(daca, { outcome: 'barred', rule: 'daca-age-limit-on-announcement' }, view);
    expect(score).toMatchObject({ points: 2, possible: 2 });
    expect(score.verdicts[1]!.actual).toBe('Under the age of 31 as of June 15, 2012');
    expect(rightness(daca, { outcome: 'eligible', rule: 'daca-felony' }, view)).toEqual([['outcome', false], ['rule', false]]);
    expect(rightness(daca, { outcome: 'barred', rule: NOTHING_DECIDES }, view)).toEqual([['outcome', true], ['rule', false]]);
  });

  it('takes "nothing stands in the way" as the rule of an eligible result, and no rule instead', async () => {
    const view = await viewOf('twin-born-1981-06-16', 'daca');
    const daca = quizFor('daca');
    expect(rightness(daca, { outcome: 'eligible', rule: NOTHING_DECIDES }, view)).toEqual([['outcome', true], ['rule', true]]);
    expect(rightness(daca, { outcome: 'eligible', rule: 'daca-age-limit-on-announcement' }, view)).toEqual([['outcome', true], ['rule', false]]);
  });

  it('takes the waiver, or the bar it cures, as what an eligible-with-a-waiver result rests on (Claudia, T visa)', async () => {
    const view = await viewOf('claudia', 't-visa');
    const tVisa = quizFor('t-visa');
    for (const rule of ['t-visa-waiver-212d13-criminal', 't-visa-inadmissible-criminal']) {
      expect(rightness(tVisa, { outcome: 'eligible_with_waiver', rule }, view)).toEqual([['outcome', true], ['rule', true]]);
    }
    expect(rightness(tVisa, { outcome: 'barred', rule: 't-visa-trafficker-bar' }, view)).toEqual([['outcome', false], ['rule', false]]);
  });

  it('takes the bar that applies, not one left open, for a barred result (Claudia, VAWA cancellation)', async () => {
    const view = await viewOf('claudia', 'vawa-cancellation');
    const cancellation = quizFor('vawa-cancellation');
    expect(rightness(cancellation, { outcome: 'barred', rule: 'vawa-cancellation-prostitution' }, view)).toEqual([['outcome', true], ['rule', true]]);
    expect(rightness(cancellation, { outcome: 'barred', rule: 'vawa-cancellation-cimt-inadmissible' }, view)).toEqual([['outcome', true], ['rule', false]]);
  });

  it('takes what is open as what decides a result left open (Daniel, S.744, after the 1326 plea)', async () => {
    const view = await viewOf('plea-1326', 's744-rpi');
    const s744 = quizFor('s744-rpi');
    expect(rightness(s744, { outcome: 'not_enough_information', rule: 's744-felony' }, view)).toEqual([['outcome', true], ['rule', true]]);
    expect(rightness(s744, { outcome: 'barred', rule: 's744-aggravated-felony' }, view)).toEqual([['outcome', false], ['rule', false]]);
  });

  it('does not score the rule of a result no rule decides (settled by cases), and says why', () => {
    const daca = quizFor('daca');
    const program = { program: 'daca', kind: 'eligibility', outcome: 'barred', findings: [finding('daca-felony', 'bar', 'unknown')] };
    const view = { program, line: { reason: 'barred on every answer to criminalHistory.convictions[0].maximumPenaltyDays' }, deciding: [] } as unknown as ProgramView;
    const score = scoreProgram(daca, { outcome: 'barred', rule: NOTHING_DECIDES }, view);
    expect(score).toMatchObject({ points: 1, possible: 1 });
    expect(score.verdicts[1]).toMatchObject({ right: null, actual: 'no rule: barred on every answer to criminalHistory.convictions[0].maximumPenaltyDays' });
  });
});

describe('scoring a discretion program (Morton)', () => {
  it('gives a point for each classification: priority and level', async () => {
    const view = await viewOf('massachusetts-misdemeanor', 'morton');
    const morton = quizFor('morton');
    expect(morton.parts.map((part) => part.key)).toEqual(['priority', 'level']);
    expect(rightness(morton, { priority: '1', level: '2' }, view)).toEqual([['priority', true], ['level', true]]);
    expect(rightness(morton, { priority: '1', level: '3' }, view)).toEqual([['priority', true], ['level', false]]);
  });

  it('takes "undetermined" for a classification the known facts leave open (Claudia\'s level)', async () => {
    const view = await viewOf('claudia', 'morton');
    const morton = quizFor('morton');
    expect(rightness(morton, { priority: '1', level: UNDETERMINED }, view)).toEqual([['priority', true], ['level', true]]);
    expect(rightness(morton, { priority: 'none', level: '2' }, view)).toEqual([['priority', false], ['level', false]]);
  });
});

describe('the total', () => {
  it('adds the points and the points there were to win', () => {
    expect(total([{ program: 'a', verdicts: [], points: 2, possible: 2 }, { program: 'b', verdicts: [], points: 0, possible: 1 }])).toEqual({ points: 2, possible: 3 });
  });
});
