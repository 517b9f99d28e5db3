/** What `relief screen <case-file>` does: wiring only; the pipeline lives in app/screen.ts. */
import { InvalidArgumentError } from 'commander';
import { WhatIfError } from '../case/what-if.js';
import { toIsoDate, todayEpochDay } from '../case/dates.js';
import { ScenarioError } from '../scenarios/request.js';
import { Screener, type Report } from '../app/screen.js';
import { screenCase } from '../app/front-end.js';
import { loadRulePacks } from '../packs/load.js';
import type { CliIO } from './io.js';
import { widthFor } from '../render/wrap.js';
import { checkProgramIds } from './options.js';
import type { CaseFile } from '../case/schema.js';
import type { ScreenOptions } from './screen-command.js';
import { OutputPathError } from '../files/output-path.js';
import { inert } from '../text/inert.js';

export async function screen(io: CliIO, casePath: string, options: ScreenOptions, color: boolean): Promise<void> {
  // Options that do not go together, a PDF that cannot be written, or no browser to print it: known before anything is screened.
  checkOutputOptions(options);
  if (options.pdf !== undefined) await checkPdfOutput(options.pdf, io.env);
  const packs = await loadRulePacks(options.rules);
  checkProgramIds(packs, options.program);
  const requested = await requestedChanges(options, io);
  const screener = new Screener(packs, { engine: options.engine, settle: options.settle });
  const dating = { today: todayEpochDay(io.now()), changes: { made: requested.changes, asOf: requested.asOf } };
  const request = { whatIfs: requested.labels, producedAt: io.now(), ...(options.program ? { programs: options.program } : {}) };
  const { report, checked } = await screenCase(screener, { path: casePath, stdin: io.stdin }, dating, request).catch((error: unknown) => {
    // A change this case cannot take is a mistake in the command line, not in the case file.
    throw error instanceof WhatIfError || error instanceof ScenarioError ? new InvalidArgumentError(error.message) : error;
  });
  const { caseFile } = checked;
  if (options.pdf !== undefined) {
    const html = options.clientSummary ? await clientSummary(report, caseFile, { ...options, format: 'html' }, io) : (await import('../render/html.js')).renderHtml(report);
    await writePdf(html, options.pdf, io.env);
    io.stderr(`relief: wrote ${inert(options.pdf)}\n`);
    return;
  }
  io.stdout(options.clientSummary ? await clientSummary(report, caseFile, options, io) : await render(report, options, color, io));
}

function checkOutputOptions(options: ScreenOptions): void {
  if (options.clientSummary && options.format === 'json') throw new InvalidArgumentError('--client-summary is written as text, markdown or html, not json');
  // The PDF is the HTML printed: a Markdown or JSON report asked for beside it would be dropped unsaid.
  if (options.pdf !== undefined && (options.format === 'json' || options.format === 'markdown')) throw new InvalidArgumentError(`--pdf prints the HTML report; it does not take --format ${options.format}`);
}

/** The --scenario and --what-if changes; a scenario this book does not have is a usage error before the case is read. */
async function requestedChanges(options: ScreenOptions, io: CliIO) {
  const requests = options.scenario ?? [];
  const { loadScenarioBook } = await import('../scenarios/book.js');
  const { requestedChanges: changes } = await import('../scenarios/changes.js');
  const { resolveScenario } = await import('../scenarios/expand.js');
  const book = requests.length ? loadScenarioBook(options.rules) : null;
  try {
    for (const request of requests) resolveScenario(book!, request);
  } catch (error) {
    throw error instanceof ScenarioError ? new InvalidArgumentError(error.message) : error;
  }
  return changes(book, requests, options.whatIf ?? [], options.asOf, toIsoDate(todayEpochDay(io.now())));
}

/** Usage errors (exit 2) for a --pdf target that may not be written, or no Chromium to print with. */
async function checkPdfOutput(target: string, env: CliIO['env']): Promise<void> {
  const { checkPdfTarget } = await import('../print/chromium.js');
  const { findChromium, noChromiumMessage } = await import('../print/find-chromium.js');
  await checkPdfTarget(target).catch((error: unknown) => {
    throw error instanceof OutputPathError ? new InvalidArgumentError(`--pdf ${error.message}`) : error;
  });
  if (!findChromium(env)) throw new InvalidArgumentError(`--pdf: ${noChromiumMessage(env)}`);
}

async function writePdf(html: string, target: string, env: CliIO['env']): Promise<void> {
  const { PdfError, printPdf } = await import('../print/chromium.js');
  await printPdf(html, target, { env }).catch((error: unknown) => {
    throw error instanceof PdfError || error instanceof OutputPathError ? new InvalidArgumentError(`--pdf: ${error.message}`) : error;
  });
}

/** The client's summary instead of the report: in text, Markdown or HTML (JSON is the report's own). */
async function clientSummary(report: Report, caseFile: CaseFile, options: ScreenOptions, io: CliIO): Promise<string> {
  const format = options.format === 'markdown' || options.format === 'html' ? options.format : 'text';
  const { renderClientSummary } = await import('../render/client-summary/index.js');
  return renderClientSummary(report, { language: options.clientSummary!, format, width: options.width ?? widthFor(io.stdoutColumns), caseFile });
}

/** The report in the format asked for; only that renderer is loaded (the text one brings chalk). */
async function render(report: Report, options: ScreenOptions, color: boolean, io: CliIO): Promise<string> {
  switch (options.format) {
    case 'json':
      return (await import('../render/json.js')).renderJson(report);
    case 'markdown':
      return (await import('../render/markdown.js')).renderMarkdown(report);
    case 'html':
      return (await import('../render/html.js')).renderHtml(report);
    default:
      return (await import('../render/text.js')).renderText(report, {
        color,
        detail: Boolean(options.detail),
        explain: Boolean(options.explain),
        width: options.width ?? widthFor(io.stdoutColumns),
      });
  }
}
