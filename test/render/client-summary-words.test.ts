/**
 * The client summary's words: never an outcome or a legal term, in any language, for any fixture;
 * and plain enough to read (Flesch-Kincaid grade for English, Fernández-Huerta ease for Spanish).
 */
import { describe, expect, it } from '@jest/globals';
import { Screener } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { renderClientSummary } from '../../src/render/client-summary/index.js';
import { loadBoundaryFixtures, loadCaseFixtures } from '../support/fixtures.js';
import { fernandezHuerta, fleschKincaidGrade, sentencesOfText } from '../support/readability.js';
import { screenFixture, type Screened } from '../support/screened.js';

/** Word stems that would tell the client a result, or speak the law's jargon to them. */
const FORBIDDEN: Record<string, string[]> = {
  en: ['qualif', 'eligib', 'ineligib', 'barred', 'bars', 'waiver', 'approv', 'denied', 'deny', 'likely', 'inadmissib', 'deportable', 'turpitude', 'aggravated felony', 'adjudicat', 'you can get', 'you will get'],
  es: ['calific(?!aci)', 'elegib', 'requisitos', 'impedid', 'excluid', 'aprobad', 'aprueb', 'negad', 'perdón', 'probab', 'inadmisib', 'depuración', 'torpeza moral', 'delito grave agravado', 'usted puede obtener', 'usted va a obtener'],
};
const JARGON = /\b212\(a\)|\bINA\b|U\.S\.C\.|\bC\.?F\.?R\b|§|\b\d+\([a-z]\)\(\d+\)/;

function forbiddenIn(text: string, language: string): string[] {
  const stem = new RegExp(`(?<!\\p{L})(?:${FORBIDDEN[language]!.join('|')})`, 'giu');
  return [...text.matchAll(stem)].map((match) => match[0]).concat(JARGON.test(text) ? [JARGON.exec(text)![0]] : []);
}

const packs = await loadRulePacks();
const screener = new Screener(packs);
const caseFixtures = loadCaseFixtures();
const screenedCases = new Map<string, Screened>();
for (const fixture of caseFixtures) screenedCases.set(fixture.name, await screenFixture(screener, fixture));

describe('no outcome and no jargon', () => {
  it('the forbidden words are found where they are (the check itself)', () => {
    expect(forbiddenIn('You qualify for DACA under INA 212(a)(2); you are not barred.', 'en')).toEqual(['qualif', 'barred', 'INA']);
    expect(forbiddenIn('Usted califica; es elegible y no necesita un perdón.', 'es')).toEqual(['calific', 'elegib', 'perdón']);
    // School grades (calificaciones) are no outcome.
    expect(forbiddenIn('Traiga sus boletas de calificaciones.', 'es')).toEqual([]);
  });

  it.each(caseFixtures.map((fixture) => fixture.name))('case %s, in every language and format', (name) => {
    const { report, caseFile } = screenedCases.get(name)!;
    for (const language of Object.keys(FORBIDDEN)) {
      for (const format of ['text', 'markdown', 'html'] as const) {
        expect(forbiddenIn(renderClientSummary(report, { language, format, width: 80, caseFile }), language)).toEqual([]);
      }
    }
  });

  // Every boundary variant, in text: the variants reach the questions and list items the cases do
  // not. Screened without settling by cases, which only narrows the question list and is the
  // slow part; the summary words its questions the same way either way.
  const quick = new Screener(packs, { settle: false });
  it.each(loadBoundaryFixtures().map(({ file, variants }) => [file, variants] as const))('boundary variants of %s', async (_file, variants) => {
    for (const variant of variants) {
      const { report, caseFile } = await screenFixture(quick, variant);
      for (const language of Object.keys(FORBIDDEN)) {
        const found = forbiddenIn(renderClientSummary(report, { language, format: 'text', width: 80, caseFile }), language);
        expect({ variant: variant.name, language, found }).toEqual({ variant: variant.name, language, found: [] });
      }
    }
  });
});

describe('reading level', () => {
  const text = (name: string, language: string) => {
    const { report, caseFile } = screenedCases.get(name)!;
    return sentencesOfText(renderClientSummary(report, { language, format: 'text', width: 80, caseFile }));
  };
  const measured = ['claudia', ...caseFixtures.map((fixture) => fixture.name).filter((name) => name.endsWith('-baseline'))];

  it('the measures tell legal prose from plain words (the check itself)', () => {
    const legal = sentencesOfText(
      'An alien who has been convicted of a crime involving moral turpitude is inadmissible unless the offense was committed before the alien attained eighteen years of age and more than five years before the application.',
    );
    expect(fleschKincaidGrade(legal)).toBeGreaterThan(12);
    expect(fleschKincaidGrade(sentencesOfText('We will call you. Bring your papers.'))).toBeLessThan(3);
    const legalSpanish = sentencesOfText(
      'El extranjero que haya sido condenado por un delito que implique depravación moral será considerado inadmisible, salvo que el delito se haya cometido antes de que cumpliera dieciocho años de edad y más de cinco años antes de la solicitud.',
    );
    expect(fernandezHuerta(legalSpanish)).toBeLessThan(60);
    expect(fernandezHuerta(sentencesOfText('Le vamos a llamar. Traiga sus papeles.'))).toBeGreaterThan(90);
  });

  it.each(measured)('English summary of %s is at grade 8.5 or below (Flesch-Kincaid)', (name) => {
    expect(fleschKincaidGrade(text(name, 'en'))).toBeLessThanOrEqual(8.5);
  });

  it.each(measured)('Spanish summary of %s scores 70 or more (Fernández-Huerta)', (name) => {
    expect(fernandezHuerta(text(name, 'es'))).toBeGreaterThanOrEqual(70);
  });
});
