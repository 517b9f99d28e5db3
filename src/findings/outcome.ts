/**
 * An eligibility program's outcome from its findings, by rule kind alone:
 * barred > not enough information > eligible with a waiver > eligible.
 */
import type { Finding } from './program-result.js';

export type Outcome = 'eligible' | 'eligible_with_waiver' | 'barred' | 'not_enough_information';

export function decideOutcome(findings: Finding[], defeatsOf: (rule: string) => readonly string[]): { outcome: Outcome; reasons: string[] } {
  const waivers = (status: Finding['status'], bar: string) => findings.some((f) => f.kind === 'waiver' && f.status === status && defeatsOf(f.rule).includes(bar));
  const failed = findings.filter((f) => f.kind === 'requirement' && f.status === 'does_not_apply').map((f) => `ELEMENT:${f.rule}`);
  const barsApplying = findings.filter((f) => f.kind === 'bar' && f.status === 'applies');
  // A bar that applies is cured by a waiver that applies; while a waiver for it is unknown, it is open.
  const uncured = barsApplying.filter((f) => !f.defeatedBy && !waivers('unknown', f.rule)).map((f) => `BAR:${f.rule}`);
  if (failed.length || uncured.length) return { outcome: 'barred', reasons: [...failed, ...uncured] };

  const awaitingWaiver = barsApplying.filter((f) => !f.defeatedBy).map((f) => `UNKNOWN-WAIVER:${f.rule}`);
  const unknown = findings.filter((f) => (f.kind === 'requirement' || f.kind === 'bar') && f.status === 'unknown');
  // A bar that may apply leaves the outcome open unless a waiver that applies would cure it.
  const open = unknown.filter((f) => f.kind === 'requirement' || !waivers('applies', f.rule)).map((f) => `UNKNOWN:${f.rule}`);
  if (open.length || awaitingWaiver.length) return { outcome: 'not_enough_information', reasons: [...awaitingWaiver, ...open] };
  const waived = [...barsApplying, ...unknown].map((f) => `WAIVER:${f.rule}`);
  if (waived.length) return { outcome: 'eligible_with_waiver', reasons: waived };
  return { outcome: 'eligible', reasons: [] };
}
