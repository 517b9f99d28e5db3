/**
 * The explain view (explain.ts, text.ts writeTrace, json.ts): every unknown that keeps a fixture's
 * result open names the case fields behind it, and the questions ask them; rules read as the
 * statute does, ALL OF / ANY OF / NOT, without double negatives.
 */
import { describe, expect, it } from '@jest/globals';
import { Screener, type Report } from '../../src/app/screen.js';
import type { ConditionTrace } from '../../src/evaluate/engine.js';
import type { ProgramResult } from '../../src/findings/program-result.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { explainTree, type ExplainedNode } from '../../src/render/explain.js';
import { renderText } from '../../src/render/text.js';
import { loadBoundaryFixtures, loadCaseFixtures } from '../support/fixtures.js';
import { screenFixture, screenNamedFixture } from '../support/screened.js';

const screener = new Screener(await loadRulePacks());
const fixtures = [...loadCaseFixtures(), ...loadBoundaryFixtures().flatMap((f) => f.variants.map((v) => ({ ...v, name: `${f.file}: ${v.name}` })))];
const explainText = (report: Report) => renderText(report, { color: false, detail: false, explain: true, width: 80 });

/** The unknown leaves under a node, through unknown groups only (a group that is settled is not kept open by them). */
function unknownLeaves(node: ExplainedNode, out: ExplainedNode[] = []): ExplainedNode[] {
  if (node.status !== 'unknown') return out;
  if (node.children) for (const child of node.children) unknownLeaves(child, out);
  else out.push(node);
  return out;
}

const packs = new Map(screener.rulePacks.packs.map((loaded) => [loaded.pack.program, loaded.pack]));

/**
 * The rules that keep a result open: an open outcome's UNKNOWN reasons; for an open classification,
 * the unknown rules that set a value ranked above the one chosen (classifications.ts).
 */
function openRules(program: ProgramResult): string[] {
  if (program.outcome === 'not_enough_information') return (program.outcomeReasons ?? []).filter((r) => r.startsWith('UNKNOWN:')).map((r) => r.slice('UNKNOWN:'.length));
  const pack = packs.get(program.program)!;
  const open: string[] = [];
  for (const field of program.undetermined ?? []) {
    for (const value of pack.classifications![field]!.order) {
      const setting = program.findings.filter((f) => !f.defeatedBy && pack.rules.find((r) => r.id === f.rule)!.sets?.field === field && pack.rules.find((r) => r.id === f.rule)!.sets?.value === value);
      if (setting.some((f) => f.status === 'applies')) break;
      open.push(...setting.filter((f) => f.status === 'unknown').map((f) => f.rule));
    }
  }
  return open;
}

