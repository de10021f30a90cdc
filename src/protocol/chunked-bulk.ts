// A bulk string that arrived in pieces, kept in those pieces.
//
// Node reads a socket 64 KB at a time, so a 100 kB value arrives in two chunks (or more).
// Joining them is a 100 kB copy per request, and on the SET-100-kB benchmark that copy
// alone was a fifth of the server's time (measured with perf: memmove under frames()'s
// join). Redis avoids it by reading a large argument straight into the buffer that
// becomes the stored value; Node gives us no such control over its reads, so we keep the
// chunks instead: a ChunkedBulk is the list of views into them.
//
// It is a bulk Frame like any other (`type: 'bulk'`, `value: Buffer`): code that reads
// `value` gets the bytes joined, once, on first use. Only code that knows better (SET,
// which hands it to the Db as it is) avoids the join altogether.

/** A bulk string held as the pieces it arrived in; `value` joins them on first use. */
export class ChunkedBulk {
  /** A bulk string, like any other: `{ type: 'bulk', value }`. */
  readonly type = 'bulk' as const;
  private joined: Buffer | undefined;

  constructor(
    /** The pieces, in order: views into the chunks they arrived in. */
    readonly parts: readonly Buffer[],
    /** Their total length. */
    readonly length: number,
  ) {}

  /** The bytes as one Buffer (joined on the first read, then kept). */
  get value(): Buffer {
    return (this.joined ??= Buffer.concat(this.parts, this.length));
  }
}

/**
 * Bulk strings at least this long that span chunks are kept in pieces: Redis's own
 * threshold for treating an argument as big (PROTO_MBULK_BIG_ARG, 32 KB). Below it a
 * join is cheap and one Buffer is simpler for everyone.
 */
export const PIECES_FROM = 32 * 1024;
