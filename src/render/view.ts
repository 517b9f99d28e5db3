/**
 * What a report shows, decided once for every format (text, Markdown, HTML): the summary line of
 * each program, the cautions every program shares (shown once), the case's questions, and per
 * program the findings that decided its result. The renderers only lay this out.
 */
import type { Report } from '../app/screen.js';
import type { Caution, Finding, ProgramResult } from '../findings/program-result.js';
import type { AlsoConsider } from '../findings/also-consider.js';
import { byFindingName, decidingReason, isOpen } from '../findings/deciding.js';
import type { LegalStatusKind } from '../packs/schema.js';
import type { NotInForce } from '../packs/dated-parameters.js';
import type { Question } from '../settle/settle.js';

/** How a result reads at a glance: a renderer picks its colour or mark from this. */
export type Tone = 'favourable' | 'waiver' | 'unfavourable' | 'open' | 'neutral';

export interface SummaryLine {
  program: string;
  shortTitle: string;
  /** What is not current law, in two or three words; null for a program in force. */
  statusNote: string | null;
  /** The outcome, or the classifications ("priority 1, level open"). */
  result: string;
  tone: Tone;
  /** The one reason that decides the result, in the findings' words (findings/deciding.ts). */
  reason: string | null;
  /** The waivers an eligible-with-a-waiver result rests on. */
  waivers: string[];
  needsReview: boolean;
}

/** A program asked for but not screened: its rules begin after the screening date (Report.notInForce). */
export interface NotInForceLine {
  program: string;
  shortTitle: string;
  /** What the summary says in its result column. */
  result: string;
  /** Why, with the first date of its rules, the parameter and the law that begins them. */
  reason: string;
}

export interface FindingGroup {
  title: string;
  findings: Finding[];
}

export interface ProgramView {
  program: ProgramResult;
  line: SummaryLine;
  /** The findings that decided the result, by group: what the default report shows. */
  deciding: FindingGroup[];
  /** Every group found (what --detail shows): the deciding ones, the factors and the rest. */
  all: FindingGroup[];
  /** This program's cautions, without those listed once for every program. */
  cautions: Caution[];
  /** The other programs this client's facts point at, one line each. */
  alsoConsider: AlsoConsiderLine[];
}

/** An "also consider" entry as every format shows it: with the target's result when this report screened it. */
export interface AlsoConsiderLine extends AlsoConsider {
  /** The target's result in this report's summary (BARRED, NOT SCREENED ...); null when it was not asked for. */
  inThisReport: string | null;
}

/** "U visa (in this report: BARRED): <reason>", what follows "Also consider:" in every format. */
export function alsoConsiderText(line: AlsoConsiderLine): string {
  return `${line.title}${line.inThisReport ? ` (in this report: ${line.inThisReport})` : ''}: ${line.reason}`;
}

export interface ReportView {
  report: Report;
  lines: SummaryLine[];
  /** The programs not screened on the date, one summary line each, after the programs screened. */
  notInForce: NotInForceLine[];
  /** Cautions that every program screened raises, listed once. */
  sharedCautions: Caution[];
  /** Questions whose answer could change a result, ranked. */
  decisive: Question[];
  /** Questions that only a helping or harmful factor reads. */
  worthAsking: Question[];
  programs: ProgramView[];
}

export const OUTCOME_LABEL: Record<string, string> = {
  eligible: 'ELIGIBLE',
  eligible_with_waiver: 'ELIGIBLE WITH A WAIVER',
  barred: 'BARRED',
  not_enough_information: 'NOT ENOUGH INFORMATION',
};

const STATUS_NOTE: Record<LegalStatusKind, string | null> = {
  in_force: null,
  in_litigation: 'in litigation',
  historical: 'historical, not current law',
  hypothetical: 'never enacted',
};

