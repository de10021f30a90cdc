// The one range query behind ZRANGE, ZREVRANGE, ZRANGEBYSCORE, ZREVRANGEBYSCORE,
// ZRANGEBYLEX, ZREVRANGEBYLEX and ZRANGESTORE, as Redis has one zrangeGenericCommand
// for all seven: they differ only in which options the grammar leaves open (ZRANGE
// takes BYSCORE, BYLEX and REV; ZRANGEBYSCORE has its kind and direction fixed) and in
// where the answer goes (to the client, or into a key for ZRANGESTORE).
//
// Pattern: parse into a plain value, then run it. `parseRangeQuery` checks the
// arguments in Redis's order (unknown option -> "syntax error"; LIMIT's integers; LIMIT
// without BYSCORE/BYLEX; WITHSCORES with BYLEX; then the bounds themselves), all before
// the key is read, as Redis does: a bad range gets its error even on a missing key or a
// key of the wrong type. `runRangeQuery` walks the set; `entriesReply` shapes the reply
// per protocol: RESP2 flattens WITHSCORES into member, score, member, score...; RESP3
// nests [member, score] pairs, the score a double (RESP2 folds a double into its %.17g
// bulk string).

import type { ProtocolVersion } from '../../protocol/encode';
import { type Frame, array, latin1Bulk } from '../../protocol/frame';
import { parseLongLong } from '../../protocol/integer';
import type { LexRange, RedisSortedSet, ScoreRange, ZEntry } from '../../db/types/sorted-set';
import { NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { parseLexRange } from './lex-range';
import { parseScoreRange } from './score-range';

export type RangeKind = 'rank' | 'score' | 'lex';

/** A parsed range query. */
export interface RangeQuery {
  readonly key: string;
  readonly kind: RangeKind;
  readonly reverse: boolean;
  readonly withScores: boolean;
  /** For 'rank': the indexes as given (negative from the end). */
  readonly start: number;
  readonly end: number;
  readonly score?: ScoreRange;
  readonly lex?: LexRange;
  /** LIMIT offset count (count -1: no limit). */
  readonly offset: number;
  readonly limit: number;
}

/** What the command leaves open: a fixed kind or direction, and whether it stores (no WITHSCORES then). */
export interface RangeGrammar {
  readonly kind?: RangeKind;
  readonly reverse?: boolean;
  readonly store?: boolean;
}

const LIMIT_NEEDS_BY = new ReplyError('ERR syntax error, LIMIT is only supported in combination with either BYSCORE or BYLEX');
const NO_SCORES_BY_LEX = new ReplyError('ERR syntax error, WITHSCORES not supported in combination with BYLEX');

/** Redis's getLongFromObjectOrReply. */
const long = (arg: Buffer): number | null => parseLongLong(arg, 0, arg.length);

/**
 * Redis's strcasecmp on the argument: a C string, so it ends at the first NUL
 * ("withscores\0x" is WITHSCORES), compared without regard to case.
 */
function is(arg: Buffer, word: string): boolean {
  const nul = arg.indexOf(0);
  const length = nul === -1 ? arg.length : nul;
  return length === word.length && arg.toString('latin1', 0, length).toLowerCase() === word;
}

/**
 * `key min max [options]` (for ZRANGESTORE: the arguments after the destination) as a
 * RangeQuery, or the error Redis gives first.
 */
export function parseRangeQuery(args: readonly Buffer[], grammar: RangeGrammar = {}): RangeQuery | ReplyError {
  let kind = grammar.kind;
  let reverse = grammar.reverse;
  let withScores = false;
  let offset = 0;
  let limit = -1;
  for (let j = 3; j < args.length; j++) {
    const arg = args[j];
    const left = args.length - j - 1;
    if (!grammar.store && is(arg, 'withscores')) {
      withScores = true;
    } else if (is(arg, 'limit') && left >= 2) {
      const o = long(args[j + 1]);
      if (o === null) return NOT_AN_INTEGER;
      const l = long(args[j + 2]);
      if (l === null) return NOT_AN_INTEGER;
      offset = o;
      limit = l;
      j += 2;
    } else if (reverse === undefined && is(arg, 'rev')) {
      reverse = true;
    } else if (kind === undefined && is(arg, 'bylex')) {
      kind = 'lex';
    } else if (kind === undefined && is(arg, 'byscore')) {
      kind = 'score';
    } else {
      return SYNTAX_ERROR;
    }
  }
  kind ??= 'rank';
  reverse ??= false;
  if (limit !== -1 && kind === 'rank') return LIMIT_NEEDS_BY;
  if (withScores && kind === 'lex') return NO_SCORES_BY_LEX;
  // The reverse forms take the range as max then min.
  const [low, high] = reverse && kind !== 'rank' ? [args[2], args[1]] : [args[1], args[2]];
  const base = { key: keyOf(args[0]), kind, reverse, withScores, offset, limit, start: 0, end: 0 };
  switch (kind) {
    case 'rank': {
      const start = long(low);
      if (start === null) return NOT_AN_INTEGER;
      const end = long(high);
      if (end === null) return NOT_AN_INTEGER;
      return { ...base, start, end };
    }
    case 'score': {
      const score = parseScoreRange(low, high);
      return score instanceof ReplyError ? score : { ...base, score };
    }
    case 'lex': {
      const lex = parseLexRange(low, high);
      return lex instanceof ReplyError ? lex : { ...base, lex };
    }
  }
}

/** The entries the query selects, in reply order. */
export function runRangeQuery(set: RedisSortedSet, q: RangeQuery): ZEntry[] {
  switch (q.kind) {
    case 'rank':
      return set.rangeByRank(q.start, q.end, q.reverse);
    case 'score':
      return set.rangeByScore(q.score!, { reverse: q.reverse, offset: q.offset, limit: q.limit });
    case 'lex':
      return set.rangeByLex(q.lex!, { reverse: q.reverse, offset: q.offset, limit: q.limit });
  }
}

const memberFrame = (member: string): Frame => latin1Bulk(member);
const scoreFrame = (score: number): Frame => ({ type: 'double', value: score });

/** Entries as Redis replies them: members only, or with scores (flat in RESP2, pairs in RESP3). */
export function entriesReply(entries: readonly ZEntry[], withScores: boolean, protocol: ProtocolVersion): Frame {
  if (!withScores) return array(entries.map(([member]) => memberFrame(member)));
  if (protocol === 3) return array(entries.map(([member, score]) => array([memberFrame(member), scoreFrame(score)])));
  const flat: Frame[] = [];
  for (const [member, score] of entries) flat.push(memberFrame(member), scoreFrame(score));
  return array(flat);
}
