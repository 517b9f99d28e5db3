/**
 * Screening spread over worker threads, each with its own rule engines (one json-rules-engine
 * Engine must not run two cases at once; a thread runs its cases one after another). Items go to
 * the thread with the fewest waiting; results come back by index.
 *
 * Cases travel in chunks and records come back a chunk at a time: a message per case cost each
 * thread a wake-up and a context switch per case, on top of the copy (bench/run.js, --jobs 2).
 * A chunk is sent when it is full or when the main thread has nothing more to add at once (it
 * waits for records or for input), so a slow trickle of cases is never held back.
 *
 * The pool is started before any input is read: every thread loads the rule packs and says it is
 * ready, or the pool fails with the thread's PackError (exit 3) and no case is read. A thread that
 * dies later (a crash, out of memory) is replaced: the case it was screening becomes an error
 * record, and the other cases it had not answered are sent to the new thread, so the batch goes on.
 * Which case it was screening, the thread writes into memory shared with the pool before each one:
 * records held back for the rest of a chunk die with the thread, so "its oldest unanswered case"
 * would not do.
 */
import { Worker } from 'node:worker_threads';
import { PackError } from '../packs/load.js';
import type { InputItem } from './inputs.js';
import type { BatchRecord } from './records.js';
import type { CaseOptions } from './screen-case.js';

export interface WorkerSetup {
  rulesDir: string;
  options: CaseOptions;
}

/** What a thread is started with: the setup, and where it writes the index of the case it is screening. */
export interface ThreadSetup extends WorkerSetup {
  screening: SharedArrayBuffer;
}

/** A case for a thread, by its index in the batch. */
export interface IndexedItem {
  index: number;
  item: InputItem;
}

/** A thread's answer for one case: its record, or the message of an error that is relief-screen's own fault. */
export type Reply = { index: number; record: BatchRecord } | { index: number; failure: string };

/** Messages to a worker: cases to screen, in this order. */
export interface Chunk {
  cases: IndexedItem[];
}

/** Messages from a worker: ready, or why it could not load the packs; then the replies to each chunk. */
export type WorkerMessage =
  | { ready: true }
  | { loadFailure: { file: string; problems: string[] } | { message: string } }
  | { replies: Reply[] };

interface Pending {
  item: InputItem;
  resolve: (record: BatchRecord) => void;
  reject: (error: Error) => void;
}

/**
 * Cases per message. Enough that the per-message cost (a wake-up of each side, the copy's fixed
 * part) is small next to screening them; few enough that a thread's records come back soon and
 * the output, which waits for the earliest case, does not hold the other threads up.
 */
export const CHUNK_SIZE = 8;

const WORKER_SCRIPT = new URL('./worker.js', import.meta.url);

/**
 * A screening thread's young generation, in MiB. Screening makes a steady stream of short-lived
 * objects, and under it V8 grows each thread's young generation to its default cap (48 MiB); at
 * this size a `--jobs 2` batch peaks about 60 MB lower, for no measurable CPU (bench/run.js). Only
 * the young generation is capped, not the heap: what survives moves to the old generation, which
 * keeps its default limit, so no case (a record at the size limit included) can fail for this.
 */
const YOUNG_GENERATION_MB = 12;

function loadError(failure: Extract<WorkerMessage, { loadFailure: unknown }>['loadFailure']): Error {
  return 'file' in failure ? new PackError(failure.file, failure.problems) : new Error(`a screening thread could not start: ${failure.message}`);
}

class ScreeningThread {
  /** The cases given to this thread and not yet answered, oldest first: the thread screens them in this order. */
  readonly pending = new Map<number, Pending>();
  /** Resolves when the packs are loaded; rejects with why they are not. */
  readonly ready: Promise<void>;
  private readonly worker: Worker;
  /** The index of the case the thread is screening (0 before the first), written by the thread. */
  private readonly screening: Int32Array;
  /** Cases given to this thread and not yet sent: the next chunk. */
  private unsent: IndexedItem[] = [];
  private isReady = false;
  private crash: string | undefined;
  private stopping = false;

