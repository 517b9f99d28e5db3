/**
 * `relief screen -`: the case file from standard input, with the limits and checks of a file. The
 * built CLI is run with a real pipe (and a real never-ending device); the in-process runs give
 * standard input as chunks, to count how much of an endless one is read.
 */
import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CASE_LIMITS } from '../../src/case/limits.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const ROOT = join(FIXTURES_DIR, '..');
const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');
const claudiaBytes = readFileSync(claudia);

/** The built CLI (bin/relief.js on dist/), its standard input a pipe holding `input`, or the file descriptor given. */
function relief(args: string[], input: Buffer | string | number) {
  const run = spawnSync(process.execPath, [join(ROOT, 'bin', 'relief.js'), ...args], {
    encoding: 'utf8',
    // A full JSON report runs past spawnSync's default 1 MiB, which would kill the child.
    maxBuffer: 64 * 1024 * 1024,
    ...(typeof input === 'number' ? { stdio: [input, 'pipe', 'pipe'] } : { input }),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A report without what differs between two runs of one case: when it was produced, and what it was read from. */
function comparable(json: string): unknown {
  const { audit, source: _source, ...report } = JSON.parse(json) as { audit: Record<string, unknown>; source: string };
  const { producedAt: _producedAt, ...stamp } = audit;
  return { ...report, audit: stamp };
}

/** Standard input holding this text, in one chunk. */
const chunks = (text: string) => async function* () {
  yield Buffer.from(text);
};

/** Standard input that never ends, counting the bytes taken from it. */
function endless(counter: { bytes: number }): () => AsyncIterable<Uint8Array> {
  return async function* () {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    for (;;) {
      counter.bytes += chunk.length;
      yield chunk;
    }
  };
}

describe('relief screen - (standard input)', () => {
  it('screens a piped case file exactly as the file: the same results and the same hash', async () => {
    const piped = relief(['screen', '-', '-f', 'json'], claudiaBytes);
    expect(piped.stderr).toBe('');
    expect(piped.code).toBe(EXIT.ok);
    const fromFile = (await runCli(['screen', claudia, '-f', 'json'])).stdout;
    expect(comparable(piped.stdout)).toEqual(comparable(fromFile));
    const report = JSON.parse(piped.stdout) as { source: string; audit: { caseSha256: string } };
    expect(report.source).toBe('(standard input)');
    expect(report.audit.caseSha256).toBe(createHash('sha256').update(claudiaBytes).digest('hex'));
  });

  it('tells JSON from YAML by the text, as for a file without an extension', async () => {
    const json = JSON.stringify(parseYaml(claudiaBytes.toString('utf8')));
    const asJson = await runCli(['screen', '-', '-f', 'json'], { stdin: chunks(json) });
    expect(asJson.code).toBe(EXIT.ok);
    expect(comparable(asJson.stdout)).toMatchObject({ caseId: 'claudia', programs: (comparable((await runCli(['screen', claudia, '-f', 'json'])).stdout) as { programs: unknown }).programs });
    // Broken JSON is reported as JSON, not as YAML.
    const broken = await runCli(['screen', '-'], { stdin: chunks('{"caseId": "x",\n "person": }') });
    expect(broken.stderr).toMatch(/^relief: the case file is not valid: standard input:\n {2}- not valid JSON: line 2, column/);
  });

  it('refuses invalid YAML with one paragraph naming standard input, and no stack trace', () => {
    const { code, stdout, stderr } = relief(['screen', '-'], 'caseId: [claudia\nperson: {\n');
    expect(code).toBe(EXIT.invalidCase);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^relief: the case file is not valid: standard input:\n {2}- not valid YAML: line \d+, column \d+: [^\n]+\n$/);
  });

  it('refuses an empty standard input with a clear error', () => {
    const { code, stderr } = relief(['screen', '-'], '');
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toBe('relief: the case file is not valid: standard input:\n  - is empty: nothing was piped in (relief screen - reads the case file from standard input, e.g. relief screen - < case.yaml)\n');
  });

  it('names standard input in a validation error, and in one about the screening date', async () => {
    const bad = await runCli(['screen', '-'], { stdin: chunks('caseId: x\nperson: {dateOfBrith: 1990-01-01}\n') });
    expect(bad.code).toBe(EXIT.invalidCase);
    expect(bad.stderr).toMatch(/^relief: the case file is not valid: standard input:\n {2}- person: unknown field "dateOfBrith"/);
    const late = await runCli(['screen', '-', '--as-of', '2000-01-01'], { stdin: chunks('person: {dateOfBirth: 2001-01-01}\n') });
    expect(late.stderr).toMatch(/^relief: the case file is not valid: standard input:\n {2}- person\.dateOfBirth: /);
  });

  it('refuses a never-ending standard input at the size limit, without reading on', async () => {
    const taken = { bytes: 0 };
    const { code, stderr } = await runCli(['screen', '-'], { stdin: endless(taken) });
    expect(code).toBe(EXIT.invalidCase);
    expect(stderr).toBe(`relief: the case file is not valid: standard input:\n  - too big: ${CASE_LIMITS.bytes.describe}\n`);
    expect(taken.bytes).toBeLessThanOrEqual(CASE_LIMITS.bytes.value + 64 * 1024);
  });

  it('ends, refusing it, when standard input is a device that never ends', () => {
    const zero = openSync('/dev/zero', 'r');
    try {
      const { code, stderr } = relief(['screen', '-'], zero);
      expect(code).toBe(EXIT.invalidCase);
      expect(stderr).toBe(`relief: the case file is not valid: standard input:\n  - too big: ${CASE_LIMITS.bytes.describe}\n`);
    } finally {
      closeSync(zero);
    }
  });
});
