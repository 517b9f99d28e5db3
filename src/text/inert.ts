/**
 * User-supplied text shown back to a person (a terminal, a text report, an error paragraph) must be
 * inert and bounded: a case id or a key can hold terminal escapes that retitle or clear the screen,
 * line breaks that split a one-paragraph error, or megabytes. Every echo goes through here.
 */

/** How much of one echoed value is shown: enough to recognise it, short enough to read. */
export const ECHO_LIMIT = 120;

// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the bidirectional
// overrides and isolates that can make text read differently from how it is stored.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** The text with every control character written as a visible escape (ESC becomes \x1b). */
export function inert(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** At most `limit` characters of the text, saying how many were left out. */
export function bounded(text: string, limit = ECHO_LIMIT): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${text.length - limit} more characters)`;
}

/** User text as it may be shown: inert first, then bounded, so an escape is never cut in half. */
export function echo(text: string, limit = ECHO_LIMIT): string {
  return bounded(inert(text), limit);
}

/** Inert, but the line feeds that separate lines are kept: for a message of several lines. */
export function inertLines(text: string): string {
  return text.split('\n').map(inert).join('\n');
}

/**
 * A copy of a plain structure (a report) with every string in it, keys included, made inert:
 * a renderer that adds its own colour escapes takes this copy first, so the only escapes in its
 * output are the ones it wrote.
 */
export function inertAll<T>(value: T): T {
  if (typeof value === 'string') return inert(value) as T;
  if (Array.isArray(value)) return value.map(inertAll) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [inert(key), inertAll(item)])) as T;
  }
  return value;
}
