/**
 * Temporary files, written beside their target and renamed over it (see atomic.ts).
 *
 * - The name is `.<target>.relief-<pid>-<16 hex>.tmp`: random (crypto), so no one can plant a link
 *   where it will be, and opened with exclusive create ('wx': O_CREAT|O_EXCL), which fails rather
 *   than follow a link or reuse a file someone put there. Mode 0600 from the first byte.
 * - Every live temporary is registered. A thread removes its own on every error path; on SIGINT,
 *   SIGTERM or SIGHUP the main thread waits (briefly) for temporaries being written by worker
 *   threads (batch reports) to be renamed or removed, removes its own, and dies by the signal.
 * - Other things to undo on such a stop (a private folder, a browser printing into it) register
 *   with undoIfStopped.
 * - SIGKILL (or a power cut) leaves one behind, in the target's folder. The name proves it ours:
 *   the next write into that folder removes every such name that is a regular file of the same
 *   owner whose process is no longer running.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { lstat, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isMainThread } from 'node:worker_threads';
import { NAME_MAX, fitName } from './names.js';

const PRIVATE = 0o600;
const MARK = 'relief';
const RANDOM_BYTES = 8;
/** Room kept for the pid whatever its width (Linux pids have at most 7 digits), so a target always gets the same stem. */
const PID_DIGITS = 10;
const FIXED_PART = `..${MARK}--.tmp`.length + PID_DIGITS + 2 * RANDOM_BYTES;
const OURS = new RegExp(`^\\..*\\.${MARK}-(\\d{1,${PID_DIGITS}})-[0-9a-f]{${2 * RANDOM_BYTES}}\\.tmp$`, 'su');

function temporaryName(targetName: string): string {
  return `.${fitName(targetName, '', NAME_MAX - FIXED_PART)}.${MARK}-${process.pid}-${randomBytes(RANDOM_BYTES).toString('hex')}.tmp`;
}

/** Temporaries of this thread not yet renamed or removed. */
const live = new Set<string>();

/**
 * Shared by every thread of the process (worker threads adopt the main thread's buffer): [0] is set
 * once the process is being stopped, [1] counts temporaries open in worker threads.
 */
const STOPPING = 0;
const IN_WORKERS = 1;
let shared = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
/** How long an interrupted process waits for worker threads to finish the temporaries they are writing. */
const WORKER_GRACE_MS = 2000;

/** The buffer to hand to worker threads that write temporaries (see adoptStopSignal). */
export function stopSignalForWorkers(): SharedArrayBuffer {
  watchSignals();
  return shared.buffer as SharedArrayBuffer;
}

/** In a worker thread: share the main thread's stop flag and count of temporaries being written. */
export function adoptStopSignal(buffer: SharedArrayBuffer): void {
  shared = new Int32Array(buffer);
}

/**
 * Removes every temporary of this process now, synchronously: for a signal handler or an exit in
 * a hurry. Worker threads start no new temporary after this, and the ones they are writing get a
 * short grace to be renamed or removed.
 */
export function removeTemporariesNow(): void {
  // Last registered first: a browser is stopped before the folder it writes into is removed.
  for (const action of [...stopActions].reverse()) {
    try {
      action();
    } catch {
      // Cleaning up on the way out: one that fails must not keep the others from running.
    }
  }
  stopActions.clear();
  Atomics.store(shared, STOPPING, 1);
  const deadline = Date.now() + WORKER_GRACE_MS;
  for (let open = Atomics.load(shared, IN_WORKERS); open > 0 && Date.now() < deadline; open = Atomics.load(shared, IN_WORKERS)) {
    Atomics.wait(shared, IN_WORKERS, open, deadline - Date.now());
  }
  for (const path of live) rmSync(path, { force: true });
  live.clear();
}

/** What else to undo if the process is stopped now (a temporary folder, a browser printing into it). */
const stopActions = new Set<() => void>();

/**
 * Runs `action` (synchronous) if the process is stopped by SIGINT, SIGTERM or SIGHUP, or ends in a
 * hurry (removeTemporariesNow), before the function returned is called to say it is no longer needed.
 */
