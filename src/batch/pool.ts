/**
 * Screening spread over worker threads, each with its own rule engines (one json-rules-engine
 * Engine must not run two cases at once; a thread runs its cases one after another). Items go to
 * the thread with the fewest waiting; results come back by index.
 */
import { Worker } from 'node:worker_threads';
import type { InputItem } from './inputs.js';
import type { BatchRecord } from './records.js';
import type { CaseOptions } from './screen-case.js';

export interface WorkerSetup {
  rulesDir: string;
  options: CaseOptions;
}

/** Messages from a worker: a record, or the message of an error that is relief-screen's own fault. */
export type WorkerReply = { index: number; record: BatchRecord } | { index: number; failure: string };

interface Pending {
  resolve: (record: BatchRecord) => void;
  reject: (error: Error) => void;
}

class ScreeningThread {
  readonly pending = new Map<number, Pending>();
  private readonly worker: Worker;

  constructor(setup: WorkerSetup) {
    this.worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: setup });
    this.worker.on('message', (reply: WorkerReply) => {
      const waiting = this.pending.get(reply.index)!;
      this.pending.delete(reply.index);
      if ('record' in reply) waiting.resolve(reply.record);
      else waiting.reject(new Error(reply.failure));
    });
    this.worker.on('error', (error) => this.failAll(error));
    this.worker.on('exit', (code) => this.failAll(new Error(`a screening thread stopped (exit code ${code})`)));
  }

  screen(item: InputItem, index: number): Promise<BatchRecord> {
    return new Promise((resolve, reject) => {
      this.pending.set(index, { resolve, reject });
      this.worker.postMessage({ item, index });
    });
  }

  private failAll(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async stop(): Promise<void> {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}

export class WorkerPool {
  private readonly threads: ScreeningThread[];

  constructor(size: number, setup: WorkerSetup) {
    this.threads = Array.from({ length: size }, () => new ScreeningThread(setup));
  }

  screen(item: InputItem, index: number): Promise<BatchRecord> {
    const idlest = this.threads.reduce((best, thread) => (thread.pending.size < best.pending.size ? thread : best));
    return idlest.screen(item, index);
  }

  async stop(): Promise<void> {
    await Promise.all(this.threads.map((thread) => thread.stop()));
  }
}
