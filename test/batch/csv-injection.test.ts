/**
 * Item 15 of issue 10: a CSV cell a spreadsheet would evaluate as a formula (first character
 * =, +, -, @, TAB or CR) is written with a leading single quote, quoted, as OWASP recommends;
 * the numbers the tool writes itself are left as they are.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { dataWriter } from '../../src/batch/formats.js';
import type { BatchRecord } from '../../src/batch/records.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { runBatchCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-csv-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const FORMULAS = ["=cmd|' /C calc'!A0", '+1', '-1', '@SUM(1)'];
/** TAB and CR, on OWASP's list too, are control characters: every CSV text cell writes them as escapes. */
const CONTROLS = ['\tx', '\rx', 'x\u001b]0;PWNED\u0007\u001b[2J'];

async function batchCsv(input: string) {
  const { code, stdout } = await runBatchCli([input, '--format', 'csv']);
  return { code, rows: parse(stdout, { columns: true }) as Record<string, string>[], stdout };
}

describe('CSV formula injection', () => {
  it('neutralises case ids a spreadsheet would evaluate, and a CSV reader gets them back with the leading quote', async () => {
    const input = join(scratch, 'formulas.ndjson');
    writeFileSync(input, FORMULAS.map((caseId) => JSON.stringify({ caseId, screeningDate: '2020-01-01' })).join('\n'));
    const { code, rows, stdout } = await batchCsv(input);
    expect(code).toBe(EXIT.ok);
    expect(rows.map((row) => row.caseId)).toEqual(FORMULAS.map((id) => `'${id}`));
    for (const id of FORMULAS) expect(stdout).toContain(`,"'${id}",`);
    expect(rows.map((row) => row.index)).toEqual(['1', '2', '3', '4']);
    expect(stdout.split('\n')[1]).toMatch(/^1,/);
    // The tool's own values (status, outcomes, dates, rule ids) never start like a formula.
    for (const row of rows) {
      for (const [column, value] of Object.entries(row)) if (column !== 'caseId') expect(value).not.toMatch(/^['=+\-@\t\r]/);
    }
  });

  it('writes control characters in a text cell as visible escapes, so no cell can drive a terminal', async () => {
    const input = join(scratch, 'controls.ndjson');
    writeFileSync(input, CONTROLS.map((caseId) => JSON.stringify({ caseId, screeningDate: '2020-01-01' })).join('\n'));
    const { code, rows, stdout } = await batchCsv(input);
    expect(code).toBe(EXIT.ok);
    expect(rows.map((row) => row.caseId)).toEqual(['\\x09x', '\\x0dx', 'x\\x1b]0;PWNED\\x07\\x1b[2J']);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });

  it('neutralises every text cell, not only the case id, and writes numbers as they are', async () => {
    const STAMP = { toolVersion: '0.1.0', rulesVersion: 'v', caseSha256: null, screeningDate: null, producedAt: '2026-11-22T12:00:00.000Z' };
    const { packs } = await loadRulePacks();
    const writer = dataWriter('csv', packs);
    const record: BatchRecord = { index: 7, source: '=HYPERLINK("http://x")', line: 12, caseId: 'plain', triage: 'error', triageRank: 7, status: 'error', errors: [{ field: null, problem: '@cmd' }], reportFile: '-report.txt', audit: STAMP };
    const [row] = parse(writer.header + writer.line(record), { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ index: '7', line: '12', triageRank: '7', caseId: 'plain', source: `'=HYPERLINK("http://x")`, errors: "'@cmd", reportFile: "'-report.txt" });
    // The triage's text cells too: a reason and the next questions (from the packs and the case's fields).
    const screened: BatchRecord = {
      index: 8, source: 'roster.csv', line: 9, caseId: 'p', triage: 'open', triageRank: 6, status: 'screened', screeningDate: '2020-01-01', rulesVersion: 'v', needsReview: false,
      nextQuestions: ['+x', 'y'],
      staleResearch: [],
      notInForce: [],
      programs: [{ program: 'daca', kind: 'eligibility', outcome: 'not_enough_information', needsReview: false, review: [], cautions: [], bars: [], waived: [], notMet: [], decisiveQuestions: 2, reason: '=1+1', alsoConsider: [] }],
      audit: { ...STAMP, caseSha256: 'c'.repeat(64), screeningDate: '2020-01-01' },
    };
    const [second] = parse(writer.header + writer.line(screened), { columns: true }) as Record<string, string>[];
    expect(second).toMatchObject({ triage: 'open', triageRank: '6', 'daca.reason': "'=1+1", nextQuestions: "'+x;y" });
  });
});
