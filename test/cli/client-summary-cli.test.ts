/** `relief screen --client-summary`: the client's summary instead of the report, through the command line. */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exit-codes.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');

describe('relief screen --client-summary', () => {
  it('writes the Spanish summary instead of the report, naming her court case in her own words', async () => {
    const { code, stdout } = await runCli(['screen', claudia, '--client-summary', 'es']);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain('Lo que todavía necesitamos saber');
    expect(stdout).toContain('Facilitation to illegally conduct');
    expect(stdout).not.toContain('relief-screen screening report');
    expect(stdout.split('\n').every((line) => [...line].length <= 80)).toBe(true);
  });

  it('takes the format: Markdown, and a self-contained HTML page in the summary\'s language', async () => {
    expect((await runCli(['screen', claudia, '--client-summary', 'en', '--format', 'markdown'])).stdout).toMatch(/^# /);
    const html = (await runCli(['screen', claudia, '--client-summary', 'es', '--format', 'html'])).stdout;
    expect(html).toContain('<html lang="es">');
    expect(html).not.toMatch(/<script|https?:/i);
  });

  it('refuses a language without a catalog, and JSON, as usage errors', async () => {
    const unknown = await runCli(['screen', claudia, '--client-summary', 'fr']);
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('no client-summary catalog for "fr" (available: en, es)');
    const json = await runCli(['screen', claudia, '--client-summary', 'en', '--format', 'json']);
    expect(json.code).toBe(EXIT.usage);
    expect(json.stderr).toContain('not json');
  });
});
