/** The interview driven by scripted answers: Claudia end to end, skipping, unknowns, re-asks, resume. */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseExactDate } from '../../src/case/dates.js';
import type { Answers } from '../../src/intake/answers.js';
import { Interview } from '../../src/intake/interview.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { ScriptedPrompts, answersFrom, script, type Answerer } from './scripted-prompts.js';

const claudia: unknown = parse(readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), 'utf8'));

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
  it('reproduces the Claudia fixture when each question is answered from it', async () => {
    const { caseFile, prompts } = await interview(answersFrom(claudia));
    expect(caseFile).toEqual(claudia);
    expect(prompts.rejected).toEqual([]);
    // Sections come in the documented order.
    const first = (prefix: string) => prompts.asked.findIndex((field) => field.startsWith(prefix));
    const order = ['person.', 'entries', 'departures', 'statusHistory', 'removal.', 'criminalHistory.category', 'criminalHistory.convictions', 'family.', 'equities.', 'abuse.', 'trafficking.', 'security.'].map(first);
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('asks no abuse, trafficking, conviction or military details that cannot matter', async () => {
    const { caseFile, prompts } = await interview(
      script({
        'abuse.occurred': ['no'],
        'trafficking.occurred': ['no'],
        'criminalHistory.category': ['none'],
        'person.military.served': ['no'],
      }),
    );
    const asked = prompts.asked;
    expect(asked).toContain('abuse.occurred');
    expect(asked.filter((field) => field.startsWith('abuse.'))).toEqual(['abuse.occurred']);
    expect(asked.filter((field) => field.startsWith('trafficking.'))).toEqual(['trafficking.occurred']);
    expect(asked.filter((field) => field.startsWith('criminalHistory.'))).toEqual(['criminalHistory.category', 'criminalHistory.dismissedCharges']); // charges that ended without a conviction matter with none
    expect(asked).toContain('person.military.served');
    expect(asked).not.toContain('person.military.discharge');
    expect(caseFile).toMatchObject({ abuse: { occurred: false }, trafficking: { occurred: false }, criminalHistory: { category: 'none' }, person: { military: { served: false } } });
    expect(caseFile?.criminalHistory?.convictions).toBeUndefined();
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
    const { caseFile } = await interview(script({ 'person.disabled': ['?'], 'person.seriouslyIll': ['no'], 'person.dateOfBirth': [''] }));
    expect(caseFile?.person?.seriouslyIll).toBe(false);
    expect(caseFile?.person).not.toHaveProperty('disabled');
    expect(caseFile?.person).not.toHaveProperty('dateOfBirth');
    expect(caseFile).not.toHaveProperty('abuse');
  });

  it('tells an empty list ("none") from an unknown one', async () => {
    const { caseFile } = await interview(
      script({
        entries: ['0'],
        departures: [''],
        'removal.priorRemovals': ['none'],
        sources: ['none'],
        'family.parentStatuses': [[]],
        'criminalHistory.convictions': ['2'],
        'criminalHistory.convictions[0].offenseTypes': [[]],
        'criminalHistory.convictions[1].offenseTypes': [['?']],
      }),
    );
    expect(caseFile).toMatchObject({ entries: [], removal: { priorRemovals: [] }, sources: [], family: { parentStatuses: [] } });
    expect(caseFile).not.toHaveProperty('departures');
    expect(caseFile?.criminalHistory?.convictions).toEqual([{ offenseTypes: [] }, {}]);
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
        'criminalHistory.category': ['level_2'],
        'criminalHistory.convictions': ['0', '1'],
        'criminalHistory.convictions[0].offenseDate': ['2011-03-01'],
        'criminalHistory.convictions[0].convictionDate': ['2010', '2011-04'],
      }),
    );
    expect(said).toContain('entries[0].date: the entry date is before the date of birth');
    expect(said).toContain('entries[0].date: the entry date (2015-06-01) is after the screening date 2013-01-15');
    expect(said).toContain('criminalHistory.convictions: is empty, but the category says "level_2"');
    expect(said).toContain('criminalHistory.convictions[0].convictionDate: the conviction date is before the offense date');
    expect(prompts.asked.filter((field) => field === 'entries[0].date')).toHaveLength(3);
    expect(prompts.asked.filter((field) => field === 'criminalHistory.convictions[0].convictionDate')).toHaveLength(2);
    expect(caseFile).toMatchObject({ entries: [{ date: '2000-05-01' }], criminalHistory: { category: 'level_2', convictions: [{ offenseDate: '2011-03-01', convictionDate: '2011-04' }] } });
  });

  it('lets the review change any answer before saving', async () => {
    const { caseFile, said } = await interview(
      script({ review: ['change', 'save'], 'review.change': ['person.dateOfBirth'], 'person.dateOfBirth': ['1990-03-10', '1991-01-01'] }),
    );
    expect(said).toContain('== Review ==');
    expect(said).toContain('person.dateOfBirth: 1990-03-10');
    expect(caseFile?.person?.dateOfBirth).toBe('1991-01-01');
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
      expect(Object.keys(first.saved)).toHaveLength(stopAfter);
      const resumed = await interview(answersFrom(claudia), { answers: first.saved });
      expect(resumed.caseFile).toEqual(whole.caseFile);
      expect([...first.prompts.asked.slice(0, stopAfter), ...resumed.prompts.asked]).toEqual(whole.prompts.asked);
    }
  });
});
