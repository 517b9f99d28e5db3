/**
 * A roster as a clinic's case-management system exports it: a clientName column, Y/N and 1/0
 * booleans, MM/DD/YYYY dates (read only with --date-order mdy). The name reaches the data outputs
 * and never the summary on stderr, which may be on a shared screen.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runBatchCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-clinic-roster-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const HEADER = 'caseId,clientName,screeningDate,person.dateOfBirth,person.currentLocation,person.education,entries.0.date,entries.0.manner,departures,statusHistory.0.status,statusHistory.0.from,statusHistory.0.to,removal.priorRemovals,criminalHistory.convictions,removal.inProceedings,security.gangParticipation';
const roster = (rows: string[]): string => {
  const file = join(scratch, `roster-${Math.random().toString(36).slice(2)}.csv`);
  writeFileSync(file, `${[HEADER, ...rows].join('\r\n')}\r\n`);
  return file;
};
const US_ROWS = [
  'c-1,Ana Pérez,01/15/2013,03/10/1990,united_states,high_school_diploma,05/01/2000,without_inspection,[],none,05/01/2000,present,[],[],N,n',
  'c-2,"=HYPERLINK(""x"")",01/15/2013,3/10/1990,united_states,high_school_diploma,5/1/2000,without_inspection,[],none,5/1/2000,present,[],[],0,FALSE',
  'c-3,Bea Ruiz,01/15/2013,13/10/1990,united_states,,,,,,,,,,Y,1',
];

describe('a roster as clinics export it', () => {
  it('reads MM/DD/YYYY only with --date-order mdy, and carries clientName to NDJSON and CSV, not to the summary', async () => {
    const file = roster(US_ROWS);
    const ndjson = await runBatchCli([file, '--date-order', 'mdy']);
    expect(ndjson.code).toBe(EXIT.batchHadErrors);
    const records = ndjson.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records.map((r) => [r.caseId, r.clientName, r.status])).toEqual([
      ['c-1', 'Ana Pérez', 'screened'],
      ['c-2', '=HYPERLINK("x")', 'screened'],
      ['c-3', 'Bea Ruiz', 'error'],
    ]);
    expect(records[0]).toMatchObject({ screeningDate: '2013-01-15' });
    expect(records[2]!.errors).toEqual([{ field: 'person.dateOfBirth', problem: '"13/10/1990" is not a real calendar date read as month/day/year' }]);
    for (const name of ['Ana', 'Bea', 'HYPERLINK']) expect(ndjson.stderr).not.toContain(name);
    expect(ndjson.stderr).toContain('c-3');

    const csv = await runBatchCli([file, '--date-order', 'mdy', '--format', 'csv']);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => row.clientName)).toEqual(['Ana Pérez', `'=HYPERLINK("x")`, 'Bea Ruiz']);
    expect(rows[0]!.rulesVersion).toMatch(/^[0-9a-f]{12}$/);
    expect(csv.stderr).not.toContain('Ana');
  });

  it('without --date-order mdy, a slashed date is an error naming the option, never a guess', async () => {
    const { code, stdout } = await runBatchCli([roster(US_ROWS.slice(0, 1)), '--as-of', '2013-01-15']);
    expect(code).toBe(EXIT.batchHadErrors);
    const [record] = stdout.trim().split('\n').map((line) => JSON.parse(line) as { status: string; errors: { field: string; problem: string }[] });
    expect(record!.status).toBe('error');
    expect(record!.errors.map((e) => e.field)).toEqual(['screeningDate', 'person.dateOfBirth', 'entries.0.date', 'statusHistory.0.from']);
    expect(record!.errors[0]!.problem).toContain('--date-order mdy');
  });

  it('refuses a --date-order it does not know', async () => {
    expect((await runBatchCli([roster(US_ROWS), '--date-order', 'dmy'])).code).toBe(EXIT.usage);
  });
});
