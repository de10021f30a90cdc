// ZRANGESTORE dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]: ZRANGE's
// selection, stored at dst (replacing whatever it held, and its time to live) instead
// of answered; the reply is how many members were stored, and an empty selection (or a
// missing src) deletes dst.
//
// Redis runs it through ZRANGE's own zrangeGenericCommand with a "store" result
// handler, so the checks are ZRANGE's, in ZRANGE's order: the options loop (any word
// it does not expect is a syntax error; WITHSCORES is not expected here, REV, BYSCORE
// and BYLEX only once), then LIMIT without BYSCORE/BYLEX, then the range itself
// (integers, "min or max is not a float", "min or max not valid string range item"),
// and only then the key, which must be a sorted set (a plain set is WRONGTYPE here,
// unlike for ZUNIONSTORE). With REV the range is given max first, for scores and lex.
// A quirk kept: `LIMIT 0 -1` is "no limit" to Redis, so it passes even on a rank range.
//
// So the parsing and the walk are ZRANGE's own (range-query.ts, with the `store`
// grammar: no WITHSCORES); what is left here is where the answer goes.

import { integer } from '../../protocol/frame';
import { RedisSortedSet } from '../../db/types/sorted-set';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';
import { type RangeQuery, parseRangeQuery, runRangeQuery } from './range-query';
import { storeScored } from './set-operation';

interface RangeStore {
  readonly destination: string;
  /** The query on the source key (its `key`). */
  readonly query: RangeQuery;
}

export const zrangestore: CommandSpec<RangeStore> = {
  name: 'zrangestore',
  arity: -5,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@sortedset', '@slow'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Store a range of members from sorted set into another key',
  since: '6.2.0',
  group: 'sorted-set',
  syntax: 'dst src min max [BYSCORE | BYLEX] [REV] [LIMIT offset count]',
  keySpecs: [
    { flags: ['OW', 'update'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RO', 'access'], begin: { index: 2 }, find: { lastKey: 0 } },
  ],
  parse(args) {
    const query = parseRangeQuery(args.slice(1), { store: true });
    return query instanceof ReplyError ? query : { destination: keyOf(args[0]), query };
  },
  apply({ destination, query }, { db }) {
    const zset = readAs(db, query.key, RedisSortedSet);
    if (zset instanceof ReplyError) return zset.frame;
    const entries = zset === undefined ? [] : runRangeQuery(zset, query);
    // Redis knows a rank range's length in advance and makes a result longer than
    // zset-max-listpack-entries a skiplist from the start (keeping -0 scores); a
    // score or lex range starts as a listpack and converts as it grows, as here.
    const builtLarge = query.kind === 'rank' && entries.length > db.limits.zsetMaxListpackEntries;
    return integer(storeScored(db, destination, entries.map(([member, score]) => ({ member, score })), builtLarge));
  },
};
