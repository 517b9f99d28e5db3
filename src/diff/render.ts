/**
 * A diff as text (for reading), CSV (one row per change, for a spreadsheet) or NDJSON (one object
 * per changed client, for a program). Text and CSV echo the outputs' own text (case ids, names,
 * file names, results) inert, and CSV cells are written as the batch writes them (formula-inert);
 * NDJSON keeps every value exact. The text leaves the client's name out, as the batch summary does:
 * it is read on a screen that may be shared; CSV and NDJSON carry it.
 */
import { csvLine } from '../batch/formats.js';
import { echo } from '../text/inert.js';
import type { ClientDiff, Diff, FieldChange, SideSummary } from './compare.js';
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

function textClient(diff: ClientDiff): string[] {
  if (diff.change === 'only_in_old') return [`  ${clientLabel(diff.old)} (old ${where(diff.old)})`];
  if (diff.change === 'only_in_new') return [`  ${clientLabel(diff.new)} (new ${where(diff.new)})`];
  const dates = diff.old.screeningDate !== diff.new.screeningDate ? `; screened ${shown(diff.old.screeningDate)} -> ${shown(diff.new.screeningDate)}` : '';
  const input = diff.inputChanged ? '; input changed' : '';
  return [`  ${clientLabel(diff.new)} (new ${where(diff.new)}${dates}${input})`, ...diff.changes.map((change) => `    ${fieldLabel(change)}: ${shown(change.old)} -> ${shown(change.new)}`)];
}

export function renderText(diff: Diff): string {
  const lines = ['relief diff', describeSide('old', diff.old), describeSide('new', diff.new), `  ${MATCHING}`];
  for (const { program, old, new: now } of diff.packVersions) lines.push(`  Pack ${echo(program)} changed: version ${echo(old)} -> ${echo(now)}`);
  for (const [label, programs] of [['old', diff.programsOnlyIn.old], ['new', diff.programsOnlyIn.new]] as const) {
    if (programs.length) lines.push(`  Screened only in ${label} (not compared): ${programs.map((p) => echo(p)).join(', ')}`);
  }
  const groups = { changed: [] as ClientDiff[], only_in_old: [] as ClientDiff[], only_in_new: [] as ClientDiff[] };
  for (const client of diff.clients) groups[client.change].push(client);
  const newInput = diff.unchangedWithNewInput ? ` (${count(diff.unchangedWithNewInput)} of them with a changed input)` : '';
  if (diff.clients.length === 0) {
    lines.push('', `No changes: ${counted(diff.matched, 'client')} matched${newInput}, each with the same status, outcome, priority and level in every program compared (${diff.programs.map((p) => echo(p)).join(', ') || 'none'}).`);
    return `${lines.join('\n')}\n`;
  }
  lines.push('', `Changed: ${counted(groups.changed.length, 'client')} of ${count(diff.matched)} matched`);
  for (const client of groups.changed) lines.push(...textClient(client));
  if (groups.only_in_old.length) lines.push('', `Only in old (not in the new output): ${counted(groups.only_in_old.length, 'client')}`);
  for (const client of groups.only_in_old) lines.push(...textClient(client));
  if (groups.only_in_new.length) lines.push('', `Only in new (not in the old output): ${counted(groups.only_in_new.length, 'client')}`);
  for (const client of groups.only_in_new) lines.push(...textClient(client));
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
];

type Cell = string | number | null;

function sideCells(client: ClientResult | undefined): { where: Cell[]; dated: [Cell, Cell] } {
  if (!client) return { where: [null, null, null], dated: [null, null] };
  return { where: [client.source, client.index, client.line], dated: [client.screeningDate, client.rulesVersion] };
}

function csvRows(diff: ClientDiff): Cell[][] {
  const old = 'old' in diff ? diff.old : undefined;
  const now = 'new' in diff ? diff.new : undefined;
  const client = (now ?? old)!;
  const a = sideCells(old);
  const b = sideCells(now);
  const row = (program: Cell, field: Cell, before: Cell, after: Cell): Cell[] => [
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
  ];
  if (diff.change !== 'changed') return [row(null, null, null, null)];
  return diff.changes.map((change) => row(change.program, change.field, change.old, change.new));
}

export function renderCsv(diff: Diff): string {
  let text = csvLine(CSV_COLUMNS);
  for (const [side, programs] of [['old', diff.programsOnlyIn.old], ['new', diff.programsOnlyIn.new]] as const) {
    for (const program of programs) text += csvLine([`program_only_in_${side}`, null, null, program, ...Array<null>(CSV_COLUMNS.length - 4).fill(null)]);
  }
  for (const client of diff.clients) for (const row of csvRows(client)) text += csvLine(row);
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
      ...(client.change === 'changed' ? { inputChanged: client.inputChanged } : {}),
    });
  }
  const changed = diff.clients.filter((client) => client.change === 'changed').length;
  out.push({ kind: 'summary', matched: diff.matched, changed, onlyInOld: diff.clients.filter((c) => c.change === 'only_in_old').length, onlyInNew: diff.clients.filter((c) => c.change === 'only_in_new').length, unchanged: diff.unchanged, unchangedWithNewInput: diff.unchangedWithNewInput });
  return out.map((item) => `${JSON.stringify(item)}\n`).join('');
}

export const RENDERERS: Record<DiffFormat, (diff: Diff) => string> = { text: renderText, csv: renderCsv, ndjson: renderNdjson };
