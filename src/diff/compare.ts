/**
 * Two sides matched client by client, and what changed for each: the screening status, and per
 * program the outcome or each classification (Morton's priority and level). Clients are matched
 * by caseId; a record without one by its source and position in the batch; a case id given to
 * several records on one side matches them in order (the first to the first). A client on one
 * side only is reported as such, never dropped. The rest of an audit stamp (when a result was
 * produced, by which tool version) is no change: only the hash of the input is compared, and a
 * changed input is said alongside the results, never counted as a change of its own.
 */
import type { ClientResult, Side, SideFormat } from './sides.js';

export interface FieldChange {
  /** The program, or null for the screening status itself (screened / error). */
  program: string | null;
  /** "outcome", a classification ("priority", "level"), or "status". */
  field: string;
  old: string | null;
  new: string | null;
}

export type ClientDiff =
  /** `inputChanged`: both sides' stamps hash the input, and the hashes differ. */
  | { change: 'changed'; old: ClientResult; new: ClientResult; changes: FieldChange[]; inputChanged: boolean }
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
  return { file: side.file, format: side.format, clients: side.clients.length, rulesVersions: [...versions], screeningDates: from && to ? { from, to } : null };
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
    if (changes.length) clients.push({ change: 'changed', old: before, new: client, changes, inputChanged: inputChanged(before, client) });
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
