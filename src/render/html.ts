/**
 * The report for the client file: one self-contained HTML page (inline CSS, no script, no network,
 * no external fonts; see html-page.ts) that reads on screen and prints well. It is the complete
 * record: the summary table and the questions first, then each program on its own printed page with
 * its legal status, its result, the findings that decided it, its review points and cautions, and
 * every other finding and factor, each with its source.
 *
 * The report holds the client's own words (case id, conviction labels, file name): they are made
 * inert first (as in the text report), then every piece of text reaches the page through escapeHtml.
 */
import type { Report } from '../app/screen.js';
import type { Caution, Finding, ProgramResult, ReviewReason } from '../findings/program-result.js';
import type { Question } from '../settle/settle.js';
import { echo, inertAll } from '../text/inert.js';
import { escapeHtml, htmlPage } from './html-page.js';
import { REPORT_CSS } from './html-style.js';
import { citationParts, NumberedSources } from './sources.js';
import { referenceTitle, reportReferences } from './reference-list.js';
import { alsoConsiderText, reportView, type AlsoConsiderLine, type FindingGroup, type ProgramView, type ReportView, type SummaryLine } from './view.js';

/** What the summary table says of a program in force (the view's note is null for it). */
const IN_FORCE = 'In force';

/** A citation, each repeated long reference replaced by a link to its entry in the source list. */
function citeHtml(sources: NumberedSources, citation: string): string {
  return citationParts(citation)
    .map((part) => {
      const cited = sources.cite(part);
      if (cited === part) return escapeHtml(part);
      const number = /^\[(\d+)\]$/.exec(cited)![1];
      return `<a href="#source-${number}">[${number}]</a>`;
    })
    .join('; ');
}

function capitalised(text: string): string {
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}

function resultHtml(line: SummaryLine, outcome: string | undefined): string {
  return `<span class="result tone-${line.tone}" data-outcome="${escapeHtml(outcome ?? 'classifications')}">${escapeHtml(line.result)}</span>`;
}

function summaryTable(view: ReportView): string {
  const rows = view.programs.map(({ line, program }) => {
    const status = line.statusNote === null ? IN_FORCE : capitalised(line.statusNote);
    // The first waiver, as in the text summary: the program's section lists them all.
    const more = line.waivers.length > 1 ? ` <a class="more" href="#program-${escapeHtml(line.program)}">(+${line.waivers.length - 1} more)</a>` : '';
    const waivers = line.waivers.length ? `${escapeHtml(line.waivers[0]!)}${more}` : '—';
    return [
      `<tr data-program="${escapeHtml(line.program)}">`,
      `<th scope="row"><a href="#program-${escapeHtml(line.program)}">${escapeHtml(line.shortTitle)}</a></th>`,
      `<td class="${line.statusNote === null ? 'in-force' : 'not-law'}">${escapeHtml(status)}</td>`,
      `<td>${resultHtml(line, program.outcome)}</td>`,
      `<td>${line.reason === null ? '—' : escapeHtml(line.reason)}</td>`,
      `<td>${waivers}</td>`,
      `<td>${line.needsReview ? '<span class="review">Needs review</span>' : 'No'}</td>`,
      '</tr>',
    ].join('');
  });
  // A program not in force on the date has no section of its own: its row says why, whole.
  rows.push(
    ...view.notInForce.map((line) =>
      [
        `<tr data-program="${escapeHtml(line.program)}">`,
        `<th scope="row">${escapeHtml(line.shortTitle)}</th>`,
        '<td class="not-law">Not yet in force</td>',
        `<td><span class="result tone-open" data-outcome="not_in_force">${escapeHtml(line.result)}</span></td>`,
        `<td>${escapeHtml(line.reason)}</td>`,
        '<td>—</td>',
        '<td>No</td>',
        '</tr>',
      ].join(''),
    ),
  );
  return [
    '<table class="summary">',
    '<colgroup><col class="col-program"><col class="col-status"><col class="col-result"><col class="col-reason"><col class="col-waiver"><col class="col-review"></colgroup>',
    '<thead><tr><th scope="col">Program</th><th scope="col">Legal status</th><th scope="col">Result</th><th scope="col">Deciding reason</th><th scope="col">Waiver needed</th><th scope="col">Attorney review</th></tr></thead>',
    `<tbody>\n${rows.join('\n')}\n</tbody>`,
    '</table>',
  ].join('\n');
}

