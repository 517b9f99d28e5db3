/**
 * Files appear whole or not at all: text is written to a temporary file beside the target and
 * renamed over it (a rename within one folder is atomic), so a reader or a crash never sees half a
 * file. They hold clients' criminal and immigration histories, so only their owner may read them.
 */
import type { WriteStream } from 'node:fs';
import { chmod, open, rename, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { basename, dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

let counter = 0;
const PRIVATE = 0o600;

function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}-${threadId}-${++counter}.tmp`);
}

export async function writeFileAtomic(target: string, text: string): Promise<void> {
  const temporary = temporaryPath(target);
  try {
    await writeFile(temporary, text, { mode: PRIVATE });
    await chmod(temporary, PRIVATE); // the mode above is filtered by the umask; never wider than 0600
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** A file written in pieces with back-pressure, that appears at its path only on commit(). */
export class AtomicFile {
  private constructor(
    readonly target: string,
    private readonly temporary: string,
    private readonly stream: WriteStream,
  ) {}

  /** Fails at once (a missing folder, no permission) rather than after the work is done. */
  static async create(target: string): Promise<AtomicFile> {
    const temporary = temporaryPath(target);
    const handle = await open(temporary, 'w', PRIVATE);
    await handle.chmod(PRIVATE);
    return new AtomicFile(target, temporary, handle.createWriteStream());
  }

  async write(text: string): Promise<void> {
    if (!this.stream.write(text)) await once(this.stream, 'drain');
  }

  async commit(): Promise<void> {
    this.stream.end();
    await once(this.stream, 'finish');
    await rename(this.temporary, this.target);
  }

  async abort(): Promise<void> {
    this.stream.destroy();
    await rm(this.temporary, { force: true });
  }
}
