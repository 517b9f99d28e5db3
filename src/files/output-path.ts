/**
 * How an output path is written, decided once, before any work is done:
 *
 * - a path that does not exist yet, or a regular file: replaced whole, by a temporary file in the
 *   same folder renamed over it (see atomic.ts);
 * - a symbolic link to a regular file: the file it points to is replaced the same way, in that
 *   file's folder, and the link stays a link (replacing the link itself with a regular file would
 *   silently cut whatever the link was for, e.g. a "latest results" link);
 * - `-` and the names of this process's standard output (/dev/stdout, /dev/fd/1,
 *   /proc/self/fd/1): standard output itself (isStandardOutput), whatever it is (a pipe, a
 *   socket, a terminal, a file); the caller writes there as it would without the option;
 * - anything else (a character device such as /dev/null or a terminal, a FIFO, a socket, a link to
 *   one of those) and any other name for an open file descriptor (/dev/stderr, /dev/fd/N,
 *   /proc/<pid>/fd/N): opened and written to directly, in place, and never replaced; replacing a
 *   device with a regular file, or the file behind a descriptor name, would break it for everyone
 *   else;
 * - a folder, a missing folder, a link to nothing, no permission: an OutputPathError, which the
 *   CLI reports as a usage error before anything is screened.
 */
import { constants } from 'node:fs';
import { access, lstat, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { echo } from '../text/inert.js';

export type OutputPlan =
  /** Replace `path` (the real file, for a symbolic link) with a temporary file renamed over it. */
  | { how: 'replace'; path: string }
  /** Open `path` as it is and write to it. */
  | { how: 'in-place'; path: string };

/** An output path that cannot be written; `code` is the errno name, `reason` says why in words. */
export class OutputPathError extends Error {
  constructor(
    readonly path: string,
    readonly code: string,
    readonly reason: string,
  ) {
    super(`${echo(path)} cannot be written (${code}): ${reason}`);
    this.name = 'OutputPathError';
  }
}

const DESCRIPTOR_NAMES = /^\/(?:dev\/(?:stdout|stderr|fd\/\d+)|proc\/(?:self|thread-self|\d+)\/fd\/\d+)$/;
const OWN_DESCRIPTOR = /^\/(?:dev\/fd\/(\d+)|proc\/(?:self|thread-self|(\d+))\/fd\/(\d+))$/;

/**
 * Whether the path means this process's standard output: written through process.stdout (or the
 * CLI's stdout), never opened by name, since a name for it cannot always be opened (a socket) and
 * would write around the stream's own buffering.
 */
export function isStandardOutput(path: string): boolean {
  if (path === '-' || path === '/dev/stdout') return true;
  const own = OWN_DESCRIPTOR.exec(path);
  return own !== null && (own[2] === undefined || Number(own[2]) === process.pid) && Number(own[1] ?? own[3]) === 1;
}

/** The errno name of a failed file-system call ('EIO' when it has none). */
export function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'EIO';
}

export function failure(path: string, error: unknown): OutputPathError {
  const code = codeOf(error);
  const reasons: Record<string, string> = {
    EACCES: 'no permission',
    EPERM: 'no permission',
    ENAMETOOLONG: 'the name is too long',
    ENOTDIR: 'a part of the path is not a folder',
    ELOOP: 'too many symbolic links',
    EROFS: 'the file system is read-only',
    ENXIO: 'it cannot be opened as a file (a socket?)',
  };
  return new OutputPathError(path, code, reasons[code] ?? 'it cannot be reached');
}

/** A folder a new file can be made in (for the temporary file, and the rename). */
async function checkFolder(path: string, folder: string): Promise<void> {
  const info = await stat(folder).catch((error: unknown) => {
    throw codeOf(error) === 'ENOENT' ? new OutputPathError(path, 'ENOENT', `the folder ${echo(folder)} does not exist`) : failure(path, error);
  });
  if (!info.isDirectory()) throw new OutputPathError(path, 'ENOTDIR', `${echo(folder)} is not a folder`);
  await access(folder, constants.W_OK | constants.X_OK).catch(() => {
    throw new OutputPathError(path, 'EACCES', `no permission to create files in ${echo(folder)}`);
  });
}

async function checkWritable(path: string, file: string): Promise<void> {
  await access(file, constants.W_OK).catch((error: unknown) => {
    throw failure(path, error);
  });
}

export async function planOutput(path: string): Promise<OutputPlan> {
  const entry = await lstat(path).catch((error: unknown) => {
    if (codeOf(error) !== 'ENOENT') throw failure(path, error);
    return undefined;
  });
  if (!entry) {
    await checkFolder(path, dirname(resolve(path)));
    return { how: 'replace', path };
  }
  if (DESCRIPTOR_NAMES.test(resolve(path))) {
    await checkWritable(path, path);
    return { how: 'in-place', path };
  }
  let real = path;
  let info = entry;
  if (entry.isSymbolicLink()) {
    try {
      real = await realpath(path);
      info = await stat(real);
    } catch (error) {
      throw codeOf(error) === 'ENOENT' ? new OutputPathError(path, 'ENOENT', 'it is a symbolic link to nothing') : failure(path, error);
    }
  }
  if (info.isDirectory()) throw new OutputPathError(path, 'EISDIR', 'it is a folder; name a file');
  if (info.isFile()) {
    await checkWritable(path, real);
    await checkFolder(path, dirname(real));
    return { how: 'replace', path: real };
  }
  await checkWritable(path, path);
  return { how: 'in-place', path };
}