describe('every unknown that keeps a fixture open is named and asked', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', async (_name, fixture) => {
    const { report } = await screenFixture(screener, fixture);
    const asked = new Set(report.questions.map((q) => q.field));
    const problems: string[] = [];
    for (const program of report.programs) {
      for (const rule of openRules(program)) {
        const finding = program.findings.find((f) => f.rule === rule)!;
        for (const leaf of unknownLeaves(explainTree(finding.conditions, program.derivedFacts!))) {
          const where = `${program.program} ${rule} ${leaf.fact}`;
          if (leaf.caseFields!.length === 0) {
            // Open on a point of law (S.744's disputed reading, a maximum of exactly one year): nothing to ask, an attorney to see.
            if (!program.needsReview) problems.push(`${where}: names no case field`);
          } else if (!leaf.caseFields!.some((field) => asked.has(field))) problems.push(`${where}: none of ${leaf.caseFields!.join(', ')} is asked`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

/** daca-baseline with a 1326 felony whose expungement was not recorded (the example). */
const unrecordedExpungement = (caseValue: Record<string, unknown>) => {
  caseValue.criminalHistory = { convictions: [{ id: 'illegal reentry', jurisdiction: 'federal', label: 'felony', statute: '8 U.S.C. 1326(a)', maximumPenaltyDays: 730, sentenceImposedDays: 0, daysInCustody: 0, daysHeldOnImmigrationDetainer: 0, offenseDate: '2012-02', convictionDate: '2012-06', offenseTypes: ['reentry_1326'], aggravatedFelony: false, juvenile: false }] };
};

describe('the explain view', () => {
  it('names the expungement behind an open felony bar, and asks it', async () => {
    const report = await screenNamedFixture('daca-baseline', unrecordedExpungement);
    const daca = report.programs.find((p) => p.program === 'daca')!;
    expect(daca.outcome).toBe('not_enough_information');
    expect(report.questions).toContainEqual(expect.objectContaining({ field: 'criminalHistory.convictions[0].expunged', programs: expect.arrayContaining(['daca']), decisive: true }));
    const felony = explainTree(daca.findings.find((f) => f.rule === 'daca-felony')!.conditions, daca.derivedFacts!);
    expect(felony.children![0]).toMatchObject({ fact: 'record.hasFelony', truth: 'not known', derivedFact: 'record', caseFields: ['criminalHistory.convictions[0].expunged'] });
    const text = explainText(report).replace(/\n +/g, ' ');
    expect(text).toContain('Has been convicted of a felony: not settled [?] a conviction punishable by more than one year (record.hasFelony = unknown) from: 1 conviction(s): illegal reentry: felony');
    expect(text).toContain('would be settled by: criminalHistory.convictions[0].expunged');
    expect(text).toContain('felonyAboveDays = 365 (source: USCIS DACA FAQ (D2, D4)');
  });

  it('reads a real rule as ALL OF / ANY OF / NOT, each leaf positively with its value', async () => {
    const report = await screenNamedFixture('vawa-baseline', (caseValue) => {
      // A CIMT outside the petty-offense exception: a 212(a)(2) ground.
      caseValue.criminalHistory = { convictions: [{ id: 'theft', jurisdiction: 'state', label: 'felony', maximumPenaltyDays: 730, sentenceImposedDays: 365, offenseDate: '2010-01-01', convictionDate: '2010-06-01', offenseTypes: ['theft'], crimeInvolvingMoralTurpitude: true, aggravatedFelony: false, expunged: false, juvenile: false, connectedToAbuse: true }] };
    });
    const vawa = report.programs.find((p) => p.program === 'vawa-cancellation')!;
    const waiver = vawa.findings.find((f) => f.rule === 'vawa-cancellation-gmc-waiver')!;
    const tree = explainTree(waiver.conditions, vawa.derivedFacts!);
    expect(tree.group).toBe('ALL OF');
    const ground = tree.children!.find((c) => c.fact === 'record.criminalInadmissible')!;
    expect(ground).toMatchObject({ statement: '212(a)(2) ground', negated: true, truth: 'yes', status: 'does_not_apply' });
    expect(tree.children!.find((c) => c.combinator === 'any')).toMatchObject({ group: 'ANY OF' });
    const text = explainText(report);
    const rule = text.slice(text.indexOf('vawa-cancellation-gmc-waiver ·'));
    expect(rule).toMatch(/ANY OF \(no domestic-violence ground, or one the 237\(a\)\(7\) waiver\s+reaches\): /);
    expect(rule).toMatch(/NOT: not met\n +\[yes\] 212\(a\)\(2\) ground \(record\.criminalInadmissible = true\)/);
  });

  it('writes no double negative: no leaf reads "[no] no …" or "[no] not …", in any fixture', async () => {
    for (const name of loadCaseFixtures().map((f) => f.name)) {
      const text = explainText(await screenNamedFixture(name));
      expect(text).not.toMatch(/\[(no|\?)\] (no|not) /i);
      expect(text.split('\n').every((line) => [...line].length <= 80)).toBe(true);
    }
  });
});

describe('the JSON tree', () => {
  it('is the trace with the group, the positive statement, its value and the case fields behind it', () => {
    const trace: ConditionTrace = {
      label: 'rule',
      status: 'unknown',
      combinator: 'all',
      children: [
        { label: 'no 212(a)(2) ground', status: 'unknown', fact: 'record.criminalInadmissible', operator: 'equal', expected: false, actual: null },
        { label: 'younger than 31', status: 'applies', fact: 'under31', operator: 'equal', expected: true, actual: true },
      ],
    };
    const parameters = [{ name: 'p', value: 1, citation: 'c', citations: [{ source: 'c' }], file: 'f', inForceFrom: null }];
    const sources = {
      record: { calculator: 'inaCriminalRecord', description: 'The record.', detail: 'd', caseFields: ['criminalHistory.convictions[0].crimeInvolvingMoralTurpitude'], parameters },
      under31: { calculator: 'ageBelowOn', description: 'Younger than 31.', detail: 'born 1990', caseFields: [], parameters },
    };
    expect(explainTree(trace, sources)).toEqual({
      label: 'rule',
      status: 'unknown',
      combinator: 'all',
      group: 'ALL OF',
      children: [
        { ...trace.children![0], statement: '212(a)(2) ground', negated: true, truth: 'not known', derivedFact: 'record', caseFields: ['criminalHistory.convictions[0].crimeInvolvingMoralTurpitude'] },
        { ...trace.children![1], statement: 'younger than 31', negated: false, truth: 'yes', derivedFact: 'under31', caseFields: [] },
      ],
    });
  });
});
