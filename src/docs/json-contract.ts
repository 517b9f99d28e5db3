/**
 * docs/json-contract.md, generated from the TypeScript types the JSON outputs are made of: each
 * interface's keys with their types and the doc comments written beside them in the source, so
 * the contract cannot drift from the code. Read with the TypeScript parser (syntax only, no type
 * checking). Regenerate with `npm run docs`; a test fails when the file is stale.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { LegalStatusKind, RULE_KINDS, RULE_STATUSES } from '../packs/schema.js';
import { KEY_MEANINGS } from './json-meanings.js';

/** One type of the contract: where it is declared, and the name shown (a non-exported base keeps its own). */
interface ContractType {
  file: string;
  name: string;
}

/** The report of `relief screen --format json`, outermost first. */
const REPORT_TYPES: readonly ContractType[] = [
  { file: 'src/app/screen.ts', name: 'Screening' },
  { file: 'src/app/screen.ts', name: 'Report' },
  { file: 'src/app/audit.ts', name: 'AuditStamp' },
  { file: 'src/settle/settle.ts', name: 'Question' },
  { file: 'src/packs/dated-parameters.ts', name: 'NotInForce' },
  { file: 'src/findings/program-result.ts', name: 'ProgramResult' },
  { file: 'src/findings/program-result.ts', name: 'ByCases' },
  { file: 'src/findings/program-result.ts', name: 'ReviewReason' },
  { file: 'src/findings/program-result.ts', name: 'Caution' },
  { file: 'src/findings/program-result.ts', name: 'Finding' },
  { file: 'src/findings/program-result.ts', name: 'FactUsed' },
  { file: 'src/render/explain.ts', name: 'ExplainedNode' },
  { file: 'src/evaluate/engine.ts', name: 'ConditionTrace' },
  { file: 'src/findings/program-result.ts', name: 'FactorList' },
  { file: 'src/findings/program-result.ts', name: 'MissingFact' },
  { file: 'src/findings/also-consider.ts', name: 'AlsoConsider' },
  { file: 'src/findings/program-result.ts', name: 'FactSource' },
  { file: 'src/packs/load.ts', name: 'ParameterUse' },
  { file: 'src/law/clause-evaluator.ts', name: 'ClauseExplanation' },
  { file: 'src/law/clause-evaluator.ts', name: 'ClauseTrace' },
  { file: 'src/findings/outcome.ts', name: 'Outcome' },
  { file: 'src/packs/citation.ts', name: 'CitationPart' },
  { file: 'src/packs/citation.ts', name: 'Source' },
];

/** One record of `relief batch --format ndjson` (the CSV columns are named in docs/batch.md). */
const BATCH_TYPES: readonly ContractType[] = [
  { file: 'src/batch/records.ts', name: 'BatchRecord' },
  { file: 'src/batch/records.ts', name: 'RecordBase' },
  { file: 'src/batch/triage.ts', name: 'Triage' },
  { file: 'src/batch/records.ts', name: 'ScreenedRecord' },
  { file: 'src/batch/records.ts', name: 'ProgramSummary' },
  { file: 'src/batch/records.ts', name: 'ErrorRecord' },
  { file: 'src/batch/records.ts', name: 'ErrorStamp' },
  { file: 'src/case/input-error.ts', name: 'CaseIssue' },
];

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();
/** A table cell: one line, with the pipes of a union escaped. */
const cell = (text: string): string => oneLine(text).replace(/\|/g, '\\|');

function docOf(node: ts.Node): string {
  const comments = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  return comments.map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '').join(' ');
}

/** A zod object schema's declaration (`const Name = z.strictObject({ … })`): its statement and the object of its keys. */
interface ZodObjectDeclaration {
  statement: ts.VariableStatement;
  keys: ts.ObjectLiteralExpression;
}

function zodObject(statement: ts.Statement, name: string): ZodObjectDeclaration | undefined {
  if (!ts.isVariableStatement(statement)) return undefined;
  const variable = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === name);
  const call = variable?.initializer;
  if (!call || !ts.isCallExpression(call) || !/^z\.(strict)?[oO]bject$/.test(call.expression.getText())) return undefined;
  const keys = call.arguments[0];
  return keys && ts.isObjectLiteralExpression(keys) ? { statement, keys } : undefined;
}

