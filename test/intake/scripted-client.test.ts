/**
 * Issue 18's ordinary client, interviewed as a clinic would: entered without inspection at 14 in
 * 2004, an abusive U.S.-citizen husband, one petty theft with 30 days suspended, two U.S.-citizen
 * children (fixtures/cases/lucia.case.yaml). Answering from the full case file, the interview asks
 * only what could change a result, and its case screens the same as the full file.
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Screener, type Screening } from '../../src/app/screen.js';
import { parseExactDate } from '../../src/case/dates.js';
import { validateCase } from '../../src/case/load.js';
import type { CaseFile } from '../../src/case/schema.js';
import { IDENTIFYING_FIELDS } from '../../src/intake/clinic-order.js';
import { decisiveUnknowns, openFactsBy } from '../../src/intake/decisive.js';
import { Interview } from '../../src/intake/interview.js';
import { reopen } from '../../src/intake/saved-case.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { ScriptedPrompts, answersFrom } from './scripted-prompts.js';

// The interview plans from results and questions; witness pairs (why a result is open) are not needed.
const screener = new Screener(await loadRulePacks(), { witnesses: false });
const file = join(FIXTURES_DIR, 'cases', 'lucia.case.yaml');
const lucia = validateCase(parse(readFileSync(file, 'utf8')), file);
const screeningDay = parseExactDate(lucia.screeningDate!);
/** Before issue 18 the interview asked this client 113 questions (and the review). */
// 45 before issue 16; the U visa adds the crime she suffered and the help she gave (10 questions).
const PROMPT_BUDGET = 55;

const screen = (caseFile: CaseFile) => screener.screen(caseFile, { screeningDay, source: 'scripted' });

/** What a screening decides: each program's outcome and its reasons, or its classifications. */
function results(report: Screening) {
  return report.programs.map(({ program, outcome, outcomeReasons, classifications, undetermined }) => ({ program, outcome, outcomeReasons, classifications, undetermined }));
}

async function interview(answers = {}, alwaysAsk = IDENTIFYING_FIELDS) {
  const prompts = new ScriptedPrompts(answersFrom(lucia));
  const run = new Interview(answers, { prompts, save: async () => undefined, say: () => undefined, screeningDay: () => screeningDay, openFacts: openFactsBy(screener), alwaysAsk });
  return { run, prompts };
}

describe('the scripted interview of issue 18\'s client', () => {
  it(`finishes in ${PROMPT_BUDGET} prompts or fewer and screens the same as the full case file`, async () => {
    const { run, prompts } = await interview();
    const caseFile = await run.run();
    process.stdout.write(`scripted client (lucia): ${prompts.asked.length} prompts, the review included (113 questions before issue 18)\n${prompts.asked.join(' ')}\n`);
    expect(prompts.rejected).toEqual([]);
    expect(prompts.asked.length).toBeLessThanOrEqual(PROMPT_BUDGET);
    expect(results(await screen(caseFile))).toEqual(results(await screen(lucia)));
  });

  it('asks none of the questions an earlier answer rules out', async () => {
    const { run, prompts } = await interview();
    await run.run();
    const ruledOut = [
      'entries[0].ageAtEntry', // the entry date is known
      'removal.failedToDepartOrAbsconded', // no final order
      'removal.mandatoryDetention', // not detained
      'criminalHistory.convictions[0].sentenceToCustodyDays', // imposed and suspended are known
      'criminalHistory.convictions[0].juvenile', // 20 at the offense
      'criminalHistory.convictions[0].primaryPerpetrator', // not connected to the abuse
      'criminalHistory.convictions[0].seriousBodilyInjury',
      'criminalHistory.convictions[0].connectedToTrafficking', // never trafficked
      'family.spouse.pregnantOrNursing',
      'abuse.abuser.dateOfBirth', // a spouse, not an adult son or daughter
      'abuse.abuser.statusLostOn', // the husband kept his citizenship
      'abuse.marriageEndedOn', // still married: the relationship is "spouse"
      'abuse.marriageEndReason',
      'trafficking.type',
    ];
    expect(prompts.asked.filter((field) => ruledOut.includes(field))).toEqual([]);
    // Asked before the questions that presuppose them.
    const at = (field: string) => prompts.asked.indexOf(field);
    expect(at('removal.finalOrder')).toBeGreaterThan(-1); // asked first, and "no" answers failing to depart after one
    expect(at('abuse.occurred')).toBeLessThan(at('criminalHistory.convictions[0].connectedToAbuse'));
  });

  it('resumed from the full case file, finds nothing to ask', async () => {
    expect(decisiveUnknowns(await screen(lucia))).toEqual([]);
    const { run } = await interview(reopen(lucia).answers, []);
    expect(await run.waiting()).toEqual([]);
  });
});
