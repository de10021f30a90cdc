// Pearson's chi-square goodness-of-fit test against the uniform distribution, for the
// specs that check random replies (SRANDMEMBER, SPOP, HRANDFIELD, ZRANDMEMBER, the
// types' random picks) are uniform.
//
// The bound is a quantile of chi-square computed with the Wilson-Hilferty
// approximation from the normal quantile z, so a spec picks its false-alarm rate by
// naming z instead of carrying a table: with a seeded PRNG the outcome is fixed, and
// with Math.random a correct implementation fails about once in 1/p runs while a biased
// one (a member favoured by a few percent over these sample sizes) fails every time.

/** The standard normal's 1 - 1e-4 quantile: a bound exceeded once in ten thousand runs. */
export const Z_1E4 = 3.719;
/** The standard normal's 1 - 1e-3 quantile: a bound exceeded once in a thousand runs. */
export const Z_1E3 = 3.09;

/** The chi-square statistic of observed counts against equal expected counts. */
export function chiSquare(counts: readonly number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const expected = total / counts.length;
  return counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
}

/** The chi-square value with `degrees` degrees of freedom exceeded with the probability z stands for. */
export function chiSquareQuantile(degrees: number, z: number): number {
  const a = 2 / (9 * degrees);
  return degrees * (1 - a + z * Math.sqrt(a)) ** 3;
}
