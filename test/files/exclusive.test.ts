/**
 * Temporaries are opened with exclusive create: even a link planted at the very name the random
 * generator picks is not followed (here the generator is made predictable to plant it there).
 */
import { afterAll, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXED = Buffer.from('00112233445566ff', 'hex');
const realCrypto = await import('node:crypto');
jest.unstable_mockModule('node:crypto', () => ({ ...realCrypto, randomBytes: () => FIXED }));
const { writeFileAtomic } = await import('../../src/files/atomic.js');

const scratch = mkdtempSync(join(tmpdir(), 'relief-exclusive-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('fails rather than follow a symbolic link planted at the temporary name', async () => {
  const victim = join(scratch, 'victim.txt');
  writeFileSync(victim, 'precious\n');
  const planted = join(scratch, `.report.txt.relief-${process.pid}-${FIXED.toString('hex')}.tmp`);
  symlinkSync(victim, planted);
  await expect(writeFileAtomic(join(scratch, 'report.txt'), 'report\n')).rejects.toThrow(/EEXIST/);
  expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  expect(readdirSync(scratch).sort()).toEqual([planted.slice(scratch.length + 1), 'victim.txt'].sort()); // the link is not ours to remove
});
