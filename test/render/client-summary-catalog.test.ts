/**
 * The client-summary catalogs and topics: every language has exactly the English keys, placeholders
 * and document lists; every case-file field a question can name has a topic; a broken catalog is
 * one clear error naming its file; a new language is only a new file.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fieldKind } from '../../src/case/fields.js';
import { CaseFile } from '../../src/case/schema.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { CatalogError } from '../../src/render/client-summary/catalog-error.js';
import { loadCatalog, placeholdersOf } from '../../src/render/client-summary/catalog.js';
import { clientSummaryLanguages } from '../../src/render/client-summary/languages.js';
import { DEFAULT_LOCALES_DIR } from '../../src/render/client-summary/locales-dir.js';
import { COLLECTIONS, FIELD_TOPICS, TOPICS, topicOfField, topicsDeclared, type Topic } from '../../src/render/client-summary/topics.js';
import { fieldNotes } from '../../src/case/field-notes.js';
import { z } from 'zod';

const languages = clientSummaryLanguages();
const raw = (language: string): unknown => JSON.parse(readFileSync(join(DEFAULT_LOCALES_DIR, `${language}.json`), 'utf8'));

/** Every leaf of a catalog by its path: strings as the placeholders they hold, lists of ids as themselves. */
function shape(value: unknown, path = ''): Map<string, string> {
  const leaves = new Map<string, string>();
  if (typeof value === 'string') leaves.set(path, `placeholders ${placeholdersOf(value).join(',')}`);
  else if (Array.isArray(value)) leaves.set(path, `list ${value.join(',')}`);
  else for (const [key, item] of Object.entries(value as object)) for (const [p, v] of shape(item, path ? `${path}.${key}` : key)) leaves.set(p, v);
  return leaves;
}

describe('catalogs', () => {
  it('include English and Spanish (a third language is one more file), and each loads', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'es']));
    for (const language of languages) expect(() => loadCatalog(language)).not.toThrow();
  });

  it.each(languages.filter((l) => l !== 'en'))('%s has exactly the English keys, placeholders and document lists', (language) => {
    expect(Object.fromEntries(shape(raw(language)))).toEqual(Object.fromEntries(shape(raw('en'))));
  });

  it('name every program that is law or in litigation plainly, and no other', async () => {
    const current = (await loadRulePacks()).packs
      .map((loaded) => loaded.pack)
      .filter((pack) => pack.legalStatus.kind === 'in_force' || pack.legalStatus.kind === 'in_litigation')
      .map((pack) => pack.program)
      .sort();
    expect(current.length).toBeGreaterThan(0);
    for (const language of languages) expect(Object.keys(loadCatalog(language).programs).sort()).toEqual(current);
  });

  it('list only documents a topic or the always-bring list asks for', () => {
    const catalog = loadCatalog('en');
    const asked = new Set([...catalog.documents.always, ...Object.values(catalog.topics).flatMap((topic) => topic.documents)]);
    expect(Object.keys(catalog.documents.names).filter((id) => !asked.has(id))).toEqual([]);
  });
});

interface Walkable {
  meta?: () => Record<string, unknown> | undefined;
  unwrap?: () => Walkable;
  shape?: Record<string, Walkable>;
  element?: Walkable;
  def?: { type?: string };
}

/** The case-file fields that carry a question (src/case/fields.ts), found by walking the schema. */
function askableFields(schema: Walkable, path = ''): string[] {
  let inner = schema;
  while (inner.def?.type === 'optional' && inner.unwrap) inner = inner.unwrap();
  const asks = Boolean(schema.meta?.()?.question ?? inner.meta?.()?.question);
  if (inner.def?.type === 'array' && inner.element) inner = inner.element;
  while (inner.def?.type === 'optional' && inner.unwrap) inner = inner.unwrap();
  const below = Object.entries(inner.shape ?? {}).flatMap(([key, child]) => askableFields(child, path ? `${path}.${key}` : key));
  return asks && path ? [path, ...below] : below;
}

