/**
 * The batch progress bar: its line (total, percent, rate, time left) for a given state, the total
 * counted from the inputs, and nothing drawn when stderr is not a terminal.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { BatchProgress, duration, progressLine } from '../../src/cli/batch-progress.js';
import { main } from '../../src/cli/main.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { runBatchCli, TEST_TODAY } from '../support/run-cli.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CASE_FILES = readdirSync(join(ROOT, 'fixtures/cases')).filter((n) => n.endsWith('.case.yaml')).map((n) => join(ROOT, 'fixtures/cases', n));
const scratch = mkdtempSync(join(tmpdir(), 'relief-progress-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A terminal that keeps what is written to it. */
function fakeTerminal(): { stream: NodeJS.WriteStream; written: () => string } {
  let text = '';
  const stream = new Writable({ write: (chunk: Buffer, _encoding, done) => ((text += chunk.toString()), done()) }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY: true, columns: 160 });
  return { stream, written: () => text };
}

describe('the progress line', () => {
  it('shows the bar, percent, cases of the total, rate and time left', () => {
    expect(progressLine({ done: 2100, total: 5000, counting: false, errors: 3, elapsedMs: 6000 })).toBe(
      `screening ${'█'.repeat(10)}${'░'.repeat(14)} 42% 2,100/5,000 cases · 350 cases/s · 8s left · 3 not screened`,
    );
    expect(progressLine({ done: 0, total: 5000, counting: false, errors: 0, elapsedMs: 200 })).toBe(`screening ${'░'.repeat(24)} 0% 0/5,000 cases`);
  });

  it('shows the count done and the rate while the total is not known', () => {
    expect(progressLine({ done: 40, total: undefined, counting: true, errors: 0, elapsedMs: 2000 })).toBe('screening 40 cases (counting the inputs…) · 20 cases/s');
    expect(progressLine({ done: 1, total: undefined, counting: false, errors: 0, elapsedMs: 500 })).toBe('screening 1 case');
  });

  it('never shows more than 100%, nor time left below zero', () => {
    expect(progressLine({ done: 12, total: 10, counting: false, errors: 0, elapsedMs: 4000 })).toBe(`screening ${'█'.repeat(24)} 100% 12/12 cases · 3 cases/s · 0s left`);
  });

  it('writes durations as a person reads them', () => {
    expect([duration(8.4), duration(185), duration(3725)]).toEqual(['8s', '3m 05s', '1h 02m']);
  });
});

describe('the progress bar', () => {
  it('takes its total from a quick count of the inputs', async () => {
    const file = join(scratch, 'cases.ndjson');
    writeFileSync(file, '{}\n\n'.repeat(5000));
    const { stream, written } = fakeTerminal();
    let clock = 1_000_000;
    const progress = new BatchProgress(stream, [file], () => clock);
    await progress.counted;
    clock += 6000;
    progress.update(2100, 3);
    progress.stop();
    expect(written()).toContain('42% 2,100/5,000 cases · 350 cases/s · 8s left · 3 not screened');
  });

  it('is drawn on a terminal and cleared at the end; without a terminal nothing is drawn', async () => {
    const { stream, written } = fakeTerminal();
    let stderr = '';
    const code = await main(['batch', '--jobs', '1', ...CASE_FILES], { stdout: () => undefined, stderr: (t) => (stderr += t), now: () => TEST_TODAY, colorSupported: false, env: {}, stderrTerminal: stream });
    expect(code).toBe(EXIT.ok);
    expect(written()).toContain('screening');
    expect(stderr).toMatch(/^relief batch: 11 cases/);
    const plain = await runBatchCli(CASE_FILES);
    expect(plain.stderr).not.toContain('screening');
    expect(plain.stderr).not.toContain('\u001b');
    const quiet = fakeTerminal();
    await main(['batch', '--jobs', '1', '--quiet', ...CASE_FILES], { stdout: () => undefined, stderr: () => undefined, now: () => TEST_TODAY, colorSupported: false, env: {}, stderrTerminal: quiet.stream });
    expect(quiet.written()).toBe('');
  });
});
