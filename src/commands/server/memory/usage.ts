// MEMORY USAGE key [SAMPLES count]: the bytes a key and its value take, or a null reply
// for a missing key.
//
// Redis sums its allocator's sizes for the key's objects, sampling nested elements. A
// JS heap has no per-object size to ask for, so this is an estimate in the same spirit:
// a fixed overhead per key (Redis's dict entry and object headers) plus the bytes of
// the key and of every element, each with a small per-element overhead. Clients use the
// figure to compare keys and spot big ones, which the estimate supports; it is not
// Redis's number. (Redis's own test suite, seeing mem_allocator is not jemalloc, only
// checks that it answers.)

import { type Value, isAggregate } from '../../../db/db';
import { RedisHash } from '../../../db/types/hash';
import { RedisList } from '../../../db/types/list';
import { RedisSet } from '../../../db/types/set';
import { RedisSortedSet } from '../../../db/types/sorted-set';
import { NULL, integer } from '../../../protocol/frame';
import { parseLongLong } from '../../../protocol/integer';
import { type CommandSpec, NOT_AN_INTEGER, ReplyError, SYNTAX_ERROR, keyOf } from '../../command';

/** Redis's dictEntry, robj and key sds headers, roughly. */
const KEY_OVERHEAD = 48;
/** Per element of an aggregate: a pointer or a listpack entry header, roughly. */
const ELEMENT_OVERHEAD = 8;
/** A sorted set's score, per member. */
const SCORE_BYTES = 8;

function valueBytes(value: Value): number {
  if (!isAggregate(value)) return value.length;
  let bytes = 16;
  const add = (element: string): void => {
    bytes += element.length + ELEMENT_OVERHEAD;
  };
  if (value instanceof RedisList) for (const element of value.values()) add(element);
  else if (value instanceof RedisSet) value.forEach(add);
  else if (value instanceof RedisHash) value.pairs().forEach(add);
  else if (value instanceof RedisSortedSet) for (const [member] of value.entries()) bytes += member.length + ELEMENT_OVERHEAD + SCORE_BYTES;
  return bytes;
}

function parse(args: readonly Buffer[]): string | ReplyError {
  for (let j = 1; j < args.length; j++) {
    if (args[j].toString('latin1').toLowerCase() === 'samples' && j + 1 < args.length) {
      if (parseLongLong(args[j + 1], 0, args[j + 1].length) === null) return NOT_AN_INTEGER;
      j++;
    } else return SYNTAX_ERROR;
  }
  return keyOf(args[0]);
}

export const memoryUsage: CommandSpec<string> = {
  name: 'memory|usage',
  arity: -3,
  flags: ['readonly'],
  categories: ['@read', '@slow'],
  keys: { first: 2, last: 2, step: 1 },
  summary: 'Estimate the memory usage of a key',
  since: '4.0.0',
  group: 'server',
  syntax: 'key [SAMPLES count]',
  parse,
  apply(key, { db }) {
    const value = db.value(key);
    return value === undefined ? NULL : integer(KEY_OVERHEAD + key.length + valueBytes(value));
  },
};
