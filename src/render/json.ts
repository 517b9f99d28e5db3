/**
 * The machine-readable report: a documented, stable contract (see README "JSON output").
 * A discretion program's classifications (Morton's priority and level) appear as top-level keys
 * of its item.
 */
import type { Report } from '../app/screen.js';

export function renderJson(report: Report): string {
  const programs = report.programs.map(({ classifications, ...program }) => ({ ...program, ...(classifications ?? {}) }));
  return `${JSON.stringify({ ...report, programs }, null, 2)}\n`;
}
