import { describe, expect, it } from '@jest/globals';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackError, loadRulePacks } from '../../src/packs/load.js';
import { reliefRules, rulesCopies } from '../support/rules-copy.js';

const copies = rulesCopies('relief-packs-');
const rulesCopy = copies.copy;
/** A copy of the real rules folder with one pack's file (the DACA pack by default) edited by `edit`. */
const rulesWith = (edit: (pack: Record<string, any>) => void, file = 'daca/pack.json'): string => copies.withFile(file, edit);

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
    expect(await problemsOf(dir)).toMatch(/daca\/pack\.json: rule "daca-age-limit-on-announcement": unknown fact "ageOnTheMoon"/);
  });
  it('names the rule that uses an unknown operator', async () => {
    const dir = rulesWith((pack) => { pack.rules[1].conditions.all[0].operator = 'roughlyEqual'; });
    expect(await problemsOf(dir)).toMatch(/rule "daca-arrived-before-age-limit": unknown operator "roughlyEqual"/);
  });
  it('names the rule whose in/notIn has nothing to search (it would fail on every case, not at load)', async () => {
    const dir = rulesWith((pack) => { pack.rules[1].conditions.all[0] = { fact: 'underAgeLimitOnAnnouncement', operator: 'in', value: 5 }; });
    expect(await problemsOf(dir)).toMatch(/rule "daca-arrived-before-age-limit": operator "in" needs a list \(or a text\) as its value/);
  });
  it('rejects a rule without a citation', async () => {
    const dir = rulesWith((pack) => { delete pack.rules[2].citation; });
    expect(await problemsOf(dir)).toMatch(/rule 2 \(daca-continuous-residence\) at citation/);
  });
  it('rejects an unknown calculator, parameter, and record key', async () => {
    expect(await problemsOf(rulesWith((pack) => { pack.facts.finalOrder.calculator = 'crystalBall'; }))).toMatch(/unknown calculator "crystalBall"/);
    expect(await problemsOf(rulesWith((pack) => { pack.facts.underAgeLimitOnAnnouncement.params.years = { parameter: 'nope' }; }))).toMatch(/unknown parameter "nope"/);
    expect(await problemsOf(rulesWith((pack) => { pack.rules.find((r: any) => r.id === 'daca-felony').conditions.all[0].path = '$.isFelon'; }))).toMatch(/has no key "isFelon"/);
  });
  it('checks the case-file fields that facts read', async () => {
    expect(await problemsOf(rulesWith((pack) => { pack.facts.inRemovalProceedings.params.path = 'removal.inProceding'; }))).toMatch(/fact "inRemovalProceedings": the case file has no field "removal.inProceding"/);
    expect(await problemsOf(rulesWith((pack) => { pack.facts.finalOrder.params.path = 'removal'; }))).toMatch(/"removal" holds a group of fields, but caseField reads value/);
  });
  it('rejects a waiver that defeats a rule that does not exist', async () => {
    expect(await problemsOf(rulesWith((pack) => { pack.rules[0].defeats = ['no-such-rule']; }))).toMatch(/defeats unknown rule "no-such-rule"/);
  });
  it('rejects a review point that presupposes a rule that does not exist', async () => {
    const problems = await problemsOf(rulesWith((pack) => { pack.rules[0].review = { when: ['applies'], onlyIfApplies: ['no-such-rule'], reason: 'A question.' }; }));
    expect(problems).toMatch(/review.onlyIfApplies names unknown rule "no-such-rule"/);
  });
});