  constructor(setup: WorkerSetup, script: URL, onDeath: (thread: ScreeningThread, cause: string) => void) {
    const shared = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
    this.screening = new Int32Array(shared);
    const threadSetup: ThreadSetup = { ...setup, screening: shared };
    this.worker = new Worker(script, { workerData: threadSetup, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    let started: () => void;
    let failed: (error: Error) => void;
    this.ready = new Promise<void>((resolve, reject) => {
      started = resolve;
      failed = reject;
    });
    // Whoever waits for `ready` handles its failure; this only keeps it from being unhandled meanwhile.
    this.ready.catch(() => undefined);
    this.worker.on('message', (message: WorkerMessage) => {
      if ('ready' in message) {
        this.isReady = true;
        return started();
      }
      if ('loadFailure' in message) return failed(loadError(message.loadFailure));
      for (const reply of message.replies) {
        const waiting = this.pending.get(reply.index)!;
        this.pending.delete(reply.index);
        if ('record' in reply) waiting.resolve(reply.record);
        else waiting.reject(new Error(reply.failure));
      }
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      this.crash = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'it ran out of memory' : error.message;
    });
    this.worker.on('exit', (code) => {
      if (this.stopping) return;
      const cause = this.crash ?? `exit code ${code}`;
      if (this.isReady) onDeath(this, cause);
      else failed(new Error(`a screening thread stopped while loading the rule packs (${cause})`));
    });
  }

  screen(item: InputItem, index: number): Promise<BatchRecord> {
    return new Promise((resolve, reject) => this.send(index, { item, resolve, reject }));
  }

  send(index: number, pending: Pending): void {
    this.pending.set(index, pending);
    this.unsent.push({ index, item: pending.item });
    if (this.unsent.length >= CHUNK_SIZE) this.flush();
    // After the current run of the event loop: whatever else is given to this thread meanwhile goes in the same chunk.
    else if (this.unsent.length === 1) setImmediate(() => this.flush());
  }

  private flush(): void {
    if (this.unsent.length === 0 || this.stopping) return;
    const chunk: Chunk = { cases: this.unsent };
    this.unsent = [];
    this.worker.postMessage(chunk);
  }

  /**
   * After the thread died: the cases it had not answered, oldest first, and the index of the case it
   * was screening (or had just screened, if it died sending a chunk's records; 0 if none yet).
   * Node delivers a thread's messages before its 'exit', so a case it answered is no longer pending.
   */
  takeUnanswered(): { unanswered: [number, Pending][]; screening: number } {
    const unanswered = [...this.pending];
    this.pending.clear();
    this.unsent = [];
    this.stopping = true;
    return { unanswered, screening: Atomics.load(this.screening, 0) };
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.worker.terminate();
  }
}

export class WorkerPool {
  private readonly threads: ScreeningThread[];
  /** The first thread that failed to load: the batch stops with its error. */
  private failure: Error | undefined;

  /**
   * Starts `size` threads and waits until each has loaded the rule packs. `script` is the worker
   * module; tests give one that wraps worker.ts to make a thread die on a chosen case.
   */
  static async start(size: number, setup: WorkerSetup, script: URL = WORKER_SCRIPT): Promise<WorkerPool> {
    const pool = new WorkerPool(size, setup, script);
    try {
      await Promise.all(pool.threads.map((thread) => thread.ready));
    } catch (error) {
      await pool.stop();
      throw error;
    }
    return pool;
  }

  private constructor(
    size: number,
    private readonly setup: WorkerSetup,
    private readonly script: URL,
  ) {
    this.threads = Array.from({ length: size }, () => this.newThread());
  }

  private newThread(): ScreeningThread {
    return new ScreeningThread(this.setup, this.script, (dead, cause) => this.replace(dead, cause));
  }

  screen(item: InputItem, index: number): Promise<BatchRecord> {
    if (this.failure) return Promise.reject(this.failure);
    const idlest = this.threads.reduce((best, thread) => (thread.pending.size < best.pending.size ? thread : best));
    return idlest.screen(item, index);
  }

  /**
   * The case a dead thread was screening becomes an error record (made by the new thread, so it
   * gets its --out report like any other). The others it had not answered, before it and after
   * it, are sent again: the new thread screens them from the start.
   */
  private replace(dead: ScreeningThread, cause: string): void {
    const { unanswered, screening } = dead.takeUnanswered();
    const thread = this.newThread();
    this.threads[this.threads.indexOf(dead)] = thread;
    thread.ready.catch((error: Error) => {
      // A thread that cannot load the packs mid-batch (they changed, or memory ran out): stop
      // rather than start threads over and over.
      this.failure ??= error;
      for (const [, pending] of thread.pending) pending.reject(error);
      thread.pending.clear();
    });
    for (const [index, pending] of unanswered) {
      if (index !== screening) {
        thread.send(index, pending);
        continue;
      }
      const { origin } = pending.item;
      const problem = `screening this case stopped the screening thread (${cause}); the other cases were screened on a new thread`;
      const { sha256 } = pending.item;
      thread.send(index, { ...pending, item: { kind: 'error', origin, issues: [{ field: null, problem }], ...caseIdOf(pending.item), ...(sha256 ? { sha256 } : {}) } });
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}

/** The case id of an item that has one before it is parsed, for the error record. */
function caseIdOf(item: InputItem): { caseId?: string } {
  if (item.kind === 'error' && item.caseId) return { caseId: item.caseId };
  if (item.kind === 'value' && item.value !== null && typeof item.value === 'object') {
    const caseId = (item.value as { caseId?: unknown }).caseId;
    if (typeof caseId === 'string') return { caseId };
  }
  return {};
}
