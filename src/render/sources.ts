/**
 * Citations for a report read in a terminal: a long reference cited again and again (a memo's full
 * title) is written once, in a numbered list at the end, and cited by its number; a short or
 * one-off reference stays where it is read. Citations are "part; part; …" with semicolons inside
 * parentheses, brackets or quotes belonging to a part.
 */

/** A part at least this long, cited twice or more in one report, is listed once and cited by number. */
const LONG_REFERENCE = 60;

export function citationParts(citation: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < citation.length; i++) {
    const char = citation[i];
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth = Math.max(0, depth - 1);
    else if (char === '"') quoted = !quoted;
    else if (char === ';' && citation[i + 1] === ' ' && depth === 0 && !quoted) {
      parts.push(citation.slice(start, i));
      start = i + 2;
    }
  }
  parts.push(citation.slice(start));
  return parts;
}

export class NumberedSources {
  private readonly repeated: Set<string>;
  /** The numbered references, in the order first cited. */
  readonly listed: string[] = [];

  /** `citations`: every citation the report may show, to find the long ones it repeats. */
  constructor(citations: Iterable<string>) {
    const seen = new Set<string>();
    this.repeated = new Set();
    for (const citation of citations) {
      for (const part of citationParts(citation)) {
        if (part.length < LONG_REFERENCE) continue;
        if (seen.has(part)) this.repeated.add(part);
        seen.add(part);
      }
    }
  }

  /** The citation with each repeated long reference replaced by its number, "[1]". */
  cite(citation: string): string {
    return citationParts(citation)
      .map((part) => {
        if (!this.repeated.has(part)) return part;
        let at = this.listed.indexOf(part);
        if (at < 0) at = this.listed.push(part) - 1;
        return `[${at + 1}]`;
      })
      .join('; ');
  }
}
