/**
 * What the batch found, for stderr: counts per program and result, and the triage list: cases
 * that need an attorney's review and cases with a possible bar first, then the inputs that could
 * not be screened. Each list keeps only its first entries, so memory stays flat however many cases.
 * An entry quotes the input (case id, file name, what was wrong with it): each is made inert, one
 * line, and the case id bounded, so no input can retitle, clear or flood a terminal.
 */
import Table from 'cli-table3';
import { describeIssue } from '../case/load.js';
import { echo, inert } from '../text/inert.js';
import type { LoadedPack } from '../packs/load.js';
import { UNDETERMINED } from './formats.js';
import { describeOrigin } from './screen-case.js';
import type { BatchRecord, ScreenedRecord } from './records.js';

type TriageKey = 'reviewAndBar' | 'review' | 'bar' | 'error';

interface TriageGroup {
  title: string;
  count: number;
  shown: string[];
}

export class Tally {
  total = 0;
  screened = 0;
  errors = 0;
  /** program -> result label -> cases */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly triage: Record<TriageKey, TriageGroup> = {
    reviewAndBar: { title: 'Needs attorney review, with a possible bar', count: 0, shown: [] },
    review: { title: 'Needs attorney review', count: 0, shown: [] },
    bar: { title: 'Possible bar', count: 0, shown: [] },
    error: { title: 'Could not be screened (fix the input and run again)', count: 0, shown: [] },
  };

  constructor(
    private readonly packs: readonly LoadedPack[],
    private readonly triageLimit: number,
  ) {}

  add(record: BatchRecord): void {
    this.total++;
    if (record.status === 'error') {
      this.errors++;
      this.list('error', `${this.label(record)}: ${record.errors.map(describeIssue).join('; ')}`);
      return;
    }
    this.screened++;
    for (const program of record.programs) {
      const results = program.outcome ? [program.outcome] : Object.entries(program.classifications ?? {}).map(([field, value]) => `${field} ${value ?? UNDETERMINED}`);
      if (program.needsReview) results.push('needs review');
      for (const result of results) this.count(program.program, result);
    }
    const bars = record.programs.flatMap((p) => p.bars.map((bar) => `${p.program} ${bar}`));
    if (!record.needsReview && bars.length === 0) return;
    const group = record.needsReview ? (bars.length ? 'reviewAndBar' : 'review') : 'bar';
    this.list(group, `${this.label(record)}: ${this.describe(record, bars)}`);
  }

  private label(record: BatchRecord): string {
    return `#${record.index} ${describeOrigin(record)}${record.caseId ? ` (${echo(record.caseId)})` : ''}`;
  }

  private describe(record: ScreenedRecord, bars: string[]): string {
    const review = record.programs.filter((p) => p.review.length).map((p) => `${p.program}: ${p.review.join(', ')}`);
    return [bars.length ? `bars: ${bars.join('; ')}` : '', review.length ? `review: ${review.join('; ')}` : ''].filter(Boolean).join(' | ');
  }

  private count(program: string, result: string): void {
    const byResult = this.counts.get(program) ?? new Map<string, number>();
    byResult.set(result, (byResult.get(result) ?? 0) + 1);
    this.counts.set(program, byResult);
  }

  private list(group: TriageKey, entry: string): void {
    const target = this.triage[group];
    target.count++;
    if (target.shown.length < this.triageLimit) target.shown.push(inert(entry));
  }

  render(): string {
    const lines = [`relief batch: ${this.total} case${this.total === 1 ? '' : 's'}: ${this.screened} screened, ${this.errors} could not be screened`];
    // cli-table3 colours its head and borders even into a pipe: switch its styles off.
    const table = new Table({ head: ['program', 'result', 'cases'], style: { head: [], border: [] }, chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' } });
    for (const { pack } of this.packs) {
      const byResult = this.counts.get(pack.program);
      for (const [result, cases] of [...(byResult ?? [])].sort(([a], [b]) => a.localeCompare(b))) table.push([pack.program, inert(result), cases]);
    }
    if (table.length) lines.push(table.toString());
    lines.push('Triage:');
    for (const group of Object.values(this.triage)) {
      if (group.count === 0) continue;
      lines.push(`  ${group.title}: ${group.count}`);
      for (const entry of group.shown) lines.push(`    - ${entry}`);
      if (group.count > group.shown.length) lines.push(`    … and ${group.count - group.shown.length} more (see the batch output)`);
    }
    if (Object.values(this.triage).every((group) => group.count === 0)) lines.push('  nothing needs attention first');
    return `${lines.join('\n')}\n`;
  }
}
