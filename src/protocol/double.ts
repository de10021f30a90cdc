// Doubles as Redis prints them: C's printf("%.17g"), and "inf" / "-inf" / "nan". Kept
// in one place so every double reply (RESP3 `,` or a RESP2 bulk string) agrees.

/** Formats `d` as C's `%.17g` would (17 significant digits, trailing zeros dropped). */
export function formatDouble(d: number): string {
  if (Number.isNaN(d)) return 'nan';
  if (d === Infinity) return 'inf';
  if (d === -Infinity) return '-inf';
  if (d === 0) return Object.is(d, -0) ? '-0' : '0';
  // %.17g chooses between fixed and exponential notation from the decimal exponent:
  // fixed when -4 <= exponent < 17 (the precision), exponential otherwise. 17
  // significant digits are what a double needs to read back as the very same double.
  const exponential = d.toExponential(16); // d.dddddddddddddddde±x: 17 significant digits
  const exponent = Number(exponential.slice(exponential.indexOf('e') + 1));
  if (exponent >= -4 && exponent < 17) {
    return stripZeros(d.toFixed(16 - exponent));
  }
  const [mantissa, exp] = exponential.split('e');
  const sign = exp[0] === '-' ? '-' : '+';
  const digits = exp.replace(/^[+-]/, '').padStart(2, '0');
  return `${stripZeros(mantissa)}e${sign}${digits}`;
}

// %g drops trailing zeros (and a trailing point): 3.5000000000000000 prints as 3.5.
// Only the fraction is stripped, never the digits of an integer part.
function stripZeros(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}
