/**
 * The report as Markdown, for a case-management note or a ticket: the summary table, the
 * questions that could change a result, and per program the findings that decided it, its review
 * points and its legal status. The full record is the HTML report; this is what a note needs.
 *
 * Case text (a case id, a conviction's label) must not become markup in whatever renders the note:
 * every character that can open a link, an emphasis, a table cell, code or an HTML tag anywhere in
 * a line is escaped, and line breaks are folded, so no case text starts a line. A bare web address
 * in case text may still be shown as a link by renderers that link addresses by themselves; what it
 * shows is then the address itself, never a hidden target.
 */
import type { Report } from '../app/screen.js';
import type { Finding } from '../findings/program-result.js';
import { echo, inertAll } from '../text/inert.js';
import { firstOf } from '../text/numbers.js';
import { alsoConsiderText, reportView, type ProgramView, type ReportView } from './view.js';
import { referenceTitle, reportReferences } from './reference-list.js';

/** Text as inline Markdown content: markup characters escaped, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s*\n\s*/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/[\\`*_[\]<>|~]/g, (char) => `\\${char}`);
}

const md = escapeMarkdown;

function summaryTable(view: ReportView): string[] {
  const rows = view.lines.map((line) => {
    const reason = [line.reason, line.waivers.length ? `cured by: ${firstOf(line.waivers)}` : null].filter(Boolean).join(' · ');
    return `| ${md(line.shortTitle)} | ${md(line.statusNote ?? 'in force')} | **${md(line.result)}** | ${md(reason)} | ${line.needsReview ? 'yes' : ''} |`;
  });
  rows.push(...view.notInForce.map((line) => `| ${md(line.shortTitle)} | not yet in force | **${md(line.result)}** | ${md(line.reason)} | |`));
  return ['| Program | Legal status | Result | Deciding reason | Attorney review |', '| --- | --- | --- | --- | --- |', ...rows];
}

function questions(list: ReportView['decisive']): string[] {
  return list.map((q, i) => `${i + 1}. ${md(q.question)} (${md(q.programs.join(', '))}; \`${q.field.replace(/`/g, "'")}\`)`);
}

function finding(f: Finding): string[] {
  const overridden = f.defeatedBy ? ` (overridden by ${f.defeatedBy.join(', ')})` : '';
  const because = [...new Set(f.facts.map((fact) => fact.detail))].map((detail) => `  - because: ${md(detail)}`);
  return [`- ${md(f.name + overridden)}. *Source: ${md(f.citation)}*`, ...because];
}

function program(view: ProgramView): string[] {
  const { program: p, line } = view;
  const out = [`## ${md(p.title)}`, '', `**Legal status:** ${md(p.legalStatus.label)}. **Result:** ${md(line.result)}${p.needsReview ? ' · **needs attorney review**' : ''}`, ''];
  for (const group of view.deciding) out.push(`**${md(group.title)}**`, '', ...group.findings.flatMap(finding), '');
  for (const split of p.byCases ?? []) out.push(`*Settled by cases (${md(split.result)}):* ${md(split.explanation)}`, '');
  if (p.reviewReasons.length) {
    out.push('**For attorney review**', '');
    for (const reason of p.reviewReasons) out.push(`- ${md(reason.reason)}${reason.subject ? ` \\[${md(reason.subject)}\\]` : ''}`);
    out.push('');
  }
  if (view.cautions.length) out.push('**Cautions**', '', ...view.cautions.map((c) => `- ${md(c.reason)}`), '');
  for (const line of view.alsoConsider) out.push(`**Also consider:** ${md(alsoConsiderText(line))} *Source: ${md(line.citation)}*`, '');
  return out;
}

export function renderMarkdown(untrusted: Report): string {
  const report = inertAll(untrusted);
  const view = reportView(report);
  const caseId = untrusted.caseId === null ? '(no case id)' : echo(untrusted.caseId);
  const out = [
    '# relief-screen screening report',
    '',
    `**Case:** ${md(caseId)} · **Screening date:** ${report.screeningDate} · **File:** ${md(report.source)}`,
    '',
    ...report.whatIfs.map((change) => `**What if:** ${md(change)} (not the case file's fact)  `),
    `> ${md(report.disclaimer)}`,
    '',
    '## Summary',
    '',
    ...summaryTable(view),
    '',
  ];
  if (view.sharedCautions.length) out.push('**Cautions for every program**', '', ...view.sharedCautions.map((c) => `- ${md(c.reason)}`), '');
  if (view.decisive.length) out.push('## Questions that could change a result', '', ...questions(view.decisive), '');
  for (const p of view.programs) out.push(...program(p));
  const references = reportReferences(report);
  if (references.length) out.push('## Sources (full references)', '', ...references.map((r) => `- **${md(r.name)}**${referenceTitle(r) ? `: ${md(r.title)}` : ''}${r.url ? ` ${md(r.url)}` : ''}`), '');
  const { audit } = report;
  out.push(
    `*Rule packs version ${report.rulesVersion}: ${md(report.programs.map((p) => `${p.program}@${p.packVersion}`).join(', '))}*  `,
    `*Audit: relief-screen ${md(audit.toolVersion)} · case file SHA-256 ${audit.caseSha256} · screening date ${audit.screeningDate} · produced ${audit.producedAt}*`,
    '',
  );
  return out.join('\n');
}
