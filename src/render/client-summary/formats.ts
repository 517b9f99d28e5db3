/**
 * The client summary written out: plain text wrapped to a width (to print or read aloud), Markdown
 * (to paste into a message or a case note), or a self-contained HTML page (to print and hand over).
 * The summary's pieces are plain text, case text already inert; each format escapes them once.
 */
import { escapeHtml, htmlPage } from '../html-page.js';
import { wrap } from '../wrap.js';
import type { Block, ClientSummary } from './summary.js';
import { escapeMarkdown } from '../markdown.js';

export const CLIENT_SUMMARY_FORMATS = ['text', 'markdown', 'html'] as const;
export type ClientSummaryFormat = (typeof CLIENT_SUMMARY_FORMATS)[number];

function underlined(heading: string, mark: string, width: number): string[] {
  return [...wrap(heading, width), mark.repeat(Math.min(heading.length, width))];
}

function textBlock(block: Block, width: number): string[] {
  if (block.kind === 'paragraph') return wrap(block.text, width);
  return block.items.flatMap((item) => wrap(`- ${item}`, width, 2, 2));
}

export function summaryAsText(summary: ClientSummary, width: number): string {
  const lines = [...underlined(summary.title, '=', width), '', ...wrap(summary.intro, width)];
  for (const section of summary.sections) {
    lines.push('', ...underlined(section.heading, '-', width));
    for (const block of section.blocks) lines.push('', ...textBlock(block, width));
  }
  return `${lines.join('\n')}\n`;
}

export function summaryAsMarkdown(summary: ClientSummary): string {
  const lines = [`# ${escapeMarkdown(summary.title)}`, '', escapeMarkdown(summary.intro)];
  for (const section of summary.sections) {
    lines.push('', `## ${escapeMarkdown(section.heading)}`);
    for (const block of section.blocks) {
      lines.push('', ...(block.kind === 'paragraph' ? [escapeMarkdown(block.text)] : block.items.map((item) => `- ${escapeMarkdown(item)}`)));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Larger type than the attorney's report: this page is read by the client, often on paper. */
const CLIENT_CSS = `
body { font-size: 13pt; line-height: 1.5; max-width: 42rem; }
h1 { font-size: 1.6rem; }
li { margin: .25rem 0; }
@media print { body { font-size: 12pt; } }
`;

export function summaryAsHtml(summary: ClientSummary): string {
  const body = [`<h1>${escapeHtml(summary.title)}</h1>`, `<p>${escapeHtml(summary.intro)}</p>`];
  for (const section of summary.sections) {
    body.push(`<h2>${escapeHtml(section.heading)}</h2>`);
    for (const block of section.blocks) {
      body.push(block.kind === 'paragraph' ? `<p>${escapeHtml(block.text)}</p>` : `<ul>\n${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('\n')}\n</ul>`);
    }
  }
  return htmlPage({ language: summary.language, title: summary.title, runningHeader: summary.runningHeader, css: CLIENT_CSS, body: body.join('\n') });
}
