/**
 * Jest's global setup: brings dist/ up to date with src/ once, before any test file runs. The
 * tests of the built CLI and of worker threads run dist/ (bin/relief.js, the pool's worker.js), so
 * it must be current; building here rather than in each of those files costs one tsc run instead
 * of one per file (none after `npm run build`), and no file rebuilds dist/ while another, running
 * in parallel, executes it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const modified = (path: string): number => statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** The first source whose built module is missing or older than it, or than the build settings. */
function staleSource(): string | undefined {
  const settings = Math.max(modified(join(ROOT, 'tsconfig.json')), modified(join(ROOT, 'tsconfig.build.json')));
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'));
  return sources.find((name) => {
    const built = modified(join(ROOT, 'dist', name.replace(/\.ts$/, '.js')));
    return built < modified(join(ROOT, 'src', name)) || built < settings;
  });
}

export default function buildWhenStale(): void {
  const stale = staleSource();
  if (stale === undefined) return;
  process.stderr.write(`\nBuilding dist/ for the tests (src/${stale} is newer than its build)…\n`);
  try {
    execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, encoding: 'utf8' });
  } catch (error) {
    // tsc still writes dist/ when the types do not check; `npm run typecheck` is where type errors
    // fail, as for every other test (jest only strips the types). Say so and test what was built.
    const { stdout, status } = error as { stdout?: string; status?: number | null };
    if (typeof status !== 'number') throw error;
    process.stderr.write(`tsc found errors (exit ${status}); the tests run what it built:\n${stdout ?? ''}\n`);
  }
}