export function undoIfStopped(action: () => void): () => void {
  watchSignals();
  stopActions.add(action);
  return () => {
    stopActions.delete(action);
  };
}

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let watching = false;

function onSignal(signal: NodeJS.Signals): void {
  removeTemporariesNow();
  for (const name of SIGNALS) process.off(name, onSignal);
  watching = false;
  process.kill(process.pid, signal); // die by the signal, as without this handler
}

function watchSignals(): void {
  if (watching || !isMainThread) return;
  watching = true;
  for (const name of SIGNALS) process.on(name, onSignal);
}

/** Whether a process with this id is running (as this user or another). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // running, as someone else
  }
}

/**
 * Removes the temporaries in `folder` left by runs that were killed: names of ours, regular files
 * of this user, whose process is gone. With `includingThisProcess`, also this process's own that
 * are not live in this thread: for the main thread once its worker threads have been stopped.
 */
export async function removeStaleTemporaries(folder: string, { includingThisProcess = false } = {}): Promise<void> {
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(OURS.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid)) continue;
    const path = join(folder, name);
    const gone = pid === process.pid ? includingThisProcess && !live.has(path) : !isRunning(pid);
    if (!gone) continue;
    const info = await lstat(path).catch(() => undefined);
    if (info?.isFile() && info.uid === process.getuid?.()) await rm(path, { force: true });
  }
}

const swept = new Set<string>();

/** Each folder is swept of stale temporaries once per thread, at its first temporary. */
async function sweepOnce(folder: string): Promise<void> {
  if (swept.has(folder)) return;
  swept.add(folder);
  await removeStaleTemporaries(folder);
}

/** Counts a worker thread's open temporary, unless the process is being stopped. */
function enter(): void {
  if (isMainThread) return;
  Atomics.add(shared, IN_WORKERS, 1);
  if (Atomics.load(shared, STOPPING)) {
    leave();
    throw new Error('relief is being stopped: no new file is started');
  }
}

function leave(): void {
  if (isMainThread) return;
  Atomics.sub(shared, IN_WORKERS, 1);
  Atomics.notify(shared, IN_WORKERS);
}

/** A temporary file beside `target`, open for writing, that becomes `target` on commit. */
export class Temporary {
  private settled = false;

  private constructor(
    readonly path: string,
    readonly handle: FileHandle,
  ) {}

  static async create(target: string): Promise<Temporary> {
    const folder = dirname(target);
    await sweepOnce(folder);
    watchSignals();
    enter();
    const path = join(folder, temporaryName(basename(target)));
    let handle: FileHandle;
    try {
      handle = await open(path, 'wx', PRIVATE);
    } catch (error) {
      leave(); // nothing was created: whatever is at that name is not ours to remove
      throw error;
    }
    live.add(path);
    const temporary = new Temporary(path, handle);
    try {
      await handle.chmod(PRIVATE); // the mode given to open is filtered by the umask; never wider than 0600
    } catch (error) {
      await temporary.discard();
      throw error;
    }
    return temporary;
  }

  /** Flushes the data to the disk and closes the file (a stream opened with `flush: true` has done both itself). */
  private async close(): Promise<void> {
    if (this.handle.fd === -1) return;
    await this.handle.sync();
    await this.handle.close();
  }

  /** Renames the flushed file over the target: after a crash the target is the old file or the whole new one. */
  async commit(target: string): Promise<void> {
    try {
      await this.close();
      await rename(this.path, target);
    } catch (error) {
      await this.discard();
      throw error;
    }
    this.settle();
  }

  /** Closes and removes the temporary; the target is left as it was. */
  async discard(): Promise<void> {
    if (this.settled) return;
    await this.handle.close().catch(() => undefined); // it may be closed already
    try {
      await rm(this.path, { force: true });
    } finally {
      this.settle();
    }
  }

  private settle(): void {
    this.settled = true;
    live.delete(this.path);
    leave();
  }
}