function cautionList(sources: NumberedSources, cautions: Caution[]): string {
  const items = cautions.map((c) => `<li>${escapeHtml(c.reason)} <span class="cite">Source: ${citeHtml(sources, c.citation)}</span></li>`);
  return `<ul class="cautions">\n${items.join('\n')}\n</ul>`;
}

function summarySection(view: ReportView, sources: NumberedSources): string {
  const parts = ['<section class="summary-section" aria-labelledby="summary">', '<h2 id="summary">Summary</h2>', summaryTable(view)];
  if (view.sharedCautions.length) parts.push('<h3>Cautions for every program</h3>', cautionList(sources, view.sharedCautions));
  parts.push('</section>');
  return parts.join('\n');
}

function questionSection(questions: Question[], id: string, title: string, intro: string): string {
  if (questions.length === 0) return '';
  const items = questions.map((q) => `<li>${escapeHtml(q.question)} <span class="cite">(${escapeHtml(q.programs.join(', '))}; field ${escapeHtml(q.field)})</span></li>`);
  return [`<section class="questions" id="${id}">`, `<h2>${escapeHtml(title)}</h2>`, `<p class="intro">${escapeHtml(intro)}</p>`, `<ol>\n${items.join('\n')}\n</ol>`, '</section>'].join('\n');
}

function findingHtml(sources: NumberedSources, finding: Finding): string {
  const overridden = finding.defeatedBy ? ` <span class="overridden">(overridden by ${escapeHtml(finding.defeatedBy.join(', '))})</span>` : '';
  const because = [...new Set(finding.facts.map((f) => f.detail))].map((detail) => `<li>because: ${escapeHtml(detail)}</li>`);
  return [
    `<li class="finding"><span class="finding-name">${escapeHtml(finding.name)}</span>${overridden}`,
    `<div class="cite">Source: ${citeHtml(sources, finding.citation)}</div>`,
    because.length ? `<ul class="because">${because.join('')}</ul>` : '',
    '</li>',
  ].join('');
}

function groupsHtml(sources: NumberedSources, groups: FindingGroup[]): string {
  return groups.map((g) => `<h4>${escapeHtml(g.title)}</h4>\n<ul class="findings">\n${g.findings.map((f) => findingHtml(sources, f)).join('\n')}\n</ul>`).join('\n');
}

/**
 * The findings that did not decide the result (factors, a program's other bars): each on one line
 * with its source, without the facts behind it (the JSON report and --detail have those), so that
 * a program prints on about one page.
 */
function restHtml(sources: NumberedSources, groups: FindingGroup[]): string {
  return groups
    .map((g) => {
      const items = g.findings.map((f) => {
        const overridden = f.defeatedBy ? ` <span class="overridden">(overridden by ${escapeHtml(f.defeatedBy.join(', '))})</span>` : '';
        return `<li><span class="finding-name">${escapeHtml(f.name)}</span>${overridden} <span class="cite">Source: ${citeHtml(sources, f.citation)}</span></li>`;
      });
      return `<h4>${escapeHtml(g.title)}</h4>\n<ul class="findings compact">\n${items.join('\n')}\n</ul>`;
    })
    .join('\n');
}

/** The groups of `all` with the findings already shown among the deciding ones left out. */
function remainingGroups(view: ProgramView): FindingGroup[] {
  const shown = new Set(view.deciding.flatMap((g) => g.findings));
  return view.all.map((g) => ({ title: g.title, findings: g.findings.filter((f) => !shown.has(f)) })).filter((g) => g.findings.length > 0);
}

