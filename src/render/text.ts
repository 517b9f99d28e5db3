/**
 * The readable report: per program, the outcome or classification, what applies and why, what
 * needs an attorney, and the questions to ask next. Colour is decided by the caller's chalk level.
 * The report holds the client's own words (case id, conviction labels, file names): they are made
 * inert before any colour is added, so the only escapes in the output are the renderer's own.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../app/screen.js';
import type { ConditionTrace } from '../evaluate/engine.js';
import type { Finding, ProgramResult } from '../findings/program-result.js';
import { parseExactDate } from '../case/dates.js';
import { echo, inertAll } from '../text/inert.js';

export interface TextOptions {
  color: boolean;
  /** Show every rule with its condition tree, not only what applies. */
  explain: boolean;
}

const OUTCOME_LABEL: Record<string, string> = {
  eligible: 'ELIGIBLE',
  eligible_with_waiver: 'ELIGIBLE WITH A WAIVER',
  barred: 'BARRED',
  not_enough_information: 'NOT ENOUGH INFORMATION',
};

/** Research older than this, relative to the screening date, gets a caution line. */
const STALE_RESEARCH_DAYS = 180;

const STATUS_MARK: Record<string, string> = { applies: 'yes', does_not_apply: 'no', unknown: '?' };

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${formatValue(v)}`).join(', ');
  return String(value);
}

class Writer {
  readonly lines: string[] = [];
  constructor(readonly c: ChalkInstance) {}
  line(text = '', indent = 0): void {
    this.lines.push(`${' '.repeat(indent)}${text}`);
  }
}

function writeFinding(w: Writer, finding: Finding, indent: number): void {
  const { c } = w;
  const overridden = finding.defeatedBy ? c.yellow(` (overridden by ${finding.defeatedBy.join(', ')})`) : '';
  w.line(`- ${finding.name}${overridden}`, indent);
  w.line(c.dim(`source: ${finding.citation}`), indent + 2);
  for (const detail of new Set(finding.facts.map((f) => f.detail))) w.line(c.dim(`because: ${detail}`), indent + 2);
}

function writeTrace(w: Writer, node: ConditionTrace, indent: number): void {
  const mark = STATUS_MARK[node.status]!;
  const colour = node.status === 'applies' ? w.c.green : node.status === 'unknown' ? w.c.yellow : w.c.red;
  const value = node.fact ? w.c.dim(`  [${node.fact} = ${formatValue(node.actual)}]`) : '';
  w.line(`${colour(`[${mark}]`)} ${node.label}${value}`, indent);
  for (const child of node.children ?? []) writeTrace(w, child, indent + 4);
}

function section(w: Writer, title: string, findings: Finding[]): void {
  if (findings.length === 0) return;
  w.line(w.c.bold(title), 2);
  for (const finding of findings) writeFinding(w, finding, 4);
}

function writeProgram(w: Writer, program: ProgramResult, report: Report, options: TextOptions): void {
  const { c } = w;
  w.line(c.bold.underline(`${program.title} [${program.program}]`));
  w.line(`${c.bold('Legal status:')} ${program.legalStatus.label}. ${program.legalStatus.detail}`, 2);
  const ageDays = parseExactDate(report.screeningDate) - parseExactDate(program.researchedAsOf);
  if (ageDays > STALE_RESEARCH_DAYS) {
    w.line(c.yellow(`Caution: this pack's research is as of ${program.researchedAsOf}, ${ageDays} days before the screening date; check for later changes.`), 2);
  }
  if (program.outcome) {
    const colour = program.outcome === 'eligible' ? c.green : program.outcome === 'barred' ? c.red : c.yellow;
    w.line(`${c.bold('Outcome:')} ${colour.bold(OUTCOME_LABEL[program.outcome])}`, 2);
  }
  // A classification is null only when the known facts leave it open ("none" is a value of its own).
  for (const [field, value] of Object.entries(program.classifications ?? {})) {
    const shown = value ?? c.yellow('not determined by the known facts');
    w.line(`${c.bold(`${field[0]!.toUpperCase()}${field.slice(1)}:`)} ${shown}`, 2);
  }
  if (program.needsReview) w.line(c.magenta.bold('NEEDS ATTORNEY REVIEW'), 2);

  const by = (kind: string, status: string) => program.findings.filter((f) => f.kind === kind && f.status === status);
  section(w, 'Bars that apply:', by('bar', 'applies'));
  section(w, 'Requirements not met:', by('requirement', 'does_not_apply'));
  section(w, 'Waivers available:', by('waiver', 'applies'));
  section(w, 'Classification:', by('classification', 'applies'));
  section(w, 'Helping factors:', program.factors.positive);
  section(w, 'Harmful factors:', program.factors.negative);
  const open = program.findings.filter((f) => f.status === 'unknown' && f.kind !== 'helping_factor' && f.kind !== 'harmful_factor');
  section(w, 'Not settled by the known facts:', open);
  if (program.byCases?.length) {
    w.line(c.bold('Settled by cases over the unknown facts:'), 2);
    for (const split of program.byCases) {
      const colour = split.settled ? c.green : c.yellow;
      w.line(`- ${split.result}: ${colour(split.explanation)}`, 4);
    }
  }
  if (program.reviewReasons.length) {
    w.line(c.bold('For attorney review:'), 2);
    for (const reason of program.reviewReasons) {
      w.line(`- ${reason.reason}${reason.subject ? ` [${reason.subject}]` : ''}`, 4);
      w.line(c.dim(`source: ${reason.citation}`), 6);
    }
  }
  if (program.cautions.length) {
    w.line(c.bold('Cautions (true of every client in this position; not a review point):'), 2);
    for (const caution of program.cautions) {
      w.line(`- ${caution.reason}`, 4);
      w.line(c.dim(`source: ${caution.citation}`), 6);
    }
  }
  if (options.explain) {
    w.line(c.bold('Every rule, condition by condition:'), 2);
    for (const finding of program.findings) {
      w.line(c.dim(`${finding.kind.replace('_', ' ')} · ${finding.rule} · ${finding.citation}`), 4);
      writeTrace(w, finding.conditions, 4);
    }
  }
  w.line();
}

