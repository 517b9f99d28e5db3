/**
 * The one writer of output files (case files, drafts, batch data and reports). They hold clients'
 * criminal and immigration histories: a file the tool creates is readable only by its owner (0600),
 * and it appears whole or not at all: the text goes to a temporary file beside the target
 * (temporary.ts), flushed to the disk and renamed over it, so a reader or a crash never sees half
 * a file. What is renamed over and what is written in place is decided by planOutput
 * (output-path.ts): only a regular file, or a path with nothing there yet, is ever replaced; a
 * device, a FIFO or a descriptor name such as /dev/stdout is written to as it is.
 */
import { constants, type WriteStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { once } from 'node:events';
import { failure, planOutput } from './output-path.js';
import { Temporary } from './temporary.js';

/**
 * Opens a device, FIFO or descriptor name as it is: never created, never truncated (a file behind
 * /dev/stderr is appended to, as by `>>`). Opened before any work, so a failure is an OutputPathError.
 */
function openInPlace(path: string): Promise<FileHandle> {
  return open(path, constants.O_WRONLY | constants.O_APPEND).catch((error: unknown) => {
    throw failure(path, error);
  });
}

export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const plan = await planOutput(target);
  if (plan.how === 'in-place') {
    const handle = await openInPlace(plan.path);
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    return;
  }
  await replaceFileAtomic(plan.path, text);
}

/** Writes `data` to a temporary beside `path` and renames it over `path`: readers see the old file or the new one whole. */
export async function replaceFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temporary = await Temporary.create(path);
  try {
    await temporary.handle.writeFile(data);
  } catch (error) {
    await temporary.discard();
    throw error;
  }
  await temporary.commit(path);
}

/**
 * A file written in pieces with back-pressure. Created before the work starts, so an output that
 * cannot be written is found at once (planOutput's OutputPathError); a replaced file appears at
 * its path only on commit(), while one written in place receives the text as it comes.
 */
export class AtomicFile {
  private constructor(
    private readonly stream: WriteStream,
    private readonly finish: () => Promise<void>,
    private readonly cancel: () => Promise<void>,
  ) {}

  static async create(target: string): Promise<AtomicFile> {
    const plan = await planOutput(target);
    if (plan.how === 'in-place') {
      const handle = await openInPlace(plan.path);
      return new AtomicFile(handle.createWriteStream(), async () => undefined, async () => undefined);
    }
    const temporary = await Temporary.create(plan.path);
    return new AtomicFile(
      temporary.handle.createWriteStream({ flush: true }), // fsync before the stream closes the file
      () => temporary.commit(plan.path),
      () => temporary.discard(),
    );
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'close');
    await this.finish();
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await this.cancel();
  }
}
