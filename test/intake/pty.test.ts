/**
 * The built `relief intake` in a real pseudo-terminal (util-linux `script`, else python3's pty): answers are typed,
 * the interview is stopped with Ctrl-C, resumed, reviewed and saved, and the report printed.
 * Each keystroke waits for its prompt, so the test does not depend on timing.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BIN, CTRL_C, DOWN, ENTER, hasPty, inTerminal as inPseudoTerminal } from '../support/pty.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-pty-'));

// The command under test is the built one, brought up to date by test/support/build.ts.
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A prompt line: "? <question> (<field>; …)", or the review's; the last one on screen is open. */
const PROMPT = /\? [^\r\n]*\(([A-Za-z][\w.[\]]*)[;)]|\? Save the case file/g;

/** Runs `relief intake …` in a pseudo-terminal; `keys` gives the keystrokes for each prompt's field. */
async function inTerminal(args: string[], keys: (field: string) => string, env: Record<string, string> = {}): Promise<{ output: string; code: number | null; fields: string[] }> {
  const run = await inPseudoTerminal(['intake', ...args], scratch, {
    prompt: (fresh, answered) => {
      // After the review the report is printed, whose question lines look like prompts.
      if (answered.at(-1) === 'review') return undefined;
      const latest = [...fresh.matchAll(PROMPT)].at(-1);
      return latest && (latest[1] ?? 'review');
    },
    keys,
  }, env);
  return { output: run.output, code: run.code, fields: run.prompts };
}

describe('relief intake without a terminal', () => {
  it('refuses without a terminal and points to relief screen', () => {
    const result = spawnSync(process.execPath, [BIN, 'intake'], { input: '', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('relief screen <case-file>');
    // One paragraph: the usage follows on the same line, with no escaped line break in it.
    expect(result.stderr).toContain('. Usage: relief intake');
    expect(result.stderr).not.toContain('\\x0a');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

(hasPty ? describe : describe.skip)('relief intake in a terminal', () => {
  it('colours its prompts on a colour terminal unless told not to', async () => {
    const coloured = await inTerminal(['--draft', join(scratch, 'colour.draft.json')], () => CTRL_C);
    expect(coloured.output).toContain('Stopped. Your answers are saved in');
    expect(coloured.output).toMatch(/\u001b\[[0-9;]*m/);
  }, 30_000);

  it('is typed into, stopped with Ctrl-C, resumed, reviewed, saved and screened', async () => {
    const out = join(scratch, 'pty.case.yaml');
    const draft = `${out}.draft.json`;
    const typed: Record<string, string> = { caseId: 'pty-demo', screeningDate: '2012-09-15', 'person.dateOfBirth': '1990-03-10', 'person.name': 'P. D.', 'person.currentLocation': 'united' };
    const first = await inTerminal(['--out', out, '--as-of', '2012-09-15', '--no-color'], (field) => (field === 'person.education' ? CTRL_C : `${typed[field] ?? ''}${ENTER}`));
    expect(first.output).toContain(`To continue: relief intake --resume ${draft}`);
    expect(first.code).toBe(130);
    expect(first.output).not.toMatch(/\u001b\[[0-9;]*m/); // --no-color on a colour terminal: no colour codes
    expect(first.fields.slice(0, 3)).toEqual(['caseId', 'screeningDate', 'person.name']);
    expect(first.fields.at(-1)).toBe('person.education');
    expect(statSync(draft).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(draft, 'utf8'))).toMatchObject({ out, asOf: '2012-09-15', answers: { caseId: 'pty-demo', 'person.name': 'P. D.', 'person.dateOfBirth': '1990-03-10', 'person.currentLocation': 'united_states' } });

    const SPACE = ' ';
    // A multi-select starts with nothing ticked: "None of these", "Don't know", then the options.
    const DONT_KNOW_TICKED = `${DOWN}${SPACE}`;
    const picks: Record<string, string> = {
      'person.education': 'high',
      entries: '1',
      'entries[0].date': '2000-05-01',
      'entries[0].manner': 'without',
      departures: '0',
      'removal.priorRemovals': 'none',
      'criminalHistory.convictions': 'none',
      'family.parentStatuses': DONT_KNOW_TICKED,
      'abuse.occurred': 'yes',
      'abuse.victims': `${DOWN}${DOWN}${SPACE}`, // the client: Enter accepts what is ticked
      'abuse.kinds': DONT_KNOW_TICKED,
      'trafficking.occurred': 'no',
      'crimeVictimization.occurred': 'no',
    };
    const second = await inTerminal(['--resume', draft], (field) => `${picks[field] ?? ''}${ENTER}`, { NO_COLOR: '1' });
    expect(second.code).toBe(0);
    expect(second.fields[0]).toBe('person.education');
    expect(second.fields).toContain('abuse.victims');
    expect(second.fields).not.toContain('trafficking.type');
    expect(second.fields.at(-1)).toBe('review');
    expect(second.output).toContain('== Review ==');
    const saved = readFileSync(out, 'utf8');
    expect(parse(saved)).toMatchObject({
      caseId: 'pty-demo',
      screeningDate: '2012-09-15',
      person: { name: 'P. D.', dateOfBirth: '1990-03-10', currentLocation: 'united_states', education: 'high_school_diploma' },
      entries: [{ date: '2000-05-01', manner: 'without_inspection' }],
      departures: [],
      removal: { priorRemovals: [] },
      criminalHistory: { convictions: [] },
      abuse: { occurred: true, victims: ['client'] },
      trafficking: { occurred: false },
    });
    expect(parse(saved).abuse).not.toHaveProperty('kinds');
    expect(saved).toContain('dateOfBirth: "1990-03-10"');
    expect(existsSync(draft)).toBe(false);
    expect(second.output).toContain('screening aid, not legal advice');
    expect(second.output).toContain('Deferred Action for Childhood Arrivals');
    expect(second.output).toMatch(/Next questions \(\d+ unknown facts could change a result\)/);
    expect(second.output).not.toMatch(/\u001b\[[0-9;]*m/); // NO_COLOR on a colour terminal: no colour codes
  }, 60_000);
});

if (!hasPty) {
  it.skip('relief intake in a terminal: skipped because neither util-linux "script" nor python3 (pty) is installed', () => undefined);
}