/** The case's questions, each fact once, naming the programs it could change. */
function writeQuestions(w: Writer, report: Report): void {
  const { c } = w;
  const list = (title: string, questions: Report['questions']) => {
    if (questions.length === 0) return;
    w.line(c.bold(title));
    for (const q of questions) w.line(`- ${q.question} ${c.dim(`(${q.field}; for: ${q.programs.join(', ')})`)}`, 2);
    w.line();
  };
  list('Ask the client next:', report.questions.filter((q) => q.decisive));
  list('Also worth asking (factors only):', report.questions.filter((q) => !q.decisive));
}

export function renderText(untrusted: Report, options: TextOptions): string {
  const report = inertAll(untrusted);
  const w = new Writer(new Chalk({ level: options.color ? 1 : 0 }));
  const { c } = w;
  w.line(c.bold('relief-screen screening report'));
  // A case id of megabytes must not make a header line of megabytes (a file name is bounded by the system).
  const caseId = untrusted.caseId === null ? '(no case id)' : echo(untrusted.caseId);
  w.line(`Case: ${caseId}  ·  file: ${report.source}  ·  screening date: ${report.screeningDate}`);
  const packs = report.programs.map((p) => `${p.program}@${p.packVersion} (research as of ${p.researchedAsOf})`).join(', ');
  w.line(`Rule packs: version ${report.rulesVersion}: ${packs}`);
  const { audit } = report;
  w.line(c.dim(`Audit: relief-screen ${audit.toolVersion} · rules ${audit.rulesVersion} · case SHA-256 ${audit.caseSha256} · screening date ${audit.screeningDate} · produced ${audit.producedAt}`));
  for (const change of report.whatIfs) w.line(c.cyan.bold(`WHAT IF: ${change} (not the case file's fact)`));
  w.line(c.yellow(report.disclaimer));
  w.line();
  for (const program of report.programs) writeProgram(w, program, report, options);
  writeQuestions(w, report);
  return `${w.lines.join('\n')}\n`;
}
