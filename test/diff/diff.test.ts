/**
 * relief diff over real outputs: the same run twice is "no changes" (exit 0); a run with a pack
 * parameter changed in a copy of the rules lists exactly the clients whose results it moved (exit 1);
 * a client on one side only is reported; bad input is one paragraph naming the file (exit 2).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { parse } from 'csv-parse/sync';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_RULES_DIR } from '../../src/packs/load.js';
import { runBatchCli, runCli } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CASES = join(ROOT, 'fixtures/cases');
const CASE_FILES = readdirSync(CASES).filter((name) => name.endsWith('.case.yaml')).sort().map((name) => join(CASES, name));
const scratch = mkdtempSync(join(tmpdir(), 'relief-diff-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const at = (name: string): string => join(scratch, name);

/** A copy of the rules with DACA's age ceiling on June 15, 2012 lowered from 31 to 20. */
function rulesWithLowerAgeCeiling(): string {
  const rules = at('rules-age-20');
  cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
  const file = join(rules, 'daca', 'parameters.json');
  const parameters = JSON.parse(readFileSync(file, 'utf8')) as { parameters: Record<string, { value: unknown }> };
  expect(parameters.parameters.ageCeilingOnAnnouncement!.value).toBe(31);
  parameters.parameters.ageCeilingOnAnnouncement!.value = 20;
  writeFileSync(file, JSON.stringify(parameters, null, 2));
  return rules;
}

let rules: string;
beforeAll(async () => {
  rules = rulesWithLowerAgeCeiling();
  for (const [name, extra] of [
    ['old.ndjson', []],
    ['old.csv', ['--format', 'csv']],
    ['new.ndjson', ['--rules', rules]],
    ['new.csv', ['--format', 'csv', '--rules', rules]],
  ] as const) {
    const { code } = await runBatchCli([...CASE_FILES, '--quiet', '-o', at(name), ...extra]);
    expect(code).toBe(EXIT.ok);
  }
});

const lines = (file: string): string[] => readFileSync(file, 'utf8').trim().split('\n');

