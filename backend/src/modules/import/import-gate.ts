/**
 * At most `limit` imports at once: each holds a parse worker (up to its heap bound) and, for a real import,
 * a database transaction. Past the limit an upload is refused at once, before its body is read, and the
 * client is told when to try again; queueing would hold its request and body open meanwhile.
 */
export class ImportGate {
  private running = 0;

  constructor(readonly limit: number) {}

  /** Takes a place, or throws TooManyImportsError; the returned function gives the place back (once). */
  enter(): () => void {
    if (this.running >= this.limit) throw new TooManyImportsError(this.limit);
    this.running++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.running--;
    };
  }
}

/**
 * Not a DomainError: it is about the server's load, not the request, has no GraphQL counterpart, and is
 * answered HTTP 429 with Retry-After by the import controller (the one place files are uploaded).
 */
export class TooManyImportsError extends Error {
  readonly code = 'TOO_MANY_IMPORTS';
  /** A quarter's file parses in a few seconds. */
  readonly retryAfterSeconds = 5;

  constructor(readonly limit: number) {
    super(
      `The server is already reading ${limit} uploaded file${limit === 1 ? '' : 's'}, the most it reads at once. Try again in a few seconds.`,
    );
  }
}
