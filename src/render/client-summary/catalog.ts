/**
 * The client summary's words, one JSON catalog per language (locales/client-summary/<language>.json).
 * Every client-facing string lives there, so a third language is one new file. A catalog is checked
 * when it is loaded: every key present, no key unknown, each template with exactly its placeholders
 * ("{date}"), every document a topic names listed; a broken one is a CatalogError naming the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { formatPath } from '../../case/input-error.js';
import { echo } from '../../text/inert.js';
import { CatalogError } from './catalog-error.js';
import { clientSummaryLanguages, LANGUAGE_TAG } from './languages.js';
import { DEFAULT_LOCALES_DIR } from './locales-dir.js';
import { COLLECTIONS, DESCRIBED_COLLECTIONS, TOPICS, type Collection, type Topic } from './topics.js';

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** The placeholders a template uses, sorted. */
export function placeholdersOf(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((match) => match[1]!))].sort();
}

/** A sentence of the catalog with exactly these placeholders: one it does not fill would be printed as is. */
function template(...placeholders: string[]) {
  const expected = [...placeholders].sort();
  const shown = (names: string[]) => (names.length ? names.map((name) => `{${name}}`).join(', ') : 'none');
  return z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .refine((text) => placeholdersOf(text).join() === expected.join(), {
      error: (issue) => `must have the placeholders ${shown(expected)}, not ${shown(placeholdersOf(String(issue.input)))}`,
    });
}

const plain = template();
const DocumentId = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: 'document ids are camelCase' });

function topicEntry(itemByItem: boolean) {
  const general = { question: plain, documents: z.array(DocumentId) };
  // A topic asked item by item has a second wording, about one named item ("About {item}: ...").
  return itemByItem ? z.strictObject({ ...general, itemQuestion: template('item') }) : z.strictObject(general);
}

function itemLabels(described: boolean) {
  const labels = { numbered: template('number'), dated: template('year') };
  return described ? z.strictObject({ ...labels, described: template('description'), describedDated: template('description', 'year') }) : z.strictObject(labels);
}

const topicEntries = Object.fromEntries((Object.keys(TOPICS) as Topic[]).map((topic) => [topic, topicEntry(TOPICS[topic] !== null)]));
const collectionLabels = Object.fromEntries((Object.keys(COLLECTIONS) as Collection[]).map((collection) => [collection, itemLabels(DESCRIBED_COLLECTIONS.includes(collection))]));

const CatalogSchema = z
  .strictObject({
    title: plain,
    runningHeader: template('caseId', 'date'),
    runningHeaderWithoutCaseId: template('date'),
    intro: plain,
    lookedAt: z.strictObject({
      heading: plain,
      programsIntro: plain,
      noCurrentPrograms: plain,
      /** One sentence about the programs compared for study only: old policies, a bill, or both. */
      studyOnly: z.strictObject({ historical: plain, hypothetical: plain, both: plain }),
      noDecision: plain,
    }),
    /** Plain names of the programs that are law or in litigation, by program id. */
    programs: z.record(z.string().regex(/^[a-z0-9-]+$/, { error: 'program ids are lower-case words joined by hyphens' }), plain),
    openQuestions: z.strictObject({ heading: plain, intro: plain, none: plain }),
    topics: z.strictObject(topicEntries),
    items: z.strictObject(collectionLabels),
    documents: z.strictObject({
      heading: plain,
      intro: plain,
      noPapers: plain,
      always: z.array(DocumentId).min(1),
      names: z.record(DocumentId, plain),
    }),
    nextStep: z.strictObject({
      heading: plain,
      review: plain,
      notAdvice: plain,
      caseNumber: template('caseId'),
      screeningDate: template('date'),
    }),
  })
  .superRefine((catalog, ctx) => {
    const named = (id: string) => Object.hasOwn(catalog.documents.names, id);
    catalog.documents.always.forEach((id, i) => {
      if (!named(id)) ctx.addIssue({ code: 'custom', path: ['documents', 'always', i], message: `names the document "${id}", which documents.names does not list` });
    });
    for (const [topic, entry] of Object.entries(catalog.topics) as [string, { documents: string[] }][]) {
      entry.documents.forEach((id, i) => {
        if (!named(id)) ctx.addIssue({ code: 'custom', path: ['topics', topic, 'documents', i], message: `names the document "${id}", which documents.names does not list` });
      });
    }
  });

/** The words of one topic; `itemQuestion` only for a topic asked item by item. */
export interface TopicWords {
  question: string;
  itemQuestion?: string;
  documents: string[];
}
export interface ItemLabelWords {
  numbered: string;
  dated: string;
  described?: string;
  describedDated?: string;
}

/**
 * A checked catalog. The schema builds its topics and item labels from TOPICS and COLLECTIONS, so
 * zod types them as records; every key is there, each with the wording its kind needs.
 */
export type Catalog = Omit<z.infer<typeof CatalogSchema>, 'topics' | 'items'> & {
  topics: Record<Topic, TopicWords>;
  items: Record<Collection, ItemLabelWords>;
};

/** A schema issue in the words of someone editing the file: a key missing or misspelt. */
function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is missing';
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${echo(key)}"`).join(', ')} (the keys are those of en.json)`;
  }
  return issue.message;
}

/** Catalogs by file: each is read and checked once per process. */
const loaded = new Map<string, Catalog>();

/** The catalog of a language, checked; a CatalogError naming the file when it is missing or broken. */
export function loadCatalog(language: string, dir: string = DEFAULT_LOCALES_DIR): Catalog {
  if (!LANGUAGE_TAG.test(language)) {
    throw new CatalogError(dir, [`"${echo(language)}" is not a language tag (known: ${clientSummaryLanguages(dir).join(', ')})`]);
  }
  const file = join(dir, `${language}.json`);
  const cached = loaded.get(file);
  if (cached) return cached;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem = code === 'ENOENT' ? `there is no catalog for "${language}" (known: ${clientSummaryLanguages(dir).join(', ')})` : `cannot be read (${code ?? 'error'})`;
    throw new CatalogError(file, [problem]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CatalogError(file, [`not valid JSON: ${echo((error as Error).message)}`]);
  }
  const parsed = CatalogSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) {
    throw new CatalogError(file, parsed.error.issues.map((issue) => (issue.path.length ? `${formatPath(issue.path)}: ${problemOf(issue)}` : problemOf(issue))));
  }
  const catalog = parsed.data as Catalog;
  loaded.set(file, catalog);
  return catalog;
}
