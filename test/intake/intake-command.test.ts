/** `relief intake` wired to scripted prompts: files, modes, Ctrl-C and resume, screening afterwards. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'yaml';
import { Screener } from '../../src/app/screen.js';
import { parseExactDate } from '../../src/case/dates.js';
import { validateCase } from '../../src/case/load.js';
import { intakeCommand } from '../../src/cli/intake-command.js';
import { decisiveUnknowns } from '../../src/intake/decisive.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { EXIT, ExitWith } from '../../src/cli/exit-codes.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { ScriptedPrompts, answersFrom, script, type Answerer } from './scripted-prompts.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-intake-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const claudia: unknown = parse(readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), 'utf8'));
// The interview plans from results and questions; witness pairs (why a result is open) are not needed.
const screener = new Screener(await loadRulePacks(), { witnesses: false });
const screen = (caseValue: unknown) => {
  const caseFile = validateCase(caseValue, 'test');
  return screener.screen(caseFile, { screeningDay: parseExactDate(caseFile.screeningDate!), source: 'test' });
};
const results = async (caseValue: unknown) => (await screen(caseValue)).programs.map(({ program, outcome, classifications }) => ({ program, outcome, classifications }));

async function intake(args: string[], answerer: Answerer, stopAfter?: number) {
  let stdout = '';
  const prompts = new ScriptedPrompts(answerer, stopAfter);
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stdout += t), now: () => new Date('2026-11-22T12:00:00Z'), colorSupported: false, env: {} };
  const program = new Command().exitOverride().addCommand(intakeCommand(io, () => false, { interactive: true, prompts: () => prompts }));
  let code = EXIT.ok as number;
  try {
    await program.parseAsync(['intake', ...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof ExitWith)) throw error;
    code = error.code;
  }
  return { stdout, prompts, code };
}

const mode = (path: string) => statSync(path).mode & 0o777;

describe('relief intake (scripted terminal)', () => {
  it('saves the interview as a private case file, removes the draft and prints the screening', async () => {
    const out = join(scratch, 'claudia.case.yaml');
    const { stdout } = await intake(['--out', out], answersFrom(claudia));
    const text = readFileSync(out, 'utf8');
    expect(await results(parse(text))).toEqual(await results(claudia));
    // Dates are quoted, so that a YAML 1.1 loader reads strings, as the JSON Schema expects.
    expect(text).toContain('screeningDate: "2012-09-15"');
    expect(text).not.toMatch(/: \d{4}-\d{2}(-\d{2})?\n/);
    expect(mode(out)).toBe(0o600);
    expect(existsSync(`${out}.draft.json`)).toBe(false);
    expect(stdout).toContain(`Saved ${out}`);
    expect(stdout).toContain('screening aid, not legal advice');
    expect(stdout).toContain('Priority: 1');
    expect(stdout).toMatch(/Next questions \(\d+ unknown facts could change a result\):\n {2}- /);
    expect(stdout).toContain("\n  - What is the client's date of birth? (person.dateOfBirth)\n");
    expect(stdout).toContain(`relief intake --resume ${out}`);
  });

  it('leaves a private draft on Ctrl-C, refuses to start over it, and resumes it to the same file', async () => {
    const out = join(scratch, 'stopped.case.yaml');
    const draft = `${out}.draft.json`;
    const stopped = await intake(['--out', out], answersFrom(claudia), 25);
    expect(stopped.stdout).toContain(`To continue: relief intake --resume ${draft}`);
    expect(stopped.code).toBe(EXIT.interrupted);
    expect(mode(draft)).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(draft, 'utf8')).answers)).toEqual(expect.arrayContaining(stopped.prompts.asked));
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([]); // written by rename, no leftovers
    await expect(intake(['--out', out], answersFrom(claudia))).rejects.toThrow(`resume it with "relief intake --resume ${draft}"`);
    const resumed = await intake(['--resume', draft], answersFrom(claudia));
    expect(resumed.prompts.asked.filter((field) => stopped.prompts.asked.includes(field))).toEqual([]);
    expect(parse(readFileSync(out, 'utf8'))).toEqual(parse(readFileSync(join(scratch, 'claudia.case.yaml'), 'utf8')));
    expect(existsSync(draft)).toBe(false);
  });

  it('asks of a saved case just the unknown facts that could change a result', async () => {
    const file = join(scratch, 'open.case.yaml');
    writeFileSync(file, readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml')));
    const decisive = decisiveUnknowns(await screen(claudia)).map((unknown) => unknown.field);
    const { prompts, stdout } = await intake(['--resume', file], script({ 'person.dateOfBirth': ['1980'] }));
    const questions = prompts.asked.filter((field) => field !== 'review');
    expect(questions).toContain('person.dateOfBirth');
    expect(questions).toContain('criminalHistory.convictions[0].maximumPenaltyDays');
    // Each question asked is a decisive unknown of the saved case; the date of birth settles some of the others.
    expect(decisive).toEqual(expect.arrayContaining(questions));
    expect(stdout).toContain(`${decisive.length} unknown facts of ${file} could change a result; asking those`);
    expect(questions.length).toBeLessThan(decisive.length);
    const saved = parse(readFileSync(file, 'utf8'));
    expect(saved).toEqual({ ...(claudia as object), person: { ...(claudia as { person: object }).person, dateOfBirth: '1980' } });
  });

  it('resumes a case with no decisive unknown by saying so, asking nothing', async () => {
    const file = join(scratch, 'lucia.case.yaml');
    const text = readFileSync(join(FIXTURES_DIR, 'cases', 'lucia.case.yaml'), 'utf8');
    writeFileSync(file, text);
    const { prompts, stdout, code } = await intake(['--resume', file], script({}));
    expect(prompts.asked).toEqual([]);
    expect(code).toBe(EXIT.ok);
    expect(stdout).toContain(`No unknown fact of ${file} could change a result: there is nothing to ask, and the file is unchanged.`);
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(existsSync(`${file}.draft.json`)).toBe(false);
  });

  it('says which answers of a saved case an earlier answer rules out', async () => {
    const file = join(scratch, 'ruled-out.case.yaml');
    writeFileSync(file, 'caseId: ruled-out\nscreeningDate: "2013-01-15"\ntrafficking: { occurred: false, type: sex }\n');
    const { stdout } = await intake(['--resume', file], script({}));
    expect(stdout).toContain('Not kept, because another answer rules them out: trafficking.type.');
    expect(parse(readFileSync(file, 'utf8')).trafficking).toEqual({ occurred: false });
  });
});
