/**
 * The built `relief quiz` in a real pseudo-terminal: a teaching case is picked from the list, every
 * prediction is typed (some right, some wrong), and the reveal, the sources and the score are
 * checked; Ctrl-C stops it cleanly; without a terminal it refuses. Each keystroke waits for its
 * prompt, so the test does not depend on timing.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRulePacks } from '../../src/packs/load.js';
import { NOTHING_DECIDES, programQuiz } from '../../src/quiz/predictions.js';
import { teachingCases } from '../../src/quiz/teaching-cases.js';
import { ANSI, BIN, CTRL_C, DOWN, ENTER, hasPty, inTerminal } from '../support/pty.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-quiz-pty-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A quiz prompt: "? <program>: <question> (<program>.<part>)", or the list of cases "(case)". */
const PROMPT = /\? [^\r\n]*\(((?:[a-z0-9-]+\.[a-z]+)|case)\)/g;

const rulePacks = await loadRulePacks();
/** The keys that pick a value in a prompt's list: as many downs as its place, then Enter. */
function pick(prompt: string, value: string): string {
  const choices =
    prompt === 'case'
      ? teachingCases().map((c) => c.name)
      : programQuiz(rulePacks.packs.find((loaded) => loaded.pack.program === prompt.split('.')[0])!).parts.find((part) => part.key === prompt.split('.')[1])!.choices.map((c) => c.value);
  const index = choices.indexOf(value);
  if (index < 0) throw new Error(`no choice ${value} in ${prompt}`);
  return `${DOWN.repeat(index)}${ENTER}`;
}

const quizIn = (args: string[], answers: Record<string, string>, env: Record<string, string> = {}) =>
  inTerminal(['quiz', ...args], scratch, {
    prompt: (fresh) => [...fresh.matchAll(PROMPT)].at(-1)?.[1],
    keys: (prompt) => (answers[prompt] === CTRL_C ? CTRL_C : pick(prompt, answers[prompt]!)),
  }, env);

describe('relief quiz without a terminal', () => {
  it('refuses (exit 2) and points to relief screen', () => {
    const result = spawnSync(process.execPath, [BIN, 'quiz', 'claudia'], { input: '', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('needs a terminal (stdin is not a TTY)');
    expect(result.stderr).toContain('relief screen <case-file>');
    expect(result.stdout).toBe('');
  });
});

(hasPty ? describe : describe.skip)('relief quiz in a terminal', () => {
  it('shows the chosen case, takes every prediction, then reveals the reasoning and scores it', async () => {
    const run = await quizIn(['--no-color'], {
      case: 'twin-born-1981-06-15',
      'daca.outcome': 'barred', // right
      'daca.rule': 'daca-age-limit-on-announcement', // right
      's744-rpi.outcome': 'barred', // wrong: S.744 has no age line
      's744-rpi.rule': NOTHING_DECIDES, // right: nothing stands in the way
    });
    expect(run.code).toBe(0);
    expect(run.prompts).toEqual(['case', 'daca.outcome', 'daca.rule', 's744-rpi.outcome', 's744-rpi.rule']);
    const plain = run.output.replace(ANSI, '');
    // Before the predictions: the note, the facts, the question; nothing of the result.
    const beforeReveal = plain.slice(0, plain.indexOf('== The screening =='));
    expect(beforeReveal).toContain('The twins, part 1: Marco, born 11:55 pm on June 15, 1981');
    expect(beforeReveal).toContain('person.dateOfBirth: 1981-06-15');
    expect(beforeReveal).toContain('entries[0].date: 1990-08-20');
    expect(beforeReveal).toContain('Think about');
    expect(beforeReveal).not.toContain('Your score');
    // The reveal: result, reason, each prediction marked, the deciding finding with its source and facts.
    expect(plain).toContain('DACA: BARRED');
    expect(plain).toContain('not met: Under the age of 31 as of June 15, 2012');
    expect(plain).toMatch(/✔ outcome: you said "barred"; the screening: barred \(right\)/);
    expect(plain).toMatch(/✔ deciding rule: you said "\[requirement\] Under the age of 31 as of June 15, 2012"; the screening: Under the age of 31 as of June 15, 2012 \(right\)/);
    expect(plain).toContain('source: USCIS DACA FAQ (D1)');
    expect(plain).toContain('because: born 1981-06-15: 31 on 2012-06-15');
    expect(plain).toContain('S.744 RPI: ELIGIBLE');
    expect(plain).toMatch(/✘ outcome: you said "barred"; the screening: eligible \(wrong\)/);
    expect(plain).toMatch(/✔ deciding rule: you said "nothing stands in the way[^"]*"; the screening: nothing: every requirement is met and no bar applies \(right\)/);
    expect(plain).toContain('Your score: 3 of 4 (daca 2/2, s744-rpi 1/2)');
    expect(plain).toContain('The point');
    expect(plain).toContain('His twin, born fifteen minutes later, is');
    expect(plain).toContain('screening aid, not legal advice');
    expect(run.output).not.toMatch(/\u001b\[[0-9;]*m/); // --no-color: no colour codes
  }, 60_000);

  it('takes a teaching case by name, and Morton\'s priority and level', async () => {
    const run = await quizIn(['massachusetts-misdemeanor'], {
      'morton.priority': '1',
      'morton.level': '3', // wrong: punishable by 2 1/2 years, Level 2
      'daca.outcome': 'barred',
      'daca.rule': 'daca-felony',
      's744-rpi.outcome': 'eligible',
      's744-rpi.rule': NOTHING_DECIDES,
    }, { NO_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.prompts).toEqual(['morton.priority', 'morton.level', 'daca.outcome', 'daca.rule', 's744-rpi.outcome', 's744-rpi.rule']);
    const plain = run.output.replace(ANSI, '');
    expect(plain).toMatch(/✔ priority: you said "priority 1"; the screening: priority 1 \(right\)/);
    expect(plain).toMatch(/✘ level: you said "level 3"; the screening: level 2 \(wrong\)/);
    expect(plain).toContain('Your score: 5 of 6 (morton 1/2, daca 2/2, s744-rpi 2/2)');
    // The review points this client's facts raise, with the reveal.
    expect(plain).toContain('For attorney review:');
    expect(plain).toContain('DACA treats it as a felony whatever the label');
  }, 60_000);

  it('stops cleanly with Ctrl-C, revealing nothing (exit 130)', async () => {
    const run = await quizIn(['claudia'], { 'vawa-cancellation.outcome': CTRL_C });
    expect(run.code).toBe(130);
    const plain = run.output.replace(ANSI, '');
    expect(plain).toContain('Stopped: nothing was revealed or kept.');
    expect(plain).not.toContain('== The screening ==');
    expect(plain).not.toMatch(/at .*\.js:\d+/); // no stack trace
  }, 30_000);
});

if (!hasPty) {
  it.skip('relief quiz in a terminal: skipped because neither util-linux "script" nor python3 (pty) is installed', () => undefined);
}
