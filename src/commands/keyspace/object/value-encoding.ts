// What OBJECT ENCODING and OBJECT REFCOUNT (and DEBUG OBJECT) say about a value: the
// name of its internal representation and its reference count, as Redis 7.0 would.
//
// An aggregate knows its own encoding (listpack, quicklist, intset, hashtable,
// skiplist): it owns its data structure and converts itself at Redis's thresholds. A
// string is judged by its content, the way Redis's tryObjectEncoding judges a value SET
// stores: `int` for a canonical integer that fits a C long (at most 20 bytes, no
// leading zeros or plus sign), `embstr` up to 44 bytes, `raw` beyond.
//
// Where this differs from Redis: Redis also turns a string `raw` when APPEND or SETRANGE
// modify it in place (they unshare it first), whatever its length. Remembering that
// would cost a mark per key on every write path for the sake of one introspection
// answer, so this server does not: a short string that APPEND built says `embstr`
// here (`int` if it spells an integer), where Redis says `raw`.

import type { Value } from '../../../db/db';
import { isAggregate } from '../../../db/db';
import { parseLongLongExact } from '../../../protocol/integer';

/** Redis's OBJ_ENCODING_EMBSTR_SIZE_LIMIT: strings up to this many bytes live in the object's own allocation. */
const EMBSTR_SIZE_LIMIT = 44;
/** The longest decimal a C long can take: "-9223372036854775808". */
const MAX_LONG_CHARS = 20;
/** Redis shares one object per integer below this (OBJ_SHARED_INTEGERS), when maxmemory is 0. */
const SHARED_INTEGERS = 10000n;
/** The reference count Redis reports for a shared object (OBJ_SHARED_REFCOUNT, INT_MAX). */
const SHARED_REFCOUNT = 2147483647;

/** The integer a string value would be stored as by Redis (encoding `int`), or null. */
function asLong(value: string | Buffer): bigint | null {
  if (value.length > MAX_LONG_CHARS) return null;
  const bytes = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
  return parseLongLongExact(bytes, 0, bytes.length);
}

/** OBJECT ENCODING's answer for a value. */
export function encodingOf(value: Value): string {
  if (isAggregate(value)) return value.encoding;
  if (asLong(value) !== null) return 'int';
  return value.length <= EMBSTR_SIZE_LIMIT ? 'embstr' : 'raw';
}

/**
 * OBJECT REFCOUNT's answer: Redis shares the integers 0..9999 between every key that
 * holds one (INT_MAX, "shared"); every other value has one owner, its key.
 */
export function refcountOf(value: Value): number {
  if (isAggregate(value)) return 1;
  const n = asLong(value);
  return n !== null && n >= 0n && n < SHARED_INTEGERS ? SHARED_REFCOUNT : 1;
}
