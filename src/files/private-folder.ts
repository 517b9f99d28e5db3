/**
 * A folder the tool fills with files whose names hold case ids (the batch reports): created
 * owner-only (0700), checked before any work is done. A folder that already exists keeps its mode:
 * the user made it and may share it on purpose (a clinic's group folder), and changing the mode of
 * a folder we did not create is not ours to do; the caller warns when it is open to others. The
 * files in it are 0600 in any case.
 */
import { constants } from 'node:fs';
import { access, chmod, mkdir, stat } from 'node:fs/promises';
import { OutputPathError, codeOf } from './output-path.js';

const PRIVATE_FOLDER = 0o700;

export interface PreparedFolder {
  created: boolean;
  /** The permission bits of the folder (0700 when created here). */
  mode: number;
}

export async function preparePrivateFolder(path: string): Promise<PreparedFolder> {
  let created: string | undefined;
  try {
    created = await mkdir(path, { recursive: true, mode: PRIVATE_FOLDER });
  } catch (error) {
    const code = codeOf(error);
    throw new OutputPathError(path, code, code === 'EEXIST' || code === 'ENOTDIR' ? 'it, or a folder above it, is a file, not a folder' : 'the folder cannot be created');
  }
  if (created !== undefined) await chmod(path, PRIVATE_FOLDER); // the mode given to mkdir is filtered by the umask
  const info = await stat(path);
  await access(path, constants.W_OK | constants.X_OK).catch(() => {
    throw new OutputPathError(path, 'EACCES', 'no permission to create files in it');
  });
  return { created: created !== undefined, mode: info.mode & 0o777 };
}
