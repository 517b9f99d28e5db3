/**
 * The explain view of the INA clauses (rules/ina): beneath a leaf reading a key of the INA record,
 * the clause behind the key and its sub-clauses, with names, values and citations, in the text and
 * in the JSON report. Claudia (seed 004): the petty-offense exception open, the 212(a)(2)(D)
 * prostitution ground applying.
 */
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/app/screen.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import { screenNamedFixture } from '../support/screened.js';

const claudia: Report = await screenNamedFixture('claudia');
const explainText = (report: Report) => renderText(report, { color: false, detail: false, explain: true, width: 200 });
const text = explainText(claudia);
/** The explain view of one rule: from its header to the next rule's. */
const ruleText = (rule: string) => {
  const start = text.indexOf(` · ${rule} · `);
  const next = text.slice(start + 1).search(/\n {4}(?:bar|requirement|waiver|factor|classification|element)[^\n]* · [a-z0-9-]+ · /);
  return text.slice(start, next < 0 ? undefined : start + 1 + next);
};

describe('explain: the INA clauses beneath the leaves that read them (Claudia)', () => {
  it.each(['t-visa-inadmissible-criminal', 's744-inadmissible-criminal-grounds'])('%s shows the 212(a)(2)(D) ground as a cited rule', (rule) => {
    expect(ruleText(rule)).toContain('by the clauses of rules/ina/clauses.json:');
    expect(ruleText(rule)).toMatch(/212\(a\)\(2\)\(D\) prostitution ground of inadmissibility: yes \(INA 212\(a\)\(2\)\(D\)\(i\)\)/);
    expect(ruleText(rule)).toMatch(/212\(a\)\(2\)\(D\)\(i\) prostitution within the look-back: Arizona facilitation \(2010\): yes/);
  });
  it.each(['t-visa-inadmissible-criminal', 's744-inadmissible-criminal-grounds', 'vawa-cancellation-cimt-inadmissible'])('%s shows the petty-offense exception as a cited rule', (rule) => {
    expect(ruleText(rule)).toContain('212(a)(2)(A)(ii)(II) petty-offense exception: not known (INA 212(a)(2)(A)(ii)(II))');
  });
  it('vawa-cancellation-gmc-class-offense shows the 101(f)(3) class (open on the offense date) with the prostitution offense', () => {
    const rule = ruleText('vawa-cancellation-gmc-class-offense');
    expect(rule).toContain('101(f)(3) class offense during the period: not known (INA 101(f)(3))');
    expect(rule).toContain('212(a)(2)(D) prostitution offense: Arizona facilitation (2010): yes');
  });
  it('shows the petty-offense exception open, with its citation, and why per conviction', () => {
    const rule = ruleText('t-visa-inadmissible-criminal');
    expect(rule).toContain('212(a)(2)(A)(ii)(II) petty-offense exception: not known (INA 212(a)(2)(A)(ii)(II))');
    expect(rule).toContain('212(a)(2)(A)(ii)(II) petty offense (maximum and sentence): Arizona facilitation (2010): not known');
    // A clause shown once in a rule is named again, not repeated.
    expect(rule).toContain('212(a)(2)(A)(i)(I) crime involving moral turpitude: see above');
  });
  it('shows no clauses under a leaf whose fact has none', () => {
    expect(ruleText('t-visa-inadmissible-security')).not.toContain('rules/ina');
  });
  it('puts the trace in the JSON report: the leaf names its clause, derivedFacts hold the clauses', () => {
    const json = JSON.parse(renderJson(claudia)) as { programs: { program: string; findings: { rule: string; conditions: unknown }[]; derivedFacts: Record<string, { clauses?: { roots: Record<string, string>; clauses: Record<string, { name: string; citation: unknown; value: unknown; instances?: unknown[] }> } }> }[] };
    const tVisa = json.programs.find((p) => p.program === 't-visa')!;
    const leaf = JSON.stringify(tVisa.findings.find((f) => f.rule === 't-visa-inadmissible-criminal')!.conditions);
    expect(leaf).toContain('"clause":"criminalInadmissible"');
    const { clauses } = tVisa.derivedFacts.inaRecord!;
    expect(clauses!.roots.criminalInadmissible).toBe('criminalInadmissible');
    expect(clauses!.clauses.cimtPettyOffenseException).toMatchObject({ name: '212(a)(2)(A)(ii)(II) petty-offense exception', citation: 'INA 212(a)(2)(A)(ii)(II)', citations: [{ source: 'INA', pin: '212(a)(2)(A)(ii)(II)' }], value: null });
    expect(clauses!.clauses.recentProstitution).toMatchObject({ value: true, instances: [{ name: 'Arizona facilitation (2010)', value: true }] });
  });
});
