/**
 * The physical lines of a file, numbered from 1, read in chunks so that no line is ever held
 * whole when it is longer than one case may be (CASE_LIMITS.bytes): such a line comes out as
 * too long, its bytes skipped up to its end, and the lines after it are read as usual.
 *
 * NDJSON ends lines at LF only (CR is JSON whitespace); one CR just before the LF is stripped.
 * CSV ends lines at LF, CR or CRLF, as spreadsheets write them. A UTF-8 byte order mark at the
 * start of the file is dropped; anywhere else it is text.
 */
import type { FileHandle } from 'node:fs/promises';

export type LineEnds = 'lf' | 'any';

export type PhysicalLine =
  /** `end`: the line break that ended it ('' at the end of the file); `bytes`: its length in bytes; `raw`: those bytes, as read (for an audit stamp's hash). */
  | { number: number; text: string; end: string; bytes: number; raw: Buffer; tooLong?: undefined }
  | { number: number; tooLong: true };

const LF = 0x0a;
const CR = 0x0d;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * `chunkBytes`: how much is read at a time. The default suits reading alongside screening; the
 * progress bar's count reads in larger chunks, so that when the main thread is busy screening
 * (--jobs 1) it waits for fewer turns.
 */
export async function* physicalLines(handle: FileHandle, ends: LineEnds, maxBytes: number, chunkBytes?: number): AsyncGenerator<PhysicalLine> {
  let number = 1;
  let parts: Buffer[] = [];
  let held = 0;
  let tooLong = false;
  let atStart = true;
  // A CR that ended the last chunk: CSV must see the next byte to know whether it was CRLF.
  let pendingCr = false;

  // An NDJSON line may hold one more byte than the limit while that byte could be a CR before LF.
  const slack = ends === 'lf' ? 1 : 0;
  const take = (chunk: Buffer): void => {
    if (tooLong || chunk.length === 0) return;
    if (held + chunk.length > maxBytes + slack) {
      tooLong = true;
      parts = [];
      return;
    }
    parts.push(chunk);
    held += chunk.length;
  };
  const finish = (end: string): PhysicalLine => {
    let line: PhysicalLine;
    if (tooLong) line = { number, tooLong: true };
    else {
      let content = Buffer.concat(parts, held);
      if (end === '\n' && ends === 'lf' && content.at(-1) === CR) content = content.subarray(0, -1);
      line = content.length > maxBytes ? { number, tooLong: true } : { number, text: content.toString('utf8'), end, bytes: content.length, raw: content };
    }
    number++;
    parts = [];
    held = 0;
    tooLong = false;
    return line;
  };

  for await (const raw of handle.createReadStream({ autoClose: false, ...(chunkBytes ? { highWaterMark: chunkBytes } : {}) })) {
    let chunk = raw as Buffer;
    if (atStart) {
      // The first chunk holds the whole BOM unless the file is shorter than one.
      if (chunk.subarray(0, 3).equals(BOM)) chunk = chunk.subarray(3);
      atStart = false;
    }
    let from = 0;
    if (pendingCr) {
      pendingCr = false;
      if (chunk[0] === LF) {
        from = 1;
        yield finish('\r\n');
      } else yield finish('\r');
    }
    for (let i = from; i < chunk.length; i++) {
      const byte = chunk[i];
      if (byte !== LF && (byte !== CR || ends === 'lf')) continue;
      take(chunk.subarray(from, i));
      if (byte === LF) {
        yield finish('\n');
        from = i + 1;
      } else if (i + 1 === chunk.length) {
        pendingCr = true;
        from = i + 1;
      } else if (chunk[i + 1] === LF) {
        yield finish('\r\n');
        from = i + 2;
        i++;
      } else {
        yield finish('\r');
        from = i + 1;
      }
    }
    take(chunk.subarray(from));
  }
  if (pendingCr) yield finish('\r');
  else if (held > 0 || tooLong) yield finish('');
}
