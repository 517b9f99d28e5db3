/**
 * relief batch, in-process (one job) and, for ordering over worker threads, the built CLI with
 * --jobs 2. Inputs are small files built from the fixture cases (test/batch/data).
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_RULES_DIR, loadRulePacks } from '../../src/packs/load.js';
import { runBatchCli } from '../support/run-cli.js';

const DATA = resolve(dirname(fileURLToPath(import.meta.url)), 'data');
const ROOT = resolve(DATA, '../../..');
const scratch = mkdtempSync(join(tmpdir(), 'relief-batch-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = runBatchCli;

type Rec = Record<string, unknown> & { index: number; source: string; line: number | null; caseId: string | null; status: string };
const records = (stdout: string): Rec[] => stdout.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Rec);
const program = (record: Rec, id: string) => (record.programs as { program: string }[]).find((p) => p.program === id) as Record<string, unknown>;

/**
 * A copy of the folder fixture with a link to nothing in it (a file that cannot be read) and a
 * link back to the folder itself (which must not be walked round and round).
 */
function folderWithDanglingLink(): string {
  const folder = join(scratch, `folder-${Math.random().toString(36).slice(2)}`);
  cpSync(join(DATA, 'folder'), folder, { recursive: true });
  symlinkSync(join(folder, 'gone.yaml'), join(folder, 'dangling.yaml'));
  symlinkSync(folder, join(folder, 'nested', 'back-up'));
  return folder;
}

