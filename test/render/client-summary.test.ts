/** The client summary of real fixtures: what it names, asks and asks for, in each format, and what it never shows raw. */
import { describe, expect, it } from '@jest/globals';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { loadCatalog } from '../../src/render/client-summary/catalog.js';
import { escapeMarkdown } from '../../src/render/markdown.js';
import { renderClientSummary, type ClientSummaryFormat } from '../../src/render/client-summary/index.js';
import { openTopics } from '../../src/render/client-summary/summary.js';
import { loadCaseFixtures } from '../support/fixtures.js';
import { screenFixture } from '../support/screened.js';

const screener = new Screener(await loadRulePacks());
const fixtures = new Map(loadCaseFixtures().map((fixture) => [fixture.name, fixture]));
const claudia = await screenFixture(screener, fixtures.get('claudia')!);
const dacaBaseline = await screenFixture(screener, fixtures.get('daca-baseline')!);
const en = loadCatalog('en');
const es = loadCatalog('es');

const render = (screened: typeof claudia, language: string, format: ClientSummaryFormat = 'text', width = 80) =>
  renderClientSummary(screened.report, { language, format, width, caseFile: screened.caseFile });

describe('client summary of Claudia (seed 004)', () => {
  it('asks by topic the decisive questions of the current programs, her conviction named in her own words', () => {
    // Her decisive questions: the conviction's maximum penalty (DACA among others), the harm the crime
    // against her did and 212(a)(3)(E) conduct (the U visa), her date of birth, schooling and military
    // service (DACA); the label, sentence and aggravated-felony questions only the Morton memos and
    // S.744 need are not put to her. Topics follow the report's question order; since the U-visa review
    // the U visa's questions (now also the attorney's assessment of her culpability, 8 CFR
    // 214.14(a)(14)(iii), and the certification, 214(p)(1)) come after DACA's, so its topics do too.
    expect(openTopics(claudia.report).map((place) => place.topic)).toEqual(['convictionSentence', 'birth', 'school', 'military', 'crime', 'conduct']);
    const text = render(claudia, 'en').replace(/\s+/g, ' ');
    expect(text).toContain('About your court case for “Facilitation to illegally conduct an enterprise (her work…” (2010): What sentence');
    for (const topic of ['birth', 'school', 'military'] as const) expect(text).toContain(en.topics[topic].question);
    expect(text).not.toContain(en.topics.convictionCharge.itemQuestion!.split(':')[1]!.trim());
  });

  it('names every current program plainly, and the old policies and the bill in one study sentence', () => {
    const text = render(claudia, 'en').replace(/\s+/g, ' ');
    for (const program of ['daca', 't-visa', 'vawa-cancellation', 'vawa-self-petition']) expect(text).toContain(en.programs[program]);
    expect(text).toContain(en.lookedAt.studyOnly.both);
    expect(text).not.toMatch(/Morton|S\.744|memo/i);
  });

  it('lists the papers of her open topics and the ones always asked for, each once', () => {
    const names = en.documents.names;
    const text = render(claudia, 'en').replace(/\s+/g, ' ');
    for (const id of ['photoId', 'immigrationPapers', 'courtRecords', 'birthCertificate', 'schoolRecords', 'militaryRecords']) {
      expect(text.split(names[id]!).length - 1).toBe(1);
    }
    expect(text).not.toContain(names.abuseProof);
  });

  it('reads the same in Spanish, with the date as Spanish writes it', () => {
    const text = render(claudia, 'es').replace(/\s+/g, ' ');
    expect(text).toContain(es.programs.daca);
    expect(text).toContain(es.topics.birth.question);
    expect(text).toContain('Sobre su caso en la corte por “Facilitation');
    expect(text).toContain(es.documents.names.militaryRecords);
    expect(text).toContain('Su número de caso es claudia. Hicimos esta evaluación el 15 de septiembre de 2012.');
  });

  it('wraps the text to the width asked for', () => {
    for (const width of [60, 80, 100]) {
      const lines = render(claudia, 'en', 'text', width).split('\n');
      expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(width);
    }
  });

  it('numbers a conviction when the case file is not given', () => {
    const text = renderClientSummary(claudia.report, { language: 'en', format: 'text', width: 200 });
    expect(text).toContain('About your court case number 1: What sentence');
  });
});