describe('topics', () => {
  const fields = askableFields(CaseFile as unknown as Walkable);

  it('cover every askable field of the case file (the screening date is the clinic’s, not a question)', () => {
    expect(fields.length).toBeGreaterThan(140);
    const unmapped = fields.filter((field) => field !== 'screeningDate' && (topicOfField(field)?.topic ?? 'other') === 'other');
    expect(unmapped).toEqual([]);
    expect(topicOfField('screeningDate')).toBeNull();
  });

  it('name only real fields, and every topic but the fallback is some field’s', () => {
    expect([...FIELD_TOPICS.keys()].filter((path) => fieldKind(path) === undefined)).toEqual([]);
    const used = new Set(FIELD_TOPICS.values());
    expect((Object.keys(TOPICS) as Topic[]).filter((topic) => topic !== 'other' && !used.has(topic))).toEqual([]);
  });

  it('are declared with the fields in the schema; a topic the list does not hold is refused, naming the field', () => {
    expect(topicOfField('crimeVictimization.certification.signedOn')).toEqual({ topic: 'crimePolice', item: null });
    expect(topicOfField('crimeVictimization.harmSuffered')).toEqual({ topic: 'crime', item: null });
    expect(topicOfField('family.siblings[1].married')).toEqual({ topic: 'relatives', item: null });
    expect(topicOfField('removal.voluntaryDepartureDeadline')).toEqual({ topic: 'immigrationCourt', item: null });
    expect(topicOfField('statusHistory[0].homeResidenceRequirement')).toEqual({ topic: 'status', item: { collection: 'statusHistory', index: 0 } });
    const schema = z.strictObject({ pets: z.array(z.strictObject({ name: z.string().optional().meta({ clientTopic: 'petNames' }) })).optional() });
    expect(() => topicsDeclared(fieldNotes(schema))).toThrow('case-file schema: client-summary topics that topics.ts does not list: pets[].name: "petNames"');
  });

  it('ask about the list item a field path names', () => {
    expect(topicOfField('criminalHistory.convictions[2].maximumPenaltyDays')).toEqual({ topic: 'convictionSentence', item: { collection: 'convictions', index: 2 } });
    expect(topicOfField('family.children[0].dateOfBirth')).toEqual({ topic: 'children', item: { collection: 'children', index: 0 } });
    expect(topicOfField('removal.priorRemovals[1].basis')).toEqual({ topic: 'pastRemoval', item: { collection: 'priorRemovals', index: 1 } });
    expect(topicOfField('departures')).toEqual({ topic: 'trip', item: null });
    expect(topicOfField('criminalHistory.convictions')).toEqual({ topic: 'criminalRecord', item: null });
    expect(topicOfField('trafficking.traffickedOthers')).toEqual({ topic: 'conduct', item: null });
    // Every list asked about item by item is a list of the case file.
    for (const path of Object.values(COLLECTIONS)) expect(fieldKind(path)).toBe('list');
  });
});

describe('a catalog that cannot be used', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-locales-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const english = raw('en') as Record<string, Record<string, unknown>>;

  /** The error of loading a catalog written as given, as one line. */
  function errorOf(language: string, text: string): string {
    writeFileSync(join(dir, `${language}.json`), text);
    try {
      loadCatalog(language, dir);
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogError);
      const message = (error as CatalogError).message;
      expect(message).not.toContain('\n');
      return message;
    }
    throw new Error('the catalog loaded');
  }

  it('is refused with its file and the key named: a missing key, a wrong placeholder, an unknown document', () => {
    const { nextStep, ...withoutNextStep } = english;
    expect(errorOf('xa', JSON.stringify({ ...withoutNextStep, nextstep: nextStep }))).toMatch(/^client-summary catalog .*xa\.json: nextStep: is missing; unknown key "nextstep"/);
    const wrongPlaceholder = { ...english, nextStep: { ...nextStep, screeningDate: 'Screened on {fecha}.' } };
    expect(errorOf('xb', JSON.stringify(wrongPlaceholder))).toContain('xb.json: nextStep.screeningDate: must have the placeholders {date}, not {fecha}');
    const unknownDocument = { ...english, documents: { ...english.documents, always: ['photoId', 'passportCopy'] } };
    expect(errorOf('xc', JSON.stringify(unknownDocument))).toContain('documents.always[1]: names the document "passportCopy", which documents.names does not list');
  });

  it('is refused when it is not JSON, or not there', () => {
    expect(errorOf('xd', '{ "title": ')).toMatch(/xd\.json: not valid JSON: /);
    expect(() => loadCatalog('zz', dir)).toThrow(/zz\.json: there is no catalog for "zz" \(known: .*xa/);
    expect(() => loadCatalog('../en', dir)).toThrow(/"\.\.\/en" is not a language tag/);
  });

  it('a new language is one new file', () => {
    copyFileSync(join(DEFAULT_LOCALES_DIR, 'es.json'), join(dir, 'es-MX.json'));
    expect(clientSummaryLanguages(dir)).toContain('es-MX');
    expect(loadCatalog('es-MX', dir).title).toBe(loadCatalog('es').title);
  });
});