describe('hostile rule packs (issue 10, item 17): exit 3, the file and the rule or fact named', () => {
  const inherited = ['toString', 'constructor', '__proto__'];

  it.each(inherited)('a calculator named %s is an unknown calculator', async (name) => {
    const dir = rulesWith((pack) => { pack.facts.finalOrder.calculator = name; });
    expect(await reliefRules(dir)).toContain(`daca/pack.json:\n  - fact "finalOrder": unknown calculator "${name}"`);
  });

  it.each(inherited)('a parameter named %s is an unknown parameter, in a fact and in a condition', async (name) => {
    const inFact = rulesWith((pack) => { pack.facts.underAgeLimitOnAnnouncement.params.years = { parameter: name }; });
    expect(await reliefRules(inFact)).toContain(`fact "underAgeLimitOnAnnouncement": unknown parameter "${name}"`);
    const inCondition = rulesWith((pack) => { pack.rules[0].conditions.all[0].value = { parameter: name }; });
    expect(await reliefRules(inCondition)).toContain(`rule "daca-age-limit-on-announcement": unknown parameter "${name}"`);
  });

  it('a rule reading a fact named toString, a fact reading a case field named constructor, or a rule setting a classification named constructor: named', async () => {
    const fact = rulesWith((pack) => { pack.rules[0].conditions.all[0].fact = 'toString'; });
    expect(await reliefRules(fact)).toContain('rule "daca-age-limit-on-announcement": unknown fact "toString"');
    const field = rulesWith((pack) => { pack.facts.finalOrder.params.path = 'constructor'; });
    expect(await reliefRules(field)).toContain('fact "finalOrder": the case file has no field "constructor"');
    const classification = rulesWith((pack) => { pack.rules.find((r: any) => r.sets).sets.field = 'constructor'; }, 'morton/pack.json');
    expect(await reliefRules(classification)).toContain('morton/pack.json:\n  - rule "morton-p1-convicted-of-crime": sets unknown classification "constructor"');
  });

  it('conditions nested 5,000 deep are refused against their rule, without a stack overflow (limit 64)', async () => {
    const dir = rulesCopy();
    const file = join(dir, 'daca', 'pack.json');
    const pack = JSON.parse(readFileSync(file, 'utf8'));
    const leaf = JSON.stringify(pack.rules[0].conditions.all[0]);
    pack.rules[0].conditions.all[0] = 'DEEP';
    // Written as text: JSON.stringify itself would overflow the stack.
    writeFileSync(file, JSON.stringify(pack).replace('"DEEP"', `${'{"not":'.repeat(5_000)}${leaf}${'}'.repeat(5_000)}`));
    expect(await reliefRules(dir)).toMatch(/daca\/pack\.json:\n {2}- rule 0 \(daca-age-limit-on-announcement\) at conditions\.all\[0\]\.not\.not\.not…: nests objects and lists more than 64 deep/);
  });

  it('fact parameters nested 100,000 deep are refused against their fact', async () => {
    const dir = rulesCopy();
    const file = join(dir, 'daca', 'pack.json');
    // Written as text: JSON.stringify itself would overflow the stack.
    writeFileSync(file, readFileSync(file, 'utf8').replace('"params": {', `"params": {"deep": ${'['.repeat(100_000)}${']'.repeat(100_000)},`));
    expect(await reliefRules(dir)).toMatch(/daca\/pack\.json:\n {2}- fact "\w+" at params\.deep(\[0\])+…: nests objects and lists more than 64 deep/);
  });

  it('a copied pack folder is a second pack for one program: an error naming both folders', async () => {
    const dir = rulesCopy();
    cpSync(join(dir, 'daca'), join(dir, 'daca.bak'), { recursive: true });
    const name = copies.shown(dir);
    expect(await reliefRules(dir)).toContain(`program "daca" is also the program of ${name}/daca/pack.json: two folders (${name}/daca and ${name}/daca.bak) hold one program`);
  });

  it('a bad value in parameters.json is reported against the parameter and that file', async () => {
    const dir = rulesWith((file) => { file.parameters.ageCeilingOnAnnouncement.value = 'thirty-one'; }, 'daca/parameters.json');
    const name = copies.shown(dir);
    expect(await reliefRules(dir)).toContain(`parameter "ageCeilingOnAnnouncement" in ${name}/daca/parameters.json: Invalid input: expected number, received string (used by fact "underAgeLimitOnAnnouncement" parameter years)`);
    const inCondition = rulesWith((file) => { file.parameters.repeatOffenderConvictions.value = { many: 3 }; }, 'morton/parameters.json');
    expect(await reliefRules(inCondition)).toContain(`parameter "repeatOffenderConvictions" in ${copies.shown(inCondition)}/morton/parameters.json: a condition compares with`);
    const missing = rulesWith((file) => { delete file.parameters.arrivalBeforeAge.citation; }, 'daca/parameters.json');
    expect(await reliefRules(missing)).toContain(`parameters.json:\n  - parameter "arrivalBeforeAge" in ${copies.shown(missing)}/daca/parameters.json at citation: `);
  });

  it('a pack file that is not JSON: the line and column', async () => {
    const dir = rulesCopy();
    writeFileSync(join(dir, 'daca', 'pack.json'), '{\n  "program": "daca",\n  "title": "x"\n  "kind": "eligibility"\n}\n');
    expect(await reliefRules(dir)).toMatch(/daca\/pack\.json:\n {2}- not valid JSON: Expected ',' or '}' after property value at line 4, column 3\n/);
  });

  it('a folder without pack.json says what a pack folder needs', async () => {
    const dir = rulesCopy();
    mkdirSync(join(dir, 'notes'));
    expect(await reliefRules(dir)).toContain('notes/pack.json:\n  - does not exist: every folder in the rules folder is one rule pack, with a pack.json and a parameters.json');
  });
});
