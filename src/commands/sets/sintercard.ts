// SINTERCARD numkeys key [key ...] [LIMIT limit]: the size of SINTER's result, without
// building it; with LIMIT (> 0), counting stops there, which is the point of the
// command: "do these sets share at least N members?" costs at most N finds.
//
// The arguments are checked in Redis's order and with its texts: numkeys (any failure
// is "numkeys should be greater than 0"), numkeys against the arguments there are, then
// the options after the keys (LIMIT's own text for any bad limit; anything else is a
// syntax error), and only then the keys' types.

import { integer } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { RedisSet, intersection } from '../../db/types/set';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readSets } from './read-sets';

interface InterCard {
  readonly keys: readonly string[];
  /** 0: no limit. */
  readonly limit: number;
}

const BAD_NUMKEYS = new ReplyError('ERR numkeys should be greater than 0');
const TOO_FEW_ARGS = new ReplyError("ERR Number of keys can't be greater than number of args");
const BAD_LIMIT = new ReplyError("ERR LIMIT can't be negative");

function parse(args: readonly Buffer[]): InterCard | ReplyError {
  const numkeys = parseLongLong(args[0], 0, args[0].length);
  if (numkeys === null || numkeys < 1) return BAD_NUMKEYS;
  if (numkeys > args.length - 1) return TOO_FEW_ARGS;
  let limit = 0;
  for (let i = 1 + numkeys; i < args.length; i++) {
    if (args[i].toString('latin1').toUpperCase() === 'LIMIT' && i + 1 < args.length) {
      const value = parseLongLong(args[i + 1], 0, args[i + 1].length);
      if (value === null || value < 0) return BAD_LIMIT;
      limit = value;
      i++;
    } else return SYNTAX_ERROR;
  }
  return { keys: args.slice(1, 1 + numkeys).map(keyOf), limit };
}

export const sintercard: CommandSpec<InterCard> = {
  name: 'sintercard',
  arity: -3,
  flags: ['readonly', 'movablekeys'],
  categories: ['@read', '@set', '@slow'],
  // The keys' position depends on numkeys ("movablekeys"): COMMAND INFO reports 0 0 0.
  summary: 'Intersect multiple sets and return the cardinality of the result',
  since: '7.0.0',
  group: 'set',
  syntax: 'numkeys key [key ...] [LIMIT limit]',
  keySpecs: [{ flags: ['RO', 'access'], begin: { index: 1 }, find: { keyNumIndex: 0, firstKey: 1, keyStep: 1 } }],
  parse,
  apply({ keys, limit }, { db }) {
    const sets = readSets(db, keys);
    if (sets instanceof ReplyError) return sets.frame;
    if (sets.includes(undefined)) return integer(0);
    return integer(intersection(sets as RedisSet[], limit).length);
  },
};
