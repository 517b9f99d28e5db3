/**
 * A structured citation: which source (an id listed in the file's "sources", with its full
 * reference) and where in it. One shape for the packs, their parameters, the shared files and the
 * shared INA clauses, so the linter can check every citation against its file's sources and every
 * report writes a citation the same way (citationText).
 */
import { z } from 'zod';
import { echo } from '../text/inert.js';

/** One part of a citation; a `Citation` is a list of them, written as text in `citation`. */
export const CitationPart = z.strictObject({
  /** An id from the file's "sources" list. */
  source: z.string().min(1),
  /** Where in the source: a section, a paragraph ("212(a)(2)(A)(ii)(II)", "4(e)", "fn 156"). */
  pin: z.string().min(1).optional(),
  /** Short words on what the source says there, when the pinpoint alone does not. */
  note: z.string().min(1).optional(),
});
export type CitationPart = z.infer<typeof CitationPart>;

export const Citation = z.array(CitationPart).min(1);
export type Citation = z.infer<typeof Citation>;

/**
 * A source a citation names: its id and full reference. `cite` is how a citation names it in running
 * text ("INA", "criteria brief", "Matter of Pickering, 23 I&N Dec. 621 (BIA 2003)"). A source without
 * one is a research tag of the criteria brief (D1, R7, B2: the copy of a text that was read), written
 * in brackets after what it backs: "8 CFR 214.202(c)(1) (R1)".
 */
export const Source = z.strictObject({
  /** The id a citation part's `source` names. */
  id: z.string().min(1),
  /** The full reference. */
  title: z.string().min(1),
  /** How a citation names the source in running text; absent for a research tag, written in brackets. */
  cite: z.string().min(1).optional(),
  /** Where a copy of the source can be read. */
  url: z.url().optional(),
  /** Why the source is listed though no citation names it (the copy of a text whose citations name the text itself). */
  uncited: z.string().min(1).optional(),
});
export type Source = z.infer<typeof Source>;

/** What a citation's text is built from: the file's sources by id (absent: every source is named by its id). */
export type SourceLookup = ReadonlyMap<string, Source>;

export function sourceLookup(sources: readonly Source[] = []): SourceLookup {
  return new Map(sources.map((source) => [source.id, source]));
}

/** A note that quotes the source ("\"has not attained 18 years of age\"") follows its tags after a colon; other notes are bracketed. */
function isQuotation(note: string | undefined): note is string {
  return note !== undefined && note.startsWith('"');
}

function pinAndNote(part: CitationPart): string {
  return [part.pin, part.note && !isQuotation(part.note) && `(${part.note})`].filter(Boolean).join(' ');
}

/** A research tag: a listed source without a `cite`, cited without a pinpoint. */
function isTag(part: CitationPart, sources: SourceLookup): boolean {
  const source = sources.get(part.source);
  return source !== undefined && source.cite === undefined && part.pin === undefined;
}

/**
 * The citation as one line of text, the one way every report and the rule book write it:
 * "INA 212(a)(2)(A)(ii)(II), 8 U.S.C. 1182(a)(2)(A)(ii)(II); 8 CFR 214.202(c)(1) (R1); criteria brief 4(e), 4(g)4".
 * Consecutive parts of one source share its name ("criteria brief 4(e), 4(g)4"); a research tag is
 * bracketed after the part it backs, consecutive tags together ("(B1, B2)"), then what the part quotes
 * after a colon; a parallel citation (an INA section with its 8 U.S.C. codification) follows its part
 * after a comma.
 */
