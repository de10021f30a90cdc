// ZINCRBY key increment member: adds to a member's score (a missing member or key
// starts at 0) and answers the new score. It is ZADD with INCR forced, exactly as Redis
// implements it (zaddGenericCommand with ZADD_IN_INCR), so it shares zadd.ts's
// validation and errors: "value is not a valid float" for the increment, "resulting
// score is not a number (NaN)" for inf + -inf.

import { CommandSpec } from '../command';
import { type ZAdd, applyZadd, parseZadd } from './zadd';

export const zincrby: CommandSpec<ZAdd> = {
  name: 'zincrby',
  arity: 4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@sortedset', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Increment the score of a member in a sorted set',
  since: '1.2.0',
  group: 'sorted-set',
  syntax: 'key increment member',
  keySpecs: [{ flags: ['RW', 'access', 'update'], begin: { index: 1 }, find: { lastKey: 0 } }],
  // Redis runs ZADD's option loop for ZINCRBY too: "ZINCRBY k nx m" takes "nx" as an
  // option, leaving one argument for a pair, hence "syntax error", not "not a float".
  parse: (args) => parseZadd(args, true),
  apply: (command, { db }) => applyZadd(command, db),
};
