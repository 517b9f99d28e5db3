/**
 * The readable report, leading with the answer: a summary line per program, the questions that
 * could still change a result, then per program the findings that decided it and its review points
 * (--detail: everything found; --explain: every rule, condition by condition). Lines wrap to the
 * terminal's width (80 when not a terminal).
 *
 * The report holds the client's own words (case id, conviction labels, file names): they are made
 * inert before any colour is added, so the only escapes in the output are the renderer's own; and
 * colour is added after wrapping, so widths count only what is seen.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Report } from '../app/screen.js';
import type { ConditionTrace } from '../evaluate/engine.js';
import type { Caution, FactSource, Finding } from '../findings/program-result.js';
import { GROUP_NAMES, conditionWords, readLeaf, ruleWords } from './explain.js';
import { derivedFactOf } from '../packs/conditions.js';
import { echo, inertAll } from '../text/inert.js';
import { firstOf } from '../text/numbers.js';
import { alsoConsiderText, reportView, type AlsoConsiderLine, type FindingGroup, type NotInForceLine, type ProgramView, type ReportView, type SummaryLine, type Tone } from './view.js';
import { NumberedSources } from './sources.js';
import { referenceText, reportReferences } from './reference-list.js';
import { wrap } from './wrap.js';
import { clauseLines } from './clause-trace.js';

export interface TextOptions {
  color: boolean;
  /** Every finding, factor and caution with its source, not only what decided each result. */
  detail: boolean;
  /** Show every rule with its condition tree, not only what applies. */
  explain: boolean;
  /** Columns to wrap to. */
  width: number;
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${formatValue(v)}`).join(', ');
  return String(value);
}

/** One line of at most `width` columns: cut with an ellipsis (the detail below has the whole text). */
function oneLine(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

class Writer {
  readonly lines: string[] = [];
  constructor(
    readonly c: ChalkInstance,
    readonly width: number,
    readonly sources: NumberedSources,
  ) {}

  /** "source: …", a repeated long reference cited by its number. */
  source(citation: string, indent: number): void {
    this.para(`source: ${this.sources.cite(citation)}`, indent, 2, this.c.dim);
  }

  /** A paragraph wrapped at the width, continuation lines under its text; `style` colours each line. */
  para(text: string, indent = 0, hang = 0, style: (line: string) => string = (line) => line): void {
    for (const line of wrap(text, this.width, indent, hang)) this.lines.push(style(line));
  }

  /** "Label: text", the label in bold, wrapped. */
  labelled(label: string, text: string, indent: number, style: (s: string) => string = (s) => s): void {
    const [first, ...rest] = wrap(`${label} ${text}`, this.width, indent, 2);
    const cut = indent + label.length;
    this.lines.push(`${first!.slice(0, cut).replace(label, this.c.bold(label))}${style(first!.slice(cut))}`, ...rest.map(style));
  }

  /** "- text" items, continuation lines under the text. */
  item(text: string, indent: number, style?: (line: string) => string): void {
    this.para(`- ${text}`, indent, 2, style);
  }

  blank(): void {
    this.lines.push('');
  }
}

function toneColour(c: ChalkInstance, tone: Tone): ChalkInstance {
  return { favourable: c.green, waiver: c.green, unfavourable: c.red, open: c.yellow, neutral: c }[tone];
}

function writeSummaryLine(w: Writer, line: SummaryLine, nameWidth: number): void {
  const { c } = w;
  const tone = toneColour(c, line.tone);
  const flag = line.needsReview ? 'needs review' : null;
  const row = `  ${[line.shortTitle.padEnd(nameWidth), line.result, flag].filter(Boolean).join('  ')}`;
  if ([...row].length <= w.width) {
    w.lines.push(row.replace(line.shortTitle, c.bold(line.shortTitle)).replace(line.result, tone(line.result)).replace(/needs review$/, c.magenta('needs review')));
  } else {
    // Too narrow for the columns: the name on its line, the result and the flag whole, wrapped under it.
    w.lines.push(c.bold(oneLine(`  ${line.shortTitle}`, w.width)));
    // The flag is kept whole on its line (a no-break space while wrapping).
    const kept = flag?.replace(' ', '\u00a0');
    w.para([line.result, kept].filter(Boolean).join(' · '), 6, 0, (text) => tone(text.replace('\u00a0', ' ')).replace('needs review', c.magenta('needs review')));
  }
  const waivers = line.waivers.length ? `cured by: ${firstOf(line.waivers)}` : null;
  const why = [line.statusNote, line.reason, waivers].filter(Boolean).join(' · ');
  if (why) w.lines.push(c.dim(oneLine(`      ${why}`, w.width)));
}

/** A program not screened on the date: its name and NOT SCREENED, then why (whole: no section below says more of it). */
function writeNotInForceLine(w: Writer, line: NotInForceLine, nameWidth: number): void {
  const { c } = w;
  const row = `  ${line.shortTitle.padEnd(nameWidth)}  ${line.result}`;
  if ([...row].length <= w.width) w.lines.push(row.replace(line.shortTitle, c.bold(line.shortTitle)).replace(line.result, c.yellow(line.result)));
  else {
    w.lines.push(c.bold(oneLine(`  ${line.shortTitle}`, w.width)));
    w.para(line.result, 6, 0, c.yellow);
  }
  w.para(line.reason, 6, 2, c.dim);
}

function writeSummary(w: Writer, view: ReportView): void {
  w.lines.push(w.c.bold('Summary'));
  const nameWidth = Math.max(...[...view.lines, ...view.notInForce].map((line) => line.shortTitle.length));
  for (const line of view.lines) writeSummaryLine(w, line, nameWidth);
  for (const line of view.notInForce) writeNotInForceLine(w, line, nameWidth);
  if (view.sharedCautions.length) {
    w.para('Cautions for every program:', 2, 0, w.c.bold);
    for (const caution of view.sharedCautions) w.item(caution.reason, 4, w.c.yellow);
  }
  w.blank();
}

function writeQuestions(w: Writer, questions: readonly ReportView['decisive'][number][], title: string, detail: boolean): void {
  if (questions.length === 0) return;
  w.para(title, 0, 0, w.c.bold);
  questions.forEach((q, i) => {
    const number = `${i + 1}.`.padEnd(3);
    const field = detail ? ` (${q.field})` : '';
    w.para(`${number} ${q.question} [${q.programs.join(', ')}]${field}`, 2, 4);
  });
  w.blank();
}

function writeFinding(w: Writer, finding: Finding, indent: number): void {
  const overridden = finding.defeatedBy ? ` (overridden by ${finding.defeatedBy.join(', ')})` : '';
  w.item(`${finding.name}${overridden}`, indent);
  w.source(finding.citation, indent + 2);
  for (const detail of new Set(finding.facts.map((f) => f.detail))) w.para(`because: ${detail}`, indent + 2, 2, w.c.dim);
}

function writeGroups(w: Writer, groups: FindingGroup[]): void {
  for (const group of groups) {
    w.para(`${group.title}:`, 2, 0, w.c.bold);
    for (const finding of group.findings) writeFinding(w, finding, 4);
  }
}

/** A parameter's value in a line: a short list or table whole, a long one by its size (the JSON report has it whole). */
function parameterValue(value: unknown): string {
  const entries = Array.isArray(value) ? value.map((v) => formatValue(v)) : value !== null && typeof value === 'object' ? Object.entries(value).map(([k, v]) => `${k}: ${formatValue(v)}`) : null;
  if (!entries) return formatValue(value);
  const whole = entries.join(', ');
  return whole.length <= 60 ? `[${whole}]` : `${entries.length} ${Array.isArray(value) ? 'values' : 'entries'}`;
}

/** What the explain view has shown so far in one program: a fact's parameters are listed once. */
interface ExplainState {
  sources: Readonly<Record<string, FactSource>>;
  parametersShown: Set<string>;
}

/** Under a leaf: the case facts its derived fact came from, the case fields that could settle it, and its parameters. */
function writeFactSource(w: Writer, node: ConditionTrace, indent: number, state: ExplainState, factsShown: Set<string>): void {
  const name = derivedFactOf(node.fact!);
  const source = state.sources[name];
  if (!source) return;
  const dim = w.c.dim;
  if (!factsShown.has(name)) {
    factsShown.add(name);
    w.para(`from: ${source.detail}`, indent, 2, dim);
  }
  // A key computed by cited clauses (rules/ina, rules/daca …): the clause behind it and its sub-clauses.
  const dot = node.fact!.indexOf('.');
  const lines = clauseLines(source.clauses, dot < 0 ? '$' : node.fact!.slice(dot + 1), factsShown);
  if (lines.length) w.para(`by the clauses of ${source.clauses!.file}:`, indent, 2, dim);
  for (const line of lines) w.para(line.text, indent + 2 + 2 * line.depth, 4, line.value === null ? w.c.yellow : dim);
  if (node.status === 'unknown') {
    const settle = source.caseFields.length ? `would be settled by: ${source.caseFields.join(', ')}` : 'no case fact is missing: open on a point of law (see the review points)';
    w.para(settle, indent, 2, w.c.yellow);
  }
  if (source.parameters.length && !state.parametersShown.has(name)) {
    state.parametersShown.add(name);
    w.para(`parameters (${source.calculator}):`, indent, 2, dim);
    for (const parameter of source.parameters) {
      const inForce = parameter.inForceFrom ? `, the value in force from ${parameter.inForceFrom}` : '';
      w.para(`${parameter.name} = ${parameterValue(parameter.value)}${inForce} (source: ${w.sources.cite(parameter.citation)})`, indent + 2, 2, dim);
    }
  }
}

const MARK: Record<string, string> = { applies: 'yes', does_not_apply: 'no', unknown: '?' };

function statusColour(w: Writer, status: string): ChalkInstance {
  return status === 'applies' ? w.c.green : status === 'unknown' ? w.c.yellow : w.c.red;
}

/** A line with one coloured part (colour goes on after wrapping). */
function pushColoured(w: Writer, text: string, part: string, colour: ChalkInstance, indent: number, hang: number): void {
  const [first, ...rest] = wrap(text, w.width, indent, hang);
  w.lines.push(first!.replace(part, colour(part)), ...rest);
}

/**
 * One node of a rule's condition tree, as the statute reads (explain.ts): groups as ALL OF, ANY OF
 * or NOT with whether they are met; each leaf as a positive statement with its value ([yes], [no],
 * [?]; coloured by whether the rule's condition on it holds), then where its fact came from.
 */
function writeTrace(w: Writer, node: ConditionTrace, indent: number, state: ExplainState, factsShown: Set<string>): void {
  if (node.combinator) {
    const words = conditionWords(node.status);
    pushColoured(w, `${GROUP_NAMES[node.combinator]}${node.label ? ` (${node.label})` : ''}: ${words}`, `: ${words}`, statusColour(w, node.status), indent, 4);
    for (const child of node.children ?? []) writeTrace(w, child, indent + 4, state, factsShown);
    return;
  }
  let at = indent;
  const reading = readLeaf(node, state.sources);
  if (reading.negated) {
    const words = conditionWords(node.status);
    pushColoured(w, `NOT: ${words}`, words, statusColour(w, node.status), indent, 4);
    at += 4;
  }
  const mark = `[${MARK[reading.truth]!}]`;
  pushColoured(w, `${mark} ${reading.statement} (${node.fact} = ${formatValue(node.actual)}${node.operator === 'equal' && typeof node.expected === 'boolean' ? '' : `; needs ${node.operator} ${formatValue(node.expected)}`})`, mark, statusColour(w, node.status), at, 4);
  writeFactSource(w, node, at + 4, state, factsShown);
}

/** One rule: its kind, id and source, its name with whether it is met, then its condition tree. */
function writeRule(w: Writer, finding: Finding, state: ExplainState): void {
  w.para(`${finding.kind.replace('_', ' ')} · ${finding.rule} · ${w.sources.cite(finding.citation)}`, 4, 2, w.c.dim);
  const words = ruleWords(finding.kind, finding.status);
  pushColoured(w, `${finding.name}: ${words}`, `: ${words}`, statusColour(w, finding.status), 4, 4);
  const root = finding.conditions;
  const factsShown = new Set<string>();
  // The root group is the rule itself: its name is on the line above, and one condition needs no ALL OF.
  if (root.combinator === 'all' && (root.children?.length ?? 0) === 1) writeTrace(w, root.children![0]!, 6, state, factsShown);
  else writeTrace(w, { ...root, label: '' }, 6, state, factsShown);
}

function writeCautions(w: Writer, cautions: Caution[], detail: boolean): void {
  if (cautions.length === 0) return;
  w.para('Cautions (true of every client in this position; not a review point):', 2, 0, w.c.bold);
  for (const caution of cautions) {
    w.item(caution.reason, 4);
    if (detail) w.source(caution.citation, 6);
  }
}

/** One line per program the client's facts point at, with its reason and citation. */
function writeAlsoConsider(w: Writer, lines: readonly AlsoConsiderLine[]): void {
  for (const line of lines) w.labelled('Also consider:', `${alsoConsiderText(line)} (${w.sources.cite(line.citation)})`, 2);
}

/** With --explain, the condition that named each program to consider. */
function writeAlsoConsiderTraces(w: Writer, lines: readonly AlsoConsiderLine[], state: ExplainState): void {
  for (const line of lines) {
    w.para(`also consider · ${line.entry} · ${w.sources.cite(line.citation)}`, 4, 2, w.c.dim);
    writeTrace(w, line.conditions, 6, state, new Set<string>());
  }
}

function writeProgram(w: Writer, view: ProgramView, options: TextOptions): void {
  const { c } = w;
  const { program } = view;
  w.para(`${program.title} [${program.program}]`, 0, 2, c.bold.underline);
  const status = options.detail ? `${program.legalStatus.label}. ${program.legalStatus.detail}` : `${program.legalStatus.label}.`;
  w.labelled('Legal status:', status, 2);
  if (program.outcome) w.labelled('Outcome:', view.line.result, 2, toneColour(c, view.line.tone).bold);
  // A classification is null only when the known facts leave it open ("none" is a value of its own).
  for (const [field, value] of Object.entries(program.classifications ?? {})) {
    w.labelled(`${field[0]!.toUpperCase()}${field.slice(1)}:`, value ?? 'not determined by the known facts', 2, value === null ? c.yellow : (s) => s);
  }
  if (program.needsReview) w.para('NEEDS ATTORNEY REVIEW', 2, 0, c.magenta.bold);
  const groups = options.detail ? view.all : view.deciding;
  writeGroups(w, groups);
  if (program.byCases?.length) {
    w.para('Settled by cases over the unknown facts:', 2, 0, c.bold);
    for (const split of program.byCases) w.item(`${split.result}: ${split.explanation}`, 4, split.settled ? c.green : c.yellow);
  }
  if (program.reviewReasons.length) {
    w.para('For attorney review:', 2, 0, c.bold);
    for (const reason of program.reviewReasons) {
      w.item(`${reason.reason}${reason.subject ? ` [${reason.subject}]` : ''}`, 4);
      // The point names its question of law; where it comes from is for --detail.
      if (options.detail) w.source(reason.citation, 6);
    }
  }
  writeCautions(w, view.cautions, options.detail);
  writeAlsoConsider(w, view.alsoConsider);
  const shown = new Set(groups.flatMap((g) => g.findings));
  const hidden = view.all.flatMap((g) => g.findings).filter((f) => !shown.has(f)).length;
  if (hidden) w.para(`(${hidden} more finding(s), factors among them: --detail lists them)`, 2, 0, c.dim);
  if (options.explain) {
    w.para('Every rule, condition by condition (ALL OF: each must hold; ANY OF: one is enough; NOT: must not hold):', 2, 0, c.bold);
    const state: ExplainState = { sources: program.derivedFacts ?? {}, parametersShown: new Set() };
    for (const finding of program.findings) writeRule(w, finding, state);
    writeAlsoConsiderTraces(w, view.alsoConsider, state);
  }
  w.blank();
}

function writeHeader(w: Writer, report: Report, caseId: string): void {
  const { c } = w;
  w.lines.push(c.bold('relief-screen screening report'));
  w.para(`Case: ${caseId} · screening date: ${report.screeningDate} · file: ${report.source}`, 0, 2);
  for (const change of report.whatIfs) w.para(`WHAT IF: ${change} (not the case file's fact)`, 0, 2, c.cyan.bold);
  w.para(report.disclaimer, 0, 0, c.yellow);
  w.blank();
}

