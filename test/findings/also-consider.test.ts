/**
 * "Also consider" (findings/also-consider.ts): a pack's entry names another program only when its
 * condition holds, never when it is unknown or false, and with `whenOutcome` only when the
 * program's outcome is one listed. Every format shows one line per entry under its program, with the
 * target's result when the same report screened it; the batch record lists the targets by id.
 * Over the VAWA baseline (fixtures/cases/vawa-baseline): VAWA cancellation points a client not in
 * removal proceedings at the self-petition; a barred self-petition points a client in proceedings
 * at VAWA cancellation.
 */
import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../src/app/screen.js';
import { summarizeProgram } from '../../src/batch/records.js';
import { renderHtml } from '../../src/render/html.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderText } from '../../src/render/text.js';
import { screenNamedFixture } from '../support/screened.js';

const vawa = (change: (caseValue: Record<string, any>) => void) => screenNamedFixture('vawa-baseline', change);
const program = (report: Report, id: string) => report.programs.find((p) => p.program === id)!;
const targets = (report: Report, id: string) => program(report, id).alsoConsider.map((item) => item.program);
const text = (report: Report, explain = false) => renderText(report, { color: false, detail: false, explain, width: 400 });

describe('also consider: three-valued conditions', () => {
  it('names the other program when the condition holds, with its title, reason, citation and the condition that held', async () => {
    const report = await vawa((c) => (c.removal.inProceedings = false));
    const [item] = program(report, 'vawa-cancellation').alsoConsider;
    expect(item).toMatchObject({ program: 'vawa-self-petition', title: 'VAWA self-petition', entry: 'vawa-self-petition-outside-proceedings' });
    expect(item!.reason).toMatch(/only in removal proceedings/);
    expect(item!.citation).toMatch(/^INA 204\(a\)\(1\)/);
    expect(item!.citations[0]!.source).toBe('INA');
    expect(item!.conditions.status).toBe('applies');
    // Its sources join the program's full references.
    expect(program(report, 'vawa-cancellation').sources!.some((source) => source.id === 'INA')).toBe(true);
  });

  it('names nothing when the condition fails', async () => {
    const report = await vawa(() => undefined);
    expect(targets(report, 'vawa-cancellation')).not.toContain('vawa-self-petition');
  });

  it('names nothing when the condition is unknown: a pointer is not raised on a fact not yet asked', async () => {
    const report = await vawa((c) => delete c.removal.inProceedings);
    expect(targets(report, 'vawa-cancellation')).not.toContain('vawa-self-petition');
    // The question is not asked for the pointer's sake: no rule of the program is left waiting on it.
    expect(program(report, 'vawa-cancellation').outcome).toBe('eligible');
  });

  it('with whenOutcome, names the program only when the outcome is one listed', async () => {
    // An unmarried parent of a child battered by the child's citizen father: the self-petition is
    // barred (no qualifying relationship), VAWA cancellation reaches the parent (240A(b)(2)(A)(i)(III)).
    const unmarried = (c: Record<string, any>) => {
      c.abuse.abuser.relationship = 'other_parent_of_clients_child';
      c.abuse.victims = ['child'];
      delete c.abuse.marriageDate;
      delete c.abuse.goodFaithMarriage;
    };
    const barred = await vawa(unmarried);
    expect(program(barred, 'vawa-self-petition').outcome).toBe('barred');
    expect(targets(barred, 'vawa-self-petition')).toContain('vawa-cancellation');
    // The same facts with an eligible self-petition (a married, battered client): the entry stays silent.
    const eligible = await vawa(() => undefined);
    expect(program(eligible, 'vawa-self-petition').outcome).toBe('eligible');
    expect(targets(eligible, 'vawa-self-petition')).not.toContain('vawa-cancellation');
  });
});

describe('also consider: the law in force on the screening date', () => {
  // The VAWA case screened in 1999 (fixtures/cases/vawa-1999), before the U visa (VTVPA 2000).
  const victim = (screeningDate: string) =>
    screenNamedFixture('vawa-1999', (c) => {
      c.screeningDate = screeningDate;
      c.crimeVictimization = { occurred: true, crimes: ['felonious_assault'] };
    });

  it('points at a program only when its law is in force, and a pointer does not date the program that holds it', async () => {
    const before = await victim('1999-06-01');
    // DACA's pointer reads the U visa's list of crimes, whose first value is the VTVPA 2000's: DACA
    // is still screened in 1999 (its own rules hold no later law), and points at no U visa.
    expect(before.notInForce.map((entry) => entry.program)).toEqual(['t-visa', 'u-visa']);
    expect(targets(before, 'daca')).not.toContain('u-visa');
    const after = await victim('2000-10-28');
    expect(after.notInForce).toEqual([]);
    expect(targets(after, 'daca')).toContain('u-visa');
  });
});

describe('also consider: in every format', () => {
  it('one line under the program, with the target\'s result in this report', async () => {
    const report = await vawa((c) => (c.removal.inProceedings = false));
    const line = text(report).split('\n').find((l) => l.includes('Also consider: VAWA self-petition'))!;
    expect(line).toMatch(/^ {2}Also consider: VAWA self-petition \(in this report: ELIGIBLE\): Cancellation is granted only in removal proceedings.* \(INA 204\(a\)\(1\)/);
    expect(renderMarkdown(report)).toMatch(/\*\*Also consider:\*\* VAWA self-petition \(in this report: ELIGIBLE\): Cancellation .*\*Source: INA 204/);
    expect(renderHtml(report)).toMatch(/<p class="also-consider" data-program="vawa-self-petition"><strong>Also consider:<\/strong> VAWA self-petition \(in this report: ELIGIBLE\): Cancellation .*Source: /);
  });

  it('without the target\'s result when the report did not screen it', async () => {
    const report = await vawa((c) => (c.removal.inProceedings = false));
    const alone = { ...report, programs: [program(report, 'vawa-cancellation')] };
    expect(text(alone)).toMatch(/Also consider: VAWA self-petition: Cancellation/);
  });

  it('--explain shows the condition that named it', async () => {
    const report = await vawa((c) => (c.removal.inProceedings = false));
    const explained = text(report, true);
    expect(explained).toMatch(/also consider · vawa-self-petition-outside-proceedings · INA 204/);
    expect(explained).toMatch(/ALL OF \(also consider vawa-self-petition\): met/);
    expect(explained).toMatch(/NOT: met\n +\[no\] in removal proceedings now \(inProceedings = false\)/);
  });

  it('the batch record lists the targets by id', async () => {
    const report = await vawa((c) => (c.removal.inProceedings = false));
    expect(summarizeProgram(program(report, 'vawa-cancellation'), undefined).alsoConsider).toEqual(['vawa-self-petition']);
    expect(summarizeProgram(program(report, 'vawa-self-petition'), undefined).alsoConsider).toEqual([]);
  });
});
