/**
 * A diff as text (for reading), CSV (one row per change, for a spreadsheet) or NDJSON (one object
 * per changed client, for a program). Text and CSV echo the outputs' own text (case ids, names,
 * file names, results) inert, and CSV cells are written as the batch writes them (formula-inert);
 * NDJSON keeps every value exact. The text leaves the client's name out, as the batch summary does:
 * it is read on a screen that may be shared; CSV and NDJSON carry it. Between two JSON reports the
 * changes are also those of the findings: per program, needs review, each rule whose status
 * changed (with its name) and each review point added or removed; the header lists each report's
 * what-ifs, so a case and its what-if read as "this change did that".
 */
import { csvLine } from '../batch/formats.js';
import { echo } from '../text/inert.js';
import type { ClientDiff, Diff, FieldChange, FindingChanges, SideSummary } from './compare.js';
import type { ClientResult } from './sides.js';
import { count } from '../text/numbers.js';

export type DiffFormat = 'text' | 'csv' | 'ndjson';

export const MATCHING = 'Clients are matched by caseId; a record without one by its source and position in the batch; a caseId given to several records matches them in order.';

const counted = (n: number, what: string): string => `${count(n)} ${what}${n === 1 ? '' : 's'}`;

const FORMAT_NAMES = { ndjson: 'batch NDJSON', csv: 'batch CSV', report: 'JSON report' } as const;

function describeSide(label: string, side: SideSummary): string {
  const versions = side.rulesVersions.length ? `rules version ${side.rulesVersions.map((v) => echo(v)).join(', ')}` : 'rules version not recorded';
  const dates = side.screeningDates
    ? `screened ${echo(side.screeningDates.from)}${side.screeningDates.to === side.screeningDates.from ? '' : ` to ${echo(side.screeningDates.to)}`}`
    : 'no screening date';
  return `  ${label}: ${echo(side.file)} (${FORMAT_NAMES[side.format]}): ${counted(side.clients, 'client')}; ${versions}; ${dates}`;
}

function where(client: ClientResult): string {
  const at = `${echo(client.source)}${client.line === null ? '' : `:${client.line}`}`;
  return client.index === null ? at : `#${client.index} ${at}`;
}

const clientLabel = (client: ClientResult): string => (client.caseId === null ? '(no caseId)' : echo(client.caseId));

const fieldLabel = (change: FieldChange): string =>
  change.program === null ? 'screening' : change.field === 'outcome' ? echo(change.program) : `${echo(change.program)} ${echo(change.field)}`;
const shown = (value: string | null): string => (value === null ? '(none)' : echo(value));

const STATUS_WORDS: Record<string, string> = { applies: 'applies', does_not_apply: 'does not apply', unknown: 'unknown' };
const statusWords = (status: string | null): string => (status === null ? '(not in this report)' : (STATUS_WORDS[status] ?? echo(status)));
const yesNo = (value: boolean | null): string => (value === null ? '(not recorded)' : value ? 'yes' : 'no');

function findingLines(findings: FindingChanges): string[] {
  const program = echo(findings.program);
  const lines: string[] = [];
  if (findings.needsReview) lines.push(`    ${program} needs review: ${yesNo(findings.needsReview.old)} -> ${yesNo(findings.needsReview.new)}`);
  for (const rule of findings.rules) {
    lines.push(`    ${program} finding ${echo(rule.rule)} (${echo(rule.name, 200)}; ${echo(rule.kind.replace(/_/g, ' '))}): ${statusWords(rule.old)} -> ${statusWords(rule.new)}`);
  }
  for (const point of findings.reviewAdded) lines.push(`    ${program} review point added: ${echo(point, 400)}`);
  for (const point of findings.reviewRemoved) lines.push(`    ${program} review point removed: ${echo(point, 400)}`);
  return lines;
}

/** A changed client's changes, program by program: its results, then (between reports) its findings. */
function changeLines(diff: Extract<ClientDiff, { change: 'changed' }>, programs: readonly string[]): string[] {
  const line = (change: FieldChange): string => `    ${fieldLabel(change)}: ${shown(change.old)} -> ${shown(change.new)}`;
  const lines = diff.changes.filter((change) => change.program === null).map(line);
  for (const program of programs) {
    lines.push(...diff.changes.filter((change) => change.program === program).map(line));
    for (const findings of diff.findings.filter((f) => f.program === program)) lines.push(...findingLines(findings));
  }
  return lines;
}