export function citationText(citation: Citation, sources: SourceLookup = new Map()): string {
  const parts: string[] = [];
  let previous: CitationPart | undefined;
  /** The last INA section written: what an 8 U.S.C. part may be the parallel of ("(9)(C)" continues it). */
  let inaPin: string | undefined;
  let tags: string[] = [];
  let quotation: string | undefined;
  /** Ends the part written last: its tags, then what it quotes. */
  const close = (): void => {
    if (tags.length && parts.length) parts[parts.length - 1] += ` (${tags.join(', ')})`;
    else if (tags.length) parts.push(tags.join(', '));
    if (quotation !== undefined) parts[parts.length - 1] += `: ${quotation}`;
    tags = [];
    quotation = undefined;
  };
  for (const part of citation) {
    if (isTag(part, sources)) {
      tags.push(part.note ? `${part.source}: ${part.note}` : part.source);
      continue;
    }
    const label = sources.get(part.source)?.cite ?? part.source;
    const open = tags.length > 0 || quotation !== undefined;
    const sameSource = !open && previous?.source === part.source && part.pin !== undefined;
    const parallel = !open && previous?.source === 'INA' && parallelTo(inaPin, part);
    close();
    if (sameSource) parts[parts.length - 1] += `, ${pinAndNote(part)}`;
    else if (parallel) parts[parts.length - 1] += `, ${[label, pinAndNote(part)].filter(Boolean).join(' ')}`;
    else parts.push([label, pinAndNote(part)].filter(Boolean).join(' '));
    if (part.source === 'INA' && section(part.pin) !== undefined) inaPin = part.pin;
    if (isQuotation(part.note)) quotation = part.note;
    previous = part;
  }
  close();
  return parts.join('; ');
}

/**
 * A parallel citation is kept as two parts, the INA section and then its 8 U.S.C. codification
 * ("INA 212(a)(2)", "8 U.S.C. 1182(a)(2)"), and written as one: "INA 212(a)(2), 8 U.S.C. 1182(a)(2)".
 * It is a parallel when the 8 U.S.C. section is the one the INA section is codified at.
 */
const CODIFIED_AT: Readonly<Record<string, string>> = {
  '101': '1101', '201': '1151', '204': '1154', '212': '1182', '214': '1184', '236': '1226', '237': '1227', '240': '1229a', '240A': '1229b', '245': '1255',
};

function section(pin: string | undefined): string | undefined {
  return pin === undefined ? undefined : /^§?\s?(\d+[A-Za-z]?)/.exec(pin)?.[1];
}

function parallelTo(inaPin: string | undefined, part: CitationPart): boolean {
  const ina = section(inaPin);
  return part.source === '8 U.S.C.' && ina !== undefined && CODIFIED_AT[ina] !== undefined && CODIFIED_AT[ina] === section(part.pin);
}

/** One citation met in a file: where (for a message) and what it cites. */
export interface CitationUse {
  /** "rule "daca-felony"", "parameter "x"", "reviewNotes "juvenile"". */
  where: string;
  citation: Citation;
}

/**
 * Every citation's source must be listed in the file's sources, and every listed source cited
 * somewhere in the files that share the list (a pack.json and its parameters.json share the pack's),
 * or say in `uncited` why not: a listed source no one cites is a reference a reader looks up for
 * nothing, or a citation that lost it.
 */
export function citationProblems(uses: readonly CitationUse[], sources: readonly Source[], file: string): string[] {
  const problems: string[] = [];
  const listed = new Set<string>();
  for (const source of sources) {
    if (listed.has(source.id)) problems.push(`${file}: source "${echo(source.id)}" is listed twice in "sources"`);
    listed.add(source.id);
  }
  const cited = new Set<string>();
  for (const use of uses) {
    for (const part of use.citation) {
      cited.add(part.source);
      if (!listed.has(part.source)) problems.push(`${use.where}: cites source "${echo(part.source)}", which ${file} does not list in "sources" (listed: ${echo([...listed].join(', ')) || 'none'})`);
    }
  }
  for (const source of sources) {
    if (!cited.has(source.id) && !source.uncited) problems.push(`${file}: source "${echo(source.id)}" is listed in "sources" but no citation names it (cite it, remove it, or say why in "uncited")`);
    if (cited.has(source.id) && source.uncited) problems.push(`${file}: source "${echo(source.id)}" says it is "uncited", but a citation names it (remove "uncited")`);
  }
  return problems;
}

/** The listed sources a set of citations names, in the order listed: what a report's source list shows. */
export function citedSources(citations: Iterable<Citation>, sources: readonly Source[]): Source[] {
  const cited = new Set<string>();
  for (const citation of citations) for (const part of citation) cited.add(part.source);
  return sources.filter((source) => cited.has(source.id));
}
