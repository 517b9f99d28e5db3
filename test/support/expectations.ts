/** Compares a report with a fixture's expectations and lists every mismatch, in words. */
import type { Screening } from '../../src/app/screen.js';
import type { ProgramResult } from '../../src/findings/program-result.js';
import type { ProgramExpectation } from './fixtures.js';

function statusOf(program: ProgramResult, rule: string): string {
  const finding = program.findings.find((f) => f.rule === rule);
  if (!finding) throw new Error(`${program.program}: no rule "${rule}" (fixture names a rule that does not exist)`);
  return finding.status;
}

/** Every key an expectation may have: any other (a misspelling, a classification outside `classifications`) is a mismatch, not silently unchecked. */
const EXPECTATION_KEYS = new Set<string>(['notInForce', 'outcome', 'classifications', 'needsReview', 'review', 'onlyReview', 'cautions', 'applies', 'doesNotApply', 'unknown', 'satisfied', 'notMet', 'positive', 'negative', 'absent', 'overridden', 'notOverridden', 'alsoConsider'] satisfies (keyof ProgramExpectation)[]);

export function mismatches(report: Screening, expected: Record<string, ProgramExpectation>): string[] {
  const problems: string[] = [];
  for (const [programId, expect] of Object.entries(expected)) {
    const program = report.programs.find((p) => p.program === programId);
    const early = report.notInForce.some((entry) => entry.program === programId);
    if (expect.notInForce !== undefined) {
      if (Object.keys(expect).length > 1) problems.push(`${programId}: a fixture expecting "notInForce" expects nothing else of the program`);
      else if (expect.notInForce !== early) problems.push(`${programId}: ${early ? 'not in force' : 'in force'} on the screening date, expected ${expect.notInForce ? 'not in force' : 'in force'}`);
      else if (early === Boolean(program)) problems.push(`${programId}: both screened and listed as not in force`);
      continue;
    }
    if (!program) {
      problems.push(`program ${programId} missing from the report`);
      continue;
    }
    const at = (what: string) => `${programId}: ${what}`;
    const reasons = () => program.reviewReasons.map((r) => r.reason).join(' | ') || 'none';
    if (expect.outcome !== undefined && program.outcome !== expect.outcome) problems.push(at(`outcome ${program.outcome}, expected ${expect.outcome} (${program.outcomeReasons?.join(', ')})`));
    for (const key of Object.keys(expect)) if (!EXPECTATION_KEYS.has(key)) problems.push(at(`the fixture expects "${key}", which is not an expectation (known: ${[...EXPECTATION_KEYS].join(', ')})`));
    for (const [field, value] of Object.entries(expect.classifications ?? {})) {
      if (!program.classifications || !Object.hasOwn(program.classifications, field)) problems.push(at(`no classification "${field}"`));
      else if (program.classifications[field] !== value) problems.push(at(`${field} ${program.classifications[field]}, expected ${value}`));
    }
    if (expect.needsReview !== undefined && program.needsReview !== expect.needsReview) problems.push(at(`needsReview ${program.needsReview}, expected ${expect.needsReview} (reasons: ${reasons()})`));
    const codes = [...new Set(program.reviewReasons.map((r) => r.code))].sort();
    for (const code of expect.review ?? []) if (!codes.includes(code)) problems.push(at(`no review point "${code}" (review codes: ${codes.join(', ') || 'none'})`));
    if (expect.onlyReview && JSON.stringify([...expect.onlyReview].sort()) !== JSON.stringify(codes)) {
      problems.push(at(`review codes ${codes.join(', ') || 'none'}, expected exactly ${expect.onlyReview.join(', ')}`));
    }
    const cautions = program.cautions.map((c) => c.code);
    for (const code of expect.cautions ?? []) if (!cautions.includes(code)) problems.push(at(`no caution "${code}" (cautions: ${cautions.join(', ') || 'none'})`));
    const statusChecks: [keyof ProgramExpectation, string][] = [
      ['applies', 'applies'],
      ['satisfied', 'applies'],
      ['doesNotApply', 'does_not_apply'],
      ['notMet', 'does_not_apply'],
      ['unknown', 'unknown'],
    ];
    for (const [key, status] of statusChecks) {
      for (const rule of (expect[key] as string[] | undefined) ?? []) {
        const actual = statusOf(program, rule);
        if (actual !== status) problems.push(at(`${rule} is ${actual}, expected ${status}`));
      }
    }
    const listed = (list: ProgramResult['factors']['positive']) => list.map((f) => f.rule);
    for (const rule of expect.positive ?? []) if (!listed(program.factors.positive).includes(rule)) problems.push(at(`${rule} not among positive factors (${statusOf(program, rule)})`));
    for (const rule of expect.negative ?? []) if (!listed(program.factors.negative).includes(rule)) problems.push(at(`${rule} not among negative factors (${statusOf(program, rule)})`));
    for (const rule of expect.absent ?? []) if (statusOf(program, rule) === 'applies') problems.push(at(`${rule} applies, expected it not to`));
    for (const rule of expect.overridden ?? []) {
      const finding = program.findings.find((f) => f.rule === rule);
      if (!finding?.defeatedBy) problems.push(at(`${rule} is not overridden (${finding?.status})`));
    }
    for (const rule of expect.notOverridden ?? []) {
      if (program.findings.find((f) => f.rule === rule)?.defeatedBy) problems.push(at(`${rule} is overridden`));
    }
    const named = program.alsoConsider.map((item) => item.program).sort();
    if (expect.alsoConsider && JSON.stringify([...expect.alsoConsider].sort()) !== JSON.stringify(named)) {
      problems.push(at(`names ${named.join(', ') || 'no program'} to also consider, expected ${expect.alsoConsider.join(', ') || 'none'}`));
    }
  }
  return problems;
}
