#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/, which `npm install` builds (the prepare script).
let cli;
try {
  cli = await import('../dist/cli/main.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist/cli/main.js')) throw error;
  process.stderr.write('relief: the CLI is not built yet; run "npm install" (or "npm run build") in the relief-screen folder first.\n');
  process.exit(4);
}
process.exitCode = await cli.main(process.argv.slice(2));
