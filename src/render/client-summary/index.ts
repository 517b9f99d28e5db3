/**
 * The plain-language client summary (`relief screen CASE --client-summary es|en`): what the clinic
 * looked at, the questions still open, the papers to bring and the next step, in the client's
 * language, independent of the report's. It reports no outcome: an attorney reviews those with the
 * client. Its words are in locales/client-summary/<language>.json (catalog.ts).
 */
import type { Report } from '../../app/screen.js';
import type { CaseFile } from '../../case/schema.js';
import { loadCatalog } from './catalog.js';
import { summaryAsHtml, summaryAsMarkdown, summaryAsText, type ClientSummaryFormat } from './formats.js';
import { buildClientSummary } from './summary.js';

export { clientSummaryLanguages } from './languages.js';
export { CatalogError } from './catalog-error.js';
export { CLIENT_SUMMARY_FORMATS, type ClientSummaryFormat } from './formats.js';

export interface ClientSummaryOptions {
  /** A language whose catalog exists (clientSummaryLanguages()). */
  language: string;
  format: ClientSummaryFormat;
  /** Columns the text format wraps to (src/render/wrap.ts widthFor). */
  width: number;
  /**
   * The case file screened: lets a question about one conviction or trip name it in the client's
   * own words ("your court case for “Shoplifting” (2019)"); without it, items are numbered.
   */
  caseFile?: CaseFile;
}

export function renderClientSummary(report: Report, options: ClientSummaryOptions): string {
  const summary = buildClientSummary(report, loadCatalog(options.language), options.language, options.caseFile);
  if (options.format === 'html') return summaryAsHtml(summary);
  if (options.format === 'markdown') return summaryAsMarkdown(summary);
  return summaryAsText(summary, options.width);
}
