import { describe, expect, it } from '@jest/globals';
import { parseExactDate } from '../../src/case/dates.js';
import { loadRulePacks, rulePacksOn } from '../../src/packs/load.js';

/** Provisions the law added later: a dated yes/no parameter, read through the lawInForce calculator. */
describe('a provision in force from the Act that added it', () => {
  it('is closed the day before the Act and open from its day, each side citing its own law', async () => {
    const rulePacks = await loadRulePacks();
    const fact = (program: string, name: string, date: string) =>
      rulePacksOn(rulePacks, parseExactDate(date), 'case').packs.find((p) => p.pack.program === program)!.facts.get(name)!;
    const cases: [string, string, string, string, string][] = [
      ['t-visa', 'traumaExceptionInForce', '2008-12-22', '2008-12-23', 'TVPRA 2008'],
      ['vawa-self-petition', 'abusedParentPetitionInForce', '2006-01-04', '2006-01-05', 'VAWA 2005'],
      ['vawa-self-petition', 'lateChildFilingInForce', '2006-01-04', '2006-01-05', 'VAWA 2005'],
    ];
    for (const [program, name, before, on, act] of cases) {
      const closed = fact(program, name, before);
      const open = fact(program, name, on);
      expect(closed.calculatorName).toBe('lawInForce');
      expect((closed.params as { inForce: boolean }).inForce).toBe(false);
      expect((open.params as { inForce: boolean }).inForce).toBe(true);
      expect(open.parameters).toEqual([expect.objectContaining({ inForceFrom: on, citation: expect.stringContaining(act) })]);
      expect(closed.parameters[0]!.citation).not.toContain(act);
    }
  });
});