describe('relief diff', () => {
  it('says "no changes" and exits 0 for the same run, in any pair of formats', async () => {
    for (const [a, b] of [['old.ndjson', 'old.ndjson'], ['old.ndjson', 'old.csv'], ['old.csv', 'old.ndjson']]) {
      const { code, stdout, stderr } = await runCli(['diff', at(a!), at(b!)]);
      expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: '' });
      expect(stdout).toContain('No changes: 11 clients matched');
      expect(stdout).toContain('matched by caseId');
    }
  });

  it('lists the clients a changed pack parameter moved, with both rule versions, and exits 1', async () => {
    const { code, stdout } = await runCli(['diff', at('old.ndjson'), at('new.ndjson')]);
    expect(code).toBe(EXIT.diffFoundChanges);
    // Born in 1990 and 1990: under 31 on June 15, 2012, but not under 20.
    expect(stdout).toContain('Changed: 2 clients of 11 matched');
    expect(stdout).toMatch(/daca-baseline \(new #\d+ .*daca-baseline\.case\.yaml\)\n    daca: eligible -> barred/);
    expect(stdout).toMatch(/lucia \(new #\d+ .*lucia\.case\.yaml\)\n    daca: eligible -> barred/);
    const versions = [...stdout.matchAll(/rules version ([0-9a-f]{12})/g)].map((m) => m[1]);
    expect(versions).toHaveLength(2);
    expect(versions[0]).not.toBe(versions[1]);
    expect(stdout).toContain('Unchanged: 9 clients');

    const csv = await runCli(['diff', at('old.csv'), at('new.csv'), '--format', 'csv']);
    expect(csv.code).toBe(EXIT.diffFoundChanges);
    const rows = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.change, r.caseId, r.clientName, r.program, r.field, r.old, r.new])).toEqual([
      ['changed', 'daca-baseline', 'Baseline client', 'daca', 'outcome', 'eligible', 'barred'],
      ['changed', 'lucia', 'L. M.', 'daca', 'outcome', 'eligible', 'barred'],
    ]);
    expect(rows[0]!.oldRulesVersion).not.toBe(rows[0]!.newRulesVersion);

    const ndjson = (await runCli(['diff', at('old.csv'), at('new.ndjson'), '--format', 'ndjson'])).stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(ndjson[0]).toMatchObject({ kind: 'sides', old: { format: 'csv', clients: 11 }, new: { format: 'ndjson', clients: 11 } });
    expect(ndjson.slice(1, -1)).toEqual([
      expect.objectContaining({ kind: 'client', change: 'changed', caseId: 'daca-baseline', changes: [{ program: 'daca', field: 'outcome', old: 'eligible', new: 'barred' }] }),
      expect.objectContaining({ kind: 'client', change: 'changed', caseId: 'lucia' }),
    ]);
    expect(ndjson.at(-1)).toEqual({ kind: 'summary', matched: 11, changed: 2, onlyInOld: 0, onlyInNew: 0, unchanged: 9, unchangedWithNewInput: 0 });
  });

  it('reads the results through the packs: a reason, the triage or the next questions changed alone is no change', async () => {
    const original = readFileSync(at('old.csv'), 'utf8');
    const rows = parse(original, { columns: true }) as Record<string, string>[];
    const header = Object.keys(rows[0]!);
    expect(header).toEqual(expect.arrayContaining(['triage', 'triageRank', 'daca.reason', 'morton.reason', 'nextQuestions']));
    const edited: Record<string, string>[] = rows.map((row) => ({ ...row, triage: 'barred', triageRank: '5', 'daca.reason': 'eligible', 'morton.reason': '1', nextQuestions: 'outcome' }));
    const file = at('old-reasons-edited.csv');
    writeFileSync(file, [header.join(','), ...edited.map((row) => header.map((name) => JSON.stringify(row[name])).join(','))].join('\n') + '\n');
    const { code, stdout } = await runCli(['diff', at('old.csv'), file]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('No changes: 11 clients matched');
  });

  it('ignores when a result was produced and by which tool version; a changed input is said, never counted as a change', async () => {
    const records = lines(at('old.ndjson')).map((line) => JSON.parse(line) as { caseId: string; audit: Record<string, string> });
    const later = records.map((record, i) => {
      const audit = { ...record.audit, producedAt: '2031-01-01T00:00:00.000Z', toolVersion: '9.9.9' };
      // The second client's file was edited without changing a result.
      return { ...record, audit: i === 1 ? { ...audit, caseSha256: 'f'.repeat(64) } : audit };
    });
    writeFileSync(at('later.ndjson'), later.map((record) => `${JSON.stringify(record)}\n`).join(''));
    const same = await runCli(['diff', at('old.ndjson'), at('later.ndjson')]);
    expect(same.code).toBe(EXIT.ok);
    expect(same.stdout).toContain('No changes: 11 clients matched (1 of them with a changed input)');
    // With a changed result too, the client's line says its input changed; the new rules' run has the same inputs.
    writeFileSync(at('new-edited.ndjson'), lines(at('new.ndjson')).map((line) => {
      const record = JSON.parse(line) as { caseId: string; audit: Record<string, string> };
      return `${JSON.stringify(record.caseId === 'lucia' ? { ...record, audit: { ...record.audit, caseSha256: 'f'.repeat(64) } } : record)}\n`;
    }).join(''));
    const { code, stdout } = await runCli(['diff', at('old.ndjson'), at('new-edited.ndjson')]);
    expect(code).toBe(EXIT.diffFoundChanges);
    expect(stdout).toMatch(/lucia \(new #\d+ .*lucia\.case\.yaml; input changed\)\n    daca: eligible -> barred/);
    expect(stdout).toMatch(/daca-baseline \(new #\d+ .*daca-baseline\.case\.yaml\)\n/);
    const rows = parse((await runCli(['diff', at('old.csv'), at('new-edited.ndjson'), '--format', 'csv'])).stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((row) => [row.caseId, row.inputChanged])).toEqual([['daca-baseline', 'no'], ['lucia', 'yes']]);
  });

  it('compares two JSON reports, naming the pack whose version changed', async () => {
    const base = join(CASES, 'daca-baseline.case.yaml');
    writeFileSync(at('r-old.json'), (await runCli(['screen', base, '--format', 'json'])).stdout);
    writeFileSync(at('r-new.json'), (await runCli(['screen', base, '--format', 'json', '--rules', rules])).stdout);
    const same = await runCli(['diff', at('r-old.json'), at('r-old.json')]);
    expect(same.code).toBe(EXIT.ok);
    const { code, stdout } = await runCli(['diff', at('r-old.json'), at('r-new.json')]);
    expect(code).toBe(EXIT.diffFoundChanges);
    expect(stdout).toMatch(/Pack daca changed: version [0-9a-f]{12} -> [0-9a-f]{12}/);
    expect(stdout).not.toMatch(/Pack morton changed/);
    expect(stdout).toContain('daca: eligible -> barred');
  });

  it('reports a client on one side only, and one whose screening failed on one side', async () => {
    const old = lines(at('old.ndjson'));
    const records = old.map((line) => JSON.parse(line) as Record<string, unknown>);
    const gone = records[1]!.caseId;
    const failed: Record<string, unknown> = { ...records[2]!, status: 'error', errors: [{ field: null, problem: 'x' }] };
    delete failed.programs;
    const newer = [records[0], failed, ...records.slice(3), { ...records[0], index: 99, caseId: 'c-new' }].map((r) => JSON.stringify(r));
    writeFileSync(at('edited.ndjson'), `${newer.join('\n')}\n`);
    const { code, stdout } = await runCli(['diff', at('old.ndjson'), at('edited.ndjson')]);
    expect(code).toBe(EXIT.diffFoundChanges);
    expect(stdout).toContain(`screening: screened -> error`);
    expect(stdout).toMatch(new RegExp(`Only in old \\(not in the new output\\): 1 client\\n  ${gone} \\(old #2 `));
    expect(stdout).toMatch(/Only in new \(not in the old output\): 1 client\n  c-new \(new #99 /);
  });

  it('matches records without a caseId by source and position, and says so', async () => {
    const strip = (file: string, out: string, outcome?: string) => {
      const edited = lines(file).map((line) => {
        const record = JSON.parse(line) as { caseId: unknown; programs?: { program: string; outcome?: string }[] };
        record.caseId = null;
        if (outcome && record.programs) record.programs[0]!.outcome = outcome;
        return JSON.stringify(record);
      });
      writeFileSync(at(out), `${edited.join('\n')}\n`);
    };
    strip(at('old.ndjson'), 'anon-old.ndjson');
    strip(at('old.ndjson'), 'anon-new.ndjson', 'eligible_with_waiver');
    const same = await runCli(['diff', at('anon-old.ndjson'), at('anon-old.ndjson')]);
    expect(same.stdout).toContain('No changes: 11 clients matched');
    const { stdout } = await runCli(['diff', at('anon-old.ndjson'), at('anon-new.ndjson')]);
    expect(stdout).toContain('a record without one by its source and position in the batch');
    expect(stdout).toMatch(/\(no caseId\) \(new #1 .*\n    daca: \w+ -> eligible_with_waiver/);
  });

  it('keeps apart a repeated caseId and a caseId that reads like its second record', async () => {
    const [first] = lines(at('old.ndjson')).map((line) => JSON.parse(line) as Record<string, unknown>);
    const write = (name: string, records: Record<string, unknown>[]) => writeFileSync(at(name), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const error = { index: 2, source: 's', line: 2, caseId: 'x', status: 'error', errors: [] };
    write('repeat-old.ndjson', [{ ...first, caseId: 'x' }, error, { ...first, index: 3, caseId: 'x #2' }]);
    write('repeat-new.ndjson', [{ ...first, caseId: 'x' }, { ...first, index: 2 }, { ...first, index: 3, caseId: 'x #2' }].map((r, i) => (i === 1 ? { ...r, caseId: 'x' } : r)));
    const { code, stdout } = await runCli(['diff', at('repeat-old.ndjson'), at('repeat-new.ndjson')]);
    expect(code).toBe(EXIT.diffFoundChanges);
    expect(stdout).toContain('3 clients');
    expect(stdout).toContain('Changed: 1 client of 3 matched');
    expect(stdout).toMatch(/x \(new #2 [^\n]*\)\n    screening: error -> screened/);
  });

  it('compares two empty batch outputs (a batch of no cases) as no changes', async () => {
    writeFileSync(at('empty.ndjson'), '');
    const { code, stdout } = await runCli(['diff', at('empty.ndjson'), at('empty.ndjson')]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('No changes');
  });

  it('writes the inputs\' text inert: no terminal escapes in text, no formulas in CSV', async () => {
    const records = lines(at('old.ndjson')).map((line) => JSON.parse(line) as Record<string, unknown>);
    const hostile = '=cmd|\u001b]0;owned\u0007';
    writeFileSync(at('hostile-old.ndjson'), `${JSON.stringify({ ...records[0], caseId: hostile, clientName: '@SUM(A1)' })}\n`);
    const programs = (records[0]!.programs as { outcome?: string }[]).map((p, i) => (i === 0 ? { ...p, outcome: 'barred\u001b[2J' } : p));
    writeFileSync(at('hostile-new.ndjson'), `${JSON.stringify({ ...records[0], caseId: hostile, clientName: '@SUM(A1)', programs })}\n`);
    const text = await runCli(['diff', at('hostile-old.ndjson'), at('hostile-new.ndjson')]);
    expect(text.stdout).not.toContain('\u001b');
    expect(text.stdout).toContain('=cmd|\\x1b]0;owned\\x07');
    expect(text.stdout).not.toContain('@SUM');
    const csv = await runCli(['diff', at('hostile-old.ndjson'), at('hostile-new.ndjson'), '--format', 'csv']);
    const [row] = parse(csv.stdout, { columns: true }) as Record<string, string>[];
    expect(row).toMatchObject({ caseId: `'=cmd|\\x1b]0;owned\\x07`, clientName: `'@SUM(A1)`, new: 'barred\\x1b[2J' });
    const ndjson = await runCli(['diff', at('hostile-old.ndjson'), at('hostile-new.ndjson'), '--format', 'ndjson']);
    expect(JSON.parse(ndjson.stdout.split('\n')[1]!)).toMatchObject({ caseId: hostile, clientName: '@SUM(A1)' });
  });

  it('refuses what is not an output with one paragraph naming the file (exit 2)', async () => {
    mkdirSync(at('a-folder'), { recursive: true });
    // A pipe would be read twice (its first line says what it is) and lose every client: refused, never opened.
    execFileSync('mkfifo', [at('a-fifo')]);
    writeFileSync(at('not-json.json'), 'hello\n');
    writeFileSync(at('other.json'), '{"tool":"something else"}\n');
    writeFileSync(at('no-columns.csv'), 'name,dob\nx,1990\n');
    writeFileSync(at('broken.ndjson'), `${lines(at('old.ndjson'))[0]}\n{"index": 2\n`);
    const cases: [string, RegExp][] = [
      ['missing.ndjson', /missing\.ndjson does not exist/],
      ['a-fifo', /a-fifo is not a regular file \(a pipe or a device\)/],
      ['a-folder', /a-folder is a folder/],
      ['not-json.json', /not-json\.json is neither a batch output .* \(it is not JSON\)/],
      ['other.json', /other\.json is JSON but neither/],
      ['no-columns.csv', /no-columns\.csv is not a relief batch CSV output: its header has no "index", "source", "caseId", "status" column/],
      ['broken.ndjson', /broken\.ndjson line 2 is not JSON/],
    ];
    for (const [file, message] of cases) {
      const { code, stdout, stderr } = await runCli(['diff', at('old.ndjson'), at(file)]);
      expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: '' });
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });
});
