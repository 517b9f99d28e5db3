/**
 * The machine-readable report: a documented, stable contract (see README "JSON output").
 * A discretion program's classifications (Morton's priority and level) are the item's
 * `classifications` mapping, so no classification's name can collide with another key. Each finding's condition tree carries what the text's explain view shows (the
 * group's name, each leaf's positive statement, its value, the derived fact it reads and the case
 * fields that could settle it, and for a key computed by the INA clauses the clause behind it), and
 * each program its derived facts' sources, with the clause trace (each clause's name, citation and
 * value, per conviction where it is of each) for a fact computed by clauses (README "JSON output").
 */
import type { Report } from '../app/screen.js';
import { explainTree } from './explain.js';

export function renderJson(report: Report): string {
  const programs = report.programs.map((program) => ({
    ...program,
    // Each condition tree as the explain view reads it (explain.ts): groups named, leaves read positively.
    findings: program.findings.map((finding) => ({ ...finding, conditions: explainTree(finding.conditions, program.derivedFacts ?? {}) })),
  }));
  return `${JSON.stringify({ ...report, programs }, null, 2)}\n`;
}