function outcomeBlock(view: ProgramView): string {
  const { program, line } = view;
  const rows: string[] = [];
  if (program.outcome) rows.push(`<div><dt>Outcome</dt><dd>${resultHtml(line, program.outcome)}</dd></div>`);
  // A classification is null only when the known facts leave it open ("none" is a value of its own).
  for (const [field, value] of Object.entries(program.classifications ?? {})) {
    const shown = value === null ? '<span class="tone-open">not determined by the known facts</span>' : escapeHtml(value);
    rows.push(`<div><dt>${escapeHtml(capitalised(field))}</dt><dd>${shown}</dd></div>`);
  }
  const review = line.needsReview ? '<p class="review-flag">Needs attorney review</p>' : '<p class="no-review">No point for attorney review was raised.</p>';
  const outcome = program.outcome ?? 'classifications';
  return `<div class="outcome tone-${line.tone}" data-outcome="${escapeHtml(outcome)}">\n<dl>${rows.join('')}</dl>\n${review}\n</div>`;
}

function reviewList(sources: NumberedSources, reasons: ReviewReason[]): string {
  const items = reasons.map((r) => {
    const subject = r.subject ? ` <span class="subject">[${escapeHtml(r.subject)}]</span>` : '';
    return `<li>${escapeHtml(r.reason)}${subject} <span class="cite">Source: ${citeHtml(sources, r.citation)}</span></li>`;
  });
  return `<ul class="review-points">\n${items.join('\n')}\n</ul>`;
}

/** One paragraph per program the client's facts point at, with its reason and citation. */
function alsoConsiderHtml(sources: NumberedSources, lines: readonly AlsoConsiderLine[]): string[] {
  return lines.map((line) => `<p class="also-consider" data-program="${escapeHtml(line.program)}"><strong>Also consider:</strong> ${escapeHtml(alsoConsiderText(line))} <span class="cite">Source: ${citeHtml(sources, line.citation)}</span></p>`);
}

function programSection(view: ProgramView, sources: NumberedSources): string {
  const { program } = view;
  const id = escapeHtml(program.program);
  const parts = [
    `<section class="program" id="program-${id}" data-program="${id}">`,
    `<h2>${escapeHtml(program.title)} <span class="program-id">${id}</span></h2>`,
    `<p class="legal-status status-${escapeHtml(program.legalStatus.kind)}"><strong>Legal status: ${escapeHtml(program.legalStatus.label)}.</strong> ${escapeHtml(program.legalStatus.detail)}</p>`,
    outcomeBlock(view),
  ];
  if (view.deciding.length) parts.push('<h3>What decided the result</h3>', groupsHtml(sources, view.deciding));
  if (program.byCases?.length) {
    const items = program.byCases.map((s) => `<li class="${s.settled ? 'settled' : 'open'}"><strong>${escapeHtml(s.result)}:</strong> ${escapeHtml(s.explanation)}</li>`);
    parts.push('<h3>Settled by cases over the unknown facts</h3>', `<ul>\n${items.join('\n')}\n</ul>`);
  }
  if (program.reviewReasons.length) parts.push('<h3>For attorney review</h3>', reviewList(sources, program.reviewReasons));
  if (view.cautions.length) parts.push('<h3>Cautions</h3>', '<p class="intro">True of every client in this position; not a review point.</p>', cautionList(sources, view.cautions));
  parts.push(...alsoConsiderHtml(sources, view.alsoConsider));
  const rest = remainingGroups(view);
  if (rest.length) parts.push('<h3>Everything else found</h3>', restHtml(sources, rest));
  parts.push(researchLine(program), '</section>');
  return parts.join('\n');
}

function researchLine(program: ProgramResult): string {
  return `<p class="pack">Rule pack ${escapeHtml(program.program)}@${escapeHtml(program.packVersion)}, research as of ${escapeHtml(program.researchedAsOf)}.</p>`;
}

/** Which rules produced the report, and its audit stamp (tool version, the case file's SHA-256, screening date, time produced). */
function stampHtml(report: Report): string {
  const packs = report.programs.map((p) => `${escapeHtml(p.program)}@${escapeHtml(p.packVersion)}`).join(', ');
  const { audit } = report;
  return [
    '<dl class="stamp">',
    `<div><dt>Rule packs</dt><dd>version ${escapeHtml(report.rulesVersion)}: ${packs}</dd></div>`,
    `<div><dt>Audit</dt><dd>relief-screen ${escapeHtml(audit.toolVersion)} · case file SHA-256 <span class="hash">${escapeHtml(audit.caseSha256)}</span> · screening date ${escapeHtml(audit.screeningDate)} · produced ${escapeHtml(audit.producedAt)}</dd></div>`,
    '</dl>',
  ].join('\n');
}

