// A generated differential corpus for the core sorted-set commands: random but fixed
// (a seeded PRNG, so every run sends the same bytes) sequences of ZADD (with random
// options), ZINCRBY, ZREM, the removals by range, and every read, on keys that cross
// the listpack threshold back and forth under a small zset-max-listpack-entries. What
// the hand-written corpus (corpus-zsets-core.ts) checks one path at a time, this
// checks in combination: that after any mix of writes both servers hold the same set.
//
// Lex commands run on their own keys, where every score is 0: over mixed scores Redis
// leaves their answer unspecified (it depends on the skiplist's random levels). Only a
// listpack answers them deterministically, so a third key keeps at most six members
// (the limit set below) with mixed scores, for the lex commands over a listpack.

import { ask, command, type Case, type Step } from './corpus';
import { prng } from '../support/prng';

const run = (...args: string[]): Step => ask('a', command(...args));

function generate(seed: number, name: string): Case {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const z = `zr-${name}:z`;
  const lex = `zr-${name}:lex`;
  const mix = `zr-${name}:mix`;
  const small = (): string => pick(['a', 'b', 'c', 'd', 'e', 'f']);
  const smallBound = (): string => (random() < 0.15 ? pick(['-', '+']) : `${random() < 0.5 ? '(' : '['}${small()}`);
  const member = (): string => pick(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'aa', 'ab', '', '\x00', '\xff', 'm1', 'm2', 'm10']);
  const score = (): string => pick(['0', '1', '2', '-1', '1.5', '-2.5', '10', 'inf', '-inf', '3', '100', '0.1', '1e3', String(int(-20, 20))]);
  const bound = (): string => `${random() < 0.3 ? '(' : ''}${pick(['-inf', '+inf', '0', '1', '2', '-1', '1.5', '3', '10', String(int(-5, 15))])}`;
  const lexBound = (): string => (random() < 0.15 ? pick(['-', '+']) : `${random() < 0.5 ? '(' : '['}${member()}`);
  const index = (): string => String(int(-12, 12));
  const limit = (): string[] => (random() < 0.4 ? ['LIMIT', String(int(-1, 5)), String(int(-2, 6))] : []);
  const steps: Step[] = [run('CONFIG', 'SET', 'zset-max-listpack-entries', '6')];
  for (let i = 0; i < 60; i++) {
    const r = random();
    if (r < 0.3) {
      const options = [random() < 0.15 ? 'NX' : random() < 0.15 ? 'XX' : '', random() < 0.2 ? pick(['GT', 'LT']) : '', random() < 0.3 ? 'CH' : ''].filter((o) => o !== '');
      const incr = random() < 0.15;
      const pairs = incr ? 1 : int(1, 4);
      const args: string[] = [];
      for (let p = 0; p < pairs; p++) args.push(score(), member());
      steps.push(run('ZADD', z, ...options, ...(incr ? ['INCR'] : []), ...args));
    } else if (r < 0.38) steps.push(run('ZINCRBY', z, score(), member()));
    else if (r < 0.46) steps.push(run('ZREM', z, member(), member()));
    else if (r < 0.5) steps.push(run('ZREMRANGEBYRANK', z, index(), index()));
    else if (r < 0.54) steps.push(run('ZREMRANGEBYSCORE', z, bound(), bound()));
    else if (r < 0.62) steps.push(run('ZRANGE', z, index(), index(), ...(random() < 0.5 ? ['REV'] : []), ...(random() < 0.5 ? ['WITHSCORES'] : [])));
    else if (r < 0.7) {
      const rev = random() < 0.5;
      steps.push(run(rev ? 'ZREVRANGEBYSCORE' : 'ZRANGEBYSCORE', z, bound(), bound(), ...(random() < 0.5 ? ['WITHSCORES'] : []), ...limit()));
    } else if (r < 0.74) steps.push(run('ZCOUNT', z, bound(), bound()));
    else if (r < 0.8) steps.push(run(pick(['ZRANK', 'ZREVRANK', 'ZSCORE']), z, member()));
    else if (r < 0.84) steps.push(run('ZMSCORE', z, member(), member(), member()));
    else if (r < 0.9) {
      steps.push(run('ZADD', lex, '0', member(), '0', member()));
      if (random() < 0.3) steps.push(run('ZREMRANGEBYLEX', lex, lexBound(), lexBound()));
    } else if (r < 0.96) {
      const rev = random() < 0.5;
      steps.push(run(rev ? 'ZREVRANGEBYLEX' : 'ZRANGEBYLEX', lex, lexBound(), lexBound(), ...limit()));
    } else if (r < 0.98) steps.push(run('ZLEXCOUNT', lex, lexBound(), lexBound()));
    else {
      steps.push(run('ZADD', mix, score(), small(), score(), small()));
      const rev = random() < 0.5;
      steps.push(run(rev ? 'ZREVRANGEBYLEX' : 'ZRANGEBYLEX', mix, smallBound(), smallBound(), ...limit()));
      steps.push(run('ZLEXCOUNT', mix, smallBound(), smallBound()));
      if (random() < 0.3) steps.push(run('ZREMRANGEBYLEX', mix, smallBound(), smallBound()));
    }
    if (i % 15 === 14) steps.push(run('ZRANGE', z, '0', '-1', 'WITHSCORES'), run('OBJECT', 'ENCODING', z), run('ZCARD', z), run('EXISTS', z));
  }
  steps.push(run('ZRANGE', z, '0', '-1', 'WITHSCORES'), run('ZRANGE', lex, '0', '-1'), run('OBJECT', 'ENCODING', mix), run('CONFIG', 'SET', 'zset-max-listpack-entries', '128'));
  return { name, steps };
}

export const zsetsCoreRandomCorpus: readonly Case[] = Array.from({ length: 60 }, (_, i) => generate(1000 + i, `random-${i}`));
