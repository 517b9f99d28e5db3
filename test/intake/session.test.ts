/**
 * The interview's workflow without the command (src/intake/session.ts): how a session ends, and a
 * draft in the way refused before any question. The command's wiring of the same session (exit
 * codes, the terminal, the files) is tested in intake-command.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadRulePacks } from '../../src/packs/load.js';
import { SessionUsageError, runIntakeSession, type SessionContext } from '../../src/intake/session.js';
import { FIXTURES_DIR } from '../support/fixtures.js';
import { TEST_TODAY } from '../support/run-cli.js';
import { ScriptedPrompts, answersFrom } from './scripted-prompts.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-session-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const rulePacks = await loadRulePacks();
const claudia: unknown = parse(readFileSync(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), 'utf8'));

function context(prompts: ScriptedPrompts): SessionContext & { said: () => string } {
  let said = '';
  return { rulePacks, prompts: () => prompts, say: (text) => (said += text), now: () => TEST_TODAY, showReport: (report) => `[report of ${report.source}]\n`, said: () => said };
}

describe('the intake session', () => {
  it('saves the case, shows its screening and ends "saved"', async () => {
    const out = join(scratch, 'claudia.case.yaml');
    const session = context(new ScriptedPrompts(answersFrom(claudia)));
    expect(await runIntakeSession({ out }, session)).toBe('saved');
    expect(existsSync(out)).toBe(true);
    expect(session.said()).toContain(`[report of ${out}]`);
  });

  it('ends "stopped" at Ctrl-C, keeping the answers in the draft', async () => {
    const out = join(scratch, 'stopped.case.yaml');
    const session = context(new ScriptedPrompts(answersFrom(claudia), 3));
    expect(await runIntakeSession({ out }, session)).toBe('stopped');
    expect(existsSync(`${out}.draft.json`)).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect(session.said()).toContain(`To continue: relief intake --resume ${out}.draft.json`);
  });

  it('refuses to start over a draft already there, before asking anything', async () => {
    const draft = join(scratch, 'waiting.draft.json');
    writeFileSync(draft, '{}');
    const prompts = new ScriptedPrompts(answersFrom(claudia));
    const started = runIntakeSession({ draft }, context(prompts));
    await expect(started).rejects.toBeInstanceOf(SessionUsageError);
    await expect(started).rejects.toThrow(`a draft of an unfinished intake is already at ${draft}`);
    expect(prompts.asked).toEqual([]);
  });
});
