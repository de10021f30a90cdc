// A strict RESP2 reply reader for tests: the RESP3 reader (resp3-reader.ts) told to
// accept only RESP2's five types (`+ - : $ *`), under RESP2's names.
//
// The differential harness needs to know where one reply ends so that it can wait
// for "exactly N replies" without sleeping. Like the RESP3 reader it does not import
// the decoder from src/: the oracle side of the comparison must not depend on the
// code under test, or a bug in our decoder could hide itself.
//
// It is strict on purpose: anything a real Redis would never send on a RESP2
// connection (a RESP3 type, a lone '\n' in a status line, a bulk string without its
// trailing CRLF) is an error, so that malformed replies fail loudly instead of making
// a read hang. Its replies are typed as RESP2's kinds only, so a spec that switches on
// `kind` need not handle types RESP2 cannot carry.
import {
  endOfReplies as endOfRespReplies,
  readReply as readRespReply,
  renderReply as renderRespReply,
} from './resp3-reader';

export { RespSyntaxError as Resp2SyntaxError } from './resp3-reader';

export type Resp2Reply =
  | { readonly kind: 'simple'; readonly text: string }
  | { readonly kind: 'error'; readonly text: string }
  | { readonly kind: 'integer'; readonly value: bigint }
  | { readonly kind: 'bulk'; readonly bytes: Buffer | null }
  | { readonly kind: 'array'; readonly items: readonly Resp2Reply[] | null };

export interface Resp2Read {
  readonly reply: Resp2Reply;
  /** Offset just past the reply's last byte. */
  readonly end: number;
}

/**
 * Reads one reply starting at `offset`. Returns undefined when the buffer does not
 * hold a complete reply yet (the caller waits for more bytes); throws
 * Resp2SyntaxError when the bytes cannot be a RESP2 reply.
 */
export function readReply(buf: Buffer, offset = 0): Resp2Read | undefined {
  // Read in RESP2 mode, the reader only ever builds RESP2's kinds.
  return readRespReply(buf, offset, 2) as Resp2Read | undefined;
}

/**
 * Offset just past `count` complete RESP2 replies from the start of `buf`, or
 * undefined while they have not all arrived.
 */
export function endOfReplies(buf: Buffer, count: number): number | undefined {
  return endOfRespReplies(buf, count, 2);
}

/** A compact, unambiguous text form of a reply, for messages and normalised comparisons. */
export const renderReply: (reply: Resp2Reply) => string = renderRespReply;
