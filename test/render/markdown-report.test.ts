/** `--format markdown`: the summary table, the questions and the deciding findings, for a note (issue 13, item 3). */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-markdown-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const cases = join(FIXTURES_DIR, 'cases');

async function both(file: string) {
  const markdown = (await runCli(['screen', file, '--format', 'markdown'])).stdout;
  const report = JSON.parse((await runCli(['screen', file, '--format', 'json'])).stdout);
  return { markdown, report };
}

/** The summary table's rows after its header and rule. */
const tableRows = (markdown: string) => {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| Program |'));
  const rows: string[] = [];
  for (let i = start + 2; lines[i]?.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
};

/** A row's cells, escaped pipes kept inside their cell. */
const cells = (row: string) => row.slice(1, -1).split(/(?<!\\)\|/).map((cell) => cell.trim());

describe('the Markdown report', () => {
  it.each(['claudia', 'daca-baseline', 'vawa-baseline', 't-visa-baseline'])('summarizes %s: a row per program, the decisive questions, each program with what decided it', async (name) => {
    const { markdown, report } = await both(join(cases, `${name}.case.yaml`));
    const rows = tableRows(markdown);
    expect(rows).toHaveLength(report.programs.length);
    const outcome: Record<string, string> = { eligible: 'ELIGIBLE', eligible_with_waiver: 'ELIGIBLE WITH A WAIVER', barred: 'BARRED', not_enough_information: 'NOT ENOUGH INFORMATION' };
    report.programs.forEach((program: { shortTitle: string; title: string; outcome?: string; needsReview: boolean; findings: { rule: string; name: string; kind: string; status: string }[] }, i: number) => {
      const row = cells(rows[i]!);
      expect(row).toHaveLength(5);
      expect(row[0]).toBe(escapeMarkdown(program.shortTitle));
      if (program.outcome) expect(row[2]).toBe(`**${outcome[program.outcome]}**`);
      expect(row[4]).toBe(program.needsReview ? 'yes' : '');
      expect(markdown).toContain(`## ${escapeMarkdown(program.title)}`);
      // A required element not met decides the program, and is listed under it.
      for (const f of program.findings.filter((f) => f.kind === 'requirement' && f.status === 'does_not_apply')) expect(markdown).toContain(`- ${escapeMarkdown(f.name)}`);
    });
    const decisive = report.questions.filter((q: { decisive: boolean }) => q.decisive);
    decisive.forEach((q: { question: string }, i: number) => expect(markdown).toContain(`${i + 1}. ${escapeMarkdown(q.question)}`));
    expect(markdown).toContain('screening aid, not legal advice');
  });

  it('keeps case text from becoming markup: links, tags, table cells, code and emphasis are escaped', async () => {
    const hostile = '[click](https://evil.example) <img src=x onerror=alert(1)> | *bold* `code` _x_\nline';
    const text = readFileSync(join(cases, 'ramos-1326.case.yaml'), 'utf8')
      .replace('caseId: ramos-gallegos-1326', `caseId: ${JSON.stringify(hostile)}`)
      .replace('- id: illegal reentry (W.D. Pa.)', `- id: ${JSON.stringify(hostile)}`);
    const file = join(scratch, 'hostile.case.yaml');
    writeFileSync(file, text);
    const { stdout } = await runCli(['screen', file, '--format', 'markdown']);
    expect(stdout).not.toContain('[click](');
    expect(stdout).not.toMatch(/(?<!\\)<img/);
    expect(stdout).not.toMatch(/(?<!\\)`code/);
    expect(stdout).not.toMatch(/(?<!\\)\*bold/);
    expect(stdout).toContain('\\[click\\](https://evil.example) \\<img');
    // The table still has five cells a row: the pipe in the case text is escaped.
    for (const row of tableRows(stdout)) expect(cells(row)).toHaveLength(5);
  });

  it('escapes every character that is markup anywhere in a line, and folds line breaks', () => {
    expect(escapeMarkdown('a\\b`c*d_e[f]g<h>i|j~k&l\n  m')).toBe('a\\\\b\\`c\\*d\\_e\\[f\\]g\\<h\\>i\\|j\\~k&amp;l m');
  });
});
