/** A hand-made finding for tests of what is decided from findings (outcome.ts, view.ts). */
import type { Finding } from '../../src/findings/program-result.js';

export const finding = (rule: string, kind: Finding['kind'], status: Finding['status'], extra: Partial<Finding> = {}): Finding => ({
  rule,
  name: `the ${rule}`,
  kind,
  status,
  citation: 'c',
  citations: [{ source: 'c' }],
  explanation: 'e',
  facts: [],
  conditions: { label: rule, status },
  ...extra,
});
