/** Derived file names always fit in one directory entry (NAME_MAX, 255 bytes of UTF-8). */
import { describe, expect, it } from '@jest/globals';
import { NAME_MAX, besideWithSuffix, fitName, utf8Length } from '../../src/files/names.js';

describe('fitName', () => {
  it('keeps a name that fits as it is', () => {
    expect(fitName('maria', '.case.yaml')).toBe('maria.case.yaml');
  });

  it('cuts a long stem by bytes, never half a character, keeps the suffix, and stays the same for the same stem', () => {
    const stem = `${'ü'.repeat(200)}x`; // 401 bytes
    const name = fitName(stem, '.case.yaml');
    expect(utf8Length(name)).toBeLessThanOrEqual(NAME_MAX);
    expect(name).toMatch(/^ü+~[0-9a-f]{8}\.case\.yaml$/);
    expect(fitName(stem, '.case.yaml')).toBe(name);
  });

  it('keeps two long stems that differ only past the cut apart', () => {
    const a = fitName(`${'a'.repeat(300)}1`, '.txt');
    const b = fitName(`${'a'.repeat(300)}2`, '.txt');
    expect(a).not.toBe(b);
    expect([utf8Length(a), utf8Length(b)]).toEqual([NAME_MAX, NAME_MAX]);
  });

  it('derives a name beside a path from its last part only', () => {
    const out = `/tmp/cases/${'c'.repeat(250)}.case.yaml`;
    const draft = besideWithSuffix(out, '.draft.json');
    expect(draft.startsWith('/tmp/cases/ccc')).toBe(true);
    expect(draft.endsWith('.draft.json')).toBe(true);
    expect(utf8Length(draft.slice('/tmp/cases/'.length))).toBe(NAME_MAX);
  });
});
