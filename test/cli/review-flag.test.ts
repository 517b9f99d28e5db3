/**
 * Issue 14, items 1 and 3: the review flag means a legal question for this client, and each field
 * means one thing in every format. A fully known client with no legal question is flagged by no
 * program (the standing cautions are listed, once, apart); Morton's level is "none" without a
 * conviction and null/"undetermined" only when the facts leave it open, in text, JSON, NDJSON and CSV.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runBatchCli, runCli } from '../support/run-cli.js';

const baseline = join(FIXTURES_DIR, 'cases', 'daca-baseline.case.yaml');
const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');

interface JsonProgram {
  program: string;
  needsReview: boolean;
  reviewReasons: { code: string }[];
  cautions: { code: string; reason: string }[];
  level?: string | null;
  undetermined?: string[];
}

async function jsonPrograms(file: string): Promise<JsonProgram[]> {
  return JSON.parse((await runCli(['screen', file, '--format', 'json'])).stdout).programs;
}

/** The CSV's cells for one row by column name (the fixtures' cells hold no commas). */
function csvRows(csv: string): Record<string, string>[] {
  const [header, ...rows] = csv.trim().split('\n');
  const columns = header!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((cell, i) => [columns[i], cell])));
}

describe('the review flag', () => {
  it('flags the fully known baseline client for review by no program; the standing cautions are listed apart', async () => {
    const programs = await jsonPrograms(baseline);
    expect(programs.length).toBeGreaterThan(0);
    for (const program of programs) expect({ program: program.program, needsReview: program.needsReview, review: program.reviewReasons }).toEqual({ program: program.program, needsReview: false, review: [] });
    const daca = programs.find((p) => p.program === 'daca')!;
    expect(daca.cautions).toEqual([expect.objectContaining({ code: 'legal-status', reason: expect.stringContaining('Texas') })]);
  });

  it('shows the baseline in text with no review line and each program\'s cautions once', async () => {
    // Wide enough that no caution is wrapped, so each can be found whole.
    const { stdout } = await runCli(['screen', baseline, '--width', '1000']);
    expect(stdout).not.toContain('NEEDS ATTORNEY REVIEW');
    expect(stdout).not.toContain('For attorney review:');
    const programs = await jsonPrograms(baseline);
    const cautionHeadings = stdout.split('\n').filter((line) => line.trim().startsWith('Cautions'));
    expect(cautionHeadings).toHaveLength(programs.filter((p) => p.cautions.length).length);
    // Each caution once: the legal-status caution is no longer repeated among review points.
    for (const caution of programs.flatMap((p) => p.cautions)) expect({ caution: caution.code, times: stdout.split(caution.reason).length - 1 }).toEqual({ caution: caution.code, times: 1 });
  });

  it('leaves the batch record of the baseline unflagged, with the cautions by code', async () => {
    const [record] = (await runBatchCli([baseline])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(record.needsReview).toBe(false);
    for (const program of record.programs) expect(program.review).toEqual([]);
    expect(record.programs.find((p: { program: string }) => p.program === 'daca').cautions).toEqual(['legal-status']);
  });
});

describe("Morton's level means one thing in every format", () => {
  it('is "none" for a client with no conviction: text, JSON, NDJSON and CSV', async () => {
    expect((await runCli(['screen', baseline])).stdout).toMatch(/^ {2}Level: none$/m);
    const morton = (await jsonPrograms(baseline)).find((p) => p.program === 'morton')!;
    expect(morton).toMatchObject({ classifications: { level: 'none' }, undetermined: [] });
    const [record] = (await runBatchCli([baseline])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(record.programs.find((p: { program: string }) => p.program === 'morton').classifications).toEqual({ priority: 'none', level: 'none' });
    const [row] = csvRows((await runBatchCli([baseline, '--format', 'csv'])).stdout);
    expect(row).toMatchObject({ 'morton.priority': 'none', 'morton.level': 'none', needsReview: 'no', reviewPrograms: '' });
  });

  it('is open only when the facts leave it open (Claudia: a conviction whose class is unknown)', async () => {
    expect((await runCli(['screen', claudia])).stdout).toMatch(/^ {2}Level: not determined by the known facts$/m);
    const morton = (await jsonPrograms(claudia)).find((p) => p.program === 'morton')!;
    expect(morton).toMatchObject({ classifications: { level: null }, undetermined: ['level'] });
    const [record] = (await runBatchCli([claudia])).stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(record.programs.find((p: { program: string }) => p.program === 'morton').classifications.level).toBeNull();
    const [row] = csvRows((await runBatchCli([claudia, '--format', 'csv'])).stdout);
    expect(row).toMatchObject({ 'morton.priority': '1', 'morton.level': 'undetermined' });
  });
});
