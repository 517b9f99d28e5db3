/**
 * json-rules-engine is loaded only when the reference engine is chosen: no module that the CLI,
 * a batch worker or the Screener loads imports it statically, so only reference.ts's dynamic
 * import can bring it in. Checked on the sources' static import graph, the way Node loads them
 * (`import type` is erased; any other import or re-export is loaded).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

/** The modules a source file loads as it is loaded: its static imports and re-exports that are not type-only. */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022);
  const out: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause?.isTypeOnly) out.push((statement.moduleSpecifier as ts.StringLiteral).text);
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) out.push((statement.moduleSpecifier as ts.StringLiteral).text);
  }
  return out;
}

/** Every package reached by static imports from an entry file, with the chain of files that reaches it. */
function reachedPackages(entry: string): Map<string, string[]> {
  const packages = new Map<string, string[]>();
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')), [...chain, file]);
      else if (!packages.has(specifier)) packages.set(specifier, [...chain, file].map((f) => f.slice(SRC.length + 1)));
    }
  };
  visit(join(SRC, entry), []);
  return packages;
}

describe('json-rules-engine is not loaded by the compiled path', () => {
  it.each(['cli/main.ts', 'batch/worker.ts', 'app/screen.ts'])('nothing %s imports statically reaches it', (entry) => {
    const packages = reachedPackages(entry);
    expect(packages.size).toBeGreaterThan(0);
    expect(packages.get('json-rules-engine')).toBeUndefined();
  });

  it('the reference engine itself imports it (so the check above looks for the right name)', () => {
    expect(reachedPackages('evaluate/reference.ts').get('json-rules-engine')).toEqual(['evaluate/reference.ts']);
  });
});
