// Readers that turn a parsed RESP2 reply into the plain value a test asserts on, and
// throw (with the reply rendered) when the reply is of another kind.
//
// Why throw rather than return undefined: a test that expected an integer and got an
// error reply should fail on that line, saying what came back, not later on a
// confusing comparison of undefined. Bulk strings are read as latin1, the server's
// own one-char-per-byte view of binary data, so binary members round-trip.
import { renderReply, type Resp2Reply } from './resp2-reader';

export const asInteger = (reply: Resp2Reply): number => {
  if (reply.kind !== 'integer') throw new Error(`expected an integer, got ${renderReply(reply)}`);
  return Number(reply.value);
};

/** A bulk string's text, or null for the null bulk string. */
export const asString = (reply: Resp2Reply): string | null => {
  if (reply.kind !== 'bulk') throw new Error(`expected a bulk string, got ${renderReply(reply)}`);
  return reply.bytes === null ? null : reply.bytes.toString('latin1');
};

/** An array of bulk strings; a null item reads as '(nil)', as redis-cli shows it. */
export const asStrings = (reply: Resp2Reply): string[] => {
  if (reply.kind !== 'array' || reply.items === null) throw new Error(`expected an array, got ${renderReply(reply)}`);
  return reply.items.map((item) => asString(item) ?? '(nil)');
};
