/**
 * What `relief flips <case-file>` does: the case read, dated and checked as `relief screen` does
 * (a bad file or program id fails the same way), then the search (src/flips) and its output.
 */
import { checkCase, readCase } from '../app/front-end.js';
import { toIsoDate, todayEpochDay } from '../case/dates.js';
import { loadRulePacks } from '../packs/load.js';
import { loadScenarioBook } from '../scenarios/book.js';
import { thresholdsOf } from '../settle/thresholds.js';
import { loadChangeability } from '../flips/changeability.js';
import { candidates } from '../flips/candidates.js';
import { searchFlips } from '../flips/search.js';
import { renderFlipsJson, renderFlipsText, type FlipsReport } from '../flips/render.js';
import { widthFor } from '../render/wrap.js';
import type { CliIO } from './io.js';
import { checkProgramIds } from './options.js';
import type { FlipsOptions } from './flips-command.js';

export async function flips(io: CliIO, casePath: string, options: FlipsOptions): Promise<void> {
  const packs = await loadRulePacks(options.rules);
  checkProgramIds(packs, options.program);
  const book = loadScenarioBook(options.rules);
  const changeability = loadChangeability(options.rules);
  const todayDay = todayEpochDay(io.now());
  const { caseFile, screeningDay, read } = checkCase(await readCase({ path: casePath, stdin: io.stdin }), { asOf: options.asOf, today: todayDay });

  // The case as read (a mapping: it validated): what each change is made to, as relief screen makes it.
  const raw = read.raw as Record<string, unknown>;
  const context = { raw, source: read.name, book, asOf: options.asOf, today: toIsoDate(todayDay), todayDay };
  const singles = candidates({ ...context, screeningDay, thresholds: thresholdsOf(packs), changeability });
  const search = await searchFlips(packs, context, singles, options.program);
  const report: FlipsReport = {
    caseId: caseFile.caseId ?? null,
    source: read.source,
    screeningDate: toIsoDate(screeningDay),
    rulesVersion: packs.version,
    screenedWith: [...(options.asOf ? ['--as-of', options.asOf] : []), ...(options.program ? ['--program', options.program.join(',')] : [])],
    search,
  };
  io.stdout(options.format === 'json' ? renderFlipsJson(report) : renderFlipsText(report, widthFor(io.stdoutColumns)));
}
