/** What a report shows of each program, per kind of result: the summary line and the deciding findings (view.ts, deciding.ts). */
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/app/screen.js';
import { byFindingName, byRuleId, decidingReason } from '../../src/findings/deciding.js';
import { decideOutcome } from '../../src/findings/outcome.js';
import type { Finding, ProgramResult } from '../../src/findings/program-result.js';
import { reportView } from '../../src/render/view.js';
import { finding } from '../support/finding.js';

/** An eligibility program whose outcome the real rules decide from these findings. */
function eligibility(...findings: Finding[]): ProgramResult {
  const defeats = (rule: string) => findings.find((f) => f.rule === rule)?.defeats ?? [];
  const { outcome, reasons } = decideOutcome(findings, defeats);
  return {
    program: 'p',
    title: 'A program',
    shortTitle: 'P',
    kind: 'eligibility',
    legalStatus: { kind: 'in_force', label: 'Statutory', detail: 'd' },
    researchedAsOf: '2025-10-31',
    packVersion: 'v',
    outcome,
    outcomeReasons: reasons,
    needsReview: false,
    reviewReasons: [],
    cautions: [],
    findings,
    factors: { positive: [], negative: [] },
    missing: [],
    alsoConsider: [],
    derivedFacts: {},
  };
}

function discretion(classifications: Record<string, string | null>, ...findings: Finding[]): ProgramResult {
  const { outcome, outcomeReasons, ...rest } = eligibility(...findings);
  return { ...rest, kind: 'discretion', legalStatus: { kind: 'historical', label: 'Historical', detail: 'd' }, classifications };
}

function view(...programs: ProgramResult[]) {
  const report = { screeningDate: '2025-11-01', staleResearch: [], notInForce: [], programs, questions: [] } as unknown as Report;
  return reportView(report);
}

const titles = (program: ProgramResult) => view(program).programs[0]!.deciding.map((g) => [g.title, g.findings.map((f) => f.rule)]);

const met = finding('element', 'requirement', 'applies');
const waiver = (status: Finding['status'] = 'applies') => finding('waiver', 'waiver', status, { defeats: ['bar'] });

describe('the deciding reason and findings of a program', () => {
  it('eligible: no reason, nothing open listed', () => {
    const program = eligibility(met, finding('bar', 'bar', 'does_not_apply'), finding('factor', 'helping_factor', 'unknown'));
    expect(decidingReason(program, byRuleId)).toBeNull();
    expect(titles(program)).toEqual([]);
    expect(view(program).lines[0]).toMatchObject({ result: 'ELIGIBLE', tone: 'favourable', waivers: [] });
  });

  it('barred by a required element: that element alone, whatever else applies or is open', () => {
    const program = eligibility(finding('element', 'requirement', 'does_not_apply'), finding('bar', 'bar', 'applies'), finding('other', 'requirement', 'unknown'));
    expect(decidingReason(program, byRuleId)).toBe('not met: element');
    expect(decidingReason(program, byFindingName)).toBe('not met: the element');
    expect(titles(program)).toEqual([['Requirements not met', ['element']]]);
  });

  it('barred by a bar no waiver cures: the bar, and not what is open (it cannot change the result)', () => {
    const program = eligibility(met, finding('bar', 'bar', 'applies'), finding('other', 'requirement', 'unknown'));
    expect(program.outcome).toBe('barred');
    expect(decidingReason(program, byFindingName)).toBe('bar: the bar');
    expect(titles(program)).toEqual([['Bars that apply', ['bar']]]);
  });

  it('eligible with a waiver for a bar that applies: the bar, and the waiver named on the summary line', () => {
    const program = eligibility(met, finding('bar', 'bar', 'applies', { defeatedBy: ['waiver'] }), waiver());
    expect(decidingReason(program, byFindingName)).toBe('waiver for the bar');
    expect(titles(program)).toEqual([['Bars a waiver cures', ['bar']], ['Waivers that cure them', ['waiver']]]);
    expect(view(program).lines[0]).toMatchObject({ result: 'ELIGIBLE WITH A WAIVER', tone: 'waiver', waivers: ['the waiver'] });
  });

  it('eligible with a waiver for a bar that may apply: the waiver still shown, the bar not listed as open', () => {
    const program = eligibility(met, finding('bar', 'bar', 'unknown'), waiver());
    expect(program.outcome).toBe('eligible_with_waiver');
    expect(titles(program)).toEqual([
      ['Bars that may apply, which a waiver cures if they do', ['bar']],
      ['Waivers that cure them', ['waiver']],
    ]);
    expect(view(program).lines[0]!.waivers).toEqual(['the waiver']);
  });

  it('open: the first rule left unknown, or the waiver awaited', () => {
    const unknownElement = eligibility(finding('element', 'requirement', 'unknown'), finding('age', 'requirement', 'unknown'));
    expect(decidingReason(unknownElement, byFindingName)).toBe('open: the element (+1 more)');
    expect(titles(unknownElement)).toEqual([['Not settled by the known facts', ['element', 'age']]]);
    const awaiting = eligibility(met, finding('bar', 'bar', 'applies'), waiver('unknown'));
    expect(decidingReason(awaiting, byFindingName)).toBe('open: waiver for the bar');
    expect(view(awaiting).lines[0]).toMatchObject({ result: 'NOT ENOUGH INFORMATION', tone: 'open' });
  });

  it('settled by cases: the reason names the case fields split on', () => {
    const program = { ...eligibility(met, finding('bar', 'bar', 'unknown')), outcome: 'barred' as const, outcomeReasons: ['BY-CASES:person.dateOfBirth'] };
    expect(decidingReason(program, byRuleId)).toBe('barred on every answer to person.dateOfBirth');
    const waived = { ...program, outcome: 'eligible_with_waiver' as const };
    expect(decidingReason(waived, byRuleId)).toBe('waiver may be needed: turns on person.dateOfBirth');
  });

  it('discretion: the classification set, what is open only while a classification is, and values in words', () => {
    const level = finding('level-3', 'classification', 'applies');
    const settled = discretion({ priority: '1', level: '3' }, level, finding('level-1', 'classification', 'unknown'));
    expect(decidingReason(settled, byFindingName)).toBe('the level-3');
    expect(titles(settled)).toEqual([['Classification', ['level-3']]]);
    const open = discretion({ priority: '1', level: null }, level, finding('level-1', 'classification', 'unknown'));
    expect(decidingReason(open, byRuleId)).toBe('open: level');
    expect(titles(open)).toEqual([['Classification', ['level-3']], ['Not settled by the known facts', ['level-1']]]);
    expect(view(open).lines[0]).toMatchObject({ result: 'priority 1, level undetermined', tone: 'open', statusNote: 'historical, not current law' });
    const outside = discretion({ priority: 'not_applicable', level: 'not_applicable' }, finding('in-the-us', 'scope', 'does_not_apply'));
    expect(decidingReason(outside, byFindingName)).toBe('not applicable: the in-the-us');
    expect(view(outside).lines[0]!.result).toBe('priority not applicable, level not applicable');
  });

  it('says a caution every program raises once, and keeps one program\'s own', () => {
    const caution = { code: 'x', reason: 'Check the news.', citation: 'c' };
    const own = { code: 'y', reason: 'Only here.', citation: 'c' };
    const one = { ...eligibility(met), cautions: [caution, own] };
    const two = { ...eligibility(met), program: 'q', cautions: [caution] };
    const shown = view(one, two);
    expect(shown.sharedCautions).toEqual([caution]);
    expect(shown.programs.map((p) => p.cautions)).toEqual([[own], []]);
  });
});
