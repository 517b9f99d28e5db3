/**
 * The client-file HTML report: complete (every program, its result, legal status, findings with
 * sources), self-contained (no script, nothing loaded from anywhere), and inert whatever the case
 * file holds.
 */
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/app/screen.js';
import { renderHtml } from '../../src/render/html.js';
import { OUTCOME_LABEL } from '../../src/render/view.js';
import { screenNamedFixture } from '../support/screened.js';

/** Tags, both quotes, the end of the style sheet, a terminal title escape and a bell. */
const HOSTILE = `<script>alert(1)</script>"'</style><img src=https://evil.example/x.png>\u001b]0;owned\u0007`;

function sectionOf(html: string, program: string): string {
  const start = html.indexOf(`<section class="program" id="program-${program}" data-program="${program}">`);
  expect(start).toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

describe('renderHtml, Claudia', () => {
  let report: Report;
  let html: string;
  beforeAll(async () => {
    report = await screenNamedFixture('claudia');
    html = renderHtml(report);
  });

  it('has a section and a summary row for every program, with its result', () => {
    expect(report.programs).toHaveLength(8);
    for (const program of report.programs) {
      const section = sectionOf(html, program.program);
      expect(section).toContain(`<h2>${program.title.replace(/&/g, '&amp;')} `);
      expect(html).toContain(`<tr data-program="${program.program}">`);
      if (program.outcome) expect(section).toContain(`data-outcome="${program.outcome}">${OUTCOME_LABEL[program.outcome]}</span>`);
    }
    expect(sectionOf(html, 'morton')).toMatch(/<dt>Priority<\/dt><dd>1<\/dd>.*<dt>Level<\/dt><dd><span class="tone-open">not determined by the known facts/s);
    expect(sectionOf(html, 'vawa-cancellation')).toContain('data-outcome="barred">BARRED');
  });

  it('prints each program on its own page, under a running header with the case id and screening date', () => {
    expect(html).toMatch(/@media print \{[^@]*\.program \{ break-before: page; \}/);
    expect(html).toContain('@page { @top-left { content: "relief-screen · case claudia · screening date 2012-09-15"; } }');
  });

  it('says it is a screening aid, not legal advice, and labels what is not current law', () => {
    expect(html).toContain('<p class="disclaimer" role="note"><strong>relief-screen is a screening aid, not legal advice.</strong>');
    expect(html).toMatch(/<th scope="row"><a href="#program-s744-rpi">S\.744 RPI<\/a><\/th><td class="not-law">Never enacted<\/td>/);
    expect(html).toMatch(/<a href="#program-morton">Morton memos<\/a><\/th><td class="not-law">Historical, not current law<\/td>/);
    expect(html).toMatch(/<a href="#program-t-visa">T visa<\/a><\/th><td class="in-force">In force<\/td>/);
    // Label and detail, in each program's section.
    const s744 = report.programs.find((p) => p.program === 's744-rpi')!;
    expect(sectionOf(html, 's744-rpi')).toContain(`<strong>Legal status: ${s744.legalStatus.label}.</strong> ${s744.legalStatus.detail.replace(/'/g, '&#39;').replace(/"/g, '&quot;')}`);
  });

  it('gives each deciding finding its source and its reasons, and keeps every other finding', () => {
    const cancellation = sectionOf(html, 'vawa-cancellation');
    const decided = cancellation.slice(cancellation.indexOf('<h3>What decided the result</h3>'), cancellation.indexOf('<h3>For attorney review</h3>'));
    expect(decided).toContain('<h4>Bars that apply</h4>');
    expect(decided).toMatch(/Inadmissible for having engaged in prostitution within 10 years<\/span><div class="cite">Source: [^<]*212\(a\)\(2\)\(D\)/);
    expect(decided).toContain('<li>because: ');
    // Morton's helping factors are not what decided its priority, but the client file lists them.
    const morton = sectionOf(html, 'morton');
    expect(morton.indexOf('<h4>Helping factors</h4>')).toBeGreaterThan(morton.indexOf('<h3>Everything else found</h3>'));
    const factors = report.programs.find((p) => p.program === 'morton')!.factors.positive;
    expect(factors.length).toBeGreaterThan(0);
    for (const factor of factors) expect(morton).toContain(`<span class="finding-name">${factor.name.replace(/'/g, '&#39;')}</span>`);
  });

  it('lists review points with their sources and the questions, decisive ones first', () => {
    expect(sectionOf(html, 'morton')).toMatch(/<h3>For attorney review<\/h3>\n<ul class="review-points">\n<li>[^\n]*<span class="cite">Source: /);
    const decisive = html.indexOf('<section class="questions" id="ask-next">');
    const firstProgram = html.indexOf('<section class="program"');
    const worthAsking = html.indexOf('<section class="questions" id="worth-asking">');
    expect(decisive).toBeGreaterThan(0);
    expect(decisive).toBeLessThan(firstProgram);
    expect(worthAsking).toBeGreaterThan(html.lastIndexOf('<section class="program"'));
  });

  it('loads nothing and runs nothing', () => {
    expect(html).not.toMatch(/<script|<iframe|<object|<embed|<link|@import|url\(/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    for (const [, value] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) expect(value).toMatch(/^#[a-z0-9-]+$/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  });
});

describe('renderHtml, hostile case text', () => {
  let html: string;
  beforeAll(async () => {
    const report = await screenNamedFixture('claudia', (caseValue) => {
      caseValue.caseId = HOSTILE;
      const history = caseValue.criminalHistory as { convictions: Record<string, unknown>[] };
      history.convictions[0]!.id = `conviction ${HOSTILE}`;
    });
    report.whatIfs = [`person.name = ${HOSTILE}`];
    html = renderHtml(report);
  });

  it('shows the case id, conviction label and what-if as text', () => {
    const shown = '&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&lt;/style&gt;&lt;img src=https://evil.example/x.png&gt;\\x1b]0;owned\\x07';
    expect(html).toContain(`<h1>Case ${shown}</h1>`);
    expect(html).toContain(`because: 1 conviction(s): conviction ${shown}`);
    expect(html).toContain(`<strong>What if:</strong> person.name = ${shown}`);
  });

  it('opens no tag, ends no style sheet and writes no control character', () => {
    expect(html).not.toMatch(/<script|<img/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    // The running header is a CSS string: every mark that could end it is a hex escape.
    const header = /@top-left \{ content: ("[^"]*"); \}/.exec(html)![1]!;
    expect(header).toContain('\\3c script\\3e alert(1)\\3c /script\\3e \\22 \\27 \\3c /style\\3e ');
    expect(header).not.toMatch(/[<>'\u001b]/);
  });
});
