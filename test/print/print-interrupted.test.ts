/**
 * `relief screen --pdf` stopped with Ctrl-C while the browser prints (the built CLI, a real
 * process): the browser, which runs in a process group of its own and so gets no Ctrl-C from the
 * terminal, is stopped, and the private folder holding the client's page is removed.
 */
import { afterAll, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURES_DIR } from '../support/fixtures.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'relief-print-stop-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Whether a process is alive: a zombie (stopped, not yet reaped by an init that never reaps) is not. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

it('stops the browser and removes the page when relief is stopped while printing', async () => {
  const temporaries = join(scratch, 'tmp');
  const started = join(scratch, 'browser.pid');
  const browser = join(scratch, 'slow-browser');
  // A stand-in browser that says it started, then takes its time.
  writeFileSync(browser, `#!/bin/sh\necho $$ > "${started}"\nexec sleep 60\n`);
  chmodSync(browser, 0o755);
  mkdirSync(temporaries);
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'relief.js'), 'screen', join(FIXTURES_DIR, 'cases', 'claudia.case.yaml'), '--pdf', join(scratch, 'report.pdf')], {
    stdio: 'ignore',
    env: { ...process.env, RELIEF_CHROMIUM: browser, TMPDIR: temporaries },
  });
  const exited = once(child, 'exit');
  while (child.exitCode === null && !existsSync(started)) await new Promise((resume) => setTimeout(resume, 20));
  const browserPid = Number(readFileSync(started, 'utf8'));
  expect(readdirSync(temporaries).some((name) => name.startsWith('relief-pdf-'))).toBe(true);
  child.kill('SIGINT');
  const [code, signal] = await exited;
  expect({ code, signal }).toEqual({ code: null, signal: 'SIGINT' });
  expect(alive(browserPid)).toBe(false);
  expect(readdirSync(temporaries)).toEqual([]);
  expect(existsSync(join(scratch, 'report.pdf'))).toBe(false);
}, 60_000);
