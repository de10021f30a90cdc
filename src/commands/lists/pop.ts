// Popping and moving list elements: the one implementation behind LPOP, RPOP, LMPOP,
// LMOVE and RPOPLPUSH and behind their blocking twins BLPOP, BRPOP, BLMPOP, BLMOVE and
// BRPOPLPUSH. A blocking command is its non-blocking self plus waiting: it runs the very
// same function at once, and, when there was nothing to take, runs it again each time a
// key it waits on is written (see src/commands/blocking.ts). Sharing it is what makes
// "served later" give the same bytes as "served at once", which Redis guarantees
// (serveClientBlockedOnList and blockingPopGenericCommand build the same replies).
//
// Every function here that removes or adds elements calls `db.changed` on each key it
// modified: that deletes a list emptied by its last pop (so EXISTS says 0 at once, as in
// Redis) and wakes the clients blocked on a key that was pushed to.

import { type Frame, array, latin1Bulk } from '../../protocol/frame';
import type { Db } from '../../db/db';
import { RedisList } from '../../db/types/list';
import { ReplyError } from '../command';
import { readAs, writeAs } from '../typed-value';
import { elementFrame, elementsFrame } from './element';
import type { End } from './list-arguments';

/** A key's name as a bulk string (keys are latin1 byte strings). */
const keyFrame = (key: string): Frame => latin1Bulk(key);

/** Pops one element from `end` of a non-empty list. */
export const popEnd = (list: RedisList, end: End): string => (end === 'left' ? list.popHead() : list.popTail())!;

/** Pushes one element on `end`. */
export const pushEnd = (list: RedisList, end: End, element: string): void =>
  end === 'left' ? list.pushHead(element) : list.pushTail(element);

/** Pops up to `count` elements from `end`, in the order they came off (RPOP k 2: the last, then the one before). */
export function popCount(list: RedisList, end: End, count: number): string[] {
  const popped: string[] = [];
  const n = Math.min(count, list.size);
  for (let i = 0; i < n; i++) popped.push(popEnd(list, end));
  return popped;
}

/**
 * The first of `keys` that holds a non-empty list, in argument order: missing keys are
 * skipped, but a key of another type stops the search with WRONGTYPE, even when a later
 * key would have served (as blockingPopGenericCommand and mpopGenericCommand do).
 */
export function firstList(db: Db, keys: readonly string[]): { key: string; list: RedisList } | undefined | ReplyError {
  for (const key of keys) {
    const list = readAs(db, key, RedisList);
    if (list instanceof ReplyError) return list;
    if (list !== undefined && list.size > 0) return { key, list };
  }
  return undefined;
}

/**
 * For a client blocked on `keys`: the list to serve it from, or undefined to keep
 * waiting. Unlike `firstList`, a key that now holds another type is passed over, not
 * an error: Redis only serves a blocked client from a key that holds a list.
 * `woken`, when the caller knows it, is the key that became ready; Redis serves from
 * that key, which matters only when a transaction filled several keys at once.
 */
export function readyList(db: Db, keys: readonly string[], woken?: string): { key: string; list: RedisList } | undefined {
  for (const key of woken !== undefined ? [woken] : keys) {
    const list = readAs(db, key, RedisList);
    if (list instanceof RedisList && list.size > 0) return { key, list };
  }
  return undefined;
}

/** BLPOP and BRPOP's reply: pops one element and answers [key, element]. */
export function popWithKey(db: Db, key: string, list: RedisList, end: End): Frame {
  const element = popEnd(list, end);
  db.changed(key);
  return array([keyFrame(key), elementFrame(element)]);
}

/** LMPOP and BLMPOP's reply: pops up to `count` elements and answers [key, [elements...]]. */
export function popManyWithKey(db: Db, key: string, list: RedisList, end: End, count: number): Frame {
  const popped = popCount(list, end, count);
  db.changed(key);
  return array([keyFrame(key), elementsFrame(popped)]);
}

/**
 * LMOVE's work (and RPOPLPUSH's, BLMOVE's, BRPOPLPUSH's): pops from `from` of the list
 * at `source`, pushes on `to` of the list at `destination` (created if missing), and
 * answers the element. The source must be a non-empty list (the caller looked). The
 * destination's type is checked before anything moves: WRONGTYPE leaves both untouched.
 * Source and destination may be the same key: the list rotates.
 */
export function move(db: Db, source: string, list: RedisList, destination: string, from: End, to: End): Frame {
  const target = writeAs(db, destination, RedisList, false);
  if (target instanceof ReplyError) return target.frame;
  const element = popEnd(list, from);
  // Created only now, after the type check and the pop, so a refused move creates nothing.
  const into = target ?? writeAs(db, destination, RedisList, true);
  pushEnd(into as RedisList, to, element);
  // The destination first, as Redis signals it: a client blocked on it is woken (after
  // this command) with the element already there.
  db.changed(destination);
  if (source !== destination) db.changed(source);
  return elementFrame(element);
}
