// The Frame: the intermediate representation of the Redis protocol, as in mini-redis's
// frame.rs. Everything between the socket and the Db speaks Frames, so the pipeline can
// be tested with plain values instead of bytes.
//
// One vocabulary for both protocol versions: commands reply with RESP3's richer types
// (map, set, double, push, verbatim string) and the connection's ReplyWriter encodes
// them as RESP3, or folds them into RESP2's arrays and bulk strings, exactly as Redis
// does for a client that did not say HELLO 3. Commands never know which it is.
//
// Binary safety: bulk strings are Buffers. Simple strings and errors are "byte strings"
// (latin1: one char per byte), so a key echoed inside an error text comes back out as
// the very bytes that went in, never re-encoded as UTF-8.

/** One protocol value. The `type` tag makes it a discriminated union: `switch` on it. */
export type Frame =
  | { readonly type: 'simple'; readonly value: string }
  | { readonly type: 'error'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number | bigint }
  | { readonly type: 'bulk'; readonly value: Buffer }
  /**
   * A bulk string whose bytes are held as a latin1 JS string (one char per byte): what
   * the Db stores small values and aggregate elements as. On the wire it is a bulk
   * string like any other; it only spares the Buffer a `bulk` frame would need.
   */
  | { readonly type: 'latin1'; readonly value: string }
  | { readonly type: 'null' }
  | { readonly type: 'array'; readonly value: readonly Frame[] }
  | { readonly type: 'nullArray' }
  // RESP3 types; in RESP2 they become arrays / bulk strings (see encode.ts).
  | { readonly type: 'map'; readonly value: readonly (readonly [Frame, Frame])[] }
  | { readonly type: 'set'; readonly value: readonly Frame[] }
  | { readonly type: 'push'; readonly value: readonly Frame[] }
  | { readonly type: 'double'; readonly value: number }
  | { readonly type: 'boolean'; readonly value: boolean }
  /** A big number (`(`), its digits as text: only scripts answer one ({big_number=...}). */
  | { readonly type: 'bigNumber'; readonly value: string }
  /** A verbatim string (`=`), with its 3-letter format, e.g. `txt` for INFO. */
  | { readonly type: 'verbatim'; readonly format: string; readonly value: Buffer };

/** A reply, or several (SUBSCRIBE a b answers twice: one reply per channel). */
// Why a command may answer several frames: Redis writes SUBSCRIBE a b as two separate
// replies, not one array of two. The session writes each frame of the list in turn, so
// the bytes are what Redis sends.
export type Replies = Frame | readonly Frame[];

/** A bulk string frame: a request's arguments are these. */
export type BulkFrame = Extract<Frame, { readonly type: 'bulk' }>;

// Small constructors keep command code readable: `return simple('OK')`.

/** `+value\r\n`, e.g. `+OK`. */
export const simple = (value: string): Frame => ({ type: 'simple', value });
/** `-message\r\n`. The message starts with its code, e.g. `ERR syntax error`. */
export const error = (value: string): Frame => ({ type: 'error', value });
/** `:n\r\n`. A bigint keeps 64-bit results (INCR) exact. */
export const integer = (value: number | bigint): Frame => ({ type: 'integer', value });
/** `$len\r\nbytes\r\n`; a string is taken as UTF-8 text. */
export const bulk = (value: Buffer | string): Frame => ({
  type: 'bulk',
  value: typeof value === 'string' ? Buffer.from(value) : value,
});
/**
 * A bulk string from a latin1 string (bytes as the Db stores them), written straight into
 * the reply without a Buffer in between: a list of 600 elements replies without 600
 * allocations.
 */
export const latin1Bulk = (value: string): Frame => ({ type: 'latin1', value });
/** `*n\r\n` followed by the elements. */
export const array = (value: readonly Frame[]): Frame => ({ type: 'array', value });

/** A map: `%n` in RESP3, a flat array of 2n items in RESP2. */
export const map = (entries: readonly (readonly [Frame, Frame])[]): Frame => ({ type: 'map', value: entries });
/** A set: `~n` in RESP3, an array in RESP2. */
export const set = (items: readonly Frame[]): Frame => ({ type: 'set', value: items });
/** An out-of-band message (pub/sub): `>n` in RESP3, an array in RESP2. */
export const push = (items: readonly Frame[]): Frame => ({ type: 'push', value: items });

// The constants below are shared by every reply that uses them (a GET miss returns the
// very same NULL object each time: no allocation). Frozen, so that no code can change
// a shared reply by accident.
/** The null bulk string `$-1\r\n`: a missing value (GET of a missing key). */
export const NULL: Frame = Object.freeze({ type: 'null' });
/** The null array `*-1\r\n`. */
export const NULL_ARRAY: Frame = Object.freeze({ type: 'nullArray' });
/** `+OK`, the most common reply of all. */
export const OK: Frame = Object.freeze({ type: 'simple', value: 'OK' });

// Tests and the lessons build requests with command(): the same Frame the decoder
// produces from `*2\r\n$3\r\nGET\r\n...`, so a session can be driven without bytes.
/** A command as sent by a client: an array of bulk strings, the arguments. */
export const command = (...args: (string | Buffer)[]): Frame => array(args.map((a) => bulk(a)));
