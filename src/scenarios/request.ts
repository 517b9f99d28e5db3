/**
 * A named scenario as asked for on the command line, `NAME[:ITEM][=VALUE]` (plead:0=1325-first),
 * read without the scenario book: a module of its own, so `relief screen --help` loads nothing more.
 */
import { echo } from '../text/inert.js';

export interface ScenarioRequest {
  name: string;
  index?: number;
  value?: string;
  /** As written, for messages and the report. */
  text: string;
}

const REQUEST = /^([a-z0-9-]+)(?::(\d+))?(?:=([A-Za-z0-9.-]+))?$/;

/** `name[:INDEX][=VALUE]`, or undefined when it is not written so. */
export function parseScenarioRequest(text: string): ScenarioRequest | undefined {
  const match = REQUEST.exec(text);
  if (!match) return undefined;
  const [, name, index, value] = match;
  return { name: name!, ...(index !== undefined ? { index: Number(index) } : {}), ...(value !== undefined ? { value } : {}), text };
}

/** A scenario this case cannot take, or one asked for wrongly: a usage error naming it. */
export class ScenarioError extends Error {
  constructor(request: string, problem: string) {
    super(`--scenario ${echo(request)}: ${problem}`);
    this.name = 'ScenarioError';
  }
}

