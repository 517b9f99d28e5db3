/**
 * Runs one `relief` command (the built CLI, in this process) and writes what it cost to a JSON file:
 * wall time, CPU time and peak resident memory of the whole process, worker threads included
 * (getrusage covers every thread). Used by bench/run.js and bench/big-record.js:
 * node bench/measure-cli.js RESULT.json COMMAND ARGS...
 */
import { writeFileSync } from 'node:fs';
import { main } from '../dist/cli/main.js';

const [resultFile, ...args] = process.argv.slice(2);
const start = performance.now();
const code = await main(args);
const usage = process.resourceUsage();
writeFileSync(resultFile, JSON.stringify({ code, ms: performance.now() - start, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, maxRssKb: usage.maxRSS }));
