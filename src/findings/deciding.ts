/**
 * The one reason that decides a program's result, in the words a reader needs: the first required
 * element not met, else the first uncured bar, the waiver needed, or what is open; for a
 * discretion program (Morton), the open classification or the rule that set it. The batch writes
 * it with rule ids for a spreadsheet cell; a report writes it with the findings' names.
 */
import type { ProgramResult } from './program-result.js';
import { firstOf } from '../text/numbers.js';

/** How a rule is named in the reason: its id (a cell to filter on) or its finding's name (a report). */
export type RuleNamer = (program: ProgramResult, rule: string) => string;

export const byRuleId: RuleNamer = (_program, rule) => rule;

export const byFindingName: RuleNamer = (program, rule) => program.findings.find((f) => f.rule === rule)?.name ?? rule;

const codes = (program: ProgramResult, prefix: string): string[] =>
  (program.outcomeReasons ?? []).filter((code) => code.startsWith(`${prefix}:`)).map((code) => code.slice(prefix.length + 1));

/** The required elements the known facts fail: such a program is not eligible, and its bars are not what to act on. */
export function elementsNotMet(program: ProgramResult): string[] {
  return program.findings.filter((f) => f.kind === 'requirement' && f.status === 'does_not_apply').map((f) => f.rule);
}

/** The bars that apply and that no applying waiver cures, in the pack's order. */
export function uncuredBars(program: ProgramResult): string[] {
  return program.findings.filter((f) => f.kind === 'bar' && f.status === 'applies' && !f.defeatedBy).map((f) => f.rule);
}

/** Whether a program has a result still open: an outcome, or a classification (Morton's priority or level). */
export function isOpen(program: ProgramResult): boolean {
  return program.outcome === 'not_enough_information' || Object.values(program.classifications ?? {}).some((value) => value === null);
}

function eligibilityReason(program: ProgramResult, name: (rule: string) => string): string | null {
  const named = (prefix: string) => codes(program, prefix).map(name);
  // Settled by cases, the reason names case fields, not rules.
  const byCases = codes(program, 'BY-CASES');
  switch (program.outcome) {
    case 'eligible':
      return null;
    case 'eligible_with_waiver': {
      const waived = named('WAIVER');
      if (byCases.length) return waived.length ? `waiver may be needed for ${firstOf(waived)}` : `waiver may be needed: turns on ${firstOf(byCases)}`;
      return `waiver for ${firstOf(waived)}`;
    }
    case 'barred': {
      const notMet = elementsNotMet(program).map(name);
      if (notMet.length) return `not met: ${firstOf(notMet)}`;
      const bars = uncuredBars(program).map(name);
      if (bars.length) return `bar: ${firstOf(bars)}`;
      // Settled by cases: no element fails and no bar applies on the known facts alone.
      return `barred on every answer to ${firstOf(byCases)}`;
    }
    default: {
      const awaiting = named('UNKNOWN-WAIVER');
      if (awaiting.length) return `open: waiver for ${firstOf(awaiting)}`;
      return `open: ${firstOf(named('UNKNOWN'))}`;
    }
  }
}

function discretionReason(program: ProgramResult, name: (rule: string) => string): string | null {
  const values = program.classifications ?? {};
  const open = Object.keys(values).filter((field) => values[field] === null);
  if (open.length) return `open: ${open.join(', ')}`;
  const outOfScope = program.findings.find((f) => f.kind === 'scope' && f.status === 'does_not_apply');
  if (outOfScope) return `not applicable: ${name(outOfScope.rule)}`;
  const setting = program.findings.find((f) => f.kind === 'classification' && f.status === 'applies' && !f.defeatedBy);
  if (setting) return name(setting.rule);
  const settled = program.byCases?.find((c) => c.settled && c.value !== null && values[c.result] === c.value);
  return settled ? `${settled.result} ${settled.value} on every answer to ${firstOf(settled.splitOn)}` : null;
}

/**
 * The reason that decides the program, or null for eligible (nothing to decide) and for a
 * classification no rule sets (Morton's "none").
 */
export function decidingReason(program: ProgramResult, namer: RuleNamer): string | null {
  const name = (rule: string) => namer(program, rule);
  return program.kind === 'eligibility' ? eligibilityReason(program, name) : discretionReason(program, name);
}
