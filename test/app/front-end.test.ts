/**
 * One front end (src/app/front-end.ts) for every way a case is screened: `relief screen` of a file
 * and of standard input, `relief batch` of a case file and of an NDJSON line, and the fixture test's
 * route agree on the same case (same results, same hash of the same bytes), and `relief screen`,
 * `relief flips` and `relief batch` refuse the same bad case with the same problems.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Screener } from '../../src/app/screen.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runBatchCli, runCli } from '../support/run-cli.js';
import { screenFixture } from '../support/screened.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-front-end-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const claudia = parse(readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), 'utf8')) as Record<string, unknown>;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The case as one JSON text, written both as a case file and as the only line of an NDJSON file (same bytes). */
function written(name: string, caseValue: unknown): { file: string; ndjson: string; text: string } {
  const text = JSON.stringify(caseValue);
  const file = join(scratch, `${name}.json`);
  const ndjson = join(scratch, `${name}.ndjson`);
  writeFileSync(file, text);
  writeFileSync(ndjson, `${text}\n`);
  return { file, ndjson, text };
}

const stdinOf = (text: string) =>
  async function* pipe() {
    yield Buffer.from(text, 'utf8');
  };

interface ProgramLike {
  program: string;
  outcome?: string;
  classifications?: Record<string, string | null>;
  needsReview: boolean;
}
const results = (programs: ProgramLike[]) => programs.map(({ program, outcome, classifications, needsReview }) => ({ program, outcome, classifications, needsReview }));

describe('every caller screens a case through the one front end', () => {
  it('gives the same results, screening date and hash for the same case, however it arrives', async () => {
    const { file, ndjson, text } = written('claudia', claudia);
    const fromFile = JSON.parse((await runCli(['screen', file, '--format', 'json'])).stdout);
    const fromStdin = JSON.parse((await runCli(['screen', '-', '--format', 'json'], { stdin: stdinOf(text) })).stdout);
    const batch = (input: string) => runBatchCli([input, '--format', 'ndjson']).then(({ stdout }) => JSON.parse(stdout.trim()));
    const [fromCaseFile, fromLine] = [await batch(file), await batch(ndjson)];
    const { report: fromFixture } = await screenFixture(new Screener(await loadRulePacks()), { caseValue: claudia, file: 'claudia' });

    const expected = results(fromFile.programs);
    expect(expected.length).toBeGreaterThan(1);
    for (const other of [fromStdin, fromCaseFile, fromLine, fromFixture]) {
      expect(results(other.programs)).toEqual(expected);
      expect(other.screeningDate).toBe('2012-09-15');
    }
    // The same bytes, whichever way they were read: the same hash.
    for (const stamped of [fromFile, fromStdin, fromCaseFile, fromLine]) expect(stamped.audit.caseSha256).toBe(sha256(text));
    expect(fromFile.source).toBe(file);
    expect(fromStdin.source).toBe('(standard input)');
  });

  it('refuses the same bad case with the same problems in screen, flips and batch', async () => {
    // An entry dated after the screening date, and a field the schema does not know.
    const { file } = written('late', { ...claudia, entries: [{ date: '2013-01-01' }], shoeSize: 9 });
    const screened = await runCli(['screen', file]);
    expect(screened.code).toBe(EXIT.invalidCase);
    expect(screened.stderr).toMatch(/unknown field "shoeSize"/);
    expect(await runCli(['flips', file])).toMatchObject({ code: EXIT.invalidCase, stderr: screened.stderr });
    const record = JSON.parse((await runBatchCli([file, '--format', 'ndjson'])).stdout.trim()) as { errors: { field: string | null; problem: string }[] };
    const problems = screened.stderr.split('\n').filter((line) => line.startsWith('  - '));
    expect(record.errors.map(({ field, problem }) => `  - ${field === null ? problem : `${field}: ${problem}`}`)).toEqual(problems);

    // Valid, but dated before its own entry: refused by the screening-date check, in each caller alike.
    const { file: early } = written('early', { ...claudia, entries: [{ date: '2013-01-01' }] });
    const late = await runCli(['screen', early]);
    expect(late.stderr).toContain('entries[0].date: the entry date (2013-01-01) is after the screening date 2012-09-15');
    expect(await runCli(['flips', early])).toMatchObject({ code: EXIT.invalidCase, stderr: late.stderr });
    const lateRecord = JSON.parse((await runBatchCli([early, '--format', 'ndjson'])).stdout.trim()) as { errors: { field: string | null; problem: string }[] };
    expect(lateRecord.errors).toEqual([{ field: 'entries[0].date', problem: 'the entry date (2013-01-01) is after the screening date 2012-09-15' }]);
  });
});
