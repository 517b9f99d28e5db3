/**
 * The files relief writes, from the command line: -o and --reports of relief batch, --out of
 * relief intake. Outputs that cannot work are usage errors found before any case is screened; a
 * device or FIFO is written in place; an interrupted batch leaves no temporary file.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { constants, accessSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { parse as parseYaml } from 'yaml';
import { EXIT, ExitWith } from '../../src/cli/exit-codes.js';
import { intakeCommand } from '../../src/cli/intake-command.js';
import { ScriptedPrompts, script } from '../intake/scripted-prompts.js';
import { runBatchCli } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CASES = join(ROOT, 'fixtures', 'cases');
const RAMOS = join(CASES, 'ramos.case.yaml');
const CLAUDIA = join(CASES, 'claudia.case.yaml');
const scratch = mkdtempSync(join(tmpdir(), 'relief-outputs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const folder = (name: string) => mkdtempSync(join(scratch, `${name}-`));
const mode = (path: string) => statSync(path).mode & 0o777;
const hidden = (dir: string) => readdirSync(dir).filter((name) => name.startsWith('.'));

const batch = runBatchCli;

const caseIds = (ndjson: string) => ndjson.trim().split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { caseId: string }).caseId);

describe('relief batch -o', () => {
  it('refuses an existing folder as a usage error before any case is screened', async () => {
    const dir = folder('dir-as-output');
    const { code, stdout, stderr } = await batch([RAMOS, CLAUDIA, '-o', dir]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toBe(`relief: --output ${dir} cannot be written (EISDIR): it is a folder; name a file\n`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('takes - and /dev/stdout for standard output, written as without -o', async () => {
    for (const name of ['-', '/dev/stdout', '/dev/fd/1']) {
      const { code, stdout } = await batch([RAMOS, '-o', name]);
      expect([name, code, caseIds(stdout)]).toEqual([name, EXIT.ok, ['ramos-gallegos']]);
    }
    expect(existsSync('-')).toBe(false);
    expect(lstatSync('/dev/stdout').isSymbolicLink()).toBe(true);
  });

  it('writes to a FIFO in place, and it stays a FIFO', async () => {
    const dir = folder('fifo');
    const fifo = join(dir, 'results');
    spawnSync('mkfifo', [fifo]);
    const copy = join(dir, 'copy.ndjson');
    const reader = spawn('sh', ['-c', 'cat "$0" > "$1"', fifo, copy], { stdio: 'ignore' });
    try {
      const { code } = await batch([RAMOS, CLAUDIA, '-o', fifo]);
      expect(code).toBe(EXIT.ok);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await once(reader, 'exit');
      expect(caseIds(readFileSync(copy, 'utf8'))).toEqual(['ramos-gallegos', 'claudia']);
      expect(readdirSync(dir).sort()).toEqual(['copy.ndjson', 'results']);
    } finally {
      reader.kill();
    }
  });

  const devNullWritable = (() => {
    try {
      accessSync('/dev/null', constants.W_OK);
      return statSync('/dev/null').isCharacterDevice();
    } catch {
      return false;
    }
  })();
  (devNullWritable ? it : it.skip)('writes to /dev/null in place, and it stays a character device', async () => {
    const { code, stdout } = await batch([RAMOS, '-o', '/dev/null']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toBe('');
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });
});

describe('relief batch --reports', () => {
  it('has replaced --out, which is now an unknown option', async () => {
    const dir = join(scratch, 'results.csv');
    const { code, stderr } = await batch([RAMOS, '--format', 'csv', '--out', dir]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("unknown option '--out'");
    expect(existsSync(dir)).toBe(false);
  });

  it('creates the folder owner-only (0700) and the reports in it 0600', async () => {
    const dir = join(folder('reports'), 'a', 'reports');
    const { code, stderr } = await batch([RAMOS, CLAUDIA, '--reports', dir]);
    expect(code).toBe(EXIT.ok);
    expect(mode(dir)).toBe(0o700);
    expect(readdirSync(dir)).toEqual(['000001-ramos-gallegos.txt', '000002-claudia.txt']);
    expect(readdirSync(dir).map((name) => mode(join(dir, name)))).toEqual([0o600, 0o600]);
    expect(stderr).not.toContain('warning');
  });

  it('refuses a folder named like a data file, creating nothing', async () => {
    const parent = folder('data-name');
    for (const name of ['results.csv', 'out.NDJSON', 'cases.jsonl', 'x.json', 'r.yaml', 'r.yml', 'notes.txt']) {
      const { code, stderr } = await batch([RAMOS, '--reports', join(parent, name)]);
      expect([name, code]).toEqual([name, EXIT.usage]);
      expect(stderr).toContain('is named like a data file: --reports names a folder');
    }
    expect(readdirSync(parent)).toEqual([]);
  });

  it('refuses a file in the way as a usage error before any case is screened', async () => {
    const file = join(folder('file-in-way'), 'reports');
    writeFileSync(file, 'not a folder\n');
    const { code, stdout, stderr } = await batch([RAMOS, '--reports', file]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^relief: --reports ${file} cannot be written \\(EEXIST\\): `));
  });

  it('leaves the mode of an existing folder alone but warns when others can read it', async () => {
    const dir = folder('shared');
    execFileSync('chmod', ['755', dir]);
    const { code, stderr } = await batch([RAMOS, '--reports', dir]);
    expect(code).toBe(EXIT.ok);
    expect(mode(dir)).toBe(0o755);
    expect(stderr).toContain(`relief: warning: the reports folder ${dir} can be read by others (mode 0755)`);
  });
});

describe('relief intake --out', () => {
  async function intake(args: string[], cwd?: string) {
    let stdout = '';
    const prompts = new ScriptedPrompts(script({ caseId: ['x'.repeat(300)] }));
    const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stdout += t), now: () => new Date('2026-11-22T12:00:00Z'), colorSupported: false, env: {} };
    const program = new Command().exitOverride().addCommand(intakeCommand(io, () => false, { interactive: true, prompts: () => prompts }));
    const before = process.cwd();
    if (cwd) process.chdir(cwd);
    try {
      await program.parseAsync(['intake', ...args], { from: 'user' });
      return { stdout, prompts, error: undefined };
    } catch (error) {
      if (error instanceof ExitWith) throw error;
      return { stdout, prompts, error };
    } finally {
      process.chdir(before);
    }
  }

  it('fails before the first question, as a usage error, when the folder does not exist', async () => {
    const { prompts, error } = await intake(['--out', '/no/such/dir/x.case.yaml']);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toBe('--out /no/such/dir/x.case.yaml cannot be written (ENOENT): the folder /no/such/dir does not exist');
    expect(prompts.asked).toEqual([]);
  });

  it('fails before the first question when --out is a folder', async () => {
    const dir = folder('intake-dir');
    const { prompts, error } = await intake(['--out', dir]);
    expect((error as Error).message).toBe(`--out ${dir} cannot be written (EISDIR): it is a folder; name a file`);
    expect(prompts.asked).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('saves a case with a 300-character id under a name that fits (NAME_MAX), and a draft beside a 250-byte --out', async () => {
    const dir = folder('long-id');
    const saved = await intake([], dir);
    expect(saved.error).toBeUndefined();
    const [name, ...others] = readdirSync(dir);
    expect(others).toEqual([]);
    expect(name).toMatch(/^x+~[0-9a-f]{8}\.case\.yaml$/);
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(255);
    expect(parseYaml(readFileSync(join(dir, name!), 'utf8')).caseId).toBe('x'.repeat(300));
    expect(saved.stdout).toContain(`Saved ${name}.`);

    const out = join(folder('long-out'), `${'y'.repeat(240)}.case.yaml`);
    const named = await intake(['--out', out]);
    expect(named.error).toBeUndefined();
    expect(readdirSync(dirname(out))).toEqual([`${'y'.repeat(240)}.case.yaml`]);
  });
});

// The built CLI is brought up to date with src/ by test/support/build.ts, jest's global setup.
describe('an interrupted batch (the built CLI)', () => {
  it('leaves no temporary file behind on SIGINT: not of -o, not of a report a worker thread was writing', async () => {
    const sources = ['claudia', 'daca-baseline', 'ramos', 'ramos-1326'].map((name) => JSON.stringify(parseYaml(readFileSync(join(CASES, `${name}.case.yaml`), 'utf8'))));
    const input = join(scratch, 'many.ndjson');
    writeFileSync(input, `${Array.from({ length: 20_000 }, (_, i) => sources[i % sources.length]).join('\n')}\n`);
    const reports = join(scratch, 'interrupted-reports');
    const outFolder = folder('interrupted-output');
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'relief.js'), 'batch', input, '--jobs', '2', '--quiet', '--as-of', '2014-08-01', '--reports', reports, '-o', join(outFolder, 'results.ndjson')], { stdio: 'ignore' });
    const exited = once(child, 'exit');
    // Interrupt once the worker threads are writing reports.
    while (child.exitCode === null && (!existsSync(reports) || readdirSync(reports).length < 20)) await new Promise((resume) => setTimeout(resume, 20));
    child.kill('SIGINT');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
    expect(hidden(reports)).toEqual([]);
    expect(readdirSync(outFolder)).toEqual([]);
  }, 120_000);
});
