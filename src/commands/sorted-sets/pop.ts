// Popping the lowest or highest members, shared by ZPOPMIN ZPOPMAX ZMPOP and the
// blocking BZPOPMIN BZPOPMAX BZMPOP. Redis runs the six through genericZpopCommand, and
// what differs between them is only the shape of the reply:
//   ZPOPMIN key             [member, score]                       (flat, in RESP3 too)
//   ZPOPMIN key count       RESP2 flat [m, s, m, s]; RESP3 pairs [[m, s], [m, s]]
//   BZPOPMIN key... timeout [key, member, score]                  (flat, both protocols)
//   ZMPOP / BZMPOP          [key, [[m, s], ...]]                  (nested, both protocols)
// and what they answer when nothing can be popped: an empty array for ZPOPMIN, the
// null array for ZMPOP (and for the blocking ones when their time is up).
//
// The blocking side is the same pop run later: `blockingPop` tries the keys now, and
// otherwise returns `block(...)` (src/commands/blocking.ts), an Observable that races
// the keys' readiness against the timeout, whose `attempt` is this very pop again.
// That is the lesson of blocking as a stream: the command does not wait, it returns
// a value that arrives later, and the session holds the connection's next commands
// behind it.

import type { Observable } from 'rxjs';
import { type Frame, array, latin1Bulk, NULL_ARRAY } from '../../protocol/frame';
import type { Db } from '../../db/db';
import { RedisSortedSet, type ZEntry } from '../../db/types/sorted-set';
import { type ConnectionContext, ReplyError, type Replies, SYNTAX_ERROR, keyOf } from '../command';
import { WRONGTYPE } from '../typed-value';
import { block, parseTimeout } from '../blocking';
import { parseLongLong } from '../../protocol/integer';

export type End = 'min' | 'max';

/** How the reply is laid out (see the table above). */
export type PopShape = 'zpop' | 'bzpop' | 'zmpop';

export interface Pop {
  readonly keys: readonly string[];
  readonly end: End;
  /** How many to pop; undefined is the plain single pop (ZPOPMIN key, BZPOPMIN). */
  readonly count?: number;
}

const EMPTY_ARRAY: Frame = Object.freeze({ type: 'array', value: [] }) as Frame;
const NUMKEYS = new ReplyError('ERR numkeys should be greater than 0');
const COUNT = new ReplyError('ERR count should be greater than 0');

/**
 * The first key that holds something, as genericZpopCommand looks: missing keys are
 * skipped, the first existing one must be a sorted set (else WRONGTYPE, even if a
 * later key could serve). Undefined: all missing.
 */
export function firstExisting(db: Db, keys: readonly string[]): { key: string; zset: RedisSortedSet } | undefined | ReplyError {
  for (const key of keys) {
    const value = db.value(key);
    if (value === undefined) continue;
    if (!(value instanceof RedisSortedSet)) return WRONGTYPE;
    return { key, zset: value };
  }
  return undefined;
}

const entryFrames = ([member, score]: ZEntry): [Frame, Frame] => [latin1Bulk(member), { type: 'double', value: score }];

/** Pops from `zset` at `key` (which must be non-empty unless count is 0), signals the change, and shapes the reply. */
export function popReply(db: Db, key: string, zset: RedisSortedSet, pop: Pop, shape: PopShape, protocol: number): Frame {
  const count = pop.count ?? 1;
  if (count === 0) return EMPTY_ARRAY; // ZPOPMIN key 0: nothing popped, nothing changed.
  const popped = pop.end === 'min' ? zset.popMin(count) : zset.popMax(count);
  db.changed(key);
  const keyFrame = latin1Bulk(key);
  if (shape === 'zmpop') return array([keyFrame, array(popped.map((e) => array(entryFrames(e))))]);
  if (shape === 'bzpop') return array([keyFrame, ...popped.flatMap(entryFrames)]);
  if (protocol === 3 && pop.count !== undefined) return array(popped.map((e) => array(entryFrames(e))));
  return array(popped.flatMap(entryFrames));
}

/** ZPOPMIN, ZPOPMAX, ZMPOP: pop from the first existing key now, or answer that there is nothing. */
export function popNow(pop: Pop, shape: 'zpop' | 'zmpop', { db, protocol }: ConnectionContext): Frame {
  const found = firstExisting(db, pop.keys);
  if (found instanceof ReplyError) return found.frame;
  if (found === undefined) return shape === 'zmpop' ? NULL_ARRAY : EMPTY_ARRAY;
  return popReply(db, found.key, found.zset, pop, shape, protocol);
}

/**
 * BZPOPMIN, BZPOPMAX, BZMPOP: the timeout is read first (its errors come before any
 * key is looked at), then the keys are tried in order; if none can serve, the reply is
 * a wait. A waiter woken by a key tries the keys again, in order, skipping what cannot
 * serve (another type, emptied by a waiter before it), and keeps waiting if none can.
 */
export function blockingPop(pop: Pop, timeout: Buffer, shape: 'bzpop' | 'zmpop', context: ConnectionContext): Replies | Observable<Replies> {
  const { db } = context;
  const timeoutMs = parseTimeout(timeout);
  if (timeoutMs instanceof ReplyError) return timeoutMs.frame;
  for (const key of pop.keys) {
    const value = db.value(key);
    if (value === undefined) continue;
    if (!(value instanceof RedisSortedSet)) return WRONGTYPE.frame;
    if (value.size > 0) return popReply(db, key, value, pop, shape, context.protocol);
  }
  return block(context, {
    keys: pop.keys,
    timeoutMs,
    timeoutReply: NULL_ARRAY,
    // Redis serves a woken waiter from the key that became ready; when block() does not
    // say which one it was, the first of the waiter's keys that can serve stands in (the
    // same key, unless one command made several of them ready).
    attempt: (woken?: string) => {
      for (const key of woken === undefined ? pop.keys : [woken]) {
        const value = db.value(key);
        if (value instanceof RedisSortedSet && value.size > 0) return popReply(db, key, value, pop, shape, context.protocol);
      }
      return undefined;
    },
  });
}

/**
 * ZMPOP's and BZMPOP's `numkeys key... MIN|MAX [COUNT count]`, from `at` (where numkeys
 * is), in zmpopGenericCommand's order: numkeys (one text for every failure), MIN|MAX
 * right after the keys, then COUNT at most once, at least 1.
 */
export function parseMultiPop(args: readonly Buffer[], at: number): Pop | ReplyError {
  const numkeys = parseLongLong(args[at], 0, args[at].length);
  if (numkeys === null || numkeys < 1) return NUMKEYS;
  const whereAt = at + 1 + numkeys;
  if (whereAt >= args.length) return SYNTAX_ERROR;
  const where = args[whereAt].toString('latin1').toLowerCase();
  if (where !== 'min' && where !== 'max') return SYNTAX_ERROR;
  let count: number | undefined;
  for (let j = whereAt + 1; j < args.length; j++) {
    const more = args.length - 1 - j;
    if (count === undefined && more > 0 && args[j].toString('latin1').toLowerCase() === 'count') {
      j++;
      const value = parseLongLong(args[j], 0, args[j].length);
      if (value === null || value < 1) return COUNT;
      count = value;
    } else {
      return SYNTAX_ERROR;
    }
  }
  return { keys: args.slice(at + 1, whereAt).map(keyOf), end: where, count: count ?? 1 };
}
