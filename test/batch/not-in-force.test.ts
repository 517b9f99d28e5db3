/**
 * relief batch with a case screened before a program's rules begin: the T visa before the TVPA 2000
 * (fixtures/cases/vawa-1999.case.yaml, 1999-06-01). The case is screened, not an error record; the
 * NDJSON record lists the T visa under notInForce, the CSV's T-visa columns say not_in_force and why
 * (the columns keep their places), triage ignores it, and the summary counts it.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runBatchCli, runCli } from '../support/run-cli.js';

const CASES = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'fixtures', 'cases');
const VAWA_1999 = join(CASES, 'vawa-1999.case.yaml');
const VAWA_2013 = join(CASES, 'vawa-baseline.case.yaml');
const IN_FORCE_IN_1999 = 'daca,morton,non-lpr-cancellation,s744-rpi,vawa-cancellation,vawa-self-petition';

const scratch = mkdtempSync(join(tmpdir(), 'relief-not-in-force-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

type Rec = Record<string, unknown> & { status: string; programs: { program: string }[]; notInForce: { program: string; inForceFrom: string }[] };
const records = (stdout: string): Rec[] => stdout.trim().split('\n').map((line) => JSON.parse(line) as Rec);

describe('a batch case screened before the T visa existed', () => {
  it('is screened: its NDJSON record lists the T visa under notInForce, and triage is as if it were not asked for', async () => {
    const run = await runBatchCli([VAWA_1999, VAWA_2013, '--quiet']);
    expect(run.code).toBe(EXIT.ok);
    const [early, later] = records(run.stdout);
    expect(early!.status).toBe('screened');
    expect(early!.programs.map((p) => p.program)).toEqual(IN_FORCE_IN_1999.split(','));
    expect(early!.notInForce).toEqual([
      expect.objectContaining({ program: 't-visa', shortTitle: 'T visa', inForceFrom: '2000-10-28', parameter: 'cooperationExemptionAge', citation: expect.stringMatching(/^TVPA 2000/) }),
      // The U visa too: the VTVPA 2000 created it the same day (issue 16).
      expect.objectContaining({ program: 'u-visa', inForceFrom: '2000-10-28', parameter: 'qualifyingCriminalActivity', citation: expect.stringMatching(/^VTVPA 2000/) }),
    ]);
    expect(later!.notInForce).toEqual([]);
    expect(later!.programs.map((p) => p.program)).toContain('t-visa');
    const without = records((await runBatchCli([VAWA_1999, '--quiet', '--program', IN_FORCE_IN_1999])).stdout)[0]!;
    expect({ triage: early!.triage, triageRank: early!.triageRank, nextQuestions: early!.nextQuestions }).toEqual({ triage: without.triage, triageRank: without.triageRank, nextQuestions: without.nextQuestions });
    expect(without.notInForce).toEqual([]);
  });

  it('has not_in_force in the CSV result column of the T visa and why in its reason column, every column in its place', async () => {
    const run = await runBatchCli([VAWA_1999, VAWA_2013, '--quiet', '--format', 'csv']);
    expect(run.code).toBe(EXIT.ok);
    const [header, early, later] = parse(run.stdout) as string[][];
    const alone = parse((await runBatchCli([VAWA_2013, '--quiet', '--format', 'csv'])).stdout) as string[][];
    expect(header).toEqual(alone[0]);
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(cell(early!, 'status')).toBe('screened');
    expect(cell(early!, 't-visa')).toBe('not_in_force');
    expect(cell(early!, 't-visa.reason')).toMatch(/^not in force: its rules begin on 2000-10-28 \(cooperationExemptionAge: TVPA 2000 sec\. 107\(e\)/);
    expect(cell(early!, 't-visa.reason')!.length).toBeLessThanOrEqual(100);
    expect(cell(early!, 'vawa-cancellation')).toBe('eligible');
    expect(cell(later!, 't-visa')).not.toBe('not_in_force');
    expect(cell(later!, 't-visa.reason')).not.toMatch(/^not in force/);
  });

  it('is counted under the T visa as not_in_force in the summary on stderr', async () => {
    const run = await runBatchCli([VAWA_1999, VAWA_2013]);
    expect(run.stderr).toContain('2 cases: 2 screened, 0 could not be screened');
    expect(run.stderr).toMatch(/│ t-visa\s+│ not_in_force\s+│ 1 /);
  });

  it('is an error record only when no program asked for is in force on its date', async () => {
    const run = await runBatchCli([VAWA_1999, VAWA_2013, '--quiet', '--program', 't-visa']);
    expect(run.code).toBe(EXIT.batchHadErrors);
    const [early, later] = records(run.stdout);
    expect(early!.status).toBe('error');
    expect(JSON.stringify(early!.errors)).toContain('1999-06-01 is before the law of every program asked for');
    expect(later!.status).toBe('screened');
  });

  it('reads as not_in_force in relief diff, the same in NDJSON and CSV, and a change when the program comes into force', async () => {
    for (const [name, extra] of [['early.ndjson', []], ['early.csv', ['--format', 'csv']], ['later.ndjson', ['--as-of', '2000-10-28']]] as const) {
      expect((await runBatchCli([VAWA_1999, '--quiet', '-o', join(scratch, name), ...extra])).code).toBe(EXIT.ok);
    }
    const same = await runCli(['diff', join(scratch, 'early.ndjson'), join(scratch, 'early.csv')]);
    expect(same.code).toBe(EXIT.ok);
    expect(same.stdout).toContain('No changes: 1 client matched');
    const changed = await runCli(['diff', join(scratch, 'early.ndjson'), join(scratch, 'later.ndjson')]);
    expect(changed.stdout).toMatch(/t-visa: not_in_force -> \w+/);
  });
});
