// mulberry32: a small deterministic PRNG for tests and generated corpora. A seed fixes
// every draw, so a random test or a generated differential case sends the same bytes on
// every run and a failure can be replayed; it also stands in for Math.random (a jest
// spy) where the server's own randomness must be made repeatable.
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
