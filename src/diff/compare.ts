/**
 * Two sides matched client by client, and what changed for each: the screening status, and per
 * program the outcome or each classification (Morton's priority and level). Clients are matched
 * by caseId; a record without one by its source and position in the batch; a case id given to
 * several records on one side matches them in order (the first to the first). A client on one
 * side only is reported as such, never dropped. The rest of an audit stamp (when a result was
 * produced, by which tool version) is no change: only the hash of the input is compared, and a
 * changed input is said alongside the results, never counted as a change of its own.
 *
 * Two JSON reports (one screening each: a case and the same case --what-if, or the same case under
 * other packs) are compared further, program by program: whether it needs review, each rule whose
 * status changed, and the review points added or removed. A batch output carries no findings, so
 * a side that is one is compared by its results only.
 */
import type { ClientResult, ProgramDetail, ReportDetail, Side, SideFormat } from './sides.js';

export interface FieldChange {
  /** The program, or null for the screening status itself (screened / error). */
  program: string | null;
  /** "outcome", a classification ("priority", "level"), or "status". */
  field: string;
  old: string | null;
  new: string | null;
}

/** A rule whose status differs between two reports ("applies", "does_not_apply", "unknown"; null: not in that report). */
export interface RuleChange {
  rule: string;
  name: string;
  kind: string;
  old: string | null;
  new: string | null;
}

/** What changed in one program's findings between two reports; only programs where something did. */
export interface FindingChanges {
  program: string;
  needsReview: { old: boolean | null; new: boolean | null } | null;
  rules: RuleChange[];
  reviewAdded: string[];
  reviewRemoved: string[];
}

export type ClientDiff =
  /** `inputChanged`: both sides' stamps hash the input, and the hashes differ. `findings`: only when both sides are reports. */
  | { change: 'changed'; old: ClientResult; new: ClientResult; changes: FieldChange[]; findings: FindingChanges[]; inputChanged: boolean }
  | { change: 'only_in_old'; old: ClientResult }
  | { change: 'only_in_new'; new: ClientResult };

export interface SideSummary {
  file: string;
  format: SideFormat;
  clients: number;
  /** Every rulesVersion the side's records name (one, unless the file joins several runs). */
  rulesVersions: string[];
  /** The earliest and latest screening date of the side's screened records. */
  screeningDates: { from: string; to: string } | null;
  /** A JSON report's --what-if changes (a batch output has none). */
  whatIfs: string[];
}

export interface Diff {
  old: SideSummary;
  new: SideSummary;
  /** Programs screened on both sides: only these are compared. */
  programs: string[];
  /** Programs screened on one side only (e.g. a run with --program): named, not compared. */
  programsOnlyIn: { old: string[]; new: string[] };
  /** Programs whose pack version differs, when both sides record it (JSON reports). */
  packVersions: { program: string; old: string; new: string }[];
  /** Changed clients in the new side's order, then those only in the old side, in its order. */
  clients: ClientDiff[];
  matched: number;
  unchanged: number;
  /** Of the unchanged clients, those whose input changed (its hash differs) with the same results. */
  unchangedWithNewInput: number;
}

function summarize(side: Side): SideSummary {
  const versions = new Set<string>();
  let from: string | undefined;
  let to: string | undefined;
  for (const client of side.clients) {
    if (client.rulesVersion) versions.add(client.rulesVersion);
    const date = client.screeningDate;
    if (!date) continue;
    if (from === undefined || date < from) from = date;
    if (to === undefined || date > to) to = date;
  }
  const whatIfs = side.clients.flatMap((client) => client.report?.whatIfs ?? []);
  return { file: side.file, format: side.format, clients: side.clients.length, rulesVersions: [...versions], screeningDates: from && to ? { from, to } : null, whatIfs };
}

/** The programs some client of the side was screened for. */
function screenedPrograms(side: Side): Set<string> {
  const programs = new Set<string>();
  for (const client of side.clients) for (const program of client.programs.keys()) programs.add(program);
  return programs;
}

/**
 * Each client's key: its case id, else where it came from, and for a repeated one its place among
 * the records with the same id. Built as JSON so that no case id can spell another's key (an id
 * "x #2" and the second record of "x").
 */
