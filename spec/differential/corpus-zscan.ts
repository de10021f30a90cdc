// The differential corpus of ZSCAN: inputs only, real Redis's replies are the expected
// ones. A small (listpack) sorted set is returned whole, in score order, so its replies
// are deterministic; a large one walks a hash table in Redis (an order of its own), so
// its walk is checked as a set in spec/commands/zscan.spec.ts instead.

import { type Case, type Step, ask, command } from './corpus';
import { builder } from './case-builder';

const run = (...args: string[]): Step => ask('a', command(...args));

const resp2 = builder('zscan');
const kase = resp2.kase;

kase('missing', (key) => [run('ZSCAN', key(), '0')]);
kase('small', (key) => [run('ZADD', key(), '3', 'c', '1', 'a', '2', 'b'), run('ZSCAN', key(), '0')]);
kase('scores', (key) => [
  run('ZADD', key(), '1.5', 'a', 'inf', 'b', '-inf', 'c', '1e100', 'd', '-0', 'e', '3.0', 'f', '0.1', 'g'),
  run('ZSCAN', key(), '0'),
]);
kase('match', (key) => [run('ZADD', key(), '1', 'apple', '2', 'banana', '3', 'avocado'), run('ZSCAN', key(), '0', 'MATCH', 'a*')]);
kase('count-ignored-small', (key) => [run('ZADD', key(), '1', 'a', '2', 'b'), run('ZSCAN', key(), '0', 'COUNT', '1')]);
kase('any-cursor-small', (key) => [run('ZADD', key(), '1', 'a'), run('ZSCAN', key(), '12345')]);
kase('errors', (key) => [
  run('ZADD', key(), '1', 'a'),
  run('ZSCAN', key(), 'x'),
  run('ZSCAN', key(), '0', 'COUNT', '0'),
  run('ZSCAN', key(), '0', 'COUNT', 'x'),
  run('ZSCAN', key(), '0', 'MATCH'),
  run('ZSCAN', key(), '0', 'TYPE', 'zset'),
  run('ZSCAN', key('missing'), '0', 'COUNT', '0'),
  run('ZSCAN', key('missing'), '-1'),
  run('ZSCAN', key()),
]);
kase('wrongtype', (key) => [run('SET', key(), 'v'), run('ZSCAN', key(), '0'), run('LPUSH', key('l'), 'x'), run('ZSCAN', key('l'), '0')]);
kase('binary', (key) => [run('ZADD', key(), '1', 'a\x00b', '2', '\r\n\xff'), run('ZSCAN', key(), '0', 'MATCH', '*\x00*')]);

export const zscanCorpus: readonly Case[] = resp2.cases;

const resp3 = builder('zscan');
resp3.kase('resp3', (key) => [
  ask('a', command('HELLO', '3')),
  run('ZADD', key(), '1.5', 'a', '2', 'b'),
  run('ZSCAN', key(), '0'),
  run('ZSCAN', key('missing'), '0'),
]);
export const zscanResp3Corpus: readonly Case[] = resp3.cases;
