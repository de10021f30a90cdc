// Redis's `string2ll`, the one strict integer parser Redis uses both for protocol
// lengths (`*3`, `$5`) and for integer arguments (`EX 10`). Parsing it the same way is
// what makes `$+5`, `$05`, `$-0` or `EX 1.0` fail exactly as they fail in Redis.

const LONG_STR_SIZE = 21; // a long long has at most 20 characters, the sign included
const LLONG_MAX = 9223372036854775807n;
const LLONG_MIN = -9223372036854775808n;

/**
 * Parses bytes `buf[start, end)` as a signed 64-bit decimal integer, strictly: optional
 * `-`, no `+`, no leading zeros, no spaces, within long long's range.
 * Returns `null` where Redis's string2ll fails. The result is a JS number: exact up to
 * 2^53, and beyond that still right in sign and magnitude (enough for every limit check).
 * Use `parseLongLongExact` where the arithmetic must be exact (INCR and friends).
 */
export function parseLongLong(buf: Uint8Array, start: number, end: number): number | null {
  const len = end - start;
  if (len <= 0 || len >= LONG_STR_SIZE) return null;
  if (len === 1 && buf[start] === 0x30) return 0;
  let p = start;
  let negative = false;
  if (buf[p] === 0x2d /* - */) {
    negative = true;
    p++;
    if (p === end) return null;
  }
  const first = buf[p];
  if (first < 0x31 || first > 0x39) return null; // 1-9: no leading zero, no '+'
  // Up to 15 digits fit a double exactly; longer ones take the exact path.
  if (end - p > 15) {
    const exact = parseLongLongExact(buf, start, end);
    return exact === null ? null : Number(exact);
  }
  let v = first - 0x30;
  for (p++; p < end; p++) {
    const c = buf[p];
    if (c < 0x30 || c > 0x39) return null;
    v = v * 10 + (c - 0x30);
  }
  return negative ? -v : v;
}

/** As `parseLongLong`, but exact: a bigint within long long's range, or `null`. */
// Two parsers instead of one: almost every integer on the wire (lengths, counts,
// small arguments) fits a double exactly, and numbers are much cheaper than BigInts on
// the hot path. Only arithmetic that must be exact to 64 bits (INCR near 2^63, EXPIRE
// overflow checks) pays for BigInt.
export function parseLongLongExact(buf: Uint8Array, start: number, end: number): bigint | null {
  const len = end - start;
  if (len <= 0 || len >= LONG_STR_SIZE) return null;
  let text = '';
  for (let i = start; i < end; i++) text += String.fromCharCode(buf[i]);
  if (!/^(0|-?[1-9][0-9]*)$/.test(text)) return null;
  const v = BigInt(text);
  return v > LLONG_MAX || v < LLONG_MIN ? null : v;
}
