/** The uploaded bytes: counted as they arrive, with a look at the first ones to tell the format. */
export class ByteSource {
  /** Bytes taken from the input so far. */
  bytes = 0;
  /** Set when the input went past maxBytes; reading stopped there. */
  tooLarge = false;
  private readonly iterator: AsyncIterator<Buffer | string>;
  private readonly buffered: Buffer[] = [];
  private ended = false;

  constructor(
    input: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
    private readonly maxBytes: number,
  ) {
    this.iterator = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  }

  private async pull(): Promise<Buffer | null> {
    if (this.ended || this.tooLarge) return null;
    const next = await this.iterator.next();
    if (next.done) {
      this.ended = true;
      return null;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value, 'utf8') : next.value;
    this.bytes += chunk.length;
    if (this.bytes > this.maxBytes) {
      this.tooLarge = true;
      return null;
    }
    return chunk;
  }

  /** Up to `n` first bytes (fewer if the input is shorter or too large); they are read again by chunks(). */
  async peek(n: number): Promise<Buffer> {
    let have = this.buffered.reduce((s, b) => s + b.length, 0);
    while (have < n) {
      const chunk = await this.pull();
      if (!chunk) break;
      this.buffered.push(chunk);
      have += chunk.length;
    }
    return Buffer.concat(this.buffered).subarray(0, n);
  }

  /** The whole input, chunk by chunk. Past maxBytes it sets tooLarge and throws `onLimit` (or just ends without one). */
  async *chunks(onLimit?: () => Error): AsyncGenerator<Buffer> {
    while (this.buffered.length > 0) yield this.buffered.shift()!;
    for (;;) {
      const chunk = await this.pull();
      if (chunk) yield chunk;
      else if (this.tooLarge && onLimit) throw onLimit();
      else return;
    }
  }

  /** Stops reading the input (a Node stream is destroyed by its iterator's return()). */
  async close(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.iterator.return?.();
    } catch {
      // The caller's stream failed while closing; the read is over either way.
    }
  }
}
