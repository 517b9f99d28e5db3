/**
 * Item 14 of issue 10: text a user supplied (case id, conviction labels, file names, keys, pack
 * labels) reaches a terminal only inert: no raw escape or line break of theirs, the case id
 * bounded. The JSON output keeps the exact value.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXIT } from '../../src/cli/exit-codes.js';
import { DEFAULT_RULES_DIR } from '../../src/packs/load.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { runCli } from '../support/run-cli.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-inert-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const run = (argv: string[], colorSupported = false) => runCli(argv, { colorSupported });

const TITLE_AND_CLEAR = 'x\u001b]0;PWNED\u0007\u001b[2J';
const SHOWN = 'x\\x1b]0;PWNED\\x07\\x1b[2J';
/** Every ESC must start one of chalk's colour codes; nothing else a terminal acts on may appear. */
function expectOnlyColourCodes(text: string): void {
  expect(text.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/u);
}

/** Ramos's 1326 case with escapes in his case id, his conviction's label and its statute. */
function hostileCase(caseId = TITLE_AND_CLEAR): string {
  const text = readFileSync(join(FIXTURES_DIR, 'cases', 'ramos-1326.case.yaml'), 'utf8')
    .replace('caseId: ramos-gallegos-1326', `caseId: ${JSON.stringify(caseId)}`)
    .replace('- id: illegal reentry (W.D. Pa.)', `- id: ${JSON.stringify('reentry\u001b]0;CONVICTION\u0007\u009b2J')}`);
  const file = join(scratch, `hostile-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return file;
}

describe('relief screen with escapes in the case file', () => {
  it('shows the case id and conviction label inert in the text report, coloured or not', async () => {
    const file = hostileCase();
    for (const colour of [false, true]) {
      const { code, stdout } = await run(['screen', file, '--explain'], colour);
      expect(code).toBe(EXIT.ok);
      expectOnlyColourCodes(stdout);
      expect(stdout).toContain(`Case: ${SHOWN} ·`);
      expect(stdout).toContain('reentry\\x1b]0;CONVICTION\\x07\\x9b2J');
    }
    expect((await run(['screen', file], true)).stdout).toMatch(/\u001b\[1m/);
  });

  it('keeps the exact case id in the JSON report', async () => {
    const { stdout } = await run(['screen', hostileCase(), '--format', 'json']);
    expect(JSON.parse(stdout).caseId).toBe(TITLE_AND_CLEAR);
  });

  it('bounds a long case id in the report header', async () => {
    const { stdout } = await run(['screen', hostileCase(`${'id'.repeat(4_000)}\u001b[2J`)]);
    // The header paragraph, wrapped: from "Case:" to the disclaimer.
    const lines = stdout.split('\n');
    const first = lines.findIndex((line) => line.startsWith('Case:'));
    const header = lines.slice(first, lines.findIndex((line) => line.startsWith('relief-screen is'))).join(' ');
    expect(header.length).toBeLessThan(400);
    expect(header).toContain('more characters)');
  });
});

describe('error paragraphs and listings', () => {
  it('a case file named with escapes: the name is inert in the paragraph', async () => {
    const { code, stderr } = await run(['screen', join(scratch, `missing${TITLE_AND_CLEAR}.yaml`)]);
    expect(code).toBe(EXIT.invalidCase);
    expectOnlyColourCodes(stderr);
    expect(stderr).toContain(`missing${SHOWN}.yaml`);
  });

  it('a key with an escape and a line break stays one paragraph', async () => {
    const file = join(scratch, 'bad-key.json');
    writeFileSync(file, JSON.stringify({ caseId: 'k', [`per\nson${TITLE_AND_CLEAR}`]: 1 }));
    const { code, stderr } = await run(['screen', file]);
    expect(code).toBe(EXIT.invalidCase);
    expectOnlyColourCodes(stderr);
    const [first, ...rest] = stderr.trimEnd().split('\n');
    expect(first).toMatch(/^relief: the case file is not valid: /);
    for (const line of rest) expect(line).toMatch(/^ {2}- /);
  });

  it("commander's own errors quote the refused argument inert", async () => {
    const { code, stderr } = await run(['screen', hostileCase(), '--format', TITLE_AND_CLEAR]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain(SHOWN);
    expectOnlyColourCodes(stderr);
  });

  it('relief rules lists a pack label inert', async () => {
    const rules = join(scratch, 'rules-label');
    cpSync(DEFAULT_RULES_DIR, rules, { recursive: true });
    const packFile = join(rules, 'daca', 'pack.json');
    const pack = JSON.parse(readFileSync(packFile, 'utf8'));
    pack.legalStatus.label = `In litigation${TITLE_AND_CLEAR}`;
    writeFileSync(packFile, JSON.stringify(pack));
    const { code, stdout } = await run(['rules', '--rules', rules]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`In litigation${SHOWN}`);
    expectOnlyColourCodes(stdout);
  });
});
