/**
 * One self-contained HTML page for a report or a client summary: inline CSS, no script, no network,
 * no external fonts (a file that opens the same in ten years and on an offline machine), with a
 * print stylesheet whose running header names the case and the screening date on every page.
 *
 * Every piece of case text reaches the page through `escapeHtml` (element content and attribute
 * values) or `cssString` (the running header): a case id cannot open a tag, close a string or
 * load anything.
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML element content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]!);
}

/**
 * Text as a CSS string literal, quotes included: every character but letters, digits, space and a
 * few marks becomes a hex escape, so nothing in it can end the string, the rule or the style sheet.
 */
export function cssString(text: string): string {
  const escaped = [...text].map((char) => (/[\p{L}\p{N} .,:;·()_/-]/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join('');
  return `"${escaped}"`;
}

export interface HtmlPageParts {
  /** The BCP 47 language of the page's own words ("en", "es"). */
  language: string;
  title: string;
  /** Printed at the top of every page (case id and screening date). */
  runningHeader: string;
  /** The page's own style rules, after the shared ones. */
  css: string;
  /** The body's HTML, already escaped. */
  body: string;
}

/** Layout shared by every page: readable on screen, and printed with a running header and page numbers. */
const BASE_CSS = `
:root { color-scheme: light; }
body { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4; color: #111; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 1.5rem 0 .5rem; border-bottom: 1px solid #999; }
h3 { font-size: 1rem; margin: 1rem 0 .25rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; text-align: left; vertical-align: top; }
th { background: #eee; }
.cite { color: #444; font-size: .9em; }
@page { size: letter; margin: 1.6cm 1.5cm; @top-left { font-size: 9pt; color: #444; } @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt; color: #444; } }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 9pt; line-height: 1.3; }
  h2, h3 { break-after: avoid; }
  tr, li { break-inside: avoid; }
}
`;

export function htmlPage(parts: HtmlPageParts): string {
  // The running header is a CSS string: @page margin boxes read no HTML.
  const header = `@page { @top-left { content: ${cssString(parts.runningHeader)}; } }`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(parts.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // No script, no network: the page may only use its own inline styles and data: images.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${BASE_CSS}${header}\n${parts.css}</style>`,
    '</head>',
    `<body>\n${parts.body}\n</body>`,
    '</html>',
    '',
  ].join('\n');
}
