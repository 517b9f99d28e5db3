/** `relief screen --pdf`: what is refused before anything is screened (the printing itself: test/browser). */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exit-codes.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-pdf-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');

describe('relief screen --pdf', () => {
  it('says how to print the HTML instead when no Chromium is found, and writes nothing', async () => {
    const target = join(scratch, 'report.pdf');
    const { code, stdout, stderr } = await runCli(['screen', claudia, '--pdf', target], { env: { RELIEF_CHROMIUM: join(scratch, 'no-such-browser') } });
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe('');
    expect(stderr).toContain('--format html > report.html, then open report.html in a browser and print it');
    expect(existsSync(target)).toBe(false);
  });

  it('refuses a folder, before screening', async () => {
    const folder = join(scratch, 'a-folder');
    mkdirSync(folder);
    const { code, stderr } = await runCli(['screen', claudia, '--pdf', folder]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('it is a folder');
  });

  it('checks for a browser before it reads the case file', async () => {
    const missing = join(scratch, 'missing.yaml');
    const { code, stderr } = await runCli(['screen', missing, '--pdf', join(scratch, 'x.pdf')], { env: { RELIEF_CHROMIUM: join(scratch, 'no-such-browser') } });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain('no Chromium');
    expect(stderr).not.toContain('missing.yaml');
  });
});

describe('relief screen output options that do not go together', () => {
  it('refuses --pdf with a Markdown or JSON report, and a client summary as JSON, before screening', async () => {
    for (const args of [['--pdf', join(scratch, 'r.pdf'), '--format', 'json'], ['--pdf', join(scratch, 'r.pdf'), '--format', 'markdown'], ['--client-summary', 'en', '--format', 'json']]) {
      const { code, stdout, stderr } = await runCli(['screen', join(scratch, 'not-read.yaml'), ...args]);
      expect({ args, code, stdout }).toEqual({ args, code: EXIT.usage, stdout: '' });
      expect(stderr).not.toContain('not-read.yaml');
    }
  });
});
