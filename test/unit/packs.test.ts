import { afterAll, describe, expect, it } from '@jest/globals';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, PackError, loadRulePacks } from '../../src/packs/load.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-packs-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let counter = 0;
/** A copy of the real rules folder with the DACA pack edited by `edit`. */
function rulesWith(edit: (pack: Record<string, any>) => void): string {
  const dir = join(scratch, `rules-${counter++}`);
  cpSync(DEFAULT_RULES_DIR, dir, { recursive: true });
  const file = join(dir, 'daca', 'pack.json');
  const pack = JSON.parse(readFileSync(file, 'utf8'));
  edit(pack);
  writeFileSync(file, JSON.stringify(pack));
  return dir;
}

async function problemsOf(dir: string): Promise<string> {
  try {
    await loadRulePacks(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(PackError);
    return `${(error as PackError).file}: ${(error as PackError).problems.join(' | ')}`;
  }
  throw new Error('the pack loaded');
}

describe('rule-pack loading', () => {
  it('loads the bundled packs with a stable version', async () => {
    const first = await loadRulePacks();
    const second = await loadRulePacks();
    expect(first.packs.map((p) => p.pack.program)).toEqual(expect.arrayContaining(['daca', 'morton']));
    expect(first.version).toMatch(/^[0-9a-f]{12}$/);
    expect(second.version).toBe(first.version);
  });
  it('changes the version when a pack changes', async () => {
    const edited = await loadRulePacks(rulesWith((pack) => { pack.rules[0].explanation += ' (edited)'; }));
    expect(edited.version).not.toBe((await loadRulePacks()).version);
  });
  it('names the rule that uses an unknown fact', async () => {
    const dir = rulesWith((pack) => { pack.rules[0].conditions.all[0].fact = 'ageOnTheMoon'; });
    expect(await problemsOf(dir)).toMatch(/daca\/pack\.json: rule "daca-under-31-on-june-15-2012": unknown fact "ageOnTheMoon"/);
  });
  it('names the rule that uses an unknown operator', async () => {
    const dir = rulesWith((pack) => { pack.rules[1].conditions.all[0].operator = 'roughlyEqual'; });
    expect(await problemsOf(dir)).toMatch(/rule "daca-arrived-before-16th-birthday": unknown operator "roughlyEqual"/);
  });
  it('rejects a rule without a citation', async () => {
    const dir = rulesWith((pack) => { delete pack.rules[2].citation; });
    expect(await problemsOf(dir)).toMatch(/rule 2 \(daca-continuous-residence-since-june-15-2007\) at citation/);
  });
  it('rejects an unknown calculator, parameter, and record key', async () => {
    expect(await problemsOf(rulesWith((pack) => { pack.facts.finalOrder.calculator = 'crystalBall'; }))).toMatch(/unknown calculator "crystalBall"/);
    expect(await problemsOf(rulesWith((pack) => { pack.facts.under31OnAnnouncement.params.years = { parameter: 'nope' }; }))).toMatch(/unknown parameter "nope"/);
    expect(await problemsOf(rulesWith((pack) => { pack.rules.find((r: any) => r.id === 'daca-felony').conditions.all[0].path = '$.isFelon'; }))).toMatch(/has no key "isFelon"/);
  });
  it('checks the case-file fields that facts read', async () => {
    expect(await problemsOf(rulesWith((pack) => { pack.facts.inRemovalProceedings.params.path = 'removal.inProceding'; }))).toMatch(/fact "inRemovalProceedings": the case file has no field "removal.inProceding"/);
    expect(await problemsOf(rulesWith((pack) => { pack.facts.finalOrder.params.path = 'removal'; }))).toMatch(/"removal" holds a group of fields, but caseField reads value/);
  });
  it('rejects a waiver that defeats a rule that does not exist', async () => {
    expect(await problemsOf(rulesWith((pack) => { pack.rules[0].defeats = ['no-such-rule']; }))).toMatch(/defeats unknown rule "no-such-rule"/);
  });
});
