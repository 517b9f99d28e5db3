/**
 * relief diff between two single-case screenings (two JSON reports): a case and the same case with
 * --what-if. Program by program it shows the results that changed and the findings that did: the
 * rules whose status changed (with their names), needs review, and the review points added or
 * removed, with each report's what-ifs in the header; in text, CSV and NDJSON. Seed 000's question
 * (Ramos pleading to the 1325 misdemeanor instead of the 1326 felony, the three flags of docs/commands.md).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/run-cli.js';

const CASES = resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/cases');
const scratch = mkdtempSync(join(tmpdir(), 'relief-diff-single-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (name: string): string => join(scratch, name);

/** docs/commands.md's "plead to 1325 instead of 1326": three coordinated changes to the conviction. */
const PLEA_1325 = [
  '--what-if',
  'criminalHistory.convictions.0.maximumPenaltyDays=180',
  '--what-if',
  'criminalHistory.convictions.0.offenseTypes=[illegal_entry_1325_first]',
  '--what-if',
  'criminalHistory.convictions.0.label=misdemeanor',
];

async function report(name: string, caseFile: string, extra: string[] = []): Promise<string> {
  const { code, stdout } = await runCli(['screen', join(CASES, caseFile), '--format', 'json', ...extra]);
  expect(code).toBe(EXIT.ok);
  writeFileSync(at(name), stdout);
  return at(name);
}

let ramos: string;
let plea: string;
beforeAll(async () => {
  ramos = await report('ramos-1326.json', 'ramos-1326.case.yaml');
  plea = await report('ramos-1325-plea.json', 'ramos-1326.case.yaml', PLEA_1325);
});

/** The lines of a text diff under its changed client. */
const changeLines = (stdout: string): string[] => stdout.split('\n').filter((line) => line.startsWith('    '));