const OUTCOME_TONE: Record<string, Tone> = {
  eligible: 'favourable',
  eligible_with_waiver: 'waiver',
  barred: 'unfavourable',
  not_enough_information: 'open',
};

const isFactor = (f: Finding) => f.kind === 'helping_factor' || f.kind === 'harmful_factor';

function resultOf(program: ProgramResult): { result: string; tone: Tone } {
  if (program.outcome) return { result: OUTCOME_LABEL[program.outcome]!, tone: OUTCOME_TONE[program.outcome]! };
  const values = Object.entries(program.classifications ?? {});
  const result = values.map(([field, value]) => `${field} ${value === null ? 'undetermined' : value.replace(/_/g, ' ')}`).join(', ');
  return { result, tone: isOpen(program) ? 'open' : 'neutral' };
}

/** The waivers that apply. */
const applyingWaivers = (program: ProgramResult) => program.findings.filter((f) => f.kind === 'waiver' && f.status === 'applies');

/**
 * The bars a waiver that applies cures: those that apply (and say so in defeatedBy), and those that
 * may apply but would be cured if they do (the outcome does not wait on them).
 */
function curedBars(program: ProgramResult): { applying: Finding[]; possible: Finding[] } {
  const cures = new Set(applyingWaivers(program).flatMap((w) => w.defeats ?? []));
  const bars = program.findings.filter((f) => f.kind === 'bar');
  return {
    applying: bars.filter((f) => f.status === 'applies' && f.defeatedBy),
    possible: bars.filter((f) => f.status === 'unknown' && cures.has(f.rule)),
  };
}

/** The applying waivers that cure those bars: what an eligible-with-a-waiver result rests on. */
function curingWaivers(program: ProgramResult): Finding[] {
  const { applying, possible } = curedBars(program);
  const cured = new Set([...applying, ...possible].map((f) => f.rule));
  return applyingWaivers(program).filter((w) => (w.defeats ?? []).some((bar) => cured.has(bar)));
}

function summaryLine(program: ProgramResult): SummaryLine {
  return {
    program: program.program,
    shortTitle: program.shortTitle,
    statusNote: STATUS_NOTE[program.legalStatus.kind],
    ...resultOf(program),
    reason: decidingReason(program, byFindingName),
    waivers: program.outcome === 'eligible_with_waiver' ? curingWaivers(program).map((f) => f.name) : [],
    needsReview: program.needsReview,
  };
}

function groups(entries: [string, Finding[]][]): FindingGroup[] {
  return entries.filter(([, findings]) => findings.length > 0).map(([title, findings]) => ({ title, findings }));
}

/**
 * The findings that decided the result. A required element not met decides an eligibility program
 * by itself: its bars are then not what to act on (a T-visa screening of a client never trafficked
 * lists no entry ground). Otherwise the bars, the waivers that cure them, and what is open.
 */
function decidingGroups(program: ProgramResult): FindingGroup[] {
  const where = (kind: string, status: string) => program.findings.filter((f) => f.kind === kind && f.status === status);
  const open = program.findings.filter((f) => f.status === 'unknown' && !isFactor(f));
  if (program.kind === 'discretion') {
    const setting = where('classification', 'applies').filter((f) => !f.defeatedBy);
    return groups([['Classification', setting], ['Not settled by the known facts', isOpen(program) ? open : []]]);
  }
  const notMet = where('requirement', 'does_not_apply');
  if (notMet.length) return groups([['Requirements not met', notMet]]);
  const cured = curedBars(program);
  // Barred by a bar no waiver cures: what else is open cannot change that.
  const stillOpen = program.outcome === 'eligible' || program.outcome === 'barred' ? [] : open.filter((f) => !cured.possible.includes(f));
  return groups([
    ['Bars that apply', where('bar', 'applies').filter((f) => !f.defeatedBy)],
    ['Bars a waiver cures', cured.applying],
    ['Bars that may apply, which a waiver cures if they do', cured.possible],
    ['Waivers that cure them', curingWaivers(program)],
    ['Not settled by the known facts', stillOpen],
  ]);
}

