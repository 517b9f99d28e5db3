/**
 * The client's own words shown back in the summary (a conviction's description, the case id):
 * inert (src/text/inert.ts) and cut short. The cut ends in "…" alone, not in echo()'s English
 * "(n more characters)", because the summary may be in any language.
 */
import { inert } from '../../text/inert.js';

/** Enough to recognise a description; a summary line stays readable. */
export const CLIENT_TEXT_LIMIT = 60;

/** Values put into the catalog's templates ("{date}"), already inert. */
export type Values = Record<string, string>;

export function clientText(text: string, limit = CLIENT_TEXT_LIMIT): string {
  const safe = inert(text.trim());
  if (safe.length <= limit) return safe;
  // Cut at the last space inside the limit when there is one, so no word is cut in half.
  const cut = safe.slice(0, limit);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A catalog template with its placeholders filled; the catalog was checked to have exactly these. */
export function fill(template: string, values: Values): string {
  return template.replace(/\{([A-Za-z]+)\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}