function textClient(diff: ClientDiff, programs: readonly string[]): string[] {
  if (diff.change === 'only_in_old') return [`  ${clientLabel(diff.old)} (old ${where(diff.old)})`];
  if (diff.change === 'only_in_new') return [`  ${clientLabel(diff.new)} (new ${where(diff.new)})`];
  const dates = diff.old.screeningDate !== diff.new.screeningDate ? `; screened ${shown(diff.old.screeningDate)} -> ${shown(diff.new.screeningDate)}` : '';
  const input = diff.inputChanged ? '; input changed' : '';
  return [`  ${clientLabel(diff.new)} (new ${where(diff.new)}${dates}${input})`, ...changeLines(diff, programs)];
}

const bothReports = (diff: Diff): boolean => diff.old.format === 'report' && diff.new.format === 'report';

export function renderText(diff: Diff): string {
  const lines = ['relief diff', describeSide('old', diff.old), describeSide('new', diff.new), `  ${MATCHING}`];
  for (const [label, side] of [['old', diff.old], ['new', diff.new]] as const) {
    for (const change of side.whatIfs) lines.push(`  What if (${label}): ${echo(change, 400)}`);
  }
  for (const { program, old, new: now } of diff.packVersions) lines.push(`  Pack ${echo(program)} changed: version ${echo(old)} -> ${echo(now)}`);
  for (const [label, programs] of [['old', diff.programsOnlyIn.old], ['new', diff.programsOnlyIn.new]] as const) {
    if (programs.length) lines.push(`  Screened only in ${label} (not compared): ${programs.map((p) => echo(p)).join(', ')}`);
  }
  const groups = { changed: [] as ClientDiff[], only_in_old: [] as ClientDiff[], only_in_new: [] as ClientDiff[] };
  for (const client of diff.clients) groups[client.change].push(client);
  const newInput = diff.unchangedWithNewInput ? ` (${count(diff.unchangedWithNewInput)} of them with a changed input)` : '';
  if (diff.clients.length === 0) {
    lines.push('', `No changes: ${counted(diff.matched, 'client')} matched${newInput}, each with the same status, outcome, priority and level${bothReports(diff) ? ', the same findings and review points' : ''} in every program compared (${diff.programs.map((p) => echo(p)).join(', ') || 'none'}).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push('', `Changed: ${counted(groups.changed.length, 'client')} of ${count(diff.matched)} matched`);
  for (const client of groups.changed) lines.push(...textClient(client, diff.programs));
  if (groups.only_in_old.length) lines.push('', `Only in old (not in the new output): ${counted(groups.only_in_old.length, 'client')}`);
  for (const client of groups.only_in_old) lines.push(...textClient(client, diff.programs));
  if (groups.only_in_new.length) lines.push('', `Only in new (not in the old output): ${counted(groups.only_in_new.length, 'client')}`);
  for (const client of groups.only_in_new) lines.push(...textClient(client, diff.programs));
  lines.push('', `Unchanged: ${counted(diff.unchanged, 'client')}${newInput}`);
  return `${lines.join('\n')}\n`;
}

const CSV_COLUMNS = [
  'change',
  'caseId',
  'clientName',
  'program',
  'field',
  'old',
  'new',
  'oldSource',
  'oldIndex',
  'oldLine',
  'newSource',
  'newIndex',
  'newLine',
  'oldScreeningDate',
  'newScreeningDate',
  'oldRulesVersion',
  'newRulesVersion',
  'inputChanged',
  'detail',
];

type Cell = string | number | null;

function sideCells(client: ClientResult | undefined): { where: Cell[]; dated: [Cell, Cell] } {
  if (!client) return { where: [null, null, null], dated: [null, null] };
  return { where: [client.source, client.index, client.line], dated: [client.screeningDate, client.rulesVersion] };
}

function csvRows(diff: ClientDiff, programs: readonly string[]): Cell[][] {
  const old = 'old' in diff ? diff.old : undefined;
  const now = 'new' in diff ? diff.new : undefined;
  const client = (now ?? old)!;
  const a = sideCells(old);
  const b = sideCells(now);
  const row = (program: Cell, field: Cell, before: Cell, after: Cell, detail: Cell = null): Cell[] => [
    diff.change,
    client.caseId,
    now?.clientName ?? old?.clientName ?? null,
    program,
    field,
    before,
    after,
    ...a.where,
    ...b.where,
    a.dated[0],
    b.dated[0],
    a.dated[1],
    b.dated[1],
    diff.change === 'changed' ? (diff.inputChanged ? 'yes' : 'no') : null,
    detail,
  ];
  if (diff.change !== 'changed') return [row(null, null, null, null)];
  const fieldRow = (change: FieldChange): Cell[] => row(change.program, change.field, change.old, change.new);
  const rows = diff.changes.filter((change) => change.program === null).map(fieldRow);
  // Program by program, as the text: its results, then (between two reports) a row per finding
  // change, its field naming the rule and its detail the rule's name.
  for (const program of programs) {
    rows.push(...diff.changes.filter((change) => change.program === program).map(fieldRow));
    for (const findings of diff.findings.filter((f) => f.program === program)) {
      if (findings.needsReview) rows.push(row(program, 'needsReview', yesNo(findings.needsReview.old), yesNo(findings.needsReview.new)));
      for (const rule of findings.rules) rows.push(row(program, `finding:${rule.rule}`, rule.old, rule.new, rule.name));
      for (const point of findings.reviewAdded) rows.push(row(program, 'reviewPoint', null, point));
      for (const point of findings.reviewRemoved) rows.push(row(program, 'reviewPoint', point, null));
    }
  }
  return rows;
}

export function renderCsv(diff: Diff): string {
  let text = csvLine(CSV_COLUMNS);
  for (const [side, programs] of [['old', diff.programsOnlyIn.old], ['new', diff.programsOnlyIn.new]] as const) {
    for (const program of programs) text += csvLine([`program_only_in_${side}`, null, null, program, ...Array<null>(CSV_COLUMNS.length - 4).fill(null)]);
  }
  // A report's what-ifs, one row each: what the new screening changed in the case.
  for (const [side, summary] of [['old', diff.old], ['new', diff.new]] as const) {
    for (const change of summary.whatIfs) text += csvLine([`what_if_${side}`, null, null, null, null, side === 'old' ? change : null, side === 'new' ? change : null, ...Array<null>(CSV_COLUMNS.length - 7).fill(null)]);
  }
  for (const client of diff.clients) for (const row of csvRows(client, diff.programs)) text += csvLine(row);
  return text;
}

function jsonClient(client: ClientResult | undefined): Record<string, unknown> | null {
  if (!client) return null;
  const { source, index, line, status, screeningDate, rulesVersion, caseSha256 } = client;
  return { source, index, line, status, screeningDate, rulesVersion, caseSha256 };
}

export function renderNdjson(diff: Diff): string {
  const out: unknown[] = [
    {
      kind: 'sides',
      old: diff.old,
      new: diff.new,
      matching: MATCHING,
      programs: diff.programs,
      programsOnlyIn: diff.programsOnlyIn,
      packVersions: diff.packVersions,
    },
  ];
  for (const client of diff.clients) {
    const old = 'old' in client ? client.old : undefined;
    const now = 'new' in client ? client.new : undefined;
    const either = (now ?? old)!;
    out.push({
      kind: 'client',
      change: client.change,
      caseId: either.caseId,
      clientName: now?.clientName ?? old?.clientName ?? null,
      old: jsonClient(old),
      new: jsonClient(now),
      changes: client.change === 'changed' ? client.changes : [],
      findings: client.change === 'changed' ? client.findings : [],
      ...(client.change === 'changed' ? { inputChanged: client.inputChanged } : {}),
    });
  }
  const changed = diff.clients.filter((client) => client.change === 'changed').length;
  out.push({ kind: 'summary', matched: diff.matched, changed, onlyInOld: diff.clients.filter((c) => c.change === 'only_in_old').length, onlyInNew: diff.clients.filter((c) => c.change === 'only_in_new').length, unchanged: diff.unchanged, unchangedWithNewInput: diff.unchangedWithNewInput });
  return out.map((item) => `${JSON.stringify(item)}\n`).join('');
}

export const RENDERERS: Record<DiffFormat, (diff: Diff) => string> = { text: renderText, csv: renderCsv, ndjson: renderNdjson };
