/**
 * What the batch found, for stderr: counts per program and result, and the triage: the clients
 * ranked by what to do next (triage.ts): eligible for a program (which), one or two questions from
 * a result (which), not eligible anywhere with nothing open (the bars that count), open (more
 * questions, or a question of law), then the inputs that could not be screened. Every input is
 * counted in exactly one group. Each group lists its first entries by rank, then input order, and
 * keeps only those, so memory stays flat however many cases. An entry quotes the input (case id,
 * file name, what was wrong with it) but never the client's name (the screen may be shared): each
 * is made inert, one line, and the case id bounded, so no input can retitle, clear or flood a terminal.
 */
import Table from 'cli-table3';
import { describeIssue } from '../case/load.js';
import { echo, inert } from '../text/inert.js';
import type { LoadedPack } from '../packs/load.js';
import { NOT_IN_FORCE, UNDETERMINED } from './formats.js';
import { describeOrigin } from './screen-case.js';
import { barsThatCount, type BatchRecord, type ScreenedRecord } from './records.js';
import type { TriageGroup } from './triage.js';
import { percent } from '../text/numbers.js';

interface ListedGroup {
  title: string;
  count: number;
  /** The first entries by (rank, index), at most the triage limit. */
  shown: { rank: number; index: number; text: string }[];
}

const TITLES: Record<TriageGroup, string> = {
  eligible: 'Eligible for a program (ready to file first: no waiver, no review point)',
  questions: 'One or two questions from a result (ask them next)',
  barred: 'Not eligible anywhere, nothing open (the bars that count)',
  open: 'Open: more questions to ask, or a question of law for an attorney',
  error: 'Could not be screened (fix the input and run again)',
};

export class Tally {
  total = 0;
  screened = 0;
  errors = 0;
  /** program -> result label -> cases */
  private readonly counts = new Map<string, Map<string, number>>();
  private readonly triage = Object.fromEntries(Object.entries(TITLES).map(([group, title]) => [group, { title, count: 0, shown: [] }])) as unknown as Record<TriageGroup, ListedGroup>;

  constructor(
    private readonly packs: readonly LoadedPack[],
    private readonly triageLimit: number,
  ) {}

  add(record: BatchRecord): void {
    this.total++;
    if (record.status === 'error') {
      this.errors++;
      this.list(record, record.errors.map(describeIssue).join('; '));
      return;
    }
    this.screened++;
    for (const program of record.programs) {
      const results = program.outcome ? [program.outcome] : Object.entries(program.classifications ?? {}).map(([field, value]) => `${field} ${value ?? UNDETERMINED}`);
      if (program.needsReview) results.push('needs review');
      for (const result of results) this.count(program.program, result);
    }
    for (const entry of record.notInForce) this.count(entry.program, NOT_IN_FORCE);
    this.list(record, this.describe(record));
  }

  private label(record: BatchRecord): string {
    return `#${record.index} ${describeOrigin(record)}${record.caseId ? ` (${echo(record.caseId)})` : ''}`;
  }

  /** What the group asks of this client: programs, questions, bars; and which programs raise a review point. */
  private describe(record: ScreenedRecord): string {
    const programs = (outcome: string) => record.programs.filter((p) => p.outcome === outcome).map((p) => p.program);
    let what: string;
    switch (record.triage) {
      case 'eligible': {
        const plain = programs('eligible');
        const waiver = record.programs.filter((p) => p.outcome === 'eligible_with_waiver').map((p) => `${p.program} (${p.reason})`);
        what = [plain.length ? `eligible: ${plain.join(', ')}` : '', waiver.length ? `eligible with a waiver: ${waiver.join(', ')}` : ''].filter(Boolean).join('; ');
        break;
      }
      case 'questions': {
        // Ranks 3 and 4: one and two questions away; nextQuestions lists first those of the first program so near.
        const away = record.triageRank - 2;
        const near = record.programs.filter((p) => p.decisiveQuestions === away).map((p) => p.program);
        what = `ask: ${record.nextQuestions.slice(0, away).join(', ')} | ${away === 1 ? 'one question' : 'two questions'} from a result: ${near.join(', ')}`;
        break;
      }
      case 'barred': {
        const bars = barsThatCount(record).map(({ program, bar }) => `${program} ${bar}`);
        const notMet = record.programs.filter((p) => p.notMet.length).map((p) => p.program);
        what = [bars.length ? `bars: ${bars.join('; ')}` : '', notMet.length ? `not met: ${notMet.join(', ')}` : ''].filter(Boolean).join(' | ');
        break;
      }
      default: {
        const open = record.programs.filter((p) => p.decisiveQuestions !== undefined).map((p) => p.program);
        what = `open: ${open.join(', ')}${record.nextQuestions.length ? ` (first questions: ${record.nextQuestions.join(', ')})` : ' (no case fact settles it)'}`;
      }
    }
    const review = record.programs.filter((p) => p.needsReview).map((p) => p.program);
    return review.length ? `${what} | review: ${review.join(', ')}` : what;
  }

  private count(program: string, result: string): void {
    const byResult = this.counts.get(program) ?? new Map<string, number>();
    byResult.set(result, (byResult.get(result) ?? 0) + 1);
    this.counts.set(program, byResult);
  }

  private list(record: BatchRecord, what: string): void {
    const group = this.triage[record.triage];
    group.count++;
    const { triageRank: rank, index } = record;
    const shown = group.shown;
    const at = shown.findIndex((entry) => rank < entry.rank || (rank === entry.rank && index < entry.index));
    if (at < 0 && shown.length >= this.triageLimit) return;
    shown.splice(at < 0 ? shown.length : at, 0, { rank, index, text: inert(`${this.label(record)}: ${what}`) });
    if (shown.length > this.triageLimit) shown.pop();
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
    lines.push('Triage, by what to do next:');
    for (const group of Object.values(this.triage)) {
      if (group.count === 0) continue;
      lines.push(`  ${group.title}: ${group.count} (${percent(group.count, this.total)})`);
      for (const entry of group.shown) lines.push(`    - ${entry.text}`);
      if (group.count > group.shown.length) lines.push(`    … and ${group.count - group.shown.length} more (see the batch output: sort it by triageRank)`);
    }
    return `${lines.join('\n')}\n`;
  }
}