/** Everything found, as the report listed it before it led with the answer (--detail). */
function allGroups(program: ProgramResult): FindingGroup[] {
  const where = (kind: string, status: string) => program.findings.filter((f) => f.kind === kind && f.status === status);
  return groups([
    ['Bars that apply', where('bar', 'applies')],
    ['Requirements not met', where('requirement', 'does_not_apply')],
    ['Waivers available', where('waiver', 'applies')],
    ['Classification', where('classification', 'applies')],
    ['Helping factors', program.factors.positive],
    ['Harmful factors', program.factors.negative],
    ['Not settled by the known facts', program.findings.filter((f) => f.status === 'unknown' && !isFactor(f))],
  ]);
}

/** What the summary of every format says of a program not in force on the screening date. */
export const NOT_SCREENED = 'NOT SCREENED';

function notInForceLine(entry: NotInForce): NotInForceLine {
  return {
    program: entry.program,
    shortTitle: entry.shortTitle,
    result: NOT_SCREENED,
    reason: `not in force on the screening date: its rules begin on ${entry.inForceFrom} (${entry.parameter}: ${entry.citation})`,
  };
}

/** The stale-research entry of the result (findings/stale-research.ts) as a caution to show. */
function staleResearchCaution(whose: string, researchedAsOf: string, ageDays: number, citation: string): Caution {
  return {
    code: 'stale-research',
    reason: `${whose} research is as of ${researchedAsOf}, ${ageDays} days before the screening date: check for later changes in the law.`,
    citation,
  };
}

/** Cautions raised by every program screened (two or more): said once, not once per program. */
function sharedBy(cautionLists: Caution[][]): Set<string> {
  if (cautionLists.length < 2) return new Set();
  const [first, ...rest] = cautionLists.map((list) => new Set(list.map((c) => c.reason)));
  return new Set([...first!].filter((reason) => rest.every((set) => set.has(reason))));
}

export function reportView(report: Report): ReportView {
  const stale = new Map(report.staleResearch.map((entry) => [entry.program, entry]));
  // Packs researched on one date, all old at the screening date: one caution, not one per program.
  const [first] = report.staleResearch;
  const oneDate = first !== undefined && report.programs.length > 1 && report.programs.every((p) => stale.get(p.program)?.researchedAsOf === first.researchedAsOf);
  const cautionLists = report.programs.map((program) => {
    const old = stale.get(program.program);
    if (!old || oneDate) return program.cautions;
    return [staleResearchCaution("The rule pack's", old.researchedAsOf, old.ageDays, `rule pack ${old.program}@${old.packVersion}`), ...program.cautions];
  });
  const shared = sharedBy(cautionLists);
  const sharedCautions = [
    ...(oneDate ? [staleResearchCaution("Every rule pack's", first!.researchedAsOf, first!.ageDays, 'the rule packs screened')] : []),
    ...(cautionLists[0] ?? []).filter((caution) => shared.has(caution.reason)),
  ];
  const lines = report.programs.map(summaryLine);
  const notInForce = report.notInForce.map(notInForceLine);
  const resultOfTarget = new Map([...lines, ...notInForce].map((line) => [line.program, line.result]));
  const programs = report.programs.map((program, i) => ({
    program,
    line: lines[i]!,
    deciding: decidingGroups(program),
    all: allGroups(program),
    cautions: cautionLists[i]!.filter((c) => !shared.has(c.reason)),
    alsoConsider: program.alsoConsider.map((item) => ({ ...item, inThisReport: resultOfTarget.get(item.program) ?? null })),
  }));
  return {
    report,
    lines,
    notInForce,
    sharedCautions,
    decisive: report.questions.filter((q) => q.decisive),
    worthAsking: report.questions.filter((q) => !q.decisive),
    programs,
  };
}
