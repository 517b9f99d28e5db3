/**
 * The loader's citation check: every citation of a pack (its rules, review notes, standing caution
 * and parameters) names a source its pack.json lists, the shared parameters and the scenario and
 * changeable-facts files their own; every listed source is cited or says why not. A broken file is
 * exit 3 and one paragraph naming the file, the rule or parameter, and the source.
 */
import { describe, expect, it } from '@jest/globals';
import { loadRulePacks } from '../../src/packs/load.js';
import { reliefRules, rulesCopies } from '../support/rules-copy.js';
import { loadScenarioBook } from '../../src/scenarios/book.js';
import { loadChangeability } from '../../src/flips/changeability.js';

const { withFile: rulesWith, shown } = rulesCopies('relief-citations-');

describe('citations against their sources', () => {
  it('the bundled rules: every citation names a listed source, and each is written as text beside its parts', async () => {
    const { packs } = await loadRulePacks();
    for (const { pack, sources } of packs) {
      const ids = new Set(sources.map((source) => source.id));
      for (const rule of pack.rules) {
        expect(rule.citations.length).toBeGreaterThan(0);
        for (const part of rule.citations) expect(ids.has(part.source)).toBe(true);
        expect(rule.citation.length).toBeGreaterThan(0);
      }
    }
  });

  it("names the rule and the source a rule cites that its pack does not list", async () => {
    const dir = rulesWith('daca/pack.json', (pack) => { pack.rules[0].citation = [{ source: 'IRCA', pin: '201' }]; });
    expect(await reliefRules(dir)).toContain(`${shown(dir)}/daca/pack.json:\n  - rule "daca-age-limit-on-announcement": cites source "IRCA", which ${shown(dir)}/daca/pack.json does not list in "sources" (listed: `);
  });

  it('names a review note and a standing caution by their place', async () => {
    const dir = rulesWith('daca/pack.json', (pack) => {
      pack.reviewNotes.juvenile.citation = [{ source: 'nowhere' }];
      pack.standingCaution.citation = [{ source: 'elsewhere' }];
    });
    const stderr = await reliefRules(dir);
    expect(stderr).toContain('  - reviewNotes "juvenile": cites source "nowhere"');
    expect(stderr).toContain('  - standingCaution: cites source "elsewhere"');
  });

  it("checks a pack's parameters against its pack's sources, naming the parameter and its file", async () => {
    const dir = rulesWith('daca/parameters.json', (file) => { file.parameters.arrivalBeforeAge.citation = [{ source: 'R99', pin: '1' }]; });
    expect(await reliefRules(dir)).toContain(`  - parameter "arrivalBeforeAge" in ${shown(dir)}/daca/parameters.json: cites source "R99", which ${shown(dir)}/daca/pack.json does not list`);
    const own = rulesWith('daca/parameters.json', (file) => { file.sources = [{ id: 'INA', title: 'Immigration and Nationality Act' }]; });
    expect(await reliefRules(own)).toContain(`${shown(own)}/daca/parameters.json lists "sources": a pack's parameters cite the sources its pack.json lists (move them there)`);
  });

  it('names a listed source no citation names, and accepts it when it says why', async () => {
    const extra = { id: 'B12', title: 'CRS R43097' };
    const dir = rulesWith('s744-rpi/pack.json', (pack) => { pack.sources.push(extra); });
    expect(await reliefRules(dir)).toContain(`  - ${shown(dir)}/s744-rpi/pack.json: source "B12" is listed in "sources" but no citation names it (cite it, remove it, or say why in "uncited")`);
    const reasoned = rulesWith('s744-rpi/pack.json', (pack) => { pack.sources.push({ ...extra, uncited: 'read for the background only' }); });
    await expect(loadRulePacks(reasoned)).resolves.toBeDefined();
  });

  it('refuses a citation written as text', async () => {
    const dir = rulesWith('daca/pack.json', (pack) => { pack.rules[2].citation = 'USCIS DACA FAQ (D1); criteria brief 2(b)3'; });
    expect(await reliefRules(dir)).toMatch(/rule 2 \(daca-continuous-residence\) at citation: /);
  });

  it('checks the shared parameters against their own sources', async () => {
    const dir = rulesWith('shared-parameters.json', (file) => { file.parameters.statutoryMaximumDaysByOffenseType.citation = [{ source: 'INA', pin: '275' }, { source: 'USC 18' }]; });
    expect(await reliefRules(dir)).toContain(`${shown(dir)}/shared-parameters.json:\n  - parameter "statutoryMaximumDaysByOffenseType" in ${shown(dir)}/shared-parameters.json: cites source "USC 18", which ${shown(dir)}/shared-parameters.json does not list`);
  });

  it('checks the scenarios and the changeable facts against their own sources', () => {
    const scenarios = rulesWith('scenarios.json', (file) => { file.scenarios.divorced.citation = [{ source: 'nowhere' }]; });
    expect(() => loadScenarioBook(scenarios)).toThrow(expect.objectContaining({ problems: expect.arrayContaining([expect.stringMatching(/^divorced: cites source "nowhere", which scenarios\.json does not list/)]) }));
    const changeable = rulesWith('changeable-facts.json', (file) => { file.fields['trafficking.extremeHardship'].citation = [{ source: 'nowhere' }]; });
    expect(() => loadChangeability(changeable)).toThrow(expect.objectContaining({ problems: expect.arrayContaining([expect.stringMatching(/^fields\.trafficking\.extremeHardship: cites source "nowhere", which changeable-facts\.json does not list/)]) }));
  });
});
