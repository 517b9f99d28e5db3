/**
 * relief roster-template: its example row screens without an error, every column is one the roster
 * reader takes, the columns come in the measured order, and docs/roster-columns.md is what
 * `--markdown` prints (so the guide cannot drift from the template).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { headerIssues, rosterColumns } from '../../src/batch/roster.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { RANKING } from '../../src/cli/roster-template-data.js';
import { runBatchCli, runCli } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const scratch = mkdtempSync(join(tmpdir(), 'relief-template-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('relief roster-template', () => {
  it('prints a header and an example row that screens without an error', async () => {
    const { code, stdout } = await runCli(['roster-template']);
    expect(code).toBe(EXIT.ok);
    const [header, example, ...rest] = stdout.trim().split('\n');
    expect(rest).toEqual([]);
    expect(headerIssues(rosterColumns(header!.split(',')))).toEqual([]);
    const file = join(scratch, 'template.csv');
    writeFileSync(file, stdout);
    const batch = await runBatchCli([file, '--format', 'csv']);
    expect(batch.code).toBe(EXIT.ok);
    const [row] = parse(batch.stdout, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ caseId: 'daca-baseline', clientName: 'Baseline client', status: 'screened', daca: 'eligible', errors: '' });
    expect(example!.split(',').length).toBe(header!.split(',').length);
  });

  it('puts who the client is first, then the columns in the measured order, most decisive first', async () => {
    const header = (await runCli(['roster-template'])).stdout.split('\n')[0]!.split(',');
    expect(header.slice(0, 2)).toEqual(['caseId', 'clientName']);
    // A status period's status is required: it comes before the first of its item's ranked columns.
    const ranked = RANKING.columns.map((c) => c.column.replace(/\.N(?=\.|$)/g, '.0'));
    const first = ranked.findIndex((name) => name.startsWith('statusHistory.0.'));
    expect(header.slice(2)).toEqual([...ranked.slice(0, first), 'statusHistory.0.status', ...ranked.slice(first)]);
    const changed = RANKING.columns.map((c) => c.changed);
    expect(changed).toEqual([...changed].sort((a, b) => b - a));
    expect(changed.every((n) => n > 0)).toBe(true);
  });

  it('docs/roster-columns.md is the --markdown guide, one line per column', async () => {
    const { stdout } = await runCli(['roster-template', '--markdown']);
    expect(readFileSync(join(ROOT, 'docs/roster-columns.md'), 'utf8')).toBe(stdout);
    const header = (await runCli(['roster-template'])).stdout.split('\n')[0]!.split(',');
    const lines = stdout.split('\n').filter((line) => /^\d+\. `/.test(line));
    expect(lines.map((line) => /^\d+\. `([^`]+)`/.exec(line)![1])).toEqual(header);
  });
});