describe('relief diff of a case and its what-if', () => {
  it('shows the what-ifs, then program by program the results and findings that changed', async () => {
    const { code, stdout } = await runCli(['diff', ramos, plea]);
    expect(code).toBe(EXIT.diffFoundChanges);
    expect(stdout).toContain(
      [
        '  What if (new): criminalHistory.convictions.0.maximumPenaltyDays = 180',
        '  What if (new): criminalHistory.convictions.0.offenseTypes = ["illegal_entry_1325_first"]',
        '  What if (new): criminalHistory.convictions.0.label = "misdemeanor"',
      ].join('\n'),
    );
    const lines = changeLines(stdout);
    // DACA stays barred (by age and arrival), but no longer finds a felony.
    expect(lines.filter((line) => line.startsWith('    daca'))).toEqual(['    daca finding daca-felony (Has been convicted of a felony; bar): applies -> does not apply']);
    expect(lines).toContain('    morton level: 2 -> 3');
    expect(lines).toContain('    morton finding morton-level-3 (Level 3: aliens convicted of crimes punishable by less than one year; classification): does not apply -> applies');
    // S.744: the disputed "violation of this Act" reading no longer decides; the prior removal still needs the waiver.
    const s744 = lines.filter((line) => line.startsWith('    s744-rpi'));
    expect(s744[0]).toBe('    s744-rpi: not_enough_information -> eligible_with_waiver');
    expect(s744).toContain('    s744-rpi finding s744-felony (Convicted of an offense classified as a felony in the convicting jurisdiction; bar): unknown -> does not apply');
    expect(s744.some((line) => line.startsWith('    s744-rpi review point removed: disputedExclusion: Two readings of an 8 U.S.C. 1325/1326 conviction'))).toBe(true);
    expect(s744.some((line) => line.includes('needs review'))).toBe(false);
    // Program by program, in the report's order.
    const programs = lines.map((line) => line.trim().split(/[ :]/)[0]);
    expect(programs).toEqual([...programs].sort());
    expect(lines.some((line) => /^    (t-visa|vawa)/.test(line))).toBe(false);
  });

  it('read the other way, adds what the what-if removed and names the old side\'s what-ifs', async () => {
    const { stdout } = await runCli(['diff', plea, ramos]);
    expect(stdout).toContain('  What if (old): criminalHistory.convictions.0.label = "misdemeanor"');
    const lines = changeLines(stdout);
    expect(lines).toContain('    daca finding daca-felony (Has been convicted of a felony; bar): does not apply -> applies');
    expect(lines.some((line) => line.startsWith('    s744-rpi review point added: disputedExclusion:'))).toBe(true);
  });

  it('shows a change of needs review, and says "no changes" for the same screening', async () => {
    const base = await report('baseline.json', 'daca-baseline.case.yaml');
    const convicted = await report('baseline-convicted.json', 'daca-baseline.case.yaml', [
      '--what-if',
      'criminalHistory.convictions.0={offenseDate: 2010-01-01, convictionDate: 2010-02-01, maximumPenaltyDays: 365, jurisdiction: state, label: misdemeanor, offenseTypes: [theft]}',
    ]);
    const lines = changeLines((await runCli(['diff', base, convicted])).stdout);
    expect(lines.slice(0, 2)).toEqual(['    daca: eligible -> not_enough_information', '    daca needs review: no -> yes']);
    expect(lines.some((line) => line.startsWith('    daca review point added: punishableByExactlyOneYear:'))).toBe(true);
    const same = await runCli(['diff', ramos, ramos]);
    expect(same.code).toBe(EXIT.ok);
    expect(same.stdout).toMatch(/No changes: 1 client matched, each with the same status, outcome, priority and level, the same findings and review points in every program compared/);
  });

  it('reads a report written before the classifications were nested (priority and level as keys of the program item)', async () => {
    const nested = JSON.parse(readFileSync(plea, 'utf8')) as { programs: Record<string, unknown>[] };
    const flat = {
      ...nested,
      programs: nested.programs.map(({ classifications, ...program }) => ({ ...program, ...(classifications as Record<string, unknown> | undefined) })),
    };
    writeFileSync(at('plea-flat.json'), JSON.stringify(flat));
    expect(nested.programs.some((program) => program.classifications)).toBe(true);
    expect((await runCli(['diff', at('plea-flat.json'), plea])).code).toBe(EXIT.ok);
    const lines = changeLines((await runCli(['diff', ramos, at('plea-flat.json')])).stdout);
    expect(lines).toContain('    morton level: 2 -> 3');
  });

  it('writes the same changes as CSV rows (the rule in the field, its name in detail) and NDJSON', async () => {
    const rows = parse((await runCli(['diff', ramos, plea, '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.filter((row) => row.change === 'what_if_new').map((row) => row.new)).toHaveLength(3);
    const changed = rows.filter((row) => row.change === 'changed');
    expect(changed[0]).toMatchObject({ program: 'daca', field: 'finding:daca-felony', old: 'applies', new: 'does_not_apply', detail: 'Has been convicted of a felony' });
    expect(changed.map((row) => row.program)).toEqual([...changed.map((row) => row.program)].sort());
    expect(changed).toContainEqual(expect.objectContaining({ program: 's744-rpi', field: 'outcome', old: 'not_enough_information', new: 'eligible_with_waiver', detail: '' }));
    expect(changed.find((row) => row.field === 'reviewPoint')).toMatchObject({ program: 's744-rpi', new: '' });

    const [sides, client] = (await runCli(['diff', ramos, plea, '--format', 'ndjson'])).stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, any>);
    expect(sides!.old.whatIfs).toEqual([]);
    expect(sides!.new.whatIfs).toHaveLength(3);
    expect(client!.findings[0]).toEqual({
      program: 'daca',
      needsReview: null,
      rules: [{ rule: 'daca-felony', name: 'Has been convicted of a felony', kind: 'bar', old: 'applies', new: 'does_not_apply' }],
      reviewAdded: [],
      reviewRemoved: [],
    });
  });

  it('refuses a report whose findings are not rule results, naming the file and the program', async () => {
    const broken = at('broken.json');
    const value = JSON.parse((await runCli(['screen', join(CASES, 'ramos.case.yaml'), '--format', 'json'])).stdout);
    value.programs[0].findings = [{ name: 'no rule id' }];
    writeFileSync(broken, JSON.stringify(value));
    const { code, stderr } = await runCli(['diff', ramos, broken]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(`cannot compare: ${broken} program "daca" has a finding without its "rule" and "status"`);
  });
});
