/**
 * What the client summary says, before any format: four sections built from the report, in the
 * words of one catalog. It reports no outcome. It names as options only the programs that are law
 * or in litigation; programs that are history or a bill that never passed get one general sentence,
 * for study only. The open questions are the report's decisive questions for those programs, asked
 * by topic (topics.ts); the documents are those of the open topics and the few always asked for.
 */
import type { Report } from '../../app/screen.js';
import type { CaseFile } from '../../case/schema.js';
import type { LegalStatusKind } from '../../packs/schema.js';
import { ECHO_LIMIT } from '../../text/inert.js';
import type { Catalog } from './catalog.js';
import { clientText, fill } from './client-text.js';
import { itemLabel } from './item-labels.js';
import { FOLLOW_UPS, topicOfField, type TopicOfField } from './topics.js';

export type Block = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

export interface Section {
  heading: string;
  blocks: Block[];
}

/** The summary in plain text pieces, every piece of case text in it already inert. */
export interface ClientSummary {
  language: string;
  title: string;
  /** The case id and screening date, for the top of every printed page. */
  runningHeader: string;
  intro: string;
  sections: Section[];
}

/** Programs a client could use today: the law, or a policy still being decided in court. */
const CURRENT: ReadonlySet<LegalStatusKind> = new Set(['in_force', 'in_litigation']);

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });

/** The screening date as the language writes it ("September 15, 2012", "15 de septiembre de 2012"). */
function longDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

function lookedAt(report: Report, catalog: Catalog): Section {
  const words = catalog.lookedAt;
  const current = report.programs.filter((program) => CURRENT.has(program.legalStatus.kind));
  // A program added to rules/ without a plain name in this catalog is named by its title.
  const names = current.map((program) => (Object.hasOwn(catalog.programs, program.program) ? catalog.programs[program.program]! : clientText(program.title, ECHO_LIMIT)));
  const blocks: Block[] = names.length ? [paragraph(words.programsIntro), { kind: 'list', items: names }] : [paragraph(words.noCurrentPrograms)];
  const kinds = new Set(report.programs.map((program) => program.legalStatus.kind));
  const historical = kinds.has('historical');
  const hypothetical = kinds.has('hypothetical');
  if (historical || hypothetical) blocks.push(paragraph(historical && hypothetical ? words.studyOnly.both : historical ? words.studyOnly.historical : words.studyOnly.hypothetical));
  blocks.push(paragraph(words.noDecision));
  return { heading: words.heading, blocks };
}

/**
 * The topics still open, once each (a topic about list items once per item), in the order of the
 * report's questions: the decisive ones that matter to a current program. A question only an old
 * policy or a bill needs is not put to the client, nor a follow-up whose gate is open (FOLLOW_UPS).
 */
export function openTopics(report: Report): TopicOfField[] {
  const current = new Set(report.programs.filter((program) => CURRENT.has(program.legalStatus.kind)).map((program) => program.program));
  const open = new Map<string, TopicOfField>();
  for (const question of report.questions) {
    if (!question.decisive || !question.programs.some((program) => current.has(program))) continue;
    const place = topicOfField(question.field);
    if (!place) continue;
    const key = place.item ? `${place.topic}[${place.item.index}]` : place.topic;
    if (!open.has(key)) open.set(key, place);
  }
  const topics = new Set([...open.values()].map((place) => place.topic));
  return [...open.values()].filter((place) => {
    const gate = FOLLOW_UPS[place.topic];
    return gate === undefined || !topics.has(gate);
  });
}

function questionText(place: TopicOfField, catalog: Catalog, caseFile: CaseFile | undefined): string {
  const words = catalog.topics[place.topic];
  if (!place.item || !words.itemQuestion) return words.question;
  const item = itemLabel(catalog.items[place.item.collection], place.item.collection, place.item.index, caseFile);
  return fill(words.itemQuestion, { item });
}

function documentsToBring(open: TopicOfField[], catalog: Catalog): string[] {
  const ids = new Set(catalog.documents.always);
  for (const place of open) for (const id of catalog.topics[place.topic].documents) ids.add(id);
  return [...ids].map((id) => catalog.documents.names[id]!);
}

export function buildClientSummary(report: Report, catalog: Catalog, language: string, caseFile?: CaseFile): ClientSummary {
  const date = longDate(report.screeningDate, language);
  const caseId = report.caseId === null ? null : clientText(report.caseId, ECHO_LIMIT);
  const open = openTopics(report);
  const questions: Block[] = open.length
    ? [paragraph(catalog.openQuestions.intro), { kind: 'list', items: open.map((place) => questionText(place, catalog, caseFile)) }]
    : [paragraph(catalog.openQuestions.none)];
  const next = catalog.nextStep;
  const audit = [...(caseId === null ? [] : [fill(next.caseNumber, { caseId })]), fill(next.screeningDate, { date })].join(' ');
  return {
    language,
    title: catalog.title,
    runningHeader: caseId === null ? fill(catalog.runningHeaderWithoutCaseId, { date }) : fill(catalog.runningHeader, { caseId, date }),
    intro: catalog.intro,
    sections: [
      lookedAt(report, catalog),
      { heading: catalog.openQuestions.heading, blocks: questions },
      {
        heading: catalog.documents.heading,
        blocks: [paragraph(catalog.documents.intro), { kind: 'list', items: documentsToBring(open, catalog) }, paragraph(catalog.documents.noPapers)],
      },
      { heading: next.heading, blocks: [paragraph(next.review), paragraph(next.notAdvice), paragraph(audit)] },
    ],
  };
}
