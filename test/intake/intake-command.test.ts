/** `relief intake` wired to scripted prompts: files, modes, Ctrl-C and resume, screening afterwards. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { parse } from 'yaml';
import { intakeCommand } from '../../src/cli/intake-command.js';
import { EXIT, ExitWith } from '../../src/cli/exit-codes.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { ScriptedPrompts, answersFrom, script, type Answerer } from './scripted-prompts.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-intake-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const claudia: unknown = parse(readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), 'utf8'));

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
    expect(parse(readFileSync(out, 'utf8'))).toEqual(claudia);
    expect(mode(out)).toBe(0o600);
    expect(existsSync(`${out}.draft.json`)).toBe(false);
    expect(stdout).toContain(`Saved ${out}`);
    expect(stdout).toContain('screening aid, not legal advice');
    expect(stdout).toContain('Priority: 1');
    expect(stdout).toMatch(/Next questions \(\d+ facts still unknown\):\n {2}- /);
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
    expect(Object.keys(JSON.parse(readFileSync(draft, 'utf8')).answers)).toHaveLength(25);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(scratch).filter((name) => name.endsWith('.tmp'))).toEqual([]); // written by rename, no leftovers
    await expect(intake(['--out', out], answersFrom(claudia))).rejects.toThrow(`resume it with "relief intake --resume ${draft}"`);
    const resumed = await intake(['--resume', draft], answersFrom(claudia));
    expect(resumed.prompts.asked.filter((field) => stopped.prompts.asked.includes(field))).toEqual([]);
    expect(parse(readFileSync(out, 'utf8'))).toEqual(claudia);
    expect(existsSync(draft)).toBe(false);
  });

  it('answers just the facts a saved case\'s screening reports missing', async () => {
    const file = join(scratch, 'open.case.yaml');
    writeFileSync(file, readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml')));
    const { prompts, stdout } = await intake(['--resume', file], script({ 'person.dateOfBirth': ['1980'] }));
    const questions = prompts.asked.filter((field) => field !== 'review');
    expect(questions).toContain('person.dateOfBirth');
    expect(questions).toContain('criminalHistory.convictions[0].maximumPenaltyDays');
    expect(questions).not.toContain('person.stateOfResidence');
    expect(questions).not.toContain('abuse.occurred');
    expect(stdout).toMatch(/\d+ facts the screening of .* needs are unknown; asking those/);
    const saved = parse(readFileSync(file, 'utf8'));
    expect(saved).toEqual({ ...(claudia as object), person: { ...(claudia as { person: object }).person, dateOfBirth: '1980' } });
  });

  it('says which answers of a saved case an earlier answer rules out', async () => {
    const file = join(scratch, 'ruled-out.case.yaml');
    writeFileSync(file, 'caseId: ruled-out\nscreeningDate: "2013-01-15"\ntrafficking: { occurred: false, type: sex }\n');
    const { stdout } = await intake(['--resume', file], script({}));
    expect(stdout).toContain('Not kept, because another answer rules them out: trafficking.type.');
    expect(parse(readFileSync(file, 'utf8')).trafficking).toEqual({ occurred: false });
  });
});