function writeSourceList(w: Writer): void {
  if (w.sources.listed.length === 0) return;
  w.para('Sources cited by number:', 0, 0, w.c.bold);
  w.sources.listed.forEach((reference, i) => w.para(`[${i + 1}] ${reference}`, 2, 4));
  w.blank();
}

/** With --detail, what each source cited is: its full reference, once. */
function writeReferences(w: Writer, report: Report): void {
  const references = reportReferences(report);
  if (references.length === 0) return;
  w.para('Sources (full references):', 0, 0, w.c.bold);
  for (const reference of references) w.para(referenceText(reference), 2, 4);
  w.blank();
}

function writeStamp(w: Writer, report: Report): void {
  const packs = report.programs.map((p) => `${p.program}@${p.packVersion} (research as of ${p.researchedAsOf})`).join(', ');
  w.para(`Rule packs: version ${report.rulesVersion}: ${packs}`, 0, 2, w.c.dim);
  const { audit } = report;
  w.para(`Audit: relief-screen ${audit.toolVersion} · rules ${audit.rulesVersion} · case SHA-256 ${audit.caseSha256} · screening date ${audit.screeningDate} · produced ${audit.producedAt}`, 0, 2, w.c.dim);
}

export function renderText(untrusted: Report, options: TextOptions): string {
  const report = inertAll(untrusted);
  const view = reportView(report);
  const citations = report.programs.flatMap((p) => [...p.findings, ...p.reviewReasons, ...p.cautions, ...p.alsoConsider].map((item) => item.citation));
  // The explain view cites the parameters too: a long reference they repeat is numbered like the others.
  if (options.explain) for (const p of report.programs) for (const source of Object.values(p.derivedFacts ?? {})) citations.push(...source.parameters.map((parameter) => parameter.citation));
  const w = new Writer(new Chalk({ level: options.color ? 1 : 0 }), options.width, new NumberedSources(citations));
  // A case id of megabytes must not make a header of megabytes (a file name is bounded by the system).
  writeHeader(w, report, untrusted.caseId === null ? '(no case id)' : echo(untrusted.caseId));
  writeSummary(w, view);
  writeQuestions(w, view.decisive, `Ask the client next (${view.decisive.length} question(s) that could change a result):`, options.detail);
  for (const program of view.programs) writeProgram(w, program, options);
  writeQuestions(w, view.worthAsking, 'Also worth asking (only a helping or harmful factor reads these):', options.detail);
  writeSourceList(w);
  if (options.detail) writeReferences(w, report);
  writeStamp(w, report);
  return `${w.lines.join('\n')}\n`;
}