function declaration(source: ts.SourceFile, name: string): ts.InterfaceDeclaration | ts.TypeAliasDeclaration | ZodObjectDeclaration {
  for (const statement of source.statements) {
    if ((ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name.text === name) return statement;
    const schema = zodObject(statement, name);
    if (schema) return schema;
  }
  throw new Error(`${source.fileName}: no interface, type or zod object ${name} (docs/json-contract.md names it)`);
}

/** A zod key's type in the contract's words: "z.string().min(1).optional()" -> "string". */
function zodType(initializer: string): string {
  const base = /^z\.(\w+)\(/.exec(initializer)?.[1] ?? 'unknown';
  return base === 'url' ? 'string (URL)' : base;
}

function zodSection(lines: string[], name: string, { statement, keys }: ZodObjectDeclaration, source: ts.SourceFile, used: Set<string>): string {
  const doc = docOf(statement);
  if (doc) lines.push(oneLine(doc), '');
  lines.push('| key | type | meaning |', '|---|---|---|');
  for (const member of keys.properties) {
    if (!ts.isPropertyAssignment(member)) continue;
    const keyName = member.name.getText(source);
    const initializer = member.initializer.getText(source);
    const meaning = docOf(member) || KEY_MEANINGS[`${name}.${keyName}`] || '';
    if (!docOf(member) && meaning) used.add(`${name}.${keyName}`);
    const key = `\`${keyName}\`${initializer.includes('.optional()') ? ' (optional)' : ''}`;
    lines.push(`| ${key} | \`${zodType(initializer)}\` | ${cell(meaning)} |`);
  }
  return lines.join('\n');
}

function section(root: string, { file, name }: ContractType, sources: Map<string, ts.SourceFile>, used: Set<string>): string {
  let source = sources.get(file);
  if (!source) {
    source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2022, true);
    sources.set(file, source);
  }
  const node = declaration(source, name);
  const lines = [`### \`${name}\``, '', `<sub>${file}</sub>`, ''];
  if ('keys' in node) return zodSection(lines, name, node, source, used);
  const doc = docOf(node);
  if (doc) lines.push(oneLine(doc), '');
  if (ts.isTypeAliasDeclaration(node)) {
    lines.push(`\`${oneLine(node.type.getText(source))}\``);
    return lines.join('\n');
  }
  const bases = (node.heritageClauses ?? []).flatMap((clause) => clause.types.map((type) => `\`${oneLine(type.getText(source))}\``));
  if (bases.length > 0) lines.push(`With every key of ${bases.join(', ')}, and:`, '');
  lines.push('| key | type | meaning |', '|---|---|---|');
  for (const member of node.members) {
    if (!ts.isPropertySignature(member)) continue;
    const keyName = member.name.getText(source);
    const meaning = docOf(member) || KEY_MEANINGS[`${name}.${keyName}`] || '';
    if (!docOf(member) && meaning) used.add(`${name}.${keyName}`);
    const key = `\`${keyName}\`${member.questionToken ? ' (optional)' : ''}`;
    lines.push(`| ${key} | \`${cell(member.type?.getText(source) ?? 'unknown')}\` | ${cell(meaning)} |`);
  }
  return lines.join('\n');
}

const INTRO = `<!-- Generated by \`npm run docs\` from the types named below: do not edit by hand. -->
# The JSON contract

\`relief screen --format json\` prints one **Report**; \`relief batch --format ndjson\` prints one
**BatchRecord** per input case, in input order. Both are generated from the TypeScript types below,
with the comments written beside each key in the source (or, for a key without one, the words in
src/docs/json-meanings.ts). It is a stable contract: a change to it is a change to this generated
file, seen in review. An absent optional key is one that does not apply (\`outcome\` on a
discretion program); \`null\` means unknown.

How the report is laid out (src/render/json.ts): each item of \`programs\` is a **ProgramResult**
whose findings' \`conditions\` are **ExplainedNode** trees (the explain view's reading of each
condition), and whose classifications (Morton's \`priority\` and \`level\`) are the keys of its
\`classifications\` object: Morton's \`priority\` is \`"1"\`, \`"2"\`, \`"3"\`, \`"none"\` or \`"not_applicable"\` (outside the United States), and
its \`level\` \`"1"\`, \`"2"\`, \`"3"\`, \`"none"\` (no conviction) or \`"not_applicable"\`; either is \`null\` only when the
known facts leave it open (and it is then listed in \`undetermined\`). To see a report:
\`relief screen fixtures/cases/claudia.case.yaml --format json\`.

The case file that goes in is described by [case-file.schema.json](case-file.schema.json) (\`relief schema\`).
`;

/** The value lists the types above name by alias, from the constants that define them (src/packs/schema.ts). */
function valueLists(): string {
  const values = (list: readonly string[]): string => list.map((value) => `\`${value}\``).join(', ');
  return [
    `- \`RuleKind\`: ${values(RULE_KINDS)}`,
    `- \`RuleStatus\`: ${values(RULE_STATUSES)}`,
    `- \`LegalStatusKind\`: ${values(LegalStatusKind.options)}`,
  ].join('\n');
}

export function jsonContractMarkdown(root: string): string {
  const sources = new Map<string, ts.SourceFile>();
  const used = new Set<string>();
  const render = (types: readonly ContractType[]): string => types.map((type) => section(root, type, sources, used)).join('\n\n');
  const markdown = [
    INTRO,
    '## The report (`relief screen --format json`)',
    '',
    render(REPORT_TYPES),
    '',
    '### Value lists',
    '',
    valueLists(),
    '',
    '## A batch record (`relief batch`, NDJSON)',
    '',
    render(BATCH_TYPES),
    '',
  ].join('\n');
  const unused = Object.keys(KEY_MEANINGS).filter((key) => !used.has(key));
  if (unused.length > 0) throw new Error(`src/docs/json-meanings.ts: no such key without a comment of its own: ${unused.join(', ')}; remove the entries`);
  return markdown;
}
