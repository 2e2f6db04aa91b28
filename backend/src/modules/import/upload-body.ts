import type { IncomingMessage } from 'node:http';

/**
 * The body of an upload request, read only as the parser asks for it. When the answer is known before the
 * body's end (a refusal), what remains is read and thrown away within a bound before answering: a client
 * still sending when the server answers and closes sees the connection reset, not the answer.
 */
export class UploadBody implements AsyncIterable<Buffer> {
  private readonly source: AsyncIterator<Buffer>;
  private ended = false;
  /** Bytes taken from the request so far, by the parser and by discardRest. */
  bytes = 0;

  constructor(req: IncomingMessage) {
    this.source = req[Symbol.asyncIterator]();
  }

  /** The chunks as they arrive. Stopping early leaves the request open (unlike a plain for await over it). */
  [Symbol.asyncIterator](): AsyncIterator<Buffer> {
    return {
      next: async () => {
        if (this.ended) return { done: true, value: undefined };
        const n = await this.source.next();
        if (n.done) this.ended = true;
        else this.bytes += n.value.length;
        return n;
      },
    };
  }

  /** Reads and discards the rest, until maxTotal bytes of the request are read and within ms. False when the request goes on past either. */
  async discardRest(maxTotal: number, ms: number): Promise<boolean> {
    if (this.ended) return true;
    let timer: NodeJS.Timeout | null = null;
    const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
    try {
      for (;;) {
        const n = await Promise.race([this.source.next(), late]);
        if (n === 'late') return false;
        if (n.done) {
          this.ended = true;
          return true;
        }
        this.bytes += n.value.length;
        if (this.bytes > maxTotal) return false;
      }
    } catch {
      return false;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
