/**
 * The work done for one batch item, in a worker thread or in-process: read the case, validate it
 * and check it against the screening date through the front end `relief screen` uses (app/front-end.ts), screen it, write its
 * readable report when asked, and reduce the result to a batch record.
 */
import { join } from 'node:path';
import { Screener } from '../app/screen.js';
import { readCase, screenCase } from '../app/front-end.js';
import { TOOL_VERSION } from '../app/version.js';
import type { EpochDay } from '../case/dates.js';
import type { EngineChoice } from '../evaluate/engine.js';
import { InputError, describeIssue, listedIssues, type CaseIssue } from '../case/load.js';
import type { RulePacks } from '../packs/load.js';
import { renderText } from '../render/text.js';
import { DEFAULT_WIDTH } from '../render/wrap.js';
import { writeFileAtomic } from '../files/atomic.js';
import { fitName } from '../files/names.js';
import { adoptStopSignal } from '../files/temporary.js';
import type { InputItem, Origin } from './inputs.js';
import { summarizeProgram, type BatchRecord, type ErrorStamp } from './records.js';
import { ERROR_TRIAGE, decisiveByOpenProgram, nextQuestions, triageOf } from './triage.js';

export interface CaseOptions {
  /** --as-of: overrides every case's screeningDate. */
  asOf?: string;
  /** The screening date of a case that gives none, when --as-of is not set. */
  today: EpochDay;
  programs?: string[];
  /** --reports: write one readable report per case into this folder. */
  reports?: ReportsFolder;
  /** --engine: which engine evaluates the packs (the compiled evaluator when not set). */
  engine?: EngineChoice;
  /** --no-settle: false leaves open what Kleene logic leaves open. */
  settle?: boolean;
  /**
   * When the batch started, by the CLI's clock: every record's audit stamp says this (one run's
   * records share it, so records of several runs joined together still tell their runs apart).
   */
  producedAt: Date;
}

export interface ReportsFolder {
  /** The folder, already created (owner-only) by the caller. */
  path: string;
  /** From stopSignalForWorkers(): lets an interrupted batch wait for the reports worker threads are writing (src/files/temporary.ts). */
  stopSignal: SharedArrayBuffer;
}

export function describeOrigin(origin: Origin): string {
  return origin.line === null ? origin.source : `${origin.source}:${origin.line}`;
}

function caseIdOf(raw: unknown): string | null {
  const id = raw !== null && typeof raw === 'object' ? (raw as { caseId?: unknown }).caseId : undefined;
  return typeof id === 'string' ? id : null;
}

/** The client's name (person.name), as the record carries it: only when the case gives one. */
function clientNameOf(raw: unknown): { clientName?: string } {
  const person = raw !== null && typeof raw === 'object' ? (raw as { person?: unknown }).person : undefined;
  const name = person !== null && typeof person === 'object' ? (person as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? { clientName: name } : {};
}

/** Characters of the case id (or file name) kept in a report's name: enough to recognise it in a listing. */
const READABLE_SLUG = 60;

/** A file name for a case's report: its position first, so the folder lists in input order. */
function reportFileName(index: number, origin: Origin, caseId: string | null): string {
  const base = caseId ?? origin.source.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const slug = base.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, READABLE_SLUG) || 'case';
  return fitName(`${String(index).padStart(6, '0')}-${slug}`, `${origin.line === null ? '' : `-line${origin.line}`}.txt`);
}

function errorReport(where: string, issues: CaseIssue[], audit: ErrorStamp): string {
  const hash = audit.caseSha256 === null ? 'not read' : audit.caseSha256;
  const stamp = `Audit: relief-screen ${audit.toolVersion} · rules ${audit.rulesVersion} · input SHA-256 ${hash} · produced ${audit.producedAt}`;
  return `relief-screen: this case could not be screened\nInput: ${where}\n${issues.map((issue) => `  - ${describeIssue(issue)}`).join('\n')}\n${stamp}\n`;
}

export class CaseScreener {
  private readonly screener: Screener;
  /** Cases run one after another: a json-rules-engine Engine must not serve two runs at once. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    rulePacks: RulePacks,
    private readonly options: CaseOptions,
  ) {
    // The records show no witness pairs (why a result is open) and no explain view: worked out only for --reports.
    const reports = options.reports !== undefined;
    this.screener = new Screener(rulePacks, { engine: options.engine, settle: options.settle !== false, witnesses: reports, sources: reports });
    if (options.reports) adoptStopSignal(options.reports.stopSignal);
  }

  screen(item: InputItem, index: number): Promise<BatchRecord> {
    const run = this.queue.then(() => this.screenNow(item, index));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async screenNow(item: InputItem, index: number): Promise<BatchRecord> {
    const { origin } = item;
    const where = describeOrigin(origin);
    const base = { index, source: origin.source, line: origin.line };
    const errorStamp: ErrorStamp = {
      toolVersion: TOOL_VERSION,
      rulesVersion: this.screener.rulePacks.version,
      caseSha256: item.sha256 ?? null,
      screeningDate: this.options.asOf ?? null,
      producedAt: this.options.producedAt.toISOString(),
    };
    if (item.kind === 'error') {
      const issues = listedIssues(item.issues); // a roster row can break every one of thousands of columns
      const clientName = item.clientName ? { clientName: item.clientName } : {};
      return this.withReport({ ...base, caseId: item.caseId ?? null, ...clientName, ...ERROR_TRIAGE, status: 'error', errors: issues, audit: errorStamp }, errorReport(where, issues, errorStamp));
    }
    let raw: unknown;
    try {
      // A case file's name is its path (where), which tells JSON from YAML; an NDJSON line is JSON.
      const read = await readCase(item.kind === 'value' ? { value: item.value, name: where, sha256: item.sha256 } : { text: item.text, name: where, sha256: item.sha256, ...(item.jsonOnly ? { format: 'json' as const } : {}) });
      raw = read.raw;
      const { asOf, today, producedAt } = this.options;
      const { report, checked } = await screenCase(this.screener, read, { asOf, today }, { producedAt, ...(this.options.programs ? { programs: this.options.programs } : {}) });
      const { caseFile } = checked;
      const decisive = decisiveByOpenProgram(report.programs, report.questions);
      const programs = report.programs.map((program) => summarizeProgram(program, decisive.get(program.program)));
      const record: BatchRecord = {
        ...base,
        caseId: report.caseId,
        ...clientNameOf(caseFile),
        ...triageOf(report.programs, decisive),
        status: 'screened',
        screeningDate: report.screeningDate,
        rulesVersion: report.rulesVersion,
        needsReview: programs.some((program) => program.needsReview),
        nextQuestions: nextQuestions(report.questions, decisive),
        staleResearch: report.staleResearch.map((entry) => entry.program),
        notInForce: report.notInForce,
        programs,
        audit: report.audit,
      };
      return this.withReport(record, () => renderText(report, { color: false, detail: false, explain: false, width: DEFAULT_WIDTH }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return this.withReport({ ...base, caseId: caseIdOf(raw), ...clientNameOf(raw), ...ERROR_TRIAGE, status: 'error', errors: error.issues, audit: errorStamp }, errorReport(where, error.issues, errorStamp));
    }
  }

  private async withReport(record: BatchRecord, text: string | (() => string)): Promise<BatchRecord> {
    if (!this.options.reports) return record;
    const file = join(this.options.reports.path, reportFileName(record.index, record, record.caseId));
    await writeFileAtomic(file, typeof text === 'string' ? text : text());
    return { ...record, reportFile: file };
  }
}
