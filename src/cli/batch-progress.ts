/**
 * The batch's progress bar on a terminal (stderr): cases done of the total, percent, rate and time
 * left, and how many could not be screened. The total comes from a quick count of the inputs
 * (countInputs: lines and CSV records, nothing parsed), run alongside the screening so it never
 * delays it; until it is known, or when it cannot be (an input read once only, such as a FIFO), the
 * bar shows the count done and the rate. Drawn only when stderr is a terminal (the caller decides),
 * so a log file or a pipe never receives it; cleared when the batch ends.
 */
import cliProgress from 'cli-progress';
import { countInputs } from '../batch/inputs.js';
import { count } from '../text/numbers.js';

export interface ProgressState {
  done: number;
  /** The number of inputs, once counted. */
  total: number | undefined;
  /** Whether the count is still running. */
  counting: boolean;
  errors: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

/** A duration as a person reads it on a progress bar: 8s, 3m 05s, 1h 02m. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The bar's one line. The rate is the average since the start: the threads' warm-up makes it err on the slow side. */
export function progressLine(state: ProgressState): string {
  const seconds = state.elapsedMs / 1000;
  const rate = seconds >= 1 && state.done > 0 ? state.done / seconds : undefined;
  const parts: string[] = [];
  if (state.total === undefined) {
    parts.push(`screening ${count(state.done)} case${state.done === 1 ? '' : 's'}${state.counting ? ' (counting the inputs…)' : ''}`);
  } else {
    const total = Math.max(state.total, state.done);
    const fraction = total === 0 ? 1 : state.done / total;
    const filled = Math.round(fraction * BAR_WIDTH);
    parts.push(`screening ${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)} ${Math.floor(fraction * 100)}% ${count(state.done)}/${count(total)} cases`);
  }
  if (rate !== undefined) parts.push(`${count(Math.round(rate))} cases/s`);
  if (rate !== undefined && state.total !== undefined) parts.push(`${duration(Math.max(0, state.total - state.done) / rate)} left`);
  if (state.errors > 0) parts.push(`${count(state.errors)} not screened`);
  return parts.join(' · ');
}

export class BatchProgress {
  private readonly bar: cliProgress.SingleBar;
  private readonly startedAt: number;
  private state: Omit<ProgressState, 'elapsedMs'> = { done: 0, total: undefined, counting: true, errors: 0 };
  private finished = false;
  /** Settles once the count is done (or given up). */
  readonly counted: Promise<void>;

  /** `now`: the clock (tests fix it). */
  constructor(
    stream: NodeJS.WriteStream,
    inputs: readonly string[],
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
    this.bar = new cliProgress.SingleBar({
      stream,
      format: () => progressLine({ ...this.state, elapsedMs: this.now() - this.startedAt }),
      clearOnComplete: true,
      hideCursor: true,
      gracefulExit: false,
    });
    this.bar.start(1, 0);
    this.counted = countInputs(inputs, () => this.finished).then(
      (total) => this.set({ total, counting: false }),
      () => this.set({ counting: false }),
    );
  }

  update(done: number, errors: number): void {
    this.set({ done, errors });
  }

  /** The batch has ended: the count, if still running, is not wanted any more. */
  stop(): void {
    this.finished = true;
    this.bar.stop();
  }

  private set(change: Partial<Omit<ProgressState, 'elapsedMs'>>): void {
    if (this.finished) return;
    this.state = { ...this.state, ...change };
    // The bar draws from this.state; the value only tells cli-progress something changed.
    this.bar.update(this.state.done);
  }
}
