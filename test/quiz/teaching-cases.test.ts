/** The bundled teaching cases and their notes, and a case's facts as the quiz shows them. */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { InputError, validateCase } from '../../src/case/load.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { caseFacts } from '../../src/quiz/case-facts.js';
import { noteFor, teachingCases } from '../../src/quiz/teaching-cases.js';
import { FIXTURES_DIR, loadCaseFixtures } from '../support/fixtures.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-quiz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the bundled teaching cases', () => {
  const bundled = teachingCases();
  it('are every case of fixtures/teaching, each with a note that names loaded programs', async () => {
    const programs = (await loadRulePacks()).packs.map((loaded) => loaded.pack.program);
    expect(bundled.map((c) => c.name).sort()).toEqual(loadCaseFixtures('teaching').map((f) => f.name));
    expect(bundled.map((c) => c.note.title)).toEqual(bundled.map((c) => c.note.title).sort((a, b) => a.localeCompare(b, 'en')));
    for (const { note } of bundled) expect(programs).toEqual(expect.arrayContaining(note.programs));
  });

  it('cover the seed documents\' questions: the plea, Claudia under VAWA and the T visa, a DACA age line, a Morton level', () => {
    const asked = new Map(bundled.map((c) => [c.name, c.note.programs]));
    expect(asked.get('plea-1326')).toEqual(expect.arrayContaining(['daca', 's744-rpi', 'morton']));
    expect(asked.get('plea-1325')).toEqual(expect.arrayContaining(['daca', 's744-rpi', 'morton']));
    expect(asked.get('claudia')).toEqual(expect.arrayContaining(['vawa-cancellation', 't-visa']));
    expect(asked.get('twin-born-1981-06-15')).toContain('daca');
    expect(asked.get('twin-born-1981-06-16')).toContain('daca');
    expect(asked.get('massachusetts-misdemeanor')).toContain('morton');
  });

  it('a case file with no note beside it (fixtures/cases) has none', () => {
    expect(noteFor(join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'))).toBeUndefined();
    expect(noteFor(join(scratch, 'nothing-beside.case.yaml'))).toBeUndefined();
  });

  it('a note missing its point is refused, naming the file and the field', () => {
    writeFileSync(join(scratch, 'broken.case.yaml'), 'caseId: broken\n');
    writeFileSync(join(scratch, 'broken.expected.yaml'), 'teaching: { title: T, about: A, question: Q, programs: [daca] }\nprograms: {}\n');
    expect(() => noteFor(join(scratch, 'broken.case.yaml'))).toThrow(InputError);
    expect(() => noteFor(join(scratch, 'broken.case.yaml'))).toThrow(/broken\.expected\.yaml: teaching\.point: /);
  });
});

describe('the facts the quiz shows', () => {
  it("lists Claudia's facts by section as path: value, without the file's comments", () => {
    const fixture = loadCaseFixtures('teaching').find((f) => f.name === 'claudia')!;
    const sections = caseFacts(validateCase(fixture.caseValue, fixture.file));
    const text = sections.map((s) => `${s.title}\n${s.lines.join('\n')}`).join('\n');
    expect(sections.map((s) => s.title)).toEqual(expect.arrayContaining(['Who the client is', 'Entries and status', 'Convictions', 'Family and equities', 'Abuse', 'Trafficking']));
    expect(text).toContain('entries[0].date: 1993/1997');
    expect(text).toContain('criminalHistory.convictions[0].statute: Ariz. Rev. Stat. 13-2312(B), facilitation (13-1004)');
    expect(text).toContain('abuse.abuser.status: us_citizen');
    expect(text).toContain('trafficking.means: force, fraud, coercion');
    expect(text).not.toContain('[INF]');
  });

  it('shows text from the case inert', () => {
    const caseFile = validateCase(parse('caseId: "x\\u001b]0;owned\\u0007"\nperson: { name: "a\\u001b[2Jb" }\n'), 'hostile');
    const text = caseFacts(caseFile).flatMap((s) => s.lines).join('\n');
    expect(text).not.toContain('\u001b');
    expect(text).toContain('person.name: a\\x1b[2Jb');
  });
});
