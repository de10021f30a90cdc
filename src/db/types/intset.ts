// The compact form of a small set of integers: Redis's intset, as a sorted JS array.
//
// Redis keeps a set whose members are all integers (and are few: set-max-intset-entries,
// 512 by default) as one packed, sorted array of 16-, 32- or 64-bit integers, found by
// binary search. A sorted array is also the compact choice in JavaScript: an array of
// small integers is stored unboxed (V8's "SMI" and "double" element kinds), one machine
// word per member, with no per-member object at all. RedisSet (set.ts) measures what
// that saves against a hash table.
//
// The data-structure pattern: a sorted array with binary search, copied on insert.
// Each insertion or removal allocates a new array of exactly the new length rather than
// splicing in place: V8 grows an array by half again plus 16 slots when it splices, and
// for a set of 10 members that slack is more than the members themselves. Redis pays the
// same O(n) copy (intsetResize + memmove) for the same reason: at n <= 512 a copy is
// cheap, and the memory is what small sets are about.
//
// Members are 64-bit integers. A JS number is exact only up to 2^53, so a member is a
// `number` when it is a safe integer and a `bigint` beyond: each value has exactly one
// form, so `===` is equality, and `<` compares numbers with bigints correctly. Members
// beyond 2^53 are rare, and they cost only themselves.

/** An intset member: a number when safe (|v| < 2^53), a bigint otherwise. */
export type Int = number | bigint;

const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

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
  // The one canonical form: a number whenever it is exact.
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : value;
}

/** The member string of an intset value: its canonical decimal form (what Redis replies). */
export const memberOf = (value: Int): string => String(value);

/** The index of `value` in the sorted `ints`, or where it would go (the first larger one). */
export function searchInt(ints: readonly Int[], value: Int): number {
  let low = 0;
  let high = ints.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ints[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A copy of `ints` with `value` inserted at `at` (exact length: see the opening comment). */
export function insertAt(ints: readonly Int[], at: number, value: Int): Int[] {
  const copy: Int[] = new Array<Int>(ints.length + 1);
  for (let i = 0; i < at; i++) copy[i] = ints[i];
  copy[at] = value;
  for (let i = at; i < ints.length; i++) copy[i + 1] = ints[i];
  return copy;
}

/** A copy of `ints` without the element at `at`. */
export function removeAt(ints: readonly Int[], at: number): Int[] {
  const copy: Int[] = new Array<Int>(ints.length - 1);
  for (let i = 0; i < at; i++) copy[i] = ints[i];
  for (let i = at + 1; i < ints.length; i++) copy[i - 1] = ints[i];
  return copy;
}

/** A copy of `ints` without the elements whose index is in `drop` (a Set of indexes), in one pass. */
export function removeIndexes(ints: readonly Int[], drop: ReadonlySet<number>): Int[] {
  const copy: Int[] = new Array<Int>(ints.length - drop.size);
  let j = 0;
  for (let i = 0; i < ints.length; i++) if (!drop.has(i)) copy[j++] = ints[i];
  return copy;
}
