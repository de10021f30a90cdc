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

import { integer } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import { type LexBound, type LexRange, RedisSortedSet, type ScoreRange, type ZEntry } from '../../db/types/sorted-set';
import { CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { readAs } from '../typed-value';
import { parseBoundValue } from './score';
import { storeScored } from './set-operation';

type Selection =
  | { readonly by: 'rank'; readonly start: number; readonly end: number }
  | { readonly by: 'score'; readonly range: ScoreRange }
  | { readonly by: 'lex'; readonly range: LexRange };

interface RangeStore {
  readonly destination: string;
  readonly source: string;
  readonly selection: Selection;
  readonly reverse: boolean;
  readonly offset: number;
  /** -1: no limit. */
  readonly limit: number;
}

const LIMIT_NEEDS_BY = new ReplyError('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
const NOT_A_FLOAT = new ReplyError('ERR min or max is not a float');
const NOT_A_LEX_ITEM = new ReplyError('ERR min or max not valid string range item');

const long = (arg: Buffer): number | null => parseLongLong(arg, 0, arg.length);

/** One end of a score range, as zslParseRange reads it: "(" makes it exclusive. */
function scoreBound(arg: Buffer): { value: number; exclusive: boolean } | null {
  const text = arg.toString('latin1');
  const exclusive = text.startsWith('(');
  const value = parseBoundValue(exclusive ? text.slice(1) : text);
  return value === null ? null : { value, exclusive };
}

/** One end of a lex range, as zslParseLexRangeItem reads it: "-", "+", "[value" or "(value". */
function lexBound(arg: Buffer): LexBound | null {
  const text = arg.toString('latin1');
  // "+" and "-" stand alone, as C sees them: the byte after must end the string (or be a NUL).
  const alone = text.length === 1 || text[1] === '\0';
  if (text[0] === '+') return alone ? '+' : null;
  if (text[0] === '-') return alone ? '-' : null;
  if (text[0] === '(' || text[0] === '[') return { value: text.slice(1), exclusive: text[0] === '(' };
  return null;
}

function parse(args: readonly Buffer[]): RangeStore | ReplyError {
  let by: 'rank' | 'score' | 'lex' | undefined;
  let reverse: boolean | undefined;
  let offset = 0;
  let limit = -1;
  for (let j = 4; j < args.length; j++) {
    const word = args[j].toString('latin1').toLowerCase();
    if (word === 'limit' && args.length - j - 1 >= 2) {
      const o = long(args[j + 1]);
      const l = o === null ? null : long(args[j + 2]);
      if (o === null || l === null) return NOT_AN_INTEGER;
      offset = o;
      limit = l;
      j += 2;
    } else if (reverse === undefined && word === 'rev') reverse = true;
    else if (by === undefined && word === 'bylex') by = 'lex';
    else if (by === undefined && word === 'byscore') by = 'score';
    else return SYNTAX_ERROR;
  }
  by ??= 'rank';
  if (limit !== -1 && by === 'rank') return LIMIT_NEEDS_BY;
  const rev = reverse ?? false;
  // BYSCORE and BYLEX with REV take the range as max, min.
  const [lowArg, highArg] = rev && by !== 'rank' ? [args[3], args[2]] : [args[2], args[3]];
  let selection: Selection;
  if (by === 'rank') {
    const start = long(args[2]);
    const end = start === null ? null : long(args[3]);
    if (start === null || end === null) return NOT_AN_INTEGER;
    selection = { by, start, end };
  } else if (by === 'score') {
    const min = scoreBound(lowArg);
    const max = min === null ? null : scoreBound(highArg);
    if (min === null || max === null) return NOT_A_FLOAT;
    selection = { by, range: { min: min.value, max: max.value, minExclusive: min.exclusive, maxExclusive: max.exclusive } };
  } else {
    const min = lexBound(lowArg);
    const max = min === null ? null : lexBound(highArg);
    if (min === null || max === null) return NOT_A_LEX_ITEM;
    selection = { by, range: { min, max } };
  }
  return { destination: keyOf(args[0]), source: keyOf(args[1]), selection, reverse: rev, offset, limit };
}

function select(zset: RedisSortedSet, command: RangeStore): ZEntry[] {
  const { selection, reverse, offset, limit } = command;
  if (selection.by === 'rank') return zset.rangeByRank(selection.start, selection.end, reverse);
  if (selection.by === 'score') return zset.rangeByScore(selection.range, { reverse, offset, limit });
  return zset.rangeByLex(selection.range, { reverse, offset, limit });
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
  parse,
  apply(command, { db }) {
    const zset = readAs(db, command.source, RedisSortedSet);
    if (zset instanceof ReplyError) return zset.frame;
    const entries = zset === undefined ? [] : select(zset, command);
    return integer(storeScored(db, command.destination, entries.map(([member, score]) => ({ member, score }))));
  },
};
