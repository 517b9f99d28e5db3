/**
 * Claudia's HTML report in a real browser (headless Chromium driven by playwright-core): it loads
 * with no console message and no request, every program's result is visible and says what the
 * fixture says, and `relief screen --pdf` prints it to a PDF of a few
 * pages, each under the running header. Without Chromium: see support/chromium.ts.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium as playwright, type Browser } from 'playwright-core';
import type { Report } from '../../src/app/screen.js';
import { EXIT } from '../../src/cli/exit-codes.js';
import { CHROMIUM_FLAGS, sandboxFlags } from '../../src/print/chromium.js';
import { OUTCOME_LABEL } from '../../src/render/view.js';
import { describeWithChromium } from '../support/chromium.js';
import { FIXTURES_DIR, loadCaseFixtures } from '../support/fixtures.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { runCli } from '../support/run-cli.js';

const claudia = join(FIXTURES_DIR, 'cases', 'claudia.case.yaml');
const RUNNING_HEADER = 'relief-screen · case claudia · screening date 2012-09-15';

/** What each program's result reads, from the fixture (written from the law), not from the report. */
function expectedResults(): Record<string, RegExp> {
  const expected = loadCaseFixtures().find((f) => f.name === 'claudia')!.expected;
  return Object.fromEntries(
    Object.entries(expected).map(([program, e]) => [
      program,
      e.outcome
        ? new RegExp(`^${OUTCOME_LABEL[e.outcome]}$`)
        : new RegExp(`^Priority\\s*${e.classifications?.priority ?? 'not determined by the known facts'}\\s*Level\\s*${e.classifications?.level ?? 'not determined by the known facts'}\\s*Needs attorney review$`),
    ]),
  );
}

describeWithChromium("Claudia's HTML report in Chromium", (executablePath) => {
  const scratch = mkdtempSync(join(tmpdir(), 'relief-browser-test-'));
  let report: Report;
  let html: string;
  let browser: Browser;

  beforeAll(async () => {
    report = JSON.parse((await runCli(['screen', claudia, '--format', 'json'])).stdout) as Report;
    const screened = await runCli(['screen', claudia, '--format', 'html']);
    expect(screened.code).toBe(EXIT.ok);
    html = screened.stdout;
    // playwright adds --headless (and its own fresh profile) itself.
    browser = await playwright.launch({ executablePath, args: [...CHROMIUM_FLAGS.filter((f) => f !== '--headless'), ...sandboxFlags()] });
  });
  afterAll(async () => {
    await browser?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('opens with no console message and no request, and shows every outcome', async () => {
    const file = join(scratch, 'claudia.html');
    writeFileSync(file, html);
    const page = await browser.newPage();
    const messages: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => messages.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => messages.push(`page error: ${e.message}`));
    page.on('request', (r) => requests.push(r.url()));
    page.on('requestfailed', (r) => messages.push(`request failed: ${r.url()}`));
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });

    const results = expectedResults();
    expect(Object.keys(results).sort()).toEqual(report.programs.map((p) => p.program).sort());
    for (const [program, text] of Object.entries(results)) {
      const outcome = page.locator(`section[data-program="${program}"] .outcome`);
      expect(await outcome.isVisible()).toBe(true);
      const shown = program === 'morton' ? outcome : outcome.locator('.result');
      expect((await shown.innerText()).replace(/\s+/g, ' ').trim()).toMatch(text);
      expect(await page.locator(`tr[data-program="${program}"] .result`).isVisible()).toBe(true);
    }
    expect(await page.getByText('relief-screen is a screening aid, not legal advice.').isVisible()).toBe(true);
    expect(messages).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]); // the page itself, and nothing else
    await page.close();
  });

  it('prints to a PDF of a few pages, each program on its own, every page under the running header', async () => {
    const target = join(scratch, 'claudia.pdf');
    const printed = await runCli(['screen', claudia, '--pdf', target], { env: { RELIEF_CHROMIUM: executablePath } });
    expect({ code: printed.code, stdout: printed.stdout, stderr: printed.stderr }).toEqual({ code: EXIT.ok, stdout: '', stderr: `relief: wrote ${target}\n` });
    expect(statSync(target).mode & 0o777).toBe(0o600);
    const pages = pdfPageTexts(readFileSync(target));
    // 19 pages on Chromium 156 with eight programs: the summary and the questions, each program from a new page (one or two each), the sources.
    expect(pages.length).toBeGreaterThanOrEqual(1 + report.programs.length);
    expect(pages.length).toBeLessThanOrEqual(22);
    pages.forEach((text, i) => {
      const lines = text.split('\n');
      expect(lines[0]).toBe(RUNNING_HEADER);
      expect(lines.slice(1, 4).join('')).toBe(`${i + 1} / ${pages.length}`);
    });
    expect(pages[0]).toContain('Case claudia');
    for (const program of report.programs) {
      // The title's first words open the body of a page (after the header and the page number).
      const opening = program.title.split(' ').slice(0, 3).join(' ');
      expect(pages.some((text) => text.split('\n')[4]!.startsWith(opening))).toBe(true);
    }
  });
});