describe('client summary of the DACA baseline client', () => {
  it('asks whether there was abuse, not about "the person who hurt you", and ends with her case number and date', () => {
    // Abuse is unknown and decisive for both VAWA programs: the abuser's status and the marriage are
    // decisive too, but they presume the abuse, so they wait for the attorney (FOLLOW_UPS).
    const decisive = dacaBaseline.report.questions.filter((q) => q.decisive).map((q) => q.field);
    expect(decisive).toEqual(expect.arrayContaining(['abuse.occurred', 'abuse.abuser.status', 'abuse.goodFaithMarriage']));
    const topics = openTopics(dacaBaseline.report).map((place) => place.topic);
    // Non-LPR cancellation adds the court case (the notice to appear), her marriage and her parents
    // (a qualifying relative), ahead of the abuse in the clinic's order; and, as her ten years of
    // presence are not settled, military service (240A(d)(3) excuses presence for 24 months of
    // active duty, so the answer could change the result).
    expect(topics).toEqual(['children', 'conduct', 'abuse', 'hardship', 'immigrationCourt', 'military', 'marriage', 'relatives']);
    const text = render(dacaBaseline, 'en').replace(/\s+/g, ' ');
    expect(text).toContain(en.topics.abuse.question);
    expect(text).toContain(en.documents.names.abuseProof);
    expect(text).not.toContain(en.topics.abuser.question);
    expect(text).not.toContain(en.documents.names.abuserStatus);
    expect(text).toContain('Your case number is daca-baseline. We did this screening on January 15, 2013.');
  });
});

describe('formats', () => {
  it('HTML is one self-contained page in the summary language, with the case and date in the running header', () => {
    const html = render(claudia, 'es', 'html');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="es">/);
    expect(html).toContain('<title>Resumen de su evaluación</title>');
    expect(html).toContain('@top-left { content: "Caso claudia · Evaluación del 15 de septiembre de 2012"; }');
    expect(html).toContain(`<li>${es.programs.daca}</li>`);
    expect(html).not.toMatch(/<script|<link|src=|url\(/i);
  });

  it('Markdown has a title, a heading per section and list items', () => {
    const markdown = render(claudia, 'en', 'markdown');
    expect(markdown.startsWith(`# ${en.title}\n`)).toBe(true);
    expect(markdown.match(/^## /gm)).toHaveLength(4);
    expect(markdown).toContain(`- ${en.programs.daca}`);
  });
});

describe('hostile case text', () => {
  const hostileId = '\u001b]0;PWNED\u0007<img src=x onerror=alert(1)>*_[x](y)_*';
  const hostileDescription = '\u001b[2J<script>alert(1)</script> & “quotes”';
  const report = { ...claudia.report, caseId: hostileId };
  const caseFile = structuredClone(claudia.caseFile);
  caseFile.criminalHistory!.convictions![0]!.description = hostileDescription;
  const each = (format: ClientSummaryFormat) => renderClientSummary(report, { language: 'en', format, width: 80, caseFile });

  it('is inert in the text format', () => {
    const text = each('text');
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('\\x1b]0;PWNED\\x07');
    expect(text).toContain('\\x1b[2J<script>');
  });

  it('is escaped in HTML, the running header included', () => {
    const html = each('html');
    expect(html).not.toMatch(/<img|<script|[\u0000-\u0009\u000b-\u001f]/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp;');
    // The case id reaches the running header inert, then as a CSS string: no quote or brace of its own.
    expect(html).toContain('@top-left { content: "Case \\5c x1b\\5d 0;PWNED\\5c x07\\3c img src\\3d x');
  });

  it('is escaped in Markdown', () => {
    const markdown = each('markdown');
    expect(markdown).not.toMatch(/(?<!\\)<|[\u0000-\u0009\u000b-\u001f]/);
    expect(markdown).toContain(escapeMarkdown('<img src=x onerror=alert(1)>*_[x](y)_*'));
  });
});

describe('which programs and questions a summary shows', () => {
  const byId = new Map(claudia.report.programs.map((program) => [program.program, program]));
  const question = (field: string, programs: string[], decisive = true) => ({ field, question: '', programs, decisive });
  const withParts = (programs: string[], questions: ReturnType<typeof question>[]) => ({ ...claudia.report, programs: programs.map((id) => byId.get(id)!), questions });

  it('asks a follow-up once its gate is answered, and no question only an old policy, a bill or a factor needs', () => {
    const report = withParts(['vawa-self-petition', 'morton', 's744-rpi'], [
      question('abuse.abuser.status', ['vawa-self-petition']),
      question('person.military.served', ['morton', 's744-rpi']),
      question('family.maritalStatus', ['vawa-self-petition'], false),
    ]);
    expect(openTopics(report)).toEqual([{ topic: 'abuser', item: null }]);
  });

  it('with only an old policy screened, names no program and asks nothing', () => {
    const text = renderClientSummary(withParts(['morton'], [question('person.dateOfBirth', ['morton'])]), { language: 'en', format: 'text', width: 200 });
    expect(text).toContain(en.lookedAt.noCurrentPrograms);
    expect(text).toContain(en.lookedAt.studyOnly.historical);
    expect(text).toContain(en.openQuestions.none);
    expect(text).not.toContain(en.topics.birth.question);
  });

  it('names a program the catalog does not know by its title, inert', () => {
    const added = { ...byId.get('t-visa')!, program: 'x-visa', title: 'X visa \u001b[31m' };
    const text = renderClientSummary({ ...claudia.report, programs: [added], questions: [] }, { language: 'es', format: 'text', width: 200 });
    expect(text).toContain('  - X visa \\x1b[31m\n');
    expect(text).not.toContain(es.lookedAt.studyOnly.both);
  });
});
