import { describe, expect, it } from '@jest/globals';
import { ECHO_LIMIT, bounded, echo, inert, inertAll, inertLines } from '../../src/text/inert.js';

const TITLE_AND_CLEAR = 'x\u001b]0;PWNED\u0007\u001b[2J';
/** Anything a terminal acts on rather than prints. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe('inert', () => {
  it('writes terminal escapes as visible text', () => {
    expect(inert(TITLE_AND_CLEAR)).toBe('x\\x1b]0;PWNED\\x07\\x1b[2J');
  });
  it('escapes line breaks, C1 controls, DEL, line separators and bidirectional overrides', () => {
    expect(inert('a\nb\rc\td\u007fe\u009bf\u2028g\u202eh\u2066i')).toBe('a\\x0ab\\x0dc\\x09d\\x7fe\\x9bf\\u2028g\\u202eh\\u2066i');
  });
  it('leaves ordinary text, accents and emoji alone', () => {
    expect(inert('José Ramos-Gallegos · 8 U.S.C. 1326(a) 🙂')).toBe('José Ramos-Gallegos · 8 U.S.C. 1326(a) 🙂');
  });
});

describe('bounded and echo', () => {
  it('cuts long text and says how much was left out', () => {
    expect(bounded('abcdef', 3)).toBe('abc… (3 more characters)');
    expect(bounded('abc', 3)).toBe('abc');
    expect(echo('x'.repeat(10_000_000))).toHaveLength(ECHO_LIMIT + '… (9999880 more characters)'.length);
  });
  it('makes text inert before cutting it, so no escape survives the cut', () => {
    const shown = echo(`${'a'.repeat(ECHO_LIMIT - 1)}\u001b[2J`);
    expect(shown).not.toMatch(CONTROL);
    expect(shown.startsWith(`${'a'.repeat(ECHO_LIMIT - 1)}\\`)).toBe(true);
  });
});

describe('inertLines', () => {
  it('keeps the line feeds between lines and escapes everything else', () => {
    expect(inertLines(`error: unknown option '${TITLE_AND_CLEAR}'\n(run "relief --help")\n`)).toBe(
      `error: unknown option 'x\\x1b]0;PWNED\\x07\\x1b[2J'\n(run "relief --help")\n`,
    );
  });
});

describe('inertAll', () => {
  it('makes every string of a structure inert, keys included, and leaves other values and the original alone', () => {
    const report = { caseId: TITLE_AND_CLEAR, n: 3, flag: true, none: null, list: [{ 'k\u001b': 'v\u0007' }, 7] };
    expect(inertAll(report)).toEqual({ caseId: inert(TITLE_AND_CLEAR), n: 3, flag: true, none: null, list: [{ 'k\\x1b': 'v\\x07' }, 7] });
    expect(report.caseId).toBe(TITLE_AND_CLEAR);
  });
  it('keeps a key named __proto__ as data', () => {
    const shown = inertAll(JSON.parse('{"__proto__": {"polluted": "\\u001b"}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(shown)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(shown, '__proto__')?.value).toEqual({ polluted: '\\x1b' });
  });
});
