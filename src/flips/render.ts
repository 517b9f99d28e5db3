/**
 * relief flips' output: per program, the result now, then the changes that flip it, grouped by
 * what kind of change each is (choices, questions of law, counterfactuals), each as the flags that
 * make it and the result it gives; the search's bounds and counts above. Text or JSON.
 * Everything quoted from the case (its id, a value moved) is made inert.
 */
import { DISCLAIMER } from '../app/screen.js';
import { OUTCOME_LABEL } from '../render/view.js';
import { wrap } from '../render/wrap.js';
import { echo, inert } from '../text/inert.js';
import type { ChangeKind } from './changeability.js';
import { PROBES_PER_FIELD, VALUES_PER_FIELD } from './candidates.js';
import { shellWord, type Change } from './changes.js';
import { PAIRS_PER_PROGRAM, type Flip, type FlipSearch, type Result } from './search.js';

export interface FlipsReport {
  caseId: string | null;
  source: string;
  screeningDate: string;
  rulesVersion: string;
  /** The screening options every flip was screened with (--as-of, --program), as flags. */
  screenedWith: string[];
  search: FlipSearch;
}

const HEADINGS: Record<ChangeKind, string> = {
  choice: 'Choices (the client or counsel can still make them)',
  question_of_law: "Questions of law (an attorney's determination could differ)",
  counterfactual: 'Counterfactuals (past facts that cannot change)',
};

export function describeResult(result: Result): string {
  if (result.outcome) return OUTCOME_LABEL[result.outcome] ?? result.outcome;
  return Object.entries(result.classifications ?? {})
    .map(([field, value]) => `${field} ${value === null ? 'undetermined' : value.replace(/_/g, ' ')}`)
    .join(', ');
}

/** The flags that make the changes, as typed on a command line. */
export function flagsOf(changes: readonly Change[]): string {
  return changes.map((c) => `${c.flag} ${shellWord(c.argument)}`).join(' ');
}

/**
 * One fact given several values with the same new result (each of an enumeration's other values,
 * two ages past one line) is listed once, the nearest value first, the others after it: the JSON
 * lists each.
 */
function withSameEffect(flips: readonly Flip[]): { flip: Flip; also: string[] }[] {
  const out: { flip: Flip; also: string[] }[] = [];
  const byField = new Map<string, string[]>();
  for (const flip of flips) {
    const [change] = flip.changes;
    // A scenario's options each say what they do: only its amounts (days, years) are listed together.
    const single = flip.changes.length === 1 && (change!.flag === '--what-if' || change!.description === change!.scenarioDescription);
    const split = change!.argument.indexOf('=');
    const key = single && split > 0 ? `${change!.group}\n${JSON.stringify(flip.result)}` : undefined;
    const listed = key === undefined ? undefined : byField.get(key);
    if (listed) listed.push(change!.argument.slice(split + 1));
    else {
      const entry = { flip, also: [] as string[] };
      out.push(entry);
      if (key !== undefined) byField.set(key, entry.also);
    }
  }
  return out;
}

function boundsText(report: FlipsReport): string {
  const { search } = report;
  return (
    `Searched ${search.singles} single change(s): the named scenarios this case can take, and each known fact given other values ` +
    `(a number or date moved across the lines the rule packs draw, at most ${PROBES_PER_FIELD} probed on the known facts alone, nearest first), at most ${VALUES_PER_FIELD} per fact screened in full, those that move a finding; ` +
    `then, per program, at most ${PAIRS_PER_PROGRAM} pairs of changes that each moved its findings without changing its result. ` +
    `${search.screenings} case(s) screened in full (the bounds allow ${search.bound}), ${search.probes} probed; ${search.skipped} change(s) skipped as making no possible case or the same case as another. ` +
    'Unknown facts are not answered here: the questions relief screen asks are those whose answer could settle or change a result.'
  );
}

export function renderFlipsText(report: FlipsReport, width: number): string {
  const lines: string[] = ['relief-screen: what would change each result'];
  // A case id of megabytes must not make a header of megabytes (a file name is bounded by the system).
  lines.push(...wrap(`Case: ${report.caseId === null ? '(no case id)' : echo(report.caseId)} · screening date: ${report.screeningDate} · file: ${report.source}`, width, 0, 2));
  lines.push(...wrap(DISCLAIMER, width));
  lines.push('', ...wrap(boundsText(report), width));
  const asked = ['relief screen CASE', ...report.screenedWith, 'CHANGE'].join(' ');
  lines.push(...wrap(`Each change below gives the result shown with: ${asked}`, width));
  for (const program of report.search.programs) {
    lines.push('', `${program.shortTitle}: now ${describeResult(program.result)}`);
    if (program.flips.length === 0) lines.push(...wrap('No change found within the bounds of the search.', width, 2, 2));
    for (const kind of Object.keys(HEADINGS) as ChangeKind[]) {
      const flips = program.flips.filter((f) => f.kind === kind);
      if (flips.length === 0) continue;
      lines.push(`  ${HEADINGS[kind]}:`);
      for (const { flip, also } of withSameEffect(flips)) {
        const others = also.length ? ` (so does ${also.join(', ')})` : '';
        lines.push(...wrap(`${flagsOf(flip.changes)} -> ${describeResult(flip.result)}${others}`, width, 4, 4));
        for (const change of flip.changes) {
          const why = change.flag === '--scenario' ? change.description : change.reason ? `${change.reason} [${change.citation}]` : undefined;
          if (why) lines.push(...wrap(flip.changes.length > 1 ? `${change.argument}: ${why}` : why, width, 8, 2));
        }
      }
    }
  }
  for (const entry of report.search.notInForce) {
    lines.push('', `${entry.shortTitle}: not screened`);
    lines.push(...wrap(`Not in force on the screening date: its rules begin on ${entry.inForceFrom} (${entry.parameter}: ${entry.citation}).`, width, 2, 2));
  }
  return `${lines.map(inert).join('\n')}\n`;
}

const resultJson = (result: Result) => (result.outcome ? { outcome: result.outcome } : { classifications: { ...result.classifications } });

export function renderFlipsJson(report: FlipsReport): string {
  const { search } = report;
  const json = {
    tool: 'relief-screen',
    disclaimer: DISCLAIMER,
    caseId: report.caseId,
    source: report.source,
    screeningDate: report.screeningDate,
    rulesVersion: report.rulesVersion,
    screenedWith: report.screenedWith,
    search: {
      changeGroups: search.groups,
      valuesPerField: VALUES_PER_FIELD,
      probesPerField: PROBES_PER_FIELD,
      probes: search.probes,
      pairsPerProgram: PAIRS_PER_PROGRAM,
      singleChanges: search.singles,
      skipped: search.skipped,
      screenings: search.screenings,
      screeningBound: search.bound,
      unknownFactsAnswered: false,
    },
    notInForce: search.notInForce,
    programs: search.programs.map((program) => ({
      program: program.program,
      shortTitle: program.shortTitle,
      result: resultJson(program.result),
      pairsTried: program.pairsTried,
      flips: program.flips.map((flip) => ({
        kind: flip.kind,
        changes: flip.changes.map(({ touches: _touches, scenarioDescription: _scenario, ...change }) => change),
        result: resultJson(flip.result),
      })),
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
