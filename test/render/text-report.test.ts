/** The text report leads with the answer and fits the terminal (issue 13, item 1). */
import { describe, expect, it } from '@jest/globals';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';
import { OUTCOME_LABEL } from '../../src/render/view.js';

const cases = join(FIXTURES_DIR, 'cases');
const claudia = join(cases, 'claudia.case.yaml');
/**
 * Two lines a program's summary takes (eight programs since issue 16) and the questions that could change one.
 * 52 since the U-visa review: the certification is an element of the U visa (101(a)(15)(U)(i) "subject to
 * section 214(p)"; 214(p)(1)) and a culpable person is not a victim (8 CFR 214.14(a)(14)(iii)), so Claudia,
 * arrested for her work at the escort service and with no certification recorded, is asked three more
 * decisive questions (whether an attorney assessed her culpable, whether and when a certification was signed).
 */
const SUMMARY_LINES = 52;

/** Columns a line takes, colour codes aside (every character here is one column wide). */
const columns = (line: string) => [...line.replace(/\u001b\[[0-9;]*m/g, '')].length;
/** The lines as one paragraph: a wrapped sentence can be found whole. */
const flowed = (lines: string[]) => lines.map((line) => line.trim()).join(' ');

async function json(file: string, ...args: string[]) {
  return JSON.parse((await runCli(['screen', file, '--format', 'json', ...args])).stdout);
}

describe('the text report', () => {
  it("holds every program's result and the questions that could change one in Claudia's first 52 lines at 80 columns", async () => {
    const { stdout } = await runCli(['screen', claudia]);
    const lines = stdout.split('\n');
    const head = lines.slice(0, SUMMARY_LINES);
    const report = await json(claudia);
    const outcome: Record<string, string> = { eligible: 'ELIGIBLE', eligible_with_waiver: 'ELIGIBLE WITH A WAIVER', barred: 'BARRED', not_enough_information: 'NOT ENOUGH INFORMATION' };
    expect(report.programs).toHaveLength(8);
    for (const program of report.programs) {
      const result = program.outcome ? outcome[program.outcome] : `priority ${program.classifications.priority}, level ${program.classifications.level ?? 'undetermined'}`;
      expect(head.some((line) => line.includes(program.shortTitle) && line.includes(result!))).toBe(true);
    }
    const decisive = report.questions.filter((q: { decisive: boolean }) => q.decisive);
    expect(decisive.length).toBeGreaterThan(0);
    for (const q of decisive) expect(flowed(head)).toContain(q.question);
    expect(lines.every((line) => columns(line) <= 80)).toBe(true);
  });

  it('wraps every line of every bundled case to the width asked for, in colour too', async () => {
    for (const file of readdirSync(cases).filter((name) => name.endsWith('.case.yaml'))) {
      for (const [width, colour] of [[60, false], [80, true], [132, false]] as const) {
        const { stdout } = await runCli(['screen', join(cases, file), '--width', String(width), '--detail', '--explain'], { colorSupported: colour });
        const wide = stdout.split('\n').filter((line) => columns(line) > width);
        expect({ file, width, wide }).toEqual({ file, width, wide: [] });
      }
    }
  });

  it('keeps every result and review flag whole in the summary at the narrowest widths', async () => {
    const report = await json(claudia);
    for (const width of [40, 50, 60]) {
      const { stdout } = await runCli(['screen', claudia, '--width', String(width)]);
      const summary = stdout.split('\n').slice(0, stdout.split('\n').findIndex((line) => line.startsWith('Ask the client next')));
      const flowedSummary = flowed(summary);
      for (const program of report.programs) {
        const result = program.outcome ? OUTCOME_LABEL[program.outcome] : `priority ${program.classifications.priority}, level ${program.classifications.level ?? 'undetermined'}`;
        expect({ width, result, found: flowedSummary.includes(result!) }).toEqual({ width, result, found: true });
      }
      expect(summary.filter((line) => line.includes('needs review')).length).toBe(report.programs.filter((p: { needsReview: boolean }) => p.needsReview).length);
    }
  });

  it('says once a caution every program raises: research older than the screening date allows', async () => {
    const baseline = join(cases, 'daca-baseline.case.yaml');
    const { stdout } = await runCli(['screen', baseline, '--as-of', '2026-06-01', '--width', '1000']);
    expect(stdout.split("research is as of 2025-10-31, 213 days before the screening date").length - 1).toBe(1);
    expect(stdout).toContain("Every rule pack's research is as of 2025-10-31");
    // 180 days after the research, the line is not yet crossed.
    const fresh = await runCli(['screen', baseline, '--as-of', '2026-04-29', '--width', '1000']);
    expect(fresh.stdout).not.toContain('research is as of');
  });

  it('shows what decided each program by default and everything with --detail', async () => {
    const baseline = join(cases, 'daca-baseline.case.yaml');
    const brief = (await runCli(['screen', baseline, '--width', '1000'])).stdout;
    const detail = (await runCli(['screen', baseline, '--width', '1000', '--detail'])).stdout;
    const tVisa = (text: string) => text.slice(text.indexOf('[t-visa]'), text.indexOf('[vawa-cancellation]', text.indexOf('[t-visa]')));
    // A client never trafficked: the element not met decides the T visa; its entry ground is detail.
    expect(tVisa(brief)).toContain('Requirements not met:');
    expect(tVisa(brief)).not.toContain('Bars that apply:');
    expect(tVisa(detail)).toContain('Bars that apply:');
    expect(tVisa(detail)).toContain('Present without being admitted or paroled');
    expect(brief).toContain('--detail lists them');
    expect(brief.split('\n').length).toBeLessThan(detail.split('\n').length);
  });

  it('cites a long reference the report repeats by number, listed once at the end', async () => {
    const { stdout } = await runCli(['screen', claudia, '--detail', '--width', '1000']);
    // The memo's full title is in the source list (citations name it "ICE memo of June 30, 2010"); what repeats is its quotation.
    const memo = 'ICE memo of June 30, 2010 (M1): "absent … the requirement of mandatory detention"';
    const listed = stdout.split('\n').filter((line) => /^ {2}\[\d+\] /.test(line) && line.endsWith(`] ${memo}`));
    expect(listed).toHaveLength(1);
    const number = /\[(\d+)\]/.exec(listed[0]!)![1];
    expect(stdout).toMatch(new RegExp(`source: [^\\n]*\\[${number}\\]`));
    // Written out once: in the list.
    expect(stdout.split(memo).length - 1).toBe(1);
  });

  it('lists the full reference of every source cited once, at the end of --detail', async () => {
    const { stdout: brief } = await runCli(['screen', claudia, '--width', '1000']);
    const { stdout } = await runCli(['screen', claudia, '--detail', '--width', '1000']);
    expect(brief).not.toContain('Sources (full references):');
    const list = stdout.slice(stdout.indexOf('Sources (full references):'), stdout.indexOf('Rule packs: version'));
    const entry = (name: string) => list.split('\n').filter((line) => line.startsWith(`  ${name}: `));
    expect(entry('INA')).toHaveLength(1);
    expect(entry('INA')[0]).toContain('Immigration and Nationality Act');
    expect(entry('INA')[0]).toContain('8 U.S.C. 1101 et seq.');
    expect(entry('criteria brief')).toHaveLength(1);
    expect(entry('criteria brief')[0]).toContain('shared/domain/criteria.md');
    expect(entry('ICE memo of June 30, 2010')[0]).toContain('Policy No. 10072.1');
    // A case is named by its full citation already: it is listed without repeating it.
    expect(list).toContain('\n  Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)\n');
  });
});
