/** The hash an audit stamp gives a case's input (caseSha256): SHA-256 of its bytes, in lowercase hex. */
import { createHash } from 'node:crypto';

/** SHA-256 (lowercase hex) of bytes, taken in the pieces they were read in. */
export function sha256Hex(...pieces: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const piece of pieces) hash.update(piece);
  return hash.digest('hex');
}
