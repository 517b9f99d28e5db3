/**
 * The loader's checks of a pack's "also consider" entries (packs/also-consider.ts): the target is a
 * program of the rules folder (a new folder is a target at once; a misspelt one is a load error
 * naming the file and the entry), the condition reads the pack's own facts, an outcome is named only
 * by an eligibility program, the reason's numbers come from the parameters, and the citation names
 * a listed source.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { Screener } from '../../src/app/screen.js';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { reliefRules, rulesCopies } from '../support/rules-copy.js';

const { copy, withFile: rulesWith, shown } = rulesCopies('relief-also-consider-');

/** An entry of the T-visa pack pointing a trafficking victim at another program. */
const tVisaEntry = (program: string, extra: Record<string, unknown> = {}) => ({
  id: 'victim-to-other-program',
  program,
  reason: 'A trafficking victim may also qualify for the other program.',
  citation: [{ source: 'INA', pin: '101(a)(15)(T)' }],
  conditions: { all: [{ name: 'the client was trafficked', fact: 'traffickingOccurred', operator: 'equal', value: true }] },
  ...extra,
});

const withEntry = (file: string, entry: Record<string, unknown>) => rulesWith(file, (pack) => (pack.alsoConsider = [...(pack.alsoConsider ?? []), entry]));

describe('also consider: the target', () => {
  it('an entry naming a program of the rules folder loads, and fires for a client whose facts meet it', async () => {
    const dir = withEntry('t-visa/pack.json', tVisaEntry('vawa-self-petition'));
    const screener = new Screener(await loadRulePacks(dir));
    const caseFile = CaseFile.parse({ screeningDate: '2020-01-01', trafficking: { occurred: true } });
    const report = await screener.screen(caseFile, { screeningDay: parseExactDate('2020-01-01'), source: 'test', programs: ['t-visa'] });
    const named = report.programs[0]!.alsoConsider.find((item) => item.entry === 'victim-to-other-program');
    expect([named?.program, named?.title]).toEqual(['vawa-self-petition', 'VAWA self-petition']);
  });

  it('a misspelt target is a load error naming the file and the entry', async () => {
    const dir = withEntry('t-visa/pack.json', tVisaEntry('vawa-self-petiton'));
    const stderr = await reliefRules(dir);
    expect(stderr).toContain(`${shown(dir)}/t-visa/pack.json:\n  - alsoConsider "victim-to-other-program": no program "vawa-self-petiton" in the rules folder (programs: daca, morton, `);
    expect(stderr).toMatch(/ t-visa, (.+, )?vawa-cancellation, vawa-self-petition\)\n$/);
  });

  it('a program added as a folder of the rules is a target at once: the check reads the folder, not a list in the code', async () => {
    const missing = withEntry('t-visa/pack.json', tVisaEntry('x-visa'));
    expect(await reliefRules(missing)).toContain('no program "x-visa" in the rules folder');
    // The same entry, with a pack for "x-visa" in the folder (a copy of another pack, renamed, pointing nowhere).
    const dir = withEntry('t-visa/pack.json', tVisaEntry('x-visa'));
    cpSync(join(dir, 'vawa-self-petition'), join(dir, 'x-visa'), { recursive: true });
    const packFile = join(dir, 'x-visa', 'pack.json');
    const { alsoConsider: _none, ...pack } = JSON.parse(readFileSync(packFile, 'utf8'));
    writeFileSync(packFile, JSON.stringify({ ...pack, program: 'x-visa', shortTitle: 'X visa' }));
    const loaded = await loadRulePacks(dir);
    expect(loaded.packs.map((p) => p.pack.program)).toContain('x-visa');
  });

  it('a pack may not name itself', async () => {
    expect(await reliefRules(withEntry('t-visa/pack.json', tVisaEntry('t-visa')))).toContain('  - alsoConsider "victim-to-other-program": names this program itself');
  });
});

describe('also consider: the entry', () => {
  it('its condition reads the pack\'s own facts', async () => {
    const entry = tVisaEntry('daca', { conditions: { all: [{ fact: 'crimeVictimm', operator: 'equal', value: true }] } });
    expect(await reliefRules(withEntry('t-visa/pack.json', entry))).toContain('  - alsoConsider "victim-to-other-program": unknown fact "crimeVictimm" (declare it under "facts")');
  });

  it('names an outcome only in an eligibility program', async () => {
    const entry = { ...tVisaEntry('daca', { whenOutcome: ['barred'] }), citation: [{ source: 'INA', pin: '212' }], conditions: { all: [{ fact: 'traffickingVictim', operator: 'equal', value: true }] } };
    expect(await reliefRules(withEntry('morton/pack.json', entry))).toContain('  - alsoConsider "victim-to-other-program": "whenOutcome" needs an eligibility program (a discretion program has no outcome)');
  });

  it('an id is used once', async () => {
    const dir = rulesWith('t-visa/pack.json', (pack) => (pack.alsoConsider = [tVisaEntry('daca'), tVisaEntry('daca')]));
    expect(await reliefRules(dir)).toContain('  - alsoConsider "victim-to-other-program" is defined twice');
  });

  it('its reason takes numbers from the parameters its condition\'s facts use, as a rule\'s words do', async () => {
    const condition = { all: [{ fact: 'underAgeLimitOnAnnouncement', operator: 'equal', value: true }] };
    const restated = { ...tVisaEntry('t-visa'), citation: [{ source: '8 U.S.C.', pin: '1101' }], conditions: condition, reason: 'Under 31 on the announcement.' };
    expect(await reliefRules(withEntry('daca/pack.json', restated))).toContain('alsoConsider "victim-to-other-program": its reason restates 31, the value of parameter "ageCeilingOnAnnouncement"');
    const dir = withEntry('daca/pack.json', { ...restated, reason: 'Under {ageCeilingOnAnnouncement} on the announcement.' });
    const daca = (await loadRulePacks(dir)).packs.find((p) => p.pack.program === 'daca')!;
    expect(daca.pack.alsoConsider!.at(-1)!.reason).toBe('Under 31 on the announcement.');
  });

  it('its citation names a source the pack lists, and is written as text', async () => {
    expect(await reliefRules(withEntry('t-visa/pack.json', tVisaEntry('daca', { citation: [{ source: 'IRCA' }] })))).toContain('  - alsoConsider "victim-to-other-program": cites source "IRCA", which');
    const { packs } = await loadRulePacks(copy());
    for (const { pack } of packs) for (const entry of pack.alsoConsider ?? []) expect(entry.citation.length).toBeGreaterThan(0);
  });
});
