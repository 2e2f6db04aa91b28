/**
 * Newline-delimited JSON read as it arrives: the import endpoint streams one
 * JSON object per line (progress lines, then one result line), and an
 * XMLHttpRequest exposes the body as a growing string. Feed each new piece of
 * text; complete lines come back parsed, a partial line waits for the rest.
 */
export class NdjsonParseError extends Error {
  constructor(
    readonly lineNumber: number,
    readonly line: string,
  ) {
    super(`Line ${lineNumber} of the response is not JSON: ${line.slice(0, 80)}`);
    this.name = 'NdjsonParseError';
  }
}

export interface NdjsonReader<T> {
  /** Appends text; returns the objects of the lines it completed. */
  push(text: string): T[];
  /** Ends the stream; returns the last line's object when it had no newline. */
  end(): T[];
}

export function createNdjsonReader<T = unknown>(): NdjsonReader<T> {
  let buffer = '';
  let lineNumber = 0;
  const parse = (line: string, out: T[]) => {
    lineNumber++;
    const trimmed = line.trim();
    if (trimmed === '') return;
    try {
      out.push(JSON.parse(trimmed) as T);
    } catch {
      throw new NdjsonParseError(lineNumber, trimmed);
    }
  };
  return {
    push(text) {
      buffer += text;
      const out: T[] = [];
      let newline = buffer.indexOf('\n');
      while (newline !== -1) {
        parse(buffer.slice(0, newline), out);
        buffer = buffer.slice(newline + 1);
        newline = buffer.indexOf('\n');
      }
      return out;
    },
    end() {
      const out: T[] = [];
      const rest = buffer;
      buffer = '';
      parse(rest, out);
      return out;
    },
  };
}

/**
 * Reads a growing response text (XMLHttpRequest.responseText) piece by piece:
 * call with the whole text so far; only the new part is parsed.
 */
export function createGrowingTextReader<T = unknown>(): { update(fullText: string): T[]; end(): T[] } {
  const reader = createNdjsonReader<T>();
  let seen = 0;
  return {
    update(fullText) {
      const fresh = fullText.slice(seen);
      seen = fullText.length;
      return reader.push(fresh);
    },
    end: () => reader.end(),
  };
}