function keyed(clients: readonly ClientResult[]): Map<string, ClientResult> {
  const byKey = new Map<string, ClientResult>();
  const seen = new Map<string, number>();
  for (const client of clients) {
    const base = JSON.stringify(client.caseId !== null ? ['caseId', client.caseId] : ['at', client.source, client.index]);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    byKey.set(JSON.stringify([base, n]), client);
  }
  return byKey;
}

const inputChanged = (old: ClientResult, now: ClientResult): boolean => old.caseSha256 !== null && now.caseSha256 !== null && old.caseSha256 !== now.caseSha256;

function changesOf(old: ClientResult, now: ClientResult, programs: readonly string[]): FieldChange[] {
  if (old.status !== now.status) return [{ program: null, field: 'status', old: old.status, new: now.status }];
  const changes: FieldChange[] = [];
  for (const program of programs) {
    const before = old.programs.get(program);
    const after = now.programs.get(program);
    for (const field of new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])) {
      const a = before?.get(field) ?? null;
      const b = after?.get(field) ?? null;
      if (a !== b) changes.push({ program, field, old: a, new: b });
    }
  }
  return changes;
}

function programFindings(program: string, old: ProgramDetail | undefined, now: ProgramDetail | undefined): FindingChanges | null {
  const rules: RuleChange[] = [];
  const ids = new Set([...(old?.rules.keys() ?? []), ...(now?.rules.keys() ?? [])]);
  for (const rule of ids) {
    const a = old?.rules.get(rule);
    const b = now?.rules.get(rule);
    if (a?.status !== b?.status) rules.push({ rule, name: (b ?? a)!.name, kind: (b ?? a)!.kind, old: a?.status ?? null, new: b?.status ?? null });
  }
  const before = new Set(old?.reviewPoints ?? []);
  const after = new Set(now?.reviewPoints ?? []);
  const reviewAdded = [...after].filter((point) => !before.has(point));
  const reviewRemoved = [...before].filter((point) => !after.has(point));
  const review = (old?.needsReview ?? null) !== (now?.needsReview ?? null) ? { old: old?.needsReview ?? null, new: now?.needsReview ?? null } : null;
  if (!review && rules.length === 0 && reviewAdded.length === 0 && reviewRemoved.length === 0) return null;
  return { program, needsReview: review, rules, reviewAdded, reviewRemoved };
}

function findingChanges(old: ReportDetail, now: ReportDetail, programs: readonly string[]): FindingChanges[] {
  return programs.flatMap((program) => programFindings(program, old.programs.get(program), now.programs.get(program)) ?? []);
}

export function compareSides(old: Side, now: Side): Diff {
  const oldPrograms = screenedPrograms(old);
  const newPrograms = screenedPrograms(now);
  const programs = [...newPrograms].filter((program) => oldPrograms.has(program));
  const oldByKey = keyed(old.clients);
  const clients: ClientDiff[] = [];
  let matched = 0;
  let unchangedWithNewInput = 0;
  for (const [key, client] of keyed(now.clients)) {
    const before = oldByKey.get(key);
    if (!before) {
      clients.push({ change: 'only_in_new', new: client });
      continue;
    }
    oldByKey.delete(key);
    matched++;
    const changes = changesOf(before, client, programs);
    const findings = before.report && client.report ? findingChanges(before.report, client.report, programs) : [];
    if (changes.length || findings.length) clients.push({ change: 'changed', old: before, new: client, changes, findings, inputChanged: inputChanged(before, client) });
    else if (inputChanged(before, client)) unchangedWithNewInput++;
  }
  for (const client of oldByKey.values()) clients.push({ change: 'only_in_old', old: client });
  const packVersions = programs.flatMap((program) => {
    const a = old.packVersions.get(program);
    const b = now.packVersions.get(program);
    return a && b && a !== b ? [{ program, old: a, new: b }] : [];
  });
  return {
    old: summarize(old),
    new: summarize(now),
    programs,
    programsOnlyIn: { old: [...oldPrograms].filter((p) => !newPrograms.has(p)), new: [...newPrograms].filter((p) => !oldPrograms.has(p)) },
    packVersions,
    clients,
    matched,
    unchanged: matched - clients.filter((client) => client.change === 'changed').length,
    unchangedWithNewInput,
  };
}

/** Whether anything changed: a client's result, a client on one side only, or a program screened on one side only. */
export const hasChanges = (diff: Diff): boolean => diff.clients.length > 0 || diff.programsOnlyIn.old.length > 0 || diff.programsOnlyIn.new.length > 0;
