/**
 * File names the tool derives (a case id turned into `<caseId>.case.yaml`, a draft beside its case
 * file, a batch report, a temporary beside its target) must fit in one directory entry: Linux and
 * macOS allow 255 bytes (NAME_MAX), counted in UTF-8, and refuse a longer name with ENAMETOOLONG,
 * which would otherwise surface only after the work is done (a whole interview, a whole batch).
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export const NAME_MAX = 255;

/** Bytes of the hash tag that keeps two long names, cut to the same beginning, apart: `~` and 8 hex. */
const TAG_BYTES = 9;

export function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/** The longest beginning of `text` that is at most `bytes` long in UTF-8, never half a character. */
function cutToBytes(text: string, bytes: number): string {
  let used = 0;
  let end = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (used + size > bytes) break;
    used += size;
    end += char.length;
  }
  return text.slice(0, end);
}

/**
 * `stem + suffix` when it fits in `max` bytes; else the stem cut short and tagged with a hash of the
 * whole stem, so the suffix (the extension that says what the file is) survives, the same stem
 * always gives the same name, and two stems that differ only past the cut still differ.
 */
export function fitName(stem: string, suffix: string, max = NAME_MAX): string {
  if (utf8Length(stem) + utf8Length(suffix) <= max) return stem + suffix;
  const room = max - utf8Length(suffix) - TAG_BYTES;
  if (room < 1) throw new Error(`a file name suffix of ${utf8Length(suffix)} bytes leaves no room in ${max}`);
  const tag = createHash('sha256').update(stem).digest('hex').slice(0, TAG_BYTES - 1);
  return `${cutToBytes(stem, room)}~${tag}${suffix}`;
}

/** A file beside `path` named after it with `suffix` added (`x.case.yaml` -> `x.case.yaml.draft.json`), fitted. */
export function besideWithSuffix(path: string, suffix: string): string {
  return join(dirname(path), fitName(basename(path), suffix));
}
