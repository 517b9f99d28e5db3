/**
 * relief screen on a date before a program's rules begin (packs/dated-parameters.ts): the VAWA
 * client of fixtures/cases/vawa-1999.case.yaml, screened 1999-06-01, before the TVPA 2000 created
 * the T visa. The T visa is not screened and every format says so in its summary; the other
 * programs are screened; --program chooses what is looked at; nothing in force is an error (exit 1).
 */
import { describe, expect, it } from '@jest/globals';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runCli } from '../support/run-cli.js';

const CASE = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'fixtures', 'cases', 'vawa-1999.case.yaml');
const T_VISA_BEGINS = 'its rules begin on 2000-10-28 (cooperationExemptionAge: TVPA 2000 sec. 107(e)';

const json = async (...options: string[]) => {
  const run = await runCli(['screen', CASE, '--format', 'json', ...options]);
  expect(run.code).toBe(EXIT.ok);
  return JSON.parse(run.stdout) as { screeningDate: string; notInForce: Record<string, unknown>[]; programs: { program: string; outcome?: string }[] };
};

describe('a case screened before the T visa existed', () => {
  it('is screened for every other program; the JSON report lists the T visa under notInForce with its first date, parameter and law', async () => {
    const report = await json();
    expect(report.programs.map((p) => p.program)).toEqual(['daca', 'morton', 'non-lpr-cancellation', 's744-rpi', 'vawa-cancellation', 'vawa-self-petition']);
    expect(report.programs.find((p) => p.program === 'vawa-cancellation')!.outcome).toBe('eligible');
    expect(report.notInForce).toEqual([
      {
        program: 't-visa',
        title: expect.stringContaining('T nonimmigrant status'),
        shortTitle: 'T visa',
        inForceFrom: '2000-10-28',
        parameter: 'cooperationExemptionAge',
        citation: expect.stringMatching(/^TVPA 2000 sec\. 107\(e\)/),
      },
      // The U visa came with the same Act (its division B).
      expect.objectContaining({ program: 'u-visa', shortTitle: 'U visa', inForceFrom: '2000-10-28', parameter: 'qualifyingCriminalActivity' }),
    ]);
  });

  it('says so in the summary of the text, Markdown and HTML reports', async () => {
    const text = await runCli(['screen', CASE, '--width', '200']);
    expect(text.code).toBe(EXIT.ok);
    const summary = text.stdout.slice(text.stdout.indexOf('Summary'), text.stdout.indexOf('Ask the client next'));
    expect(summary).toMatch(/ {2}VAWA cancellation {5}ELIGIBLE\n/);
    expect(summary).toMatch(/ {2}T visa {16}NOT SCREENED\n {6}not in force on the screening date: its rules begin on 2000-10-28 \(cooperationExemptionAge: TVPA 2000 sec\. 107\(e\)/);
    const markdown = await runCli(['screen', CASE, '--format', 'markdown']);
    expect(markdown.stdout).toContain(`| T visa | not yet in force | **NOT SCREENED** | not in force on the screening date: ${T_VISA_BEGINS}`);
    const html = await runCli(['screen', CASE, '--format', 'html']);
    expect(html.stdout).toMatch(/<tr data-program="t-visa"><th scope="row">T visa<\/th><td class="not-law">Not yet in force<\/td><td><span class="result tone-open" data-outcome="not_in_force">NOT SCREENED<\/span><\/td><td>not in force on the screening date: its rules begin on 2000-10-28/);
    // Nothing else of the T visa: no section, no question.
    expect(html.stdout).not.toContain('id="program-t-visa"');
    expect(text.stdout).not.toContain('[t-visa]');
  });

  it('with --program, looks only at the programs asked for: one in force is screened and nothing is listed', async () => {
    const report = await json('--program', 'vawa-cancellation');
    expect(report.programs.map((p) => p.program)).toEqual(['vawa-cancellation']);
    expect(report.notInForce).toEqual([]);
    const both = await json('--program', 'vawa-cancellation,t-visa');
    expect(both.programs.map((p) => p.program)).toEqual(['vawa-cancellation']);
    expect(both.notInForce.map((entry) => entry.program)).toEqual(['t-visa']);
  });

  it('is refused (exit 1) when no program asked for is in force, naming the date, the first date, the parameter, its file and the law', async () => {
    const run = await runCli(['screen', CASE, '--program', 't-visa']);
    expect(run.code).toBe(EXIT.invalidCase);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('screeningDate: 1999-06-01 is before the law of every program asked for, so none can be screened on that date: T visa (t-visa) from 2000-10-28, the first date from which its rules give parameter "cooperationExemptionAge" (rules/t-visa/parameters.json) a value (TVPA 2000 sec. 107(e)');
    expect(run.stderr).toContain('(choose a later screening date, or --as-of)');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('leaves the T visa out the day before the TVPA 2000 and screens it from that day on', async () => {
    const before = await json('--as-of', '2000-10-27');
    expect(before.notInForce.map((entry) => entry.program)).toEqual(['t-visa', 'u-visa']);
    expect((await runCli(['screen', CASE, '--as-of', '2000-10-27', '--program', 't-visa'])).code).toBe(EXIT.invalidCase);
    const onTheDay = await json('--as-of', '2000-10-28');
    expect(onTheDay.notInForce).toEqual([]);
    expect(onTheDay.programs.map((p) => p.program)).toContain('t-visa');
    expect((await json('--as-of', '2000-10-28', '--program', 't-visa')).programs.map((p) => p.program)).toEqual(['t-visa']);
  });

  it('relief flips looks for changes only in the programs screened, and lists the T visa as not screened', async () => {
    const run = await runCli(['flips', CASE, '--format', 'json']);
    expect(run.code).toBe(EXIT.ok);
    const flips = JSON.parse(run.stdout) as { notInForce: { program: string }[]; programs: { program: string }[] };
    expect(flips.programs.map((p) => p.program)).toEqual(['daca', 'morton', 'non-lpr-cancellation', 's744-rpi', 'vawa-cancellation', 'vawa-self-petition']);
    expect(flips.notInForce.map((entry) => entry.program)).toEqual(['t-visa', 'u-visa']);
    const text = await runCli(['flips', CASE]);
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(`T visa: not screened Not in force on the screening date: ${T_VISA_BEGINS}`);
    const refused = await runCli(['flips', CASE, '--program', 't-visa']);
    expect(refused.code).toBe(EXIT.invalidCase);
    expect(refused.stderr).toContain('vawa-1999.case.yaml:\n  - screeningDate: 1999-06-01 is before the law of every program asked for');
  });
});
