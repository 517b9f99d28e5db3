/**
 * The triage summary on stderr: ranked by what to do next, every input counted once, the first
 * entries of each group kept by rank however the records arrive; and it quotes the input inert,
 * one line per entry, the case id bounded, never the client's name.
 */
import { describe, expect, it } from '@jest/globals';
import { Tally } from '../../src/batch/summary.js';
import type { BatchRecord, ProgramSummary, ScreenedRecord } from '../../src/batch/records.js';
import type { TriageGroup } from '../../src/batch/triage.js';
import { loadRulePacks } from '../../src/packs/load.js';

const TITLE_AND_CLEAR = 'x\u001b]0;PWNED\u0007\u001b[2J';
const SHOWN = 'x\\x1b]0;PWNED\\x07\\x1b[2J';

const barred: ProgramSummary = { program: 'daca', kind: 'eligibility', outcome: 'barred', needsReview: true, review: ['cimt'], cautions: [], bars: ['daca-felony'], waived: [], notMet: [], reason: 'bar: daca-felony', alsoConsider: [] };

function screened(index: number, caseId: string, triage: TriageGroup = 'barred', triageRank = 5, programs = [barred]): ScreenedRecord {
  return { index, source: `roster\u001b[2J.csv`, line: index + 1, caseId, clientName: 'Never On Stderr', triage, triageRank, status: 'screened', screeningDate: '2020-01-01', rulesVersion: 'abc', needsReview: true, nextQuestions: ['person.education', 'entries[0].date'], staleResearch: [], notInForce: [], programs, audit: { ...STAMP, caseSha256: 'c'.repeat(64), screeningDate: '2020-01-01' } };
}

/** The summary reads no audit stamp; the records carry one as the batch makes them. */
const STAMP = { toolVersion: '0.1.0', rulesVersion: 'abc', caseSha256: null, screeningDate: null, producedAt: '2026-11-22T12:00:00.000Z' };

const entries = (summary: string) => summary.split('\n').filter((line) => line.startsWith('    - '));

describe('the batch summary', () => {
  it('shows case ids, file names and problems inert, each entry on one line, a long case id bounded, no client name', async () => {
    const { packs } = await loadRulePacks();
    const tally = new Tally(packs, 10);
    tally.add(screened(1, TITLE_AND_CLEAR));
    tally.add(screened(2, `${'long'.repeat(5_000)}\u0007`));
    tally.add({ index: 3, source: 'roster.csv', line: 4, caseId: TITLE_AND_CLEAR, triage: 'error', triageRank: 7, status: 'error', errors: [{ field: `per\nson${TITLE_AND_CLEAR}`, problem: 'unknown key\r\nsecond line' }], audit: STAMP });
    const summary = tally.render();
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
    expect(summary).toContain(`#1 roster\\x1b[2J.csv:2 (${SHOWN}): bars: daca daca-felony | review: daca`);
    expect(summary).toContain(`#3 roster.csv:4 (${SHOWN}): per\\x0ason${SHOWN}: unknown key\\x0d\\x0asecond line`);
    expect(summary).not.toContain('Never On Stderr');
    expect(entries(summary)).toHaveLength(3);
    expect(entries(summary)[1]!.length).toBeLessThan(400);
  });

  it('lists each group by rank, then input order, keeping only the first entries of each, and counts every input once', async () => {
    const { packs } = await loadRulePacks();
    const tally = new Tally(packs, 2);
    const open: ProgramSummary = { ...barred, outcome: 'not_enough_information', bars: [], decisiveQuestions: 2, reason: 'open: daca-education-or-military' };
    const eligible: ProgramSummary = { ...barred, outcome: 'eligible', bars: [], needsReview: false, reason: null };
    const records: BatchRecord[] = [
      screened(1, 'two-away', 'questions', 4, [open]),
      screened(2, 'eligible-with-review', 'eligible', 2, [{ ...eligible, needsReview: true }]),
      screened(3, 'one-away', 'questions', 3, [{ ...open, decisiveQuestions: 1 }]),
      screened(4, 'ready', 'eligible', 1, [eligible]),
      screened(5, 'also-ready', 'eligible', 1, [eligible]),
      screened(6, 'barred'),
      screened(7, 'open', 'open', 6, [{ ...open, decisiveQuestions: 3 }]),
    ];
    for (const record of records) tally.add(record);
    const summary = tally.render();
    const ids = entries(summary).map((line) => /\(([a-z-]+)\)/.exec(line)![1]);
    expect(ids).toEqual(['ready', 'also-ready', 'one-away', 'two-away', 'barred', 'open']);
    expect(summary).toContain('Eligible for a program (ready to file first: no waiver, no review point): 3 (42.9%)');
    expect(summary).toContain('    … and 1 more (see the batch output: sort it by triageRank)');
    expect(summary).toContain('(one-away): ask: person.education | one question from a result: daca');
    expect(summary).toContain('(two-away): ask: person.education, entries[0].date | two questions from a result: daca');
    const counted = [...summary.matchAll(/^ {2}\S.*: (\d+) \(/gm)].map((match) => Number(match[1]));
    expect(counted.reduce((a, b) => a + b)).toBe(records.length);
  });
});
