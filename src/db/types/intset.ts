// The compact form of a small set of integers: Redis's intset, packed in a string.
//
// Redis keeps a set whose members are all integers (and are few: set-max-intset-entries,
// 512 by default) as one sorted array of 16-, 32- or 64-bit integers, all of the width
// the largest magnitude needs, found by binary search. Here the same bytes live in a
// latin1 string (one char per byte): one width char (2, 4 or 8), then the members,
// little-endian, in ascending order. A string is V8's most compact object (16 bytes of
// header, then the bytes), immutable (so a copy of a set can share it) and holds no
// pointers for the garbage collector to trace. For 10 members below 2^31 that is 64
// bytes, against 128 for a JS array of numbers (see set.ts for the measurements).
//
// The data-structure pattern: a sorted packed array with binary search, rebuilt on
// every insertion or removal (Redis pays the same O(n) copy: intsetResize + memmove).
// A new member that needs a wider width re-encodes them all once (intsetUpgradeAndAdd);
// a removal never narrows it, as in Redis.
//
// Members are 64-bit integers. A JS number is exact only up to 2^53, so at this API a
// member is a `number` when it is a safe integer and a `bigint` beyond: each value has
// exactly one form, so `===` is equality, and `<` compares numbers with bigints.

/** An intset member: a number when safe (|v| < 2^53), a bigint otherwise. */
export type Int = number | bigint;

/** A packed intset: '' (empty) or a width char (2, 4, 8) and then the members, sorted. */
export type Intset = string;

export const EMPTY_INTSET: Intset = '';

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;
const TWO_32 = 4294967296;

/**
 * The integer a member string stands for, by Redis's string2ll rules (what
 * isSdsRepresentableAsLongLong accepts): an optional '-', then digits with no leading
 * zero, within 64 bits. "007", "+1", "-0", " 1", "1.0" and "" are not integers: they
 * are strings, and a set holding one is a hash table. Undefined when not an integer.
 */
export function intOf(member: string): Int | undefined {
  const length = member.length;
  if (length === 0 || length > 20) return undefined;
  let i = 0;
  let negative = false;
  if (member.charCodeAt(0) === 0x2d /* - */) {
    negative = true;
    i = 1;
    if (length === 1) return undefined;
  }
  const first = member.charCodeAt(i);
  if (first === 0x30 /* 0 */) return length === 1 ? 0 : undefined; // "0" only: no "-0", no "01"
  if (first < 0x31 || first > 0x39) return undefined;
  // Up to 15 digits fit a double exactly; the few longer members take the exact path.
  if (length - i > 15) return bigIntOf(member);
  let value = first - 0x30;
  for (i++; i < length; i++) {
    const c = member.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return undefined;
    value = value * 10 + (c - 0x30);
  }
  return negative ? -value : value;
}

function bigIntOf(member: string): Int | undefined {
  if (!/^-?[1-9][0-9]*$/.test(member)) return undefined;
  const value = BigInt(member);
  if (value > LLONG_MAX || value < LLONG_MIN) return undefined;
  return canonical(value);
}