describe('inputs', () => {
  it('walks a folder in name order, screens the case files and keeps each broken one in its place', async () => {
    const folder = folderWithDanglingLink();
    const { code, stdout } = await run([folder]);
    expect(code).toBe(EXIT.batchHadErrors);
    const out = records(stdout);
    expect(out.map((r) => [r.source.slice(folder.length + 1), r.status])).toEqual([
      ['bad-yaml.yaml', 'error'],
      ['claudia.case.yaml', 'screened'],
      ['dangling.yaml', 'error'],
      ['nested/ramos-1326.case.yaml', 'screened'],
      ['schema-error.json', 'error'],
    ]);
    expect(out.map((r) => r.index)).toEqual([1, 2, 3, 4, 5]);
    expect(out[0]!.errors).toEqual([{ field: null, problem: expect.stringMatching(/^not valid YAML/) }]);
    expect(out[2]!.errors).toEqual([{ field: null, problem: 'no such file or folder' }]);
    expect(out[4]).toMatchObject({ caseId: 'schema-error', errors: [{ field: 'person.dateOfBirth', problem: 'is not a real calendar date (or the span ends before it starts)' }] });
    expect(program(out[3]!, 'daca')).toMatchObject({ outcome: 'barred', bars: ['daca-felony'] });
    expect(program(out[3]!, 'morton')).toMatchObject({ classifications: { priority: '1', level: '2' } });
  });

  it('reads NDJSON line by line: line numbers, bad JSON, schema errors and dates after the screening date', async () => {
    const file = join(DATA, 'cases.ndjson');
    const { code, stdout } = await run([file]);
    expect(code).toBe(EXIT.batchHadErrors);
    const out = records(stdout);
    expect(out.map((r) => [r.line, r.caseId, r.status])).toEqual([
      [1, 'daca-baseline', 'screened'],
      [3, null, 'error'],
      [4, 'ramos-gallegos', 'screened'],
      [5, 'typo', 'error'],
      [6, 'late-conviction', 'error'],
    ]);
    expect(out[1]!.errors).toEqual([{ field: null, problem: expect.stringMatching(/^not valid JSON/) }]);
    expect(out[3]!.errors).toEqual([{ field: 'person', problem: expect.stringContaining('unknown field "dateOfBrith"') }]);
    expect(out[4]!.errors).toEqual([{ field: 'criminalHistory.convictions[0].offenseDate', problem: 'the offense date (2013-06-01) is after the screening date 2013-01-15' }]);
    expect(program(out[0]!, 'daca').outcome).toBe('eligible');
  });

  it('reads a CSV roster row by row, as the same case files would be read', async () => {
    const { code, stdout } = await run([join(DATA, 'roster.csv')]);
    expect(code).toBe(EXIT.batchHadErrors);
    const out = records(stdout);
    expect(out.map((r) => [r.line, r.caseId, r.status])).toEqual([
      [2, 'daca-baseline', 'screened'],
      [3, 'ramos-gallegos-1326', 'screened'],
      [4, 'short-row', 'error'],
      [5, 'not-a-number', 'error'],
      [6, null, 'error'],
      [7, 'after-the-bad-quote', 'screened'],
    ]);
    expect(out[2]!.errors).toEqual([{ field: null, problem: 'the row has 2 cells but the header has 56 columns' }]);
    expect(out[3]!.errors).toEqual([{ field: 'criminalHistory.convictions.0.maximumPenaltyDays', problem: '"a year" is not a number' }]);
    expect(out[4]!.errors).toEqual([{ field: 'caseId', problem: expect.stringMatching(/^cannot be read as CSV: cell 1 has a quote inside an unquoted cell/) }]);
    // The roster's rows were flattened from the fixture case files: they must screen the same.
    const files = records((await run([join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), join(ROOT, 'fixtures/cases/ramos-1326.case.yaml')])).stdout);
    expect(out[0]!.programs).toEqual(files[0]!.programs);
    expect(out[1]!.programs).toEqual(files[1]!.programs);
  });

  it('reports a missing input and a file that is no kind of input, and goes on', async () => {
    const text = join(DATA, 'folder', 'notes.txt');
    const { code, stdout } = await run([join(scratch, 'missing.yaml'), text, join(ROOT, 'fixtures/cases/ramos.case.yaml')]);
    expect(code).toBe(EXIT.batchHadErrors);
    expect(records(stdout).map((r) => [r.status, (r.errors as { problem: string }[] | undefined)?.[0]?.problem ?? null])).toEqual([
      ['error', 'no such file or folder'],
      ['error', expect.stringContaining('is not a case file')],
      ['screened', null],
    ]);
  });

  it('keeps the error record of a hostile roster row short and inert: bounded cells and column names, at most 20 problems', async () => {
    const unknownColumns = Array.from({ length: 3_000 }, (_, i) => `bogus${i}`);
    const longColumn = `\u001b[2J${'k'.repeat(50_000)}`;
    const roster = join(scratch, 'hostile.csv');
    const header = ['caseId', 'criminalHistory.convictions.0.maximumPenaltyDays', longColumn, ...unknownColumns].join(',');
    writeFileSync(roster, `${header}\nc-1,\u001b]0;x\u0007${'9'.repeat(100_000)}a,,${unknownColumns.map(() => '').join(',')}\n`);
    const { code, stdout } = await run([roster]);
    expect(code).toBe(EXIT.batchHadErrors);
    const [record] = records(stdout);
    const errors = record!.errors as { field: string | null; problem: string }[];
    expect(errors).toHaveLength(21);
    expect(errors[20]).toEqual({ field: null, problem: '… and 2,982 more problems' });
    expect(stdout.length).toBeLessThan(5_000);
    expect(JSON.stringify(errors)).not.toMatch(/\\u001b|\\u0007/); // escaped as visible text, not carried as control characters
  });
});

describe('screening date', () => {
  it("uses each case's screeningDate, or --as-of for every case", async () => {
    const inputs = [join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), join(ROOT, 'fixtures/cases/ramos.case.yaml')];
    expect(records((await run(inputs)).stdout).map((r) => r.screeningDate)).toEqual(['2013-01-15', '2014-05-01']);
    expect(records((await run([...inputs, '--as-of', '2015-01-01'])).stdout).map((r) => r.screeningDate)).toEqual(['2015-01-01', '2015-01-01']);
  });

  it('refuses, case by case, an --as-of before the facts', async () => {
    const { code, stdout } = await run([join(ROOT, 'fixtures/cases/ramos-1326.case.yaml'), join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), '--as-of', '2014-05-01']);
    expect(code).toBe(EXIT.batchHadErrors);
    const [late, fine] = records(stdout);
    expect(late).toMatchObject({ status: 'error', caseId: 'ramos-gallegos-1326', errors: [{ field: 'criminalHistory.convictions[0].convictionDate', problem: expect.stringContaining('after the screening date 2014-05-01') }] });
    expect(fine).toMatchObject({ status: 'screened', screeningDate: '2014-05-01' });
  });
});

