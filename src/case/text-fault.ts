/** A problem found in a case's text, and where: a line and column a person can find in an editor. */
export interface TextFault {
  /** Characters from the start of the text. */
  offset: number;
  problem: string;
}

/** 1-based line and column of an offset (lines end at LF; a CR before it is part of the line). */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

export function describeFault(text: string, fault: TextFault): string {
  const { line, column } = lineAndColumn(text, fault.offset);
  return `line ${line}, column ${column}: ${fault.problem}`;
}
