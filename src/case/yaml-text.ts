/**
 * Reading YAML case text within the case limits. The yaml library's composer recurses once per
 * level of nesting and checks a mapping's keys for duplicates pairwise, so the text is first run
 * through its streaming lexer and parser (linear, no recursion), refusing on the way any nesting,
 * mapping or list far beyond the limits, and any alias; only then is it composed. Nothing the
 * library finds is printed: every error and warning becomes the fault it returns.
 */
import { CST, Composer, Lexer, Parser, type Document } from 'yaml';
import { echo } from '../text/inert.js';
import { CASE_LIMITS, type InputLimit } from './limits.js';
import type { TextFault } from './text-fault.js';

/**
 * The parser's stack holds the document, each open collection and a scalar or two, so its height
 * is not exactly the nesting. The scan refuses at twice the depth limit (certainly too deep, and
 * still shallow for the composer's recursion); the exact limit is checked on the composed value.
 */
const MAX_PARSER_STACK = 2 * CASE_LIMITS.depth.value + 2;
/** Open collections that can still be growing: the innermost, below at most a scalar or two. */
const GROWING = 3;

const COMPOSE_OPTIONS = { logLevel: 'silent', prettyErrors: false } as const;

function breach(offset: number, what: string, limit: InputLimit): TextFault {
  return { offset, problem: `${what}: ${limit.describe}` };
}

/** The first collection near the top of the parser's stack with more entries than a case allows. */
function oversized(stack: readonly CST.Token[], offset: number): TextFault | undefined {
  for (const token of stack.slice(-GROWING)) {
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.source === '{');
    const isList = token.type === 'block-seq' || (token.type === 'flow-collection' && token.start.source === '[');
    // One more than the limit: the parser's last item can be an empty one still being read.
    if (isMap && token.items.length > CASE_LIMITS.keys.value + 1) return breach(offset, 'too many keys', CASE_LIMITS.keys);
    if (isList && token.items.length > CASE_LIMITS.listLength.value + 1) return breach(offset, 'too many items', CASE_LIMITS.listLength);
  }
  return undefined;
}

/** The CST of the text, or the first place where it goes beyond what composing can safely take. */
function scanYaml(text: string): CST.Token[] | TextFault {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    if (CST.tokenType(lexeme) === 'alias') {
      return { offset, problem: 'an alias (*name) to an anchor: a case file writes every value out in full, without anchors and aliases' };
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > MAX_PARSER_STACK) return breach(offset, 'nested too deep', CASE_LIMITS.depth);
    const fault = oversized(parser.stack, offset);
    if (fault) return fault;
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

function firstProblem(text: string, doc: Document.Parsed): TextFault | undefined {
  const [error] = doc.errors;
  if (error) return { offset: error.pos[0], problem: echo(error.message) };
  const [warning] = doc.warnings;
  if (!warning) return undefined;
  if (warning.code !== 'TAG_RESOLVE_FAILED') return { offset: warning.pos[0], problem: echo(warning.message) };
  const tag = /^!\S*/.exec(text.slice(warning.pos[0], warning.pos[1]))?.[0] ?? warning.message;
  return { offset: warning.pos[0], problem: `unknown tag ${echo(tag)}: a case file holds only text, numbers, true/false, null, lists and mappings` };
}

/** The value of one YAML document, or the first fault in the text. */
export function readYaml(text: string): { value: unknown } | TextFault {
  const tokens = scanYaml(text);
  if (!Array.isArray(tokens)) return tokens;
  const docs = [...new Composer(COMPOSE_OPTIONS).compose(tokens, true, text.length)];
  if (docs.length > 1) return { offset: docs[1]!.range[0], problem: 'a second YAML document (after "---"): a case file holds one case' };
  const doc = docs[0]!;
  return firstProblem(text, doc) ?? { value: doc.toJS() };
}
