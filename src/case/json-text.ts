/**
 * A linear, non-recursive check of JSON text, run before JSON.parse. JSON.parse would build a
 * value of any depth or width the 8 MiB allow (millions of nested lists: seconds and hundreds of
 * megabytes, for a value refused afterwards), and its messages give neither line nor column and
 * quote the input raw. This scan stops at the first syntax error, or the first breach of a case
 * limit, with its place; text that passes parses within the limits.
 */
import { echo } from '../text/inert.js';
import { CASE_LIMITS, type InputLimit } from './limits.js';
import type { TextFault } from './text-fault.js';

type Expect = 'value' | 'firstValueOrEnd' | 'key' | 'firstKeyOrEnd' | 'colon' | 'commaOrEnd' | 'end';

interface Open {
  close: '}' | ']';
  items: number;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WHITESPACE = /[ \t\n\r]*/y;
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /^[0-9a-fA-F]{4}$/;

function breach(offset: number, what: string, limit: InputLimit): TextFault {
  return { offset, problem: `${what}: ${limit.describe}` };
}

function unexpected(text: string, offset: number, wanted: string): TextFault {
  const char = String.fromCodePoint(text.codePointAt(offset)!);
  return { offset, problem: `expected ${wanted}, found "${echo(char)}"` };
}

/** The end of the string starting at `start` (its opening quote), or the fault in it. */
function scanString(text: string, start: number): number | TextFault {
  let length = 0;
  let at = start + 1;
  for (;;) {
    if (at >= text.length) return { offset: start, problem: 'a text in quotes is never closed' };
    const code = text.charCodeAt(at);
    if (code === 0x22) break;
    if (code < 0x20) return { offset: at, problem: 'a control character (such as a line break) inside quotes: write it as an escape such as \\n' };
    if (code === 0x5c) {
      const escape = text[at + 1];
      if (escape === 'u' && HEX4.test(text.slice(at + 2, at + 6))) at += 6;
      else if (escape !== undefined && SIMPLE_ESCAPES.has(escape)) at += 2;
      else return { offset: at, problem: 'a backslash in quotes that starts no valid escape' };
    } else at += 1;
    length += 1;
    if (length > CASE_LIMITS.stringLength.value) return breach(start, 'a text is too long', CASE_LIMITS.stringLength);
  }
  return at + 1;
}

export function scanJson(text: string): TextFault | undefined {
  const open: Open[] = [];
  let expect: Expect = 'value';
  let at = 0;
  /** Steps over the "]" or "}" that closes the innermost list or mapping. */
  const closeInnermost = (): void => {
    at += 1;
    open.pop();
    expect = open.length ? 'commaOrEnd' : 'end';
  };
  for (;;) {
    WHITESPACE.lastIndex = at;
    WHITESPACE.test(text);
    at = WHITESPACE.lastIndex;
    if (at >= text.length) return expect === 'end' ? undefined : { offset: at, problem: 'the text ends before the JSON is complete' };
    const char = text[at]!;
    const top = open[open.length - 1];
    switch (expect) {
      case 'end':
        return unexpected(text, at, 'nothing after the end of the JSON');
      case 'colon':
        if (char !== ':') return unexpected(text, at, '":" after a key');
        at += 1;
        expect = 'value';
        continue;
      case 'commaOrEnd':
        if (char === ',') {
          at += 1;
          expect = top!.close === '}' ? 'key' : 'value';
        } else if (char === top!.close) closeInnermost();
        else return unexpected(text, at, `"," or "${top!.close}"`);
        continue;
      case 'firstKeyOrEnd':
      case 'key': {
        if (expect === 'firstKeyOrEnd' && char === '}') {
          closeInnermost();
          continue;
        }
        if (char !== '"') return unexpected(text, at, 'a key in double quotes');
        top!.items += 1;
        if (top!.items > CASE_LIMITS.keys.value) return breach(at, 'too many keys', CASE_LIMITS.keys);
        const end = scanString(text, at);
        if (typeof end !== 'number') return end;
        at = end;
        expect = 'colon';
        continue;
      }
      case 'firstValueOrEnd':
      case 'value': {
        if (expect === 'firstValueOrEnd' && char === ']') {
          closeInnermost();
          continue;
        }
        if (top?.close === ']') {
          top.items += 1;
          if (top.items > CASE_LIMITS.listLength.value) return breach(at, 'too many items', CASE_LIMITS.listLength);
        }
        if (char === '{' || char === '[') {
          open.push({ close: char === '{' ? '}' : ']', items: 0 });
          if (open.length > CASE_LIMITS.depth.value) return breach(at, 'nested too deep', CASE_LIMITS.depth);
          at += 1;
          expect = char === '{' ? 'firstKeyOrEnd' : 'firstValueOrEnd';
          continue;
        }
        let end: number | TextFault;
        if (char === '"') end = scanString(text, at);
        else if (text.startsWith('true', at) || text.startsWith('null', at)) end = at + 4;
        else if (text.startsWith('false', at)) end = at + 5;
        else {
          NUMBER.lastIndex = at;
          end = NUMBER.test(text) ? NUMBER.lastIndex : unexpected(text, at, 'a value (text in double quotes, a number, true, false, null, a list or a mapping)');
        }
        if (typeof end !== 'number') return end;
        at = end;
        expect = open.length ? 'commaOrEnd' : 'end';
        continue;
      }
    }
  }
}
