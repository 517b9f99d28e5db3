/** The triage summary on stderr quotes the input: it must do so inert, one line per entry, the case id bounded. */
import { describe, expect, it } from '@jest/globals';
import { Tally } from '../../src/batch/summary.js';
import type { ProgramSummary, ScreenedRecord } from '../../src/batch/records.js';
import { loadRulePacks } from '../../src/packs/load.js';

const TITLE_AND_CLEAR = 'x\u001b]0;PWNED\u0007\u001b[2J';
const SHOWN = 'x\\x1b]0;PWNED\\x07\\x1b[2J';

const barred: ProgramSummary = { program: 'daca', kind: 'eligibility', outcome: 'barred', needsReview: true, review: ['cimt'], cautions: [], bars: ['daca-felony'], waived: [] };

function screened(index: number, caseId: string): ScreenedRecord {
  return { index, source: `roster\u001b[2J.csv`, line: index + 1, caseId, status: 'screened', screeningDate: '2020-01-01', rulesVersion: 'abc', needsReview: true, programs: [barred] };
}

describe('the batch summary', () => {
  it('shows case ids, file names and problems inert, each entry on one line, a long case id bounded', async () => {
    const { packs } = await loadRulePacks();
    const tally = new Tally(packs, 10);
    tally.add(screened(1, TITLE_AND_CLEAR));
    tally.add(screened(2, `${'long'.repeat(5_000)}\u0007`));
    tally.add({ index: 3, source: 'roster.csv', line: 4, caseId: TITLE_AND_CLEAR, status: 'error', errors: [{ field: `per\nson${TITLE_AND_CLEAR}`, problem: 'unknown key\r\nsecond line' }] });
    const summary = tally.render();
    expect(summary).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
    expect(summary).toContain(`#1 roster\\x1b[2J.csv:2 (${SHOWN}): bars: daca daca-felony`);
    expect(summary).toContain(`#3 roster.csv:4 (${SHOWN}): per\\x0ason${SHOWN}: unknown key\\x0d\\x0asecond line`);
    const entries = summary.split('\n').filter((line) => line.startsWith('    - '));
    expect(entries).toHaveLength(3);
    expect(entries[1]!.length).toBeLessThan(400);
  });
});
