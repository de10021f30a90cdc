// A software `long double`, for INCRBYFLOAT.
//
// Redis does INCRBYFLOAT in C's `long double`: it parses both numbers with strtold(),
// adds them, and prints the sum with printf("%.17Lf") before trimming the trailing
// zeros. On x86-64 a long double is the x87 80-bit format (a 64-bit mantissa), not
// the 53-bit double JavaScript has, and the difference shows on everyday values:
// 0.1 + 0.2 prints as 0.3 in Redis but as 0.30000000000000004 in doubles, and
// 10.5 + 0.1 as 10.6 against 10.59999999999999964.
//
// So the three steps are redone here exactly, with BigInt: a number is an exact
// `±mantissa × 2^exponent`, and each step rounds once, to nearest, ties to even, as the
// C library does. Parsing (decimal and hexadecimal, as strtold reads them) and printing
// (every digit of %.17Lf, which for 1e400 is all 401 of them) are exact conversions
// between decimal and binary, so the bytes come out as Redis's. The format is a
// parameter; INCRBYFLOAT uses x86-64's, the platform Redis is built for almost
// everywhere (see the note on X87_EXTENDED).

/** A binary floating-point format: its precision and exponent range. */
export interface FloatFormat {
  /** Bits of mantissa, the leading one included. */
  readonly precision: number;
  /** Exponent of the smallest subnormal number: the lowest bit there is. */
  readonly minExponent: number;
  /** Every finite value is below 2^maxExponent; at or above it is infinity. */
  readonly maxExponent: number;
}

/**
 * x87 extended precision, C's long double on x86-64 Linux and macOS: what the Redis in
 * CI and on most servers computes with. Redis on other platforms differs (AArch64
 * Linux has a 113-bit long double, Apple Silicon a plain double); one fixed format
 * keeps our replies the same on every machine.
 */
export const X87_EXTENDED: FloatFormat = { precision: 64, minExponent: -16445, maxExponent: 16384 };
/** IEEE 754 binary64, JavaScript's number (for comparison in tests). */
export const IEEE_DOUBLE: FloatFormat = { precision: 53, minExponent: -1074, maxExponent: 1024 };

/** A value of some FloatFormat. Finite values are exact: ±mantissa × 2^exponent. */
export type LongDouble =
  | { readonly kind: 'finite'; readonly negative: boolean; readonly mantissa: bigint; readonly exponent: number }
  | { readonly kind: 'infinite'; readonly negative: boolean }
  | { readonly kind: 'nan' };

const finite = (negative: boolean, mantissa: bigint, exponent: number): LongDouble => ({
  kind: 'finite',
  negative,
  mantissa,
  exponent,
});

const bitLength = (n: bigint): number => (n === 0n ? 0 : n.toString(2).length);

/**
 * Rounds `n × 2^e` (plus a sliver below its last bit when `sticky`) to the format:
 * to nearest, ties to even, into the subnormal range or up to infinity.
 * Callers that pass `sticky` keep at least two bits below the format's precision.
 */
function round(format: FloatFormat, negative: boolean, n: bigint, e: number, sticky: boolean): LongDouble {
  if (n === 0n) return finite(negative, 0n, 0);
  const bits = bitLength(n);
  // The lowest bit the result can keep: precision bits below the top, never below
  // the smallest subnormal.
  const lowest = Math.max(e + bits - format.precision, format.minExponent);
  let mantissa = n;
  let exponent = e;
  if (lowest > e) {
    const shift = BigInt(lowest - e);
    mantissa = n >> shift;
    const rest = n - (mantissa << shift);
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (sticky || (mantissa & 1n) === 1n))) mantissa += 1n;
    exponent = lowest;
  }
  if (mantissa !== 0n && bitLength(mantissa) + exponent > format.maxExponent) return { kind: 'infinite', negative };
  return finite(negative, mantissa, exponent);
}

// strtold's grammar (C locale). A string that does not match in full is rejected, as
// Redis rejects any input strtold does not consume entirely; "nan" is rejected too.
const DECIMAL = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/;
const HEXADECIMAL = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?$/;
const INFINITY = /^([+-]?)inf(?:inity)?$/i;
/** Redis's MAX_LONG_DOUBLE_CHARS: string2ld copies the text into a buffer this big. */
const MAX_CHARS = 5 * 1024;

/** An exponent written with more digits than this is out of range either way. */
const exponentOf = (text: string | undefined): number => {
  if (text === undefined) return 0;
  const value = Number(text);
  return Math.abs(value) > 1e9 ? Math.sign(value) * 1e9 : value;
};

/**
 * Parses `text` as Redis's string2ld does: strtold() over the whole string, with no
 * leading space, and refusing NaN, overflow, and underflow to zero. `null` when the
 * text is not a valid float. `inf` and `infinity` parse (to an infinity). Bytes are
 * read as latin1 (one char per byte), so no byte sequence is ever re-encoded.
 */