/** The one canonical form: a number whenever it is exact. */
function canonical(value: bigint): Int {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** The member string of an intset value: its canonical decimal form (what Redis replies). */
export const memberOf = (value: Int): string => String(value);

/** The width (bytes) a value needs: 2, 4 or 8, as Redis's _intsetValueEncoding. */
function widthFor(value: Int): number {
  if (typeof value === 'bigint') return 8;
  if (value >= -32768 && value <= 32767) return 2;
  if (value >= -2147483648 && value <= 2147483647) return 4;
  return 8;
}

const widthOf = (set: Intset): number => set.charCodeAt(0);

/** The number of members. */
export const intsetLength = (set: Intset): number => (set.length === 0 ? 0 : (set.length - 1) / widthOf(set));

/** The member at index `i` (0-based, ascending order). */
export function intsetGet(set: Intset, i: number): Int {
  const width = widthOf(set);
  const at = 1 + i * width;
  if (width === 2) {
    const v = set.charCodeAt(at) | (set.charCodeAt(at + 1) << 8);
    return v >= 0x8000 ? v - 0x10000 : v;
  }
  // `|` yields a signed 32-bit integer: exactly the int32 two's complement.
  const low = set.charCodeAt(at) | (set.charCodeAt(at + 1) << 8) | (set.charCodeAt(at + 2) << 16) | (set.charCodeAt(at + 3) << 24);
  if (width === 4) return low;
  const high = set.charCodeAt(at + 4) | (set.charCodeAt(at + 5) << 8) | (set.charCodeAt(at + 6) << 16) | (set.charCodeAt(at + 7) << 24);
  const n = high * TWO_32 + (low >>> 0);
  return Number.isSafeInteger(n) ? n : (BigInt(high) << 32n) + BigInt(low >>> 0);
}

/** The index of `value`, or where it would go (the first larger member): a binary search. */
export function intsetSearch(set: Intset, value: Int): number {
  let low = 0;
  let high = intsetLength(set);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (intsetGet(set, middle) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `value` is a member. */
export function intsetHas(set: Intset, value: Int): boolean {
  const at = intsetSearch(set, value);
  return at < intsetLength(set) && intsetGet(set, at) === value;
}

/** Every member, ascending. */
export function intsetValues(set: Intset): Int[] {
  const n = intsetLength(set);
  const values = new Array<Int>(n);
  for (let i = 0; i < n; i++) values[i] = intsetGet(set, i);
  return values;
}

function writeValue(buffer: Buffer, at: number, width: number, value: Int): void {
  if (width === 2) buffer.writeInt16LE(value as number, at);
  else if (width === 4) buffer.writeInt32LE(value as number, at);
  else buffer.writeBigInt64LE(BigInt(value), at);
}

/** Packs ascending, distinct `values` at `width` (at least the width each needs). */
function pack(values: readonly Int[], width: number): Intset {
  if (values.length === 0) return EMPTY_INTSET;
  const buffer = Buffer.allocUnsafe(1 + values.length * width);
  buffer[0] = width;
  for (let i = 0; i < values.length; i++) writeValue(buffer, 1 + i * width, width, values[i]);
  return buffer.toString('latin1');
}

/** The set with `value` added (the same string when it was already a member). */
export function intsetAdd(set: Intset, value: Int): Intset {
  const width = set.length === 0 ? 0 : widthOf(set);
  const needed = widthFor(value);
  if (needed > width) {
    // Wider than every member: it is the new smallest or largest, so it goes at an end.
    const values = intsetValues(set);
    if (values.length > 0 && value < values[0]) values.unshift(value);
    else values.push(value);
    return pack(values, needed);
  }
  const at = intsetSearch(set, value);
  if (at < intsetLength(set) && intsetGet(set, at) === value) return set;
  const offset = 1 + at * width;
  const buffer = Buffer.allocUnsafe(set.length + width);
  buffer.write(set, 0, 'latin1');
  buffer.copyWithin(offset + width, offset, set.length);
  writeValue(buffer, offset, width, value);
  return buffer.toString('latin1');
}

/** The set without its member at index `at`. The width stays (Redis never narrows it). */
export function intsetRemoveAt(set: Intset, at: number): Intset {
  const width = widthOf(set);
  if (intsetLength(set) === 1) return EMPTY_INTSET;
  const offset = 1 + at * width;
  const buffer = Buffer.from(set, 'latin1');
  buffer.copyWithin(offset, offset + width);
  return buffer.toString('latin1', 0, buffer.length - width);
}

/** The set without the members whose index is in `drop`, in one pass. */
export function intsetRemoveIndexes(set: Intset, drop: ReadonlySet<number>): Intset {
  const kept = intsetValues(set).filter((_, i) => !drop.has(i));
  return kept.length === 0 ? EMPTY_INTSET : pack(kept, widthOf(set));
}
