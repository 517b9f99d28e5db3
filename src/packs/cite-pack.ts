/**
 * A pack's citations, for the loader: each one found with the place a message names (for the
 * linter, citation.ts citationProblems), and each one written as text once, at load, so every
 * report and the rule book show the same words (citationText).
 */
import { echo } from '../text/inert.js';
import { citationText, type Citation, type CitationUse, type SourceLookup } from './citation.js';
import type { Cited, Pack, PackFile } from './schema.js';

function quoted(name: string): string {
  return `"${echo(name)}"`;
}

/** Every citation in a pack.json: its rules', its review notes', its standing caution's and its also-consider entries'. */
export function packCitationUses(pack: PackFile): CitationUse[] {
  return [
    ...pack.rules.map((rule) => ({ where: `rule ${quoted(rule.id)}`, citation: rule.citation })),
    ...(pack.alsoConsider ?? []).map((entry) => ({ where: `alsoConsider ${quoted(entry.id)}`, citation: entry.citation })),
    ...Object.entries(pack.reviewNotes).map(([code, note]) => ({ where: `reviewNotes ${quoted(code)}`, citation: note.citation })),
    ...(pack.standingCaution ? [{ where: 'standingCaution', citation: pack.standingCaution.citation }] : []),
  ];
}

/** Every citation in a parameters file, each named with the file (its problems are reported with its pack's). */
export function parameterCitationUses(parameters: Readonly<Record<string, { citation: Citation; values?: readonly { from: string; citation: Citation }[] }>>, file: string): CitationUse[] {
  return Object.entries(parameters).flatMap(([name, parameter]) =>
    parameter.values
      ? parameter.values.map((dated) => ({ where: `parameter ${quoted(name)} (value from ${dated.from}) in ${file}`, citation: dated.citation }))
      : [{ where: `parameter ${quoted(name)} in ${file}`, citation: parameter.citation }],
  );
}

function cited<T extends { citation: Citation }>(item: T, sources: SourceLookup): Cited<T> {
  return { ...item, citation: citationText(item.citation, sources), citations: item.citation };
}

/** The pack with each citation also as text: what the findings, the reports and the rule book show. */
export function readablePack(pack: PackFile, sources: SourceLookup): Pack {
  const { rules, reviewNotes, standingCaution, alsoConsider, ...rest } = pack;
  return {
    ...rest,
    rules: rules.map((rule) => cited(rule, sources)),
    ...(alsoConsider ? { alsoConsider: alsoConsider.map((entry) => cited(entry, sources)) } : {}),
    reviewNotes: Object.fromEntries(Object.entries(reviewNotes).map(([code, note]) => [code, cited(note, sources)])),
    ...(standingCaution ? { standingCaution: cited(standingCaution, sources) } : {}),
  };
}
