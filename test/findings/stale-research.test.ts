/**
 * The stale-research caution as part of the result (src/findings/stale-research.ts): in the JSON
 * report's staleResearch, in a batch record's staleResearch and in the CSV's last column, on both
 * sides of the line (180 days after the packs' research, 2025-10-31: 2026-04-29 is not past it).
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runBatchCli, runCli } from '../support/run-cli.js';

const baseline = join(FIXTURES_DIR, 'cases', 'daca-baseline.case.yaml');
const json = async (asOf: string) => JSON.parse((await runCli(['screen', baseline, '--format', 'json', '--as-of', asOf])).stdout);

describe('stale research in the result', () => {
  it('is listed per program in the JSON report once the research is more than 180 days old, and not on day 180', async () => {
    const report = await json('2026-06-01');
    expect(report.staleResearch.length).toBe(report.programs.length);
    for (const [i, program] of report.programs.entries()) {
      expect(report.staleResearch[i]).toEqual({ program: program.program, packVersion: program.packVersion, researchedAsOf: '2025-10-31', ageDays: 213 });
    }
    expect((await json('2026-04-29')).staleResearch).toEqual([]);
    expect((await json('2026-04-30')).staleResearch.map((entry: { ageDays: number }) => entry.ageDays)).toContain(181);
  });

  it('is a batch record field and a CSV column after the audit stamp, by program id', async () => {
    const record = JSON.parse((await runBatchCli([baseline, '--as-of', '2026-06-01'])).stdout.trim());
    expect(record.staleResearch).toEqual(record.programs.map((p: { program: string }) => p.program));
    const csv = (await runBatchCli([baseline, '--as-of', '2026-06-01', '--format', 'csv'])).stdout;
    const header = csv.split('\n')[0]!.split(',');
    expect(header.slice(header.indexOf('producedAt') + 1)).toEqual(['staleResearch', 'alsoConsider']);
    const [row] = parse(csv, { columns: true }) as Record<string, string>[];
    expect(row!.staleResearch).toBe(record.staleResearch.join(';'));
    const fresh = JSON.parse((await runBatchCli([baseline, '--as-of', '2026-04-29'])).stdout.trim());
    expect(fresh.staleResearch).toEqual([]);
  });
});