function headerHtml(report: Report, caseId: string): string {
  // The disclaimer's first sentence ("… a screening aid, not legal advice.") is its point: in bold.
  const [first, ...rest] = report.disclaimer.split(/(?<=\.) /);
  const whatIfs = report.whatIfs.map((change) => `<p class="what-if"><strong>What if:</strong> ${escapeHtml(change)} (not the case file's fact)</p>`);
  return [
    '<header class="masthead">',
    '<p class="kicker">relief-screen · screening report</p>',
    `<h1>Case ${escapeHtml(caseId)}</h1>`,
    `<p class="disclaimer" role="note"><strong>${escapeHtml(first!)}</strong> ${escapeHtml(rest.join(' '))}</p>`,
    '<dl class="case-facts">',
    `<div><dt>Case</dt><dd>${escapeHtml(caseId)}</dd></div>`,
    `<div><dt>Screening date</dt><dd>${escapeHtml(report.screeningDate)}</dd></div>`,
    `<div><dt>Case file</dt><dd class="path">${escapeHtml(report.source)}</dd></div>`,
    '</dl>',
    ...whatIfs,
    stampHtml(report),
    '</header>',
  ].join('\n');
}

function sourceList(sources: NumberedSources): string {
  if (sources.listed.length === 0) return '';
  const items = sources.listed.map((reference, i) => `<li id="source-${i + 1}">${escapeHtml(reference)}</li>`);
  return ['<section class="sources">', '<h2>Sources cited by number</h2>', `<ol>\n${items.join('\n')}\n</ol>`, '</section>'].join('\n');
}

/**
 * Each source cited, with its full reference and its address as text: the report links to nothing
 * outside itself (a client's report opened offline, or printed, must not reach out).
 */
function referenceList(report: Report): string {
  const references = reportReferences(report);
  if (references.length === 0) return '';
  const items = references.map((reference) => {
    const title = referenceTitle(reference);
    const address = reference.url ? ` <span class="path">${escapeHtml(reference.url)}</span>` : '';
    return `<li><strong>${escapeHtml(reference.name)}</strong>${title ? `: ${escapeHtml(title)}` : ''}${address}</li>`;
  });
  return ['<section class="sources">', '<h2>Sources (full references)</h2>', `<ul>\n${items.join('\n')}\n</ul>`, '</section>'].join('\n');
}

export function renderHtml(untrusted: Report): string {
  const report = inertAll(untrusted);
  const view = reportView(report);
  // Every citation, so a long reference the page repeats is listed once and cited by its number.
  const citations = report.programs.flatMap((p) => [...p.findings, ...p.reviewReasons, ...p.cautions, ...p.alsoConsider].map((item) => item.citation));
  const sources = new NumberedSources(citations);
  // A case id of megabytes must not make a header of megabytes (a file name is bounded by the system).
  const caseId = untrusted.caseId === null ? '(no case id)' : echo(untrusted.caseId);
  // The body is built in reading order: the source list numbers references as they are first cited.
  const body = [
    headerHtml(report, caseId),
    '<main>',
    summarySection(view, sources),
    questionSection(view.decisive, 'ask-next', 'Ask the client next', `${view.decisive.length} question(s) whose answer could change a result.`),
    ...view.programs.map((program) => programSection(program, sources)),
    questionSection(view.worthAsking, 'worth-asking', 'Also worth asking', 'Only a helping or harmful factor reads these.'),
    sourceList(sources),
    referenceList(report),
    '</main>',
  ].filter(Boolean);
  return htmlPage({
    language: 'en',
    title: `Screening report: ${caseId} (${report.screeningDate})`,
    runningHeader: `relief-screen · case ${caseId} · screening date ${report.screeningDate}`,
    css: REPORT_CSS,
    body: body.join('\n'),
  });
}
