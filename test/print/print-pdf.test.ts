/**
 * Printing to a PDF: which browser is used, what it is run with, and where its PDF may go. A
 * stand-in "browser" (a shell script given as RELIEF_CHROMIUM) records its arguments and writes a
 * PDF, fails, or hangs, so these run on any machine; the real Chromium prints in
 * test/browser/html-report.test.ts.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputPathError } from '../../src/files/output-path.js';
import { findChromium } from '../../src/print/find-chromium.js';
import { CHROMIUM_FLAGS, PdfError, printPdf } from '../../src/print/chromium.js';

const scratch = mkdtempSync(join(tmpdir(), 'relief-print-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const folder = (name: string) => mkdtempSync(join(scratch, `${name}-`));

/** An executable shell script. */
function script(path: string, body: string): string {
  writeFileSync(path, `#!/bin/sh\n${body}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A stand-in browser: writes its arguments, one a line, to `<dir>/args`, then runs `then`. */
function fakeChromium(dir: string, then: string): string {
  return script(join(dir, 'fake-chromium'), `for a in "$@"; do printf '%s\\n' "$a"; done > "${dir}/args"\n${then}`);
}

/** Writes a minimal "PDF" where --print-to-pdf says. */
const WRITES_PDF = `for a in "$@"; do case "$a" in --print-to-pdf=*) printf '%%PDF-1.4 stand-in' > "\${a#--print-to-pdf=}";; esac; done`;

const PAGE = '<!DOCTYPE html><title>t</title><p>client history</p>';

/** Print folders of this process left in the temporary folder. */
const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`relief-pdf-${process.pid}-`));

describe('findChromium', () => {
  it('takes RELIEF_CHROMIUM when it names an executable file, and nothing else when it names none', () => {
    const dir = folder('env');
    const chosen = script(join(dir, 'my-browser'), 'exit 0');
    expect(findChromium({ RELIEF_CHROMIUM: chosen, PATH: '/usr/bin' })).toBe(chosen);
    expect(findChromium({ RELIEF_CHROMIUM: join(dir, 'missing'), PATH: '/usr/bin' })).toBeNull();
    expect(findChromium({ RELIEF_CHROMIUM: dir, PATH: '/usr/bin' })).toBeNull();
  });

  it('looks on PATH for chromium before chromium-browser and the Chrome names, skipping files it cannot run', () => {
    const first = folder('path-a');
    const second = folder('path-b');
    writeFileSync(join(first, 'chromium'), 'not executable');
    const chrome = script(join(first, 'google-chrome'), 'exit 0');
    const chromium = script(join(second, 'chromium'), 'exit 0');
    expect(findChromium({ PATH: `${first}:${second}` })).toBe(chromium);
    rmSync(chromium);
    expect(findChromium({ PATH: `relative:${first}:${second}` })).toBe(chrome);
  });
});

describe('printPdf', () => {
  it('runs the browser headless and network-quiet, with a fresh profile, then writes the PDF owner-only', async () => {
    const dir = folder('print');
    const target = join(dir, 'report.pdf');
    writeFileSync(target, 'an older report', { mode: 0o644 });
    await printPdf(PAGE, target, { env: { RELIEF_CHROMIUM: fakeChromium(dir, WRITES_PDF) } });
    expect(readFileSync(target, 'latin1')).toBe('%PDF-1.4 stand-in');
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const args = readFileSync(join(dir, 'args'), 'utf8').trim().split('\n');
    expect(args).toEqual(expect.arrayContaining([...CHROMIUM_FLAGS, '--no-pdf-header-footer']));
    expect(args.includes('--no-sandbox')).toBe(process.getuid!() === 0);
    const profile = args.find((a) => a.startsWith('--user-data-dir='))!.slice('--user-data-dir='.length);
    expect(profile.startsWith(join(tmpdir(), `relief-pdf-${process.pid}-`))).toBe(true);
    expect(args.at(-1)).toMatch(/^file:\/\/\/.*\/report\.html$/);
    // The page (a client's history) and the profile are gone with their folder.
    expect(existsSync(profile)).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['args', 'fake-chromium', 'report.pdf']);
  });

  it.each([
    ['a folder', (dir: string) => (mkdirSync(join(dir, 'out.pdf')), join(dir, 'out.pdf')), /EISDIR/],
    ['a symbolic link to a file', (dir: string) => (writeFileSync(join(dir, 'real.pdf'), 'mine'), symlinkSync('real.pdf', join(dir, 'out.pdf')), join(dir, 'out.pdf')), /symbolic link/],
    ['a FIFO', (dir: string) => (spawnSync('mkfifo', [join(dir, 'out.pdf')]), join(dir, 'out.pdf')), /not a regular file/],
    ['standard output', () => '-', /name one/],
    ['a file in a missing folder', (dir: string) => join(dir, 'missing', 'out.pdf'), /does not exist/],
  ])('refuses %s before anything is printed', async (_what, make, reason) => {
    const dir = folder('refuse');
    const target = make(dir);
    const before = lstatSync(target, { throwIfNoEntry: false });
    const error = await printPdf(PAGE, target, { env: { RELIEF_CHROMIUM: fakeChromium(dir, WRITES_PDF) } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputPathError);
    expect((error as Error).message).toMatch(reason);
    expect(existsSync(join(dir, 'args'))).toBe(false); // the browser never ran
    expect(lstatSync(target, { throwIfNoEntry: false })?.mode).toBe(before?.mode);
    if (existsSync(join(dir, 'real.pdf'))) expect(readFileSync(join(dir, 'real.pdf'), 'utf8')).toBe('mine');
  });

  // Only root can give a file to another user: elsewhere the case cannot be set up.
  (process.getuid!() === 0 ? it : it.skip)("refuses another user's file", async () => {
    const dir = folder('theirs');
    const target = join(dir, 'out.pdf');
    writeFileSync(target, 'theirs');
    chownSync(target, 65534, 65534);
    const error = await printPdf(PAGE, target, { env: { RELIEF_CHROMIUM: fakeChromium(dir, WRITES_PDF) } }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/belongs to another user/);
    expect(readFileSync(target, 'utf8')).toBe('theirs');
  });

  it('says how to print the HTML instead when there is no browser', async () => {
    const dir = folder('none');
    const error = await printPdf(PAGE, join(dir, 'out.pdf'), { env: { RELIEF_CHROMIUM: join(dir, 'no-such-browser') } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as Error).message).toContain('RELIEF_CHROMIUM is set, but names no executable file');
    expect((error as Error).message).toContain('relief screen CASE --format html > report.html, then open report.html in a browser and print it');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([
    ['fails', 'echo "cannot open display" >&2; exit 3', /failed to print the PDF \(exit code 3\): cannot open display/],
    ['ends without a PDF', 'exit 0', /ended without writing a PDF/],
    ['hangs past the time limit', 'exec sleep 30', /did not finish printing the PDF within 0\.3 s and was stopped/],
  ])('reports a browser that %s, and leaves no file behind', async (_what, then, message) => {
    const dir = folder('fail');
    const target = join(dir, 'out.pdf');
    const error = await printPdf(PAGE, target, { env: { RELIEF_CHROMIUM: fakeChromium(dir, then) }, timeLimitMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfError);
    expect((error as Error).message).toMatch(message);
    expect(existsSync(target)).toBe(false);
    expect(leftovers()).toEqual([]);
  });
});
