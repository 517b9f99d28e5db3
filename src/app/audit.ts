/**
 * The audit stamp: what produced a result, so a report in a client's file or a batch record can be
 * traced and reproduced. The same five facts go on every report (each format shows them) and on
 * every batch record: the tool's version, the rule packs' version, the SHA-256 of the case's bytes
 * exactly as read, the screening date, and when the result was produced (the caller's clock, so a
 * test can fix it).
 */
import type { Report, Screening } from './screen.js';
import { TOOL_VERSION } from './version.js';

export interface AuditStamp {
  toolVersion: string;
  rulesVersion: string;
  /** SHA-256 (lowercase hex) of the case's bytes as read: a case file's, an NDJSON line's, a roster row's (docs/report.md). */
  caseSha256: string;
  screeningDate: string;
  /** ISO 8601, UTC. */
  producedAt: string;
}

/** What the caller knows of a screening's input and time; the rest of the stamp comes from the screening. */
export interface StampInput {
  caseSha256: string;
  producedAt: Date;
}

/** A screening with its stamp: the report every output renders. */
export function stampReport(screening: Screening, input: StampInput): Report {
  const { programs, questions, ...head } = screening;
  const audit: AuditStamp = {
    toolVersion: TOOL_VERSION,
    rulesVersion: screening.rulesVersion,
    caseSha256: input.caseSha256,
    screeningDate: screening.screeningDate,
    producedAt: input.producedAt.toISOString(),
  };
  // The stamp before the long lists, so a reader of the JSON finds it near the top.
  return { ...head, audit, programs, questions };
}
