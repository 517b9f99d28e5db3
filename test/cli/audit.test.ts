/**
 * The audit stamp (src/app/audit.ts): on a report in every format, and on every batch record,
 * screened or not. The hash is checked against node:crypto's over the file's own bytes, and the
 * time against the CLI's injected clock (TEST_TODAY).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { TEST_TODAY, runBatchCli, runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-audit-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');
const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('hex');
const PACKAGE_VERSION = (JSON.parse(readFileSync(join(FIXTURES_DIR, '..', 'package.json'), 'utf8')) as { version: string }).version;
const PRODUCED_AT = TEST_TODAY.toISOString();

describe('the audit stamp on a report', () => {
  it('gives the tool and rules versions, the hash of the case file\'s bytes, the screening date and the time produced', async () => {
    const { code, stdout } = await runCli(['screen', claudia, '--format', 'json']);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(stdout) as { rulesVersion: string; screeningDate: string; audit: unknown };
    expect(report.audit).toEqual({
      toolVersion: PACKAGE_VERSION,
      rulesVersion: report.rulesVersion,
      caseSha256: sha256(readFileSync(claudia)),
      screeningDate: '2012-09-15',
      producedAt: PRODUCED_AT,
    });
  });

  it('is in the Markdown and the HTML report too', async () => {
    const hash = sha256(readFileSync(claudia));
    const markdown = (await runCli(['screen', claudia, '--format', 'markdown'])).stdout;
    expect(markdown).toContain(`*Audit: relief-screen ${PACKAGE_VERSION} · case file SHA-256 ${hash} · screening date 2012-09-15 · produced ${PRODUCED_AT}*`);
    const html = (await runCli(['screen', claudia, '--format', 'html'])).stdout;
    expect(html).toContain(`relief-screen ${PACKAGE_VERSION} · case file SHA-256 <span class="hash">${hash}</span> · screening date 2012-09-15 · produced ${PRODUCED_AT}`);
  });

  it('keeps the case file\'s hash with --what-if, which the report lists as the changes made', async () => {
    const { stdout } = await runCli(['screen', claudia, '--format', 'json', '--what-if', 'person.education=ged']);
    const report = JSON.parse(stdout) as { whatIfs: string[]; audit: { caseSha256: string } };
    expect(report.audit.caseSha256).toBe(sha256(readFileSync(claudia)));
    expect(report.whatIfs).toEqual(['person.education = "ged"']);
  });

  it('closes the text report once, whole on one line when the width allows and wrapped at 80 columns', async () => {
    const narrow = (await runCli(['screen', claudia])).stdout.split('\n');
    const at = narrow.findIndex((line) => line.startsWith('Audit: '));
    expect(narrow.slice(at).join(' ').replace(/\s+/g, ' ')).toContain(`case SHA-256 ${sha256(readFileSync(claudia))}`);
    const { stdout } = await runCli(['screen', claudia, '--width', '1000']);
    const stamp = stdout.split('\n').filter((line) => line.startsWith('Audit: '));
    expect(stamp).toEqual([`Audit: relief-screen ${PACKAGE_VERSION} · rules ${/Rule packs: version ([0-9a-f]{12})/.exec(stdout)![1]} · case SHA-256 ${sha256(readFileSync(claudia))} · screening date 2012-09-15 · produced ${PRODUCED_AT}`]);
  });

  it('names the same version relief --version prints', async () => {
    expect((await runCli(['--version'])).stdout.trim()).toBe(PACKAGE_VERSION);
  });
});

describe('the audit stamp on batch records', () => {
  const ndjsonLine = '{"caseId":"n-1","screeningDate":"2013-01-15"}';
  const brokenLine = '{"caseId": "broken';
  const header = 'caseId,screeningDate,person.name';
  const row = 'r-1,2013-01-15,"Row, Client"';
  const badRow = 'r-2,2013-01-15';

  it('stamps every NDJSON record, screened or not, with the hash of what it was read from', async () => {
    const cases = join(scratch, 'cases.ndjson');
    writeFileSync(cases, `${ndjsonLine}\r\n${brokenLine}\n`);
    const roster = join(scratch, 'roster.csv');
    writeFileSync(roster, `${header}\r\n${row}\r\n${badRow}\r\n`);
    const absent = join(scratch, 'absent.yaml');
    const { code, stdout } = await runBatchCli([claudia, cases, roster, absent, '--quiet']);
    expect(code).toBe(EXIT.batchHadErrors);
    const records = stdout.trim().split('\n').map((line) => JSON.parse(line) as { caseId: string | null; status: string; rulesVersion?: string; audit: Record<string, unknown> });
    const rulesVersion = records[0]!.rulesVersion;
    const stamp = (caseSha256: string | null, screeningDate: string | null) => ({ toolVersion: PACKAGE_VERSION, rulesVersion, caseSha256, screeningDate, producedAt: PRODUCED_AT });
    expect(records.map((record) => [record.status, record.audit])).toEqual([
      ['screened', stamp(sha256(readFileSync(claudia)), '2012-09-15')],
      // An NDJSON line: its bytes without the line end.
      ['screened', stamp(sha256(ndjsonLine), '2013-01-15')],
      // Not JSON, but read: the hash of what was read; no screening date was set by --as-of.
      ['error', stamp(sha256(brokenLine), null)],
      // A roster row: the header's bytes, a line feed, the row's bytes.
      ['screened', stamp(sha256(`${header}\n${row}`), '2013-01-15')],
      ['error', stamp(sha256(`${header}\n${badRow}`), null)],
      // Nothing was read.
      ['error', stamp(null, null)],
    ]);
  });

  it('adds the stamp\'s columns after the others (only staleResearch and alsoConsider, added later, follow them), filled on error rows too, with --as-of as an error row\'s screening date', async () => {
    const cases = join(scratch, 'two.ndjson');
    writeFileSync(cases, `${ndjsonLine}\n${brokenLine}\n`);
    const { stdout } = await runBatchCli([cases, '--quiet', '--format', 'csv', '--as-of', '2014-01-01']);
    const [columns] = stdout.split('\n');
    expect(columns!.split(',').slice(-6)).toEqual(['reportFile', 'toolVersion', 'caseSha256', 'producedAt', 'staleResearch', 'alsoConsider']);
    const rows = parse(stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.status, r.screeningDate, r.rulesVersion, r.toolVersion, r.caseSha256, r.producedAt])).toEqual([
      ['screened', '2014-01-01', expect.stringMatching(/^[0-9a-f]{12}$/), PACKAGE_VERSION, sha256(ndjsonLine), PRODUCED_AT],
      ['error', '2014-01-01', rows[0]!.rulesVersion, PACKAGE_VERSION, sha256(brokenLine), PRODUCED_AT],
    ]);
  });

  it('puts the stamp in each --reports report, an error\'s included', async () => {
    const cases = join(scratch, 'reported.ndjson');
    writeFileSync(cases, `${ndjsonLine}\n${brokenLine}\n`);
    const { stdout } = await runBatchCli([cases, '--quiet', '--reports', join(scratch, 'reports')]);
    const [screened, failed] = stdout.trim().split('\n').map((line) => readFileSync((JSON.parse(line) as { reportFile: string }).reportFile, 'utf8'));
    // The text report wraps at 80 columns: read its stamp as one paragraph.
    expect(screened!.replace(/\s+/g, ' ')).toContain(`case SHA-256 ${sha256(ndjsonLine)} · screening date 2013-01-15 · produced ${PRODUCED_AT}`);
    expect(failed).toContain(`input SHA-256 ${sha256(brokenLine)} · produced ${PRODUCED_AT}`);
  });
});
