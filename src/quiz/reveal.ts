/**
 * The reveal, after every prediction is in: per program the screening's result and its one-line
 * reason (render/view.ts, the report's summary line), each prediction marked right or wrong, then
 * the findings that decided the result with their sources and the case facts behind them, how
 * settling by cases decided what the known facts left open, and the points for an attorney's
 * review; then the total and the case's point.
 * Text from the case is made inert before it gets here (the view is built from an inert report);
 * colour is added after wrapping, as in the text report.
 */
import type { ChalkInstance } from 'chalk';
import type { ProgramView } from '../render/view.js';
import { wrap } from '../render/wrap.js';
import type { ProgramScore } from './score.js';

export interface RevealStyle {
  c: ChalkInstance;
  width: number;
}

const PART_LABEL: Record<string, string> = { outcome: 'outcome', rule: 'deciding rule' };

function para(lines: string[], text: string, style: RevealStyle, indent: number, hang = 2, colour: (line: string) => string = (line) => line): void {
  for (const line of wrap(text, style.width, indent, hang)) lines.push(colour(line));
}

/** The reveal of one program, as lines. */
export function revealProgram(view: ProgramView, score: ProgramScore, style: RevealStyle): string[] {
  const { c } = style;
  const lines: string[] = [];
  const { line, program } = view;
  lines.push(c.bold(`${line.shortTitle}: ${line.result}${line.needsReview ? '  (needs an attorney\'s review)' : ''}`));
  const why = [line.statusNote, line.reason, line.waivers.length ? `cured by: ${line.waivers.join('; ')}` : null].filter(Boolean).join(' · ');
  if (why) para(lines, why, style, 2, 2, c.dim);
  for (const verdict of score.verdicts) {
    const label = PART_LABEL[verdict.key] ?? verdict.key;
    const mark = verdict.right === null ? '·' : verdict.right ? c.green('✔') : c.red('✘');
    const outcome = verdict.right === null ? 'not scored' : verdict.right ? 'right' : 'wrong';
    const [first, ...rest] = wrap(`${label}: you said "${verdict.predicted}"; the screening: ${verdict.actual} (${outcome})`, style.width, 4, 2);
    lines.push(`  ${mark} ${first!.slice(4)}`, ...rest);
  }
  if (view.deciding.length) {
    para(lines, 'What decided it:', style, 2, 0, c.bold);
    for (const group of view.deciding) {
      para(lines, `${group.title}:`, style, 4);
      for (const finding of group.findings) {
        para(lines, `- ${finding.name}`, style, 6);
        para(lines, `source: ${finding.citation}`, style, 8, 2, c.dim);
        for (const detail of new Set(finding.facts.map((f) => f.detail))) para(lines, `because: ${detail}`, style, 8, 2, c.dim);
      }
    }
  }
  for (const split of program.byCases ?? []) para(lines, `By cases (${split.result}): ${split.explanation}`, style, 2, 2);
  if (program.reviewReasons.length) {
    para(lines, 'For attorney review:', style, 2, 0, c.bold);
    for (const review of program.reviewReasons) para(lines, `- ${review.reason}${review.subject ? ` [${review.subject}]` : ''}`, style, 4);
  }
  lines.push(`  Score: ${score.points} of ${score.possible}`);
  return lines;
}
