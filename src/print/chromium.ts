/**
 * An HTML page printed to a PDF file by a local headless Chromium.
 *
 * - The page goes to a private temporary folder (0700, the page 0600: it holds a client's history),
 *   with a fresh browser profile, both removed when the print is done. A folder left by a run that
 *   was killed is removed by the next run, as temporary.ts does for its files.
 * - Chromium runs with the flags a closed network and a root user need (CHROMIUM_FLAGS), and is
 *   killed when it takes longer than the time limit.
 * - The PDF reaches its target the way every output file does (atomic.ts): through an owner-only
 *   temporary file beside the target, renamed over it. The target must be a new name or a regular
 *   file of this user: a folder, a symbolic link, a FIFO, a device or another user's file is refused
 *   before anything is printed (a PDF is for a file, not for a pipe).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { lstat, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeOf, failure, isStandardOutput, OutputPathError, planOutput } from '../files/output-path.js';
import { isRunning, undoIfStopped } from '../files/temporary.js';
import { replaceFileAtomic } from '../files/atomic.js';
import { bounded, inert } from '../text/inert.js';
import { findChromium, noChromiumMessage } from './find-chromium.js';

/**
 * Headless, and nothing in the background: without the network flags Chromium tries Google's
 * services at every start, which a closed network refuses many times over (slow and noisy).
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium's sandbox cannot start as root: then, and only then, it is turned off. */
export function sandboxFlags(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

/** How long a print may take before Chromium is killed: a report prints in a few seconds. */
export const PRINT_TIME_LIMIT_MS = 60_000;

/** How much of what Chromium wrote to its error stream an error message quotes. */
const STDERR_QUOTED = 600;

const FOLDER_PREFIX = 'relief-pdf-';
const OUR_FOLDER = /^relief-pdf-(\d+)-/;

/** No browser to print with, or a print that failed: a paragraph that says what to do. */
export class PdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfError';
  }
}

export interface PrintOptions {
  /** Where RELIEF_CHROMIUM and PATH are read (the CLI's environment); process.env by default. */
  env?: Record<string, string | undefined>;
  timeLimitMs?: number;
}

/**
 * Checks that `target` may receive the PDF: a new name in a folder that can take it, or a regular
 * file of this user. Throws OutputPathError otherwise; the CLI calls it before screening.
 */
export async function checkPdfTarget(target: string): Promise<void> {
  if (isStandardOutput(target)) throw new OutputPathError(target, 'EINVAL', 'the PDF is written to a file: name one');
  const entry = await lstat(target).catch((error: unknown) => {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw failure(target, error);
  });
  if (entry?.isDirectory()) throw new OutputPathError(target, 'EISDIR', 'it is a folder; name a file');
  if (entry?.isSymbolicLink()) throw new OutputPathError(target, 'ELOOP', 'it is a symbolic link; name the file itself');
  if (entry && !entry.isFile()) throw new OutputPathError(target, 'EINVAL', 'it is not a regular file (a FIFO, a socket or a device?)');
  if (entry && entry.uid !== process.getuid?.()) throw new OutputPathError(target, 'EPERM', 'the file belongs to another user');
  await planOutput(target); // the folder exists and takes new files; the file, if any, is writable
}

/** Removes the print folders of runs that were killed: ours by name, of this user, their process gone. */
async function removeStaleFolders(parent: string): Promise<void> {
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(OUR_FOLDER.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid) || pid === process.pid || isRunning(pid)) continue;
    const path = join(parent, name);
    const info = await lstat(path).catch(() => undefined);
    if (info?.isDirectory() && info.uid === process.getuid?.()) await rm(path, { recursive: true, force: true });
  }
}

/** The last lines Chromium wrote to its error stream, inert and bounded, for an error message. */
function quoted(stderr: string): string {
  const text = stderr.trim();
  return text ? `: ${bounded(inert(text.slice(-STDERR_QUOTED)).replace(/\\x0a/g, ' | '), STDERR_QUOTED)}` : '';
}

/** Runs Chromium to the end, or kills it at the time limit. */
function runChromium(chromium: string, args: string[], timeLimitMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so that the time limit stops the browser and every process it started
    // at once (a renderer left running would go on writing into the folder being removed).
    const child = spawn(chromium, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    // In its own group, the browser does not get the terminal's Ctrl-C: stop it if relief is stopped.
    const forget = undoIfStopped(() => process.kill(-child.pid!, 'SIGKILL'));
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4 * STDERR_QUOTED);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-child.pid!, 'SIGKILL');
    }, timeLimitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      forget();
      reject(new PdfError(`Chromium (${chromium}) could not be started: ${error.message}`));
    });
    // 'exit', not 'close': a stray child of the browser may hold its error stream open.
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      forget();
      if (timedOut) reject(new PdfError(`Chromium (${chromium}) did not finish printing the PDF within ${timeLimitMs / 1000} s and was stopped`));
      else if (code !== 0) reject(new PdfError(`Chromium (${chromium}) failed to print the PDF (${signal ?? `exit code ${code}`})${quoted(stderr)}`));
      else resolve();
    });
  });
}

/** The PDF Chromium wrote, checked to be one. */
async function readPdf(path: string, chromium: string): Promise<Buffer> {
  const pdf = await readFile(path).catch(() => null);
  if (!pdf || pdf.subarray(0, 5).toString('latin1') !== '%PDF-') throw new PdfError(`Chromium (${chromium}) ended without writing a PDF`);
  return pdf;
}

async function writePdfFile(target: string, pdf: Buffer): Promise<void> {
  await checkPdfTarget(target); // again: the target may have changed while Chromium printed
  await replaceFileAtomic(target, pdf);
}

/**
 * Prints `html` to a PDF at `target` (replaced whole, owner-only). Throws OutputPathError for a
 * target that cannot take it and PdfError when there is no browser or the print fails.
 */
export async function printPdf(html: string, target: string, options: PrintOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  await checkPdfTarget(target);
  const chromium = findChromium(env);
  if (!chromium) throw new PdfError(noChromiumMessage(env));
  const parent = tmpdir();
  await removeStaleFolders(parent);
  const folder = await mkdtemp(join(parent, `${FOLDER_PREFIX}${process.pid}-`)); // 0700
  // The page holds the client's report: stopped with Ctrl-C, relief removes it on the way out.
  const forget = undoIfStopped(() => rmSync(folder, { recursive: true, force: true }));
  try {
    const page = join(folder, 'report.html');
    const printed = join(folder, 'report.pdf');
    await writeFile(page, html, { mode: 0o600, flag: 'wx' });
    const args = [
      ...CHROMIUM_FLAGS,
      ...sandboxFlags(),
      `--user-data-dir=${join(folder, 'profile')}`,
      '--no-pdf-header-footer', // the page prints its own running header and page numbers
      `--print-to-pdf=${printed}`,
      pathToFileURL(page).href,
    ];
    await runChromium(chromium, args, options.timeLimitMs ?? PRINT_TIME_LIMIT_MS);
    await writePdfFile(target, await readPdf(printed, chromium));
  } finally {
    forget();
    await rm(folder, { recursive: true, force: true });
  }
}
