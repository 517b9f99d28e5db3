/** The interview driven by scripted answers and the real screening: Claudia end to end, skipping, unknowns, re-asks, resume. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseExactDate } from '../../src/case/dates.js';
import { Screener } from '../../src/app/screen.js';
import { validateCase } from '../../src/case/load.js';
import type { CaseFile } from '../../src/case/schema.js';
import { NONE_OF_THESE, type Answers } from '../../src/intake/answers.js';
import { IDENTIFYING_FIELDS } from '../../src/intake/clinic-order.js';
import { openFactsBy } from '../../src/intake/decisive.js';
import { Interview } from '../../src/intake/interview.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { ScriptedPrompts, answersFrom, script, type Answerer } from './scripted-prompts.js';

const claudia: unknown = parse(readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), 'utf8'));
// The interview plans from results and questions; witness pairs (why a result is open) are not needed.
const screener = new Screener(await loadRulePacks(), { witnesses: false });
const results = async (caseFile: CaseFile) =>
  (await screener.screen(caseFile, { screeningDay: parseExactDate(caseFile.screeningDate ?? '2013-01-15'), source: 'test' })).programs.map(({ program, outcome, classifications }) => ({ program, outcome, classifications }));

async function interview(answerer: Answerer, options: { answers?: Answers; stopAfter?: number } = {}) {
  const prompts = new ScriptedPrompts(answerer, options.stopAfter);
  let said = '';
  let saved: Answers = {};
  const run = new Interview(options.answers ?? {}, {
    prompts,
    save: async (answers) => {
      saved = structuredClone(answers);
    },
    say: (text) => (said += text),
    screeningDay: (caseDate) => parseExactDate(caseDate ?? '2013-01-15'),
    openFacts: openFactsBy(screener),
    alwaysAsk: IDENTIFYING_FIELDS,
  });
  try {
    const caseFile = await run.run();
    return { caseFile, prompts, said, saved, stopped: false };
  } catch (error) {
    if ((error as Error).name !== 'ExitPromptError') throw error;
    return { caseFile: undefined, prompts, said, saved, stopped: true };
  }
}

describe('relief intake interview', () => {
  it('answered from the Claudia fixture, asks in the clinic\'s order and screens the same as the fixture', async () => {
    const { caseFile, prompts } = await interview(answersFrom(claudia));
    expect(await results(caseFile!)).toEqual(await results(validateCase(claudia, 'claudia')));
    expect(prompts.rejected).toEqual([]);
    const first = (prefix: string) => prompts.asked.findIndex((field) => field.startsWith(prefix));
    const order = ['caseId', 'person.', 'entries', 'statusHistory', 'removal.', 'criminalHistory.convictions', 'abuse.', 'trafficking.', 'security.', 'review'].map(first);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // 59 before issue 16; the U visa and non-LPR cancellation add what decides them for her: the
    // crime and the help given (11), the notice to appear's time and place, the voluntary-departure
    // overstay and deadline, prior relief, and 212(a)(3)(E). 75 since the U-visa review: the victim
    // element reads the attorney's culpability assessment for a client arrested in connection with the
    // crime (8 CFR 214.14(a)(14)(iii)), and the certification is an element (214(p)(1)), so its
    // questions now decide. 77 since the cancellation review: her ten years of presence are open, and
    // the 240A(d)(3) military exception could excuse them, so its active-duty months and the place of
    // enlistment are asked too.
    expect(prompts.asked.length).toBeLessThanOrEqual(77);
  });

  it('asks no abuse, trafficking, conviction or military details that cannot matter', async () => {
    const { caseFile, prompts } = await interview(
      script({
        'abuse.occurred': ['no'],
        'trafficking.occurred': ['no'],
        'criminalHistory.convictions': ['none'],
        'person.military.served': ['no'],
      }),
    );
    const asked = prompts.asked;
    expect(asked.filter((field) => field.startsWith('abuse.'))).toEqual(['abuse.occurred']);
    // Trafficking others is a bar of its own, asked whatever the answer to trafficking.
    expect(asked.filter((field) => field.startsWith('trafficking.') && field !== 'trafficking.traffickedOthers')).toEqual(['trafficking.occurred']);
    expect(asked.filter((field) => field.startsWith('criminalHistory.'))).toEqual(['criminalHistory.convictions']);
    expect(asked).toContain('person.military.served');
    expect(asked).not.toContain('person.military.discharge');
    expect(caseFile).toMatchObject({ abuse: { occurred: false }, trafficking: { occurred: false }, criminalHistory: { convictions: [] }, person: { military: { served: false } } });
    expect(caseFile?.criminalHistory?.category).toBeUndefined();
  });

  it('asks the quick conviction category only when the convictions are not known', async () => {
    const { caseFile, prompts } = await interview(script({ 'criminalHistory.convictions': [''], 'criminalHistory.category': ['level_3'] }));
    expect(prompts.asked.filter((field) => field.startsWith('criminalHistory.'))).toEqual(['criminalHistory.convictions', 'criminalHistory.category']);
    expect(caseFile?.criminalHistory).toEqual({ category: 'level_3' });
  });

  it('asks the follow-ups when the deciding answer allows them, per conviction', async () => {
    const { caseFile, prompts } = await interview(
      script({
        'criminalHistory.convictions': ['2'],
        'criminalHistory.convictions[0].juvenile': ['yes'],
        'criminalHistory.convictions[0].triedAsAdult': ['no'],
        'criminalHistory.convictions[1].juvenile': ['no'],
        'abuse.occurred': ['yes'],
      }),
    );
    expect(prompts.asked).toContain('criminalHistory.convictions[0].triedAsAdult');
    expect(prompts.asked).not.toContain('criminalHistory.convictions[1].triedAsAdult');
    expect(prompts.asked).toContain('abuse.victims');
    expect(caseFile?.criminalHistory?.convictions).toEqual([{ juvenile: true, triedAsAdult: false }, { juvenile: false }]);
  });

  it('records "don\'t know" as unknown (absent), never as no', async () => {
    const { caseFile } = await interview(script({ 'person.education': ['?'], 'person.currentLocation': ['united_states'], 'person.dateOfBirth': [''], 'person.military.served': ['no'] }));
    expect(caseFile?.person?.military?.served).toBe(false);
    expect(caseFile?.person).not.toHaveProperty('education');
    expect(caseFile?.person).not.toHaveProperty('dateOfBirth');
    expect(caseFile).not.toHaveProperty('abuse');
  });

  it('tells an empty list ("none") from an unknown one', async () => {
    const { caseFile, prompts } = await interview(
      script({
        entries: ['0'],
        departures: [''],
        'removal.priorRemovals': ['none'],
        sources: ['none'],
        'criminalHistory.convictions': ['2'],
        'criminalHistory.convictions[0].offenseTypes': [[], ['dui', NONE_OF_THESE], [NONE_OF_THESE]],
        'criminalHistory.convictions[1].offenseTypes': [['?']],
      }),
    );
    expect(caseFile).toMatchObject({ entries: [], removal: { priorRemovals: [] } });
    expect(caseFile).not.toHaveProperty('departures');
    expect(caseFile?.criminalHistory?.convictions).toEqual([expect.objectContaining({ offenseTypes: [] }), expect.not.objectContaining({ offenseTypes: expect.anything() })]);
    // A multi-select needs something ticked: the answers, "None of these" or "Don't know", alone.
    expect(prompts.rejected.map((r) => r.error)).toEqual([expect.stringContaining('tick the answers that apply'), '"none of these" cannot be picked with other answers']);
  });

  it('re-asks an answer the schema rejects, with the schema\'s message', async () => {
    const { caseFile, prompts } = await interview(
      script({ 'person.dateOfBirth': ['10/03/1990', '1990-02-30', '1990-03-10'], 'criminalHistory.convictions': ['one', '1'], 'criminalHistory.convictions[0].daysInCustody': ['-3', '30'] }),
    );
    expect(prompts.rejected.map((r) => [r.field, r.error])).toEqual([
      ['person.dateOfBirth', expect.stringContaining('must be a date written YYYY-MM-DD')],
      ['person.dateOfBirth', expect.stringContaining('is not a real calendar date')],
      ['criminalHistory.convictions', expect.stringContaining('must be a number of items')],
      ['criminalHistory.convictions[0].daysInCustody', expect.stringMatching(/>=\s*0/)],
    ]);
    expect(caseFile).toMatchObject({ person: { dateOfBirth: '1990-03-10' }, criminalHistory: { convictions: [{ daysInCustody: 30 }] } });
  });

  it('catches contradictions across fields after each section and re-asks the offending answer', async () => {
    const { caseFile, prompts, said } = await interview(
      script({
        screeningDate: ['2013-01-15'],
        'person.dateOfBirth': ['1990-03-10'],
        entries: ['1'],
        'entries[0].date': ['1985', '2015-06-01', '2000-05-01'],
        // Three convictions: a conviction date is asked only where it could settle something (S.744's misdemeanors on different dates).
        'criminalHistory.convictions': ['3'],
        'criminalHistory.convictions[0].offenseDate': ['2011-03-01'],
        'criminalHistory.convictions[0].convictionDate': ['2010', '2011-04'],
      }),
    );
    expect(said).toContain('entries[0].date: the entry date is before the date of birth');
    expect(said).toContain('entries[0].date: the entry date (2015-06-01) is after the screening date 2013-01-15');
    expect(said).toContain('criminalHistory.convictions[0].convictionDate: the conviction date is before the offense date');
    expect(prompts.asked.filter((field) => field === 'entries[0].date')).toHaveLength(3);
    expect(prompts.asked.filter((field) => field === 'criminalHistory.convictions[0].convictionDate')).toHaveLength(2);
    expect(caseFile).toMatchObject({ entries: [{ date: '2000-05-01' }], criminalHistory: { convictions: [{ offenseDate: '2011-03-01', convictionDate: '2011-04' }, {}, {}] } });
  });

  it('lets the review change any answer before saving', async () => {
    const { caseFile, said } = await interview(
      script({ review: ['change', 'save'], 'review.change': ['person.dateOfBirth'], 'person.dateOfBirth': ['1990-03-10', '1991-01-01'] }),
    );
    expect(said).toContain('== Review ==');
    expect(said).toContain('person.dateOfBirth: 1990-03-10');
    expect(caseFile?.person?.dateOfBirth).toBe('1991-01-01');
  });

  it('lists answers in the review inert: a resumed case file\'s text cannot drive the terminal', async () => {
    const { said } = await interview(script({ review: ['save'] }), { answers: { caseId: 'c-1', 'person.name': 'Ana\u001b]0;owned\u0007' } });
    expect(said).toContain('person.name: Ana\\x1b]0;owned\\x07');
    expect(said).not.toContain('\u001b');
  });

  it('asks the new questions a changed answer opens, and drops those it closes', async () => {
    const { caseFile, prompts } = await interview(
      script({
        review: ['change', 'change', 'save'],
        'review.change': ['entries', 'trafficking.occurred'],
        entries: ['1', '2'],
        'entries[0].date': ['2000-05-01'],
        'entries[1].date': ['2004-06'],
        'trafficking.occurred': ['yes', 'no'],
        'trafficking.type': ['labor'],
      }),
    );
    expect(prompts.asked.filter((field) => field === 'entries[1].date')).toHaveLength(1);
    expect(caseFile?.entries).toEqual([{ date: '2000-05-01' }, { date: '2004-06' }]);
    expect(caseFile?.trafficking).toEqual({ occurred: false });
  });

  it('ends a draft interrupted after N answers, then resumed, in the same case file', async () => {
    const whole = await interview(answersFrom(claudia));
    for (const stopAfter of [1, 17, Math.floor(whole.prompts.asked.length / 2), whole.prompts.asked.length - 2]) {
      const first = await interview(answersFrom(claudia), { stopAfter });
      expect(first.stopped).toBe(true);
      // Every answer given is saved (with any answer it implies).
      expect(Object.keys(first.saved)).toEqual(expect.arrayContaining(first.prompts.asked));
      const resumed = await interview(answersFrom(claudia), { answers: first.saved });
      expect(resumed.caseFile).toEqual(whole.caseFile);
      expect([...first.prompts.asked.slice(0, stopAfter), ...resumed.prompts.asked]).toEqual(whole.prompts.asked);
    }
  });
});
