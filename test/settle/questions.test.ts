/**
 * The case's questions (report.questions): one list, each fact once, asked only where some answer
 * could change an open result (or, marked not decisive, a factor), and the programs' missing lists
 * consistent with it.
 */
import { describe, expect, it } from '@jest/globals';
import { join } from 'node:path';
import { parseExactDate } from '../../src/case/dates.js';
import { CaseFile } from '../../src/case/schema.js';
import { applyWhatIfs } from '../../src/case/what-if.js';
import { Screener, type Screening } from '../../src/app/screen.js';
import { loadRulePacks } from '../../src/packs/load.js';
import { FIXTURES_DIR, loadCaseFixtures } from '../support/fixtures.js';

const screener = new Screener(await loadRulePacks());
const fixtures = new Map(loadCaseFixtures().map((f) => [f.name, f.caseValue]));

async function screen(caseValue: unknown): Promise<Screening> {
  const screeningDay = parseExactDate((caseValue as { screeningDate: string }).screeningDate);
  return screener.screen(CaseFile.parse(caseValue), { screeningDay, source: join(FIXTURES_DIR, 'cases') });
}

describe('the questions to ask next', () => {
  it('Ramos (no abuse, no trafficking) is asked nothing about abuse or trafficking', async () => {
    for (const name of ['ramos', 'ramos-1325', 'ramos-1326']) {
      const report = await screen(fixtures.get(name));
      expect(report.questions.map((q) => q.field).filter((f) => /^(abuse|trafficking)\./.test(f))).toEqual([]);
    }
  });

  it("Claudia's report asks each fact once, the maximum penalty among them", async () => {
    const report = await screen(fixtures.get('claudia'));
    const fields = report.questions.map((q) => q.field);
    expect(new Set(fields).size).toBe(fields.length);
    expect(fields.filter((f) => f.endsWith('maximumPenaltyDays'))).toEqual(['criminalHistory.convictions[0].maximumPenaltyDays']);
  });

  it('after "No" to trafficking, no trafficking detail is asked', async () => {
    const report = await screen(applyWhatIfs(fixtures.get('daca-baseline'), [{ path: 'trafficking.occurred', value: false }]));
    expect(report.programs.find((p) => p.program === 't-visa')!.outcome).toBe('barred');
    // Whether the client trafficked others is a bar of its own for other programs, not a detail of the client's trafficking.
    expect(report.questions.map((q) => q.field).filter((f) => f.startsWith('trafficking.') && f !== 'trafficking.traffickedOthers')).toEqual([]);
  });

  it('a settled program asks nothing decisive, and every program lists only the case questions that name it', async () => {
    for (const [name, caseValue] of fixtures) {
      const report = await screen(caseValue);
      for (const program of report.programs) {
        const settled = program.outcome !== 'not_enough_information' && !(program.undetermined ?? []).length;
        const named = report.questions.filter((q) => q.programs.includes(program.program));
        expect({ name, program: program.program, missing: program.missing.map((m) => [m.field, m.decisive]) }).toEqual({ name, program: program.program, missing: named.map((q) => [q.field, q.decisive]) });
        if (settled) expect({ name, program: program.program, decisive: program.missing.filter((m) => m.decisive) }).toEqual({ name, program: program.program, decisive: [] });
      }
    }
  });

  it('ranks the questions by how many open results they could settle, decisive ones first', async () => {
    const report = await screen(fixtures.get('daca-baseline'));
    const decisive = report.questions.map((q) => q.decisive);
    expect(decisive).toEqual([...decisive].sort((a, b) => Number(b) - Number(a)));
    // daca-baseline leaves open the T visa and both VAWA programs: abuse.occurred reaches two of them.
    const first = report.questions[0]!;
    expect(first.decisive).toBe(true);
    expect(first.programs.length).toBeGreaterThan(1);
  });
});
