/**
 * Tests that need a real browser. Where Chromium is missing they are skipped with a loud message
 * (the README's quick start runs `npm test` on a machine that may have none), unless
 * RELIEF_REQUIRE_CHROMIUM=1 (set by .ci/run), where a missing browser fails them.
 */
import { describe, it } from '@jest/globals';
import { findChromium } from '../../src/print/find-chromium.js';

const INSTALL = 'install it (Debian: apt-get update && apt-get install -y chromium) or set RELIEF_CHROMIUM to a Chromium or Chrome binary';

/** `describe`, given the path of the Chromium found; skipped, or failed when required, without one. */
export function describeWithChromium(name: string, define: (chromium: string) => void): void {
  const chromium = findChromium(process.env);
  if (chromium) {
    describe(name, () => define(chromium));
    return;
  }
  if (process.env.RELIEF_REQUIRE_CHROMIUM === '1') {
    describe(name, () => {
      it('has a Chromium to run in (RELIEF_REQUIRE_CHROMIUM=1)', () => {
        throw new Error(`No Chromium was found, and RELIEF_REQUIRE_CHROMIUM=1 requires one: ${INSTALL}.`);
      });
    });
    return;
  }
  process.stderr.write(`\n*** SKIPPED "${name}": no Chromium on this machine. To run it, ${INSTALL}. ***\n\n`);
  describe(name, () => {
    it.skip(`needs Chromium: ${INSTALL}`, () => undefined);
  });
}
