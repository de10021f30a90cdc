// The Frame: the intermediate representation of the Redis protocol (RESP2), as in
// mini-redis's frame.rs. Everything between the socket and the Db speaks Frames, so the
// pipeline can be tested with plain values instead of bytes.
//
// Binary safety: bulk strings are Buffers. Simple strings and errors are "byte strings"
// (latin1: one char per byte), so a key echoed inside an error text comes back out as
// the very bytes that went in, never re-encoded as UTF-8.

/** One RESP2 value. The `type` tag makes it a discriminated union: `switch` on it. */
export type Frame =
  | { readonly type: 'simple'; readonly value: string }
  | { readonly type: 'error'; readonly value: string }
  | { readonly type: 'integer'; readonly value: number }
  | { readonly type: 'bulk'; readonly value: Buffer }
  | { readonly type: 'null' }
  | { readonly type: 'array'; readonly value: readonly Frame[] }
  | { readonly type: 'nullArray' };

// Small constructors keep command code readable: `return simple('OK')`.

/** `+value\r\n`, e.g. `+OK`. */
export const simple = (value: string): Frame => ({ type: 'simple', value });
/** `-message\r\n`. The message starts with its code, e.g. `ERR syntax error`. */
export const error = (value: string): Frame => ({ type: 'error', value });
/** `:n\r\n`. */
export const integer = (value: number): Frame => ({ type: 'integer', value });
/** `$len\r\nbytes\r\n`; a string is taken as UTF-8 text. */
export const bulk = (value: Buffer | string): Frame => ({
  type: 'bulk',
  value: typeof value === 'string' ? Buffer.from(value) : value,
});
/** `*n\r\n` followed by the elements. */
export const array = (value: readonly Frame[]): Frame => ({ type: 'array', value });

/** The null bulk string `$-1\r\n`: a missing value (GET of a missing key). */
export const NULL: Frame = Object.freeze({ type: 'null' });
/** The null array `*-1\r\n`. */
export const NULL_ARRAY: Frame = Object.freeze({ type: 'nullArray' });
/** `+OK`, the most common reply of all. */
export const OK: Frame = Object.freeze({ type: 'simple', value: 'OK' });

/** A command as sent by a client: an array of bulk strings, the arguments. */
export const command = (...args: (string | Buffer)[]): Frame => array(args.map((a) => bulk(a)));