describe('outputs', () => {
  it('writes one CSV row per case with a column per program outcome or classification, from the packs', async () => {
    const { code, stdout } = await run([join(ROOT, 'fixtures/cases/ramos-1326.case.yaml'), join(DATA, 'folder', 'bad-yaml.yaml'), '--format', 'csv']);
    expect(code).toBe(EXIT.batchHadErrors);
    const { packs } = await loadRulePacks();
    // Each program's result column(s), then its reason.
    const programColumns = packs.flatMap(({ pack }) => [...(pack.kind === 'eligibility' ? [pack.program] : Object.keys(pack.classifications ?? {}).map((f) => `${pack.program}.${f}`)), `${pack.program}.reason`]);
    expect(programColumns).toEqual(expect.arrayContaining(['daca', 'daca.reason', 'morton.priority', 'morton.level', 'morton.reason']));
    const [header, ramos, broken, ...rest] = stdout.trim().split('\n');
    expect(rest).toEqual([]);
    const columns = header!.split(',');
    expect(columns).toEqual(['index', 'source', 'line', 'caseId', 'clientName', 'status', 'triage', 'triageRank', 'screeningDate', 'rulesVersion', ...programColumns, 'needsReview', 'reviewPrograms', 'nextQuestions', 'firstBar', 'errors', 'reportFile', 'toolVersion', 'caseSha256', 'producedAt', 'staleResearch', 'alsoConsider']);
    const [row] = parse(`${header}\n${ramos}\n`, { columns: true }) as Record<string, string>[];
    // DACA fails its age and arrival elements: its felony bar is not the bar to act on (firstBar is empty).
    expect(row).toMatchObject({ index: '1', caseId: 'ramos-gallegos-1326', status: 'screened', triage: 'open', triageRank: '6', screeningDate: '2014-07-01', daca: 'barred', 'daca.reason': 'not met: daca-age-limit-on-announcement (+1 more)', 'morton.priority': '1', 'morton.level': '2', needsReview: 'yes', firstBar: '', errors: '' });
    expect(broken).toMatch(/^2,.*bad-yaml\.yaml,,,,error,error,7,.*"not valid YAML: /);
  });

  it('gives a pack added to the rules folder its own columns and results, with no code change', async () => {
    const rules = join(scratch, 'rules-with-another-pack');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    cpSync(join(rules, 'morton'), join(rules, 'zz-discretion'), { recursive: true });
    const packFile = join(rules, 'zz-discretion', 'pack.json');
    writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('"program": "morton"', '"program": "zz-discretion"'));
    const input = join(ROOT, 'fixtures/cases/ramos-1326.case.yaml');
    const csv = (await run([input, '--format', 'csv', '--rules', rules])).stdout.split('\n');
    expect(csv[0]).toContain(',zz-discretion.priority,zz-discretion.level,');
    const ndjson = records((await run([input, '--rules', rules])).stdout);
    expect(program(ndjson[0]!, 'zz-discretion')).toMatchObject({ classifications: { priority: '1', level: '2' } });
  });

  it('refuses, as a broken pack (exit 3), a classification named like the reason column', async () => {
    const rules = join(scratch, 'rules-with-a-reason-classification');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const packFile = join(rules, 'morton', 'pack.json');
    writeFileSync(packFile, readFileSync(packFile, 'utf8').replaceAll('"level"', '"reason"'));
    const { code, stderr } = await run([join(ROOT, 'fixtures/cases/daca-baseline.case.yaml'), '--format', 'csv', '--rules', rules]);
    expect(code).toBe(EXIT.invalidRulePack);
    expect(stderr).toMatch(/morton\/pack\.json:\n  - classification "reason" has the name of the CSV output's reason column/);
  });

  it('limits the columns and the screening to --program', async () => {
    const { stdout } = await run([join(ROOT, 'fixtures/cases/ramos-1326.case.yaml'), '--format', 'csv', '--program', 'morton']);
    expect(stdout.split('\n')[0]).toBe('index,source,line,caseId,clientName,status,triage,triageRank,screeningDate,rulesVersion,morton.priority,morton.level,morton.reason,needsReview,reviewPrograms,nextQuestions,firstBar,errors,reportFile,toolVersion,caseSha256,producedAt,staleResearch,alsoConsider');
    expect((await run([join(ROOT, 'fixtures/cases/ramos-1326.case.yaml'), '--program', 'dapa'])).code).toBe(EXIT.usage);
  });

  it('writes --output atomically: the whole file, and no temporary file left', async () => {
    const dir = mkdtempSync(join(scratch, 'output-'));
    const target = join(dir, 'results.ndjson');
    writeFileSync(target, 'an older run\n');
    const { code, stdout } = await run([join(ROOT, 'fixtures/cases/ramos.case.yaml'), join(ROOT, 'fixtures/cases/claudia.case.yaml'), '--output', target]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe('');
    expect(records(readFileSync(target, 'utf8')).map((r) => r.caseId)).toEqual(['ramos-gallegos', 'claudia']);
    expect(readdirSync(dir)).toEqual(['results.ndjson']);
  });

  it('writes one readable report per case into --reports, errors included, named in input order', async () => {
    const dir = join(scratch, 'reports');
    const { code, stdout } = await run([join(DATA, 'cases.ndjson'), '--reports', dir]);
    expect(code).toBe(EXIT.batchHadErrors);
    const names = readdirSync(dir);
    expect(names).toEqual(['000001-daca-baseline-line1.txt', '000002-cases-line3.txt', '000003-ramos-gallegos-line4.txt', '000004-typo-line5.txt', '000005-late-conviction-line6.txt']);
    expect(records(stdout).map((r) => r.reportFile)).toEqual(names.map((n) => join(dir, n)));
    const report = readFileSync(join(dir, names[0]!), 'utf8');
    expect(report).toContain('screening aid, not legal advice');
    expect(report).toContain('Outcome: ELIGIBLE');
    expect(readFileSync(join(dir, names[1]!), 'utf8')).toMatch(/could not be screened\nInput: .*cases\.ndjson:3\n {2}- not valid JSON/);
  });

  it('summarises on stderr: counts per program and result, then the triage by what to do next', async () => {
    const folder = folderWithDanglingLink();
    const { stderr } = await run([folder, join(ROOT, 'fixtures/cases/daca-baseline.case.yaml')]);
    expect(stderr).toMatch(/^relief batch: 6 cases: 3 screened, 3 could not be screened\n/);
    expect(stderr).toMatch(/│ daca +│ barred +│ 1 +│/);
    expect(stderr).toMatch(/│ morton +│ priority 1 +│ 2 +│/);
    // The baseline client is eligible for DACA with nothing to review: first. The folder's Claudia (screened today,
    // eligible nowhere) is two questions from Morton's level; its Ramos (1326) is eligible nowhere, open on more.
    const order = [
      'Eligible for a program (ready to file first: no waiver, no review point): 1 (16.7%)',
      'One or two questions from a result (ask them next): 1 (16.7%)',
      'Open: more questions to ask, or a question of law for an attorney: 1 (16.7%)',
      'Could not be screened (fix the input and run again): 3 (50.0%)',
    ].map((title) => stderr.indexOf(title));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    const entries = stderr.split('\n').filter((line) => line.startsWith('    - '));
    expect(entries[0]).toMatch(/\(daca-baseline\): eligible: daca, s744-rpi$/);
    expect(entries[1]).toMatch(/\(claudia\): ask: criminalHistory\.convictions\[0\]\.maximumPenaltyDays, criminalHistory\.convictions\[0\]\.aggravatedFelony \| two questions from a result: morton \| review: /);
    expect(entries[2]).toMatch(/\(ramos-gallegos-1326\): open: non-lpr-cancellation, s744-rpi, /);
    expect(stderr).not.toMatch(/\u001b\[/);
    const limited = (await run([folder, '--triage', '1'])).stderr;
    expect(limited).toContain('… and 2 more (see the batch output: sort it by triageRank)');
  });
});

describe('exit codes', () => {
  it('0 when every case was screened', async () => {
    const { code, stdout } = await run([join(DATA, 'folder', 'claudia.case.yaml'), join(DATA, 'folder', 'nested')]);
    expect(code).toBe(EXIT.ok);
    expect(records(stdout)).toHaveLength(2);
  });

  it('3 before anything runs when a rule pack is broken', async () => {
    const rules = join(scratch, 'rules');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const packFile = join(rules, 'daca', 'pack.json');
    writeFileSync(packFile, readFileSync(packFile, 'utf8').replace('"citation"', '"citaton"'));
    const target = join(scratch, 'never-written.ndjson');
    const { code, stdout, stderr } = await run([join(DATA, 'cases.ndjson'), '--rules', rules, '--output', target]);
    expect(code).toBe(EXIT.invalidRulePack);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^relief: a rule pack is not valid: .*daca\/pack\.json/);
    expect(existsSync(target)).toBe(false);
  });

  it('2 for wrong usage', async () => {
    const input = join(DATA, 'cases.ndjson');
    expect((await run([input, '--jobs', '0'])).code).toBe(EXIT.usage);
    expect((await run([input, '--format', 'xml'])).code).toBe(EXIT.usage);
    expect((await run([input, '--as-of', '2014-02-30'])).code).toBe(EXIT.usage);
    expect((await run([])).code).toBe(EXIT.usage);
    const nowhere = join(scratch, 'no-such-folder', 'results.csv');
    const unwritable = await run([input, '--output', nowhere]);
    expect(unwritable).toMatchObject({ code: EXIT.usage, stdout: '', stderr: expect.stringContaining(`--output ${nowhere} cannot be written (ENOENT)`) });
  });
});

describe('worker threads (the built CLI)', () => {
  // The worker threads run compiled code, built from the current sources by test/support/build.ts.
  const built = join(ROOT, 'dist', 'cli', 'main.js');

  it('--jobs 2 gives every case exactly once, in input order, as one job does', async () => {
    // Cases of different weight interleaved with errors, so the two threads finish out of order.
    const lines: string[] = [];
    const sources = ['claudia', 'daca-baseline', 'ramos', 'ramos-1326'].map((name) => JSON.stringify(parseYaml(readFileSync(join(ROOT, 'fixtures/cases', `${name}.case.yaml`), 'utf8'))));
    for (let i = 0; i < 120; i++) lines.push(i % 7 === 3 ? '{"caseId": "broken' : sources[i % sources.length]!);
    const file = join(scratch, 'mixed.ndjson');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const cli = (jobs: string) => {
      try {
        return { code: 0, stdout: execFileSync(process.execPath, [join(ROOT, 'bin/relief.js'), 'batch', file, '--jobs', jobs, '--as-of', '2014-08-01'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }) };
      } catch (error) {
        return { code: (error as { status: number }).status, stdout: (error as { stdout: string }).stdout };
      }
    };
    const two = cli('2');
    expect(existsSync(built)).toBe(true);
    expect(two.code).toBe(EXIT.batchHadErrors);
    const out = records(two.stdout);
    expect(out.map((r) => r.line)).toEqual(lines.map((_, i) => i + 1));
    expect(out.map((r) => r.index)).toEqual(lines.map((_, i) => i + 1));
    expect(out.filter((r) => r.status === 'error').map((r) => r.line)).toEqual(lines.flatMap((_, i) => (i % 7 === 3 ? [i + 1] : [])));
    // Each run's records carry its own start time in their stamp: the same in every record, compared without it.
    expect(new Set(out.map((r) => (r.audit as { producedAt: string }).producedAt)).size).toBe(1);
    const withoutTime = (stdout: string) => stdout.replace(/"producedAt":"[^"]*"/g, '"producedAt":""');
    expect(withoutTime(two.stdout)).toBe(withoutTime(cli('1').stdout));
  }, 120_000);
});

