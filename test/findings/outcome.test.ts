/** The outcome rules by kind, including the waiver paths no bundled pack exercises yet. */
import { describe, expect, it } from '@jest/globals';
import { decideOutcome } from '../../src/findings/outcome.js';
import type { Finding } from '../../src/findings/program-result.js';
import { finding as made } from '../support/finding.js';

const finding = (rule: string, kind: Finding['kind'], status: Finding['status'], defeatedBy?: string[]): Finding => made(rule, kind, status, defeatedBy ? { defeatedBy } : {});
const cures: Record<string, string[]> = { waiver: ['bar'] };
const decide = (...findings: Finding[]) => decideOutcome(findings, (rule) => cures[rule] ?? []);
const met = finding('element', 'requirement', 'applies');

describe('outcome', () => {
  it('is eligible when every requirement is met and no bar applies', () => {
    expect(decide(met, finding('bar', 'bar', 'does_not_apply'))).toEqual({ outcome: 'eligible', reasons: [] });
  });
  it('is barred by an unmet requirement even when other facts are unknown', () => {
    expect(decide(finding('element', 'requirement', 'does_not_apply'), finding('bar', 'bar', 'unknown')).outcome).toBe('barred');
  });
  it('is barred by a bar no waiver can cure', () => {
    expect(decide(met, finding('bar', 'bar', 'applies'), finding('waiver', 'waiver', 'does_not_apply'))).toEqual({ outcome: 'barred', reasons: ['BAR:bar'] });
  });
  it('is eligible with a waiver when an applying waiver cures the bar', () => {
    expect(decide(met, finding('bar', 'bar', 'applies', ['waiver']), finding('waiver', 'waiver', 'applies'))).toEqual({ outcome: 'eligible_with_waiver', reasons: ['WAIVER:bar'] });
  });
  it('is open while the only waiver for an applying bar is unknown', () => {
    expect(decide(met, finding('bar', 'bar', 'applies'), finding('waiver', 'waiver', 'unknown'))).toEqual({ outcome: 'not_enough_information', reasons: ['UNKNOWN-WAIVER:bar'] });
  });
  it('is eligible with a waiver when a bar may apply but a waiver that applies would cure it', () => {
    expect(decide(met, finding('bar', 'bar', 'unknown'), finding('waiver', 'waiver', 'applies')).outcome).toBe('eligible_with_waiver');
  });
  it('is open when a requirement or an uncurable bar is unknown', () => {
    expect(decide(finding('element', 'requirement', 'unknown')).outcome).toBe('not_enough_information');
    expect(decide(met, finding('bar', 'bar', 'unknown')).reasons).toEqual(['UNKNOWN:bar']);
  });
});
