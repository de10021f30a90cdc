// Reading a score: the two ways Redis turns an argument into a double.
//
// Redis reads every score with C's strtod(), but checks the result in two different
// ways, and the difference shows on the wire:
// - ZADD, ZINCRBY, ZUNIONSTORE's WEIGHTS... go through string2d (util.c): the whole
//   argument must be consumed, no leading space, no empty string, no NaN, and a result
//   that overflowed to infinity or underflowed to zero is refused (errno ERANGE). So
//   `1e400` is "not a valid float" for ZADD, while `inf` is fine.
// - The bounds of ZRANGEBYSCORE & co go through zslParseRange, which only asks that
//   strtod stopped at the C string's end and that the value is not NaN. So there, `""`
//   is 0, `" 5"` is 5 (strtod skips leading white space), `1e400` is inf, and
//   everything after a NUL byte is ignored (C strings end there).
//
// strtod's grammar is small (decimal, hexadecimal with a binary exponent, inf,
// infinity, nan), so it is matched with regular expressions; a decimal number is then
// converted by JavaScript's Number(), which rounds correctly as glibc's strtod does.
// Hexadecimal floats ("0x1.8p3") are not something Number() reads, so they go through
// the exact software float of long-double.ts, in IEEE double format.

import { IEEE_DOUBLE, parseLongDouble } from '../strings/long-double';

const DECIMAL = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEXADECIMAL = /^[+-]?0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;

/** What strtod makes of a whole string, and whether it set ERANGE. `null`: not all consumed, or NaN. */
interface Strtod {
  readonly value: number;
  readonly range: boolean;
}

function strtodWhole(text: string): Strtod | null {
  if (DECIMAL.test(text)) {
    const value = Number(text);
    if (value === Infinity || value === -Infinity) return { value, range: true };
    // Underflow: a zero result from a mantissa that is not all zeros.
    if (value === 0) {
      const e = text.search(/[eE]/);
      const mantissa = e === -1 ? text : text.slice(0, e);
      return { value, range: /[1-9]/.test(mantissa) };
    }
    return { value, range: false };
  }
  const infinity = INFINITY.exec(text);
  if (infinity !== null) return { value: infinity[1] === '-' ? -Infinity : Infinity, range: false };
  if (HEXADECIMAL.test(text)) {
    const exact = parseLongDouble(text, IEEE_DOUBLE);
    // parseLongDouble refuses overflow and underflow, as string2d does; for the range
    // parser they are inf and 0.
    if (exact === null) {
      // Overflow or underflow: which one, from where the first non-zero digit sits.
      const [, whole = '', fraction = '', exponent = '0'] = /^[+-]?0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)(?:[pP]([+-]?[0-9]+))?$/.exec(text) ?? [];
      const digits = whole + fraction;
      const leading = digits.length - digits.replace(/^0+/, '').length;
      const top = 4 * (whole.length - leading) + Number(exponent);
      const negative = text[0] === '-';
      if (top > 0) return { value: negative ? -Infinity : Infinity, range: true };
      return { value: negative ? -0 : 0, range: true };
    }
    if (exact.kind !== 'finite') return null;
    const magnitude = Number(exact.mantissa) * 2 ** exact.exponent;
    return { value: exact.negative ? -magnitude : magnitude, range: false };
  }
  return null; // "nan", "1e", "0x", "--1", "1 ": strtod stops early, or NaN
}

/**
 * The fast path for the scores most clients send: an optional sign and at most 15
 * decimal digits. Every such string is exactly representable as a double, so reading
 * the bytes gives what strtod gives (including -0 for "-0" and 7 for "007"), without
 * a string, a regular expression and a result object per score. Anything else
 * (fractions, exponents, inf, hex, longer numbers): undefined, and strtodWhole decides.
 */
function wholeNumber(arg: Buffer): number | undefined {
  const length = arg.length;
  let i = 0;
  const sign = arg[0];
  if (sign === 0x2d /* - */ || sign === 0x2b /* + */) i = 1;
  if (i === length || length - i > 15) return undefined;
  let value = 0;
  for (; i < length; i++) {
    const digit = arg[i] - 0x30;
    if (digit < 0 || digit > 9) return undefined;
    value = value * 10 + digit;
  }
  return sign === 0x2d ? -value : value;
}

/**
 * A score as ZADD, ZINCRBY and the weights read it (Redis's string2d): `null` means
 * "ERR value is not a valid float". Bytes are latin1, so no byte is re-encoded.
 */
export function parseScore(arg: Buffer): number | null {
  if (arg.length === 0) return null;
  const first = arg[0];
  if (first === 0x20 || (first >= 0x09 && first <= 0x0d)) return null; // isspace()
  // No float is written with a million characters; refusing early keeps a huge
  // non-numeric argument from being turned into a string for nothing.
  if (arg.length > 1024 * 1024) return null;
  const whole = wholeNumber(arg);
  if (whole !== undefined) return whole;
  const result = strtodWhole(arg.toString('latin1'));
  if (result === null || result.range) return null;
  return result.value;
}

/**
 * A bound of a score range as zslParseRange reads it (after its `(`): strtod must stop
 * at the end of the C string, and the value must not be NaN. `null`: "not a float".
 */
export function parseBoundValue(text: string): number | null {
  // A C string ends at its first NUL: strtod never sees what follows.
  const nul = text.indexOf('\0');
  const c = nul === -1 ? text : text.slice(0, nul);
  // strtod of "" converts nothing and leaves its end pointer at the NUL: 0, accepted.
  if (c.length === 0) return 0;
  // Leading white space is skipped; if nothing follows it, nothing was converted and the
  // end pointer stays at the start (on the space): refused.
  const trimmed = c.replace(/^[ \t\n\v\f\r]+/, '');
  if (trimmed.length === 0) return null;
  const result = strtodWhole(trimmed);
  return result === null ? null : result.value;
}