export function parseLongDouble(input: string | Buffer, format: FloatFormat): LongDouble | null {
  // Length first: a 100 MB value is refused without being turned into a string.
  if (input.length === 0 || input.length >= MAX_CHARS) return null;
  const text = typeof input === 'string' ? input : input.toString('latin1');
  const infinity = INFINITY.exec(text);
  if (infinity !== null) return { kind: 'infinite', negative: infinity[1] === '-' };

  let value: LongDouble;
  let digits: string;
  const hex = HEXADECIMAL.exec(text);
  const decimal = hex === null ? DECIMAL.exec(text) : null;
  if (hex !== null) {
    const [, sign, whole, fraction = '', exponent] = hex;
    digits = whole + fraction;
    if (digits.length === 0) return null; // "0x" alone: strtold stops after the 0
    value = fromBinary(format, sign === '-', BigInt(`0x${digits}`), exponentOf(exponent) - 4 * fraction.length);
  } else if (decimal !== null) {
    const [, sign, whole, fraction = '', exponent] = decimal;
    digits = whole + fraction;
    if (digits.length === 0) return null; // ".", "e5", "-": no digits at all
    value = fromDecimal(format, sign === '-', digits, exponentOf(exponent) - fraction.length);
  } else {
    return null;
  }
  // strtold sets ERANGE for a result that overflowed, or that underflowed to zero.
  if (value.kind === 'infinite') return null;
  if (value.kind === 'finite' && value.mantissa === 0n && /[1-9a-fA-F]/.test(digits)) return null;
  return value;
}

/** `n × 2^e`, rounded; exponents far out of range saturate without building huge BigInts. */
function fromBinary(format: FloatFormat, negative: boolean, n: bigint, e: number): LongDouble {
  if (n === 0n) return finite(negative, 0n, 0);
  const top = e + bitLength(n);
  if (top > format.maxExponent + 1) return { kind: 'infinite', negative };
  if (top < format.minExponent - 1) return finite(negative, 0n, 0);
  return round(format, negative, n, e, false);
}

/** The decimal `digits × 10^k`, rounded correctly to the format. */
function fromDecimal(format: FloatFormat, negative: boolean, digitText: string, k: number): LongDouble {
  const digits = digitText.replace(/^0+/, '');
  if (digits.length === 0) return finite(negative, 0n, 0);
  // The value lies in [10^(length-1+k), 10^(length+k)): settle plain overflow and
  // underflow from the magnitude alone, so 1e999999999 never builds a huge power of 10.
  const log10of2 = Math.log10(2);
  if (digits.length - 1 + k > format.maxExponent * log10of2 + 1) return { kind: 'infinite', negative };
  if (digits.length + k < format.minExponent * log10of2 - 2) return finite(negative, 0n, 0);
  const d = BigInt(digits);
  if (k >= 0) return round(format, negative, d * 10n ** BigInt(k), 0, false);
  // d / 10^-k: divide with enough extra bits (precision + 2 at least) that the
  // quotient, plus the remainder as a sticky bit, rounds exactly.
  const divisor = 10n ** BigInt(-k);
  let e = -(format.precision + 3 + bitLength(divisor) - bitLength(d));
  if (e < format.minExponent - 2) e = format.minExponent - 2;
  const numerator = e <= 0 ? d << BigInt(-e) : d;
  const denominator = e <= 0 ? divisor : divisor << BigInt(e);
  const quotient = numerator / denominator;
  return round(format, negative, quotient, e, quotient * denominator !== numerator);
}

/** Zero, as a missing key counts in INCRBYFLOAT. */
export const ZERO: LongDouble = finite(false, 0n, 0);

/** a + b, rounded once, as the FPU adds. */
export function addLongDouble(a: LongDouble, b: LongDouble, format: FloatFormat): LongDouble {
  if (a.kind === 'nan' || b.kind === 'nan') return { kind: 'nan' };
  if (a.kind === 'infinite' || b.kind === 'infinite') {
    if (a.kind === 'infinite' && b.kind === 'infinite' && a.negative !== b.negative) return { kind: 'nan' };
    return a.kind === 'infinite' ? a : b;
  }
  const e = Math.min(a.exponent, b.exponent);
  const signed = (x: { negative: boolean; mantissa: bigint; exponent: number }): bigint =>
    (x.negative ? -x.mantissa : x.mantissa) << BigInt(x.exponent - e);
  const sum = signed(a) + signed(b);
  // An exact zero is +0 in round-to-nearest, unless both addends were -0 (or -x and -0).
  if (sum === 0n) return finite(a.negative && b.negative, 0n, 0);
  return round(format, sum < 0n, sum < 0n ? -sum : sum, e, false);
}

/** C's printf("%.17Lf"): every integer digit, 17 decimals, rounded half to even. */
export function formatFixed17(value: LongDouble): string {
  if (value.kind === 'nan') return 'nan';
  if (value.kind === 'infinite') return value.negative ? '-inf' : 'inf';
  const SCALE = 10n ** 17n;
  let scaled: bigint;
  if (value.exponent >= 0) {
    scaled = (value.mantissa << BigInt(value.exponent)) * SCALE;
  } else {
    const shift = BigInt(-value.exponent);
    const numerator = value.mantissa * SCALE;
    scaled = numerator >> shift;
    const rest = numerator - (scaled << shift);
    const half = 1n << (shift - 1n);
    if (rest > half || (rest === half && (scaled & 1n) === 1n)) scaled += 1n;
  }
  const digits = scaled.toString().padStart(18, '0');
  return `${value.negative ? '-' : ''}${digits.slice(0, -17)}.${digits.slice(-17)}`;
}

/**
 * Redis's "human friendly" long double text (ld2string with LD_STR_HUMAN): %.17Lf,
 * then the trailing zeros and a bare point dropped, and "-0" written "0".
 */
export function formatHuman(value: LongDouble): string {
  let text = formatFixed17(value);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  return text === '-0' ? '0' : text;
}
