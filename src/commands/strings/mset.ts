// MSET key value [key value ...]: set several keys at once (atomically: no client sees
// some set and others not). Like SET, each key loses its time to live and any type.
//
// The arity of 3 only says "at least one pair"; an odd count of arguments is checked
// here, with the same text as the dispatcher's arity error (Redis's addReplyErrorArity).
// MSETNX shares the parsing.

import { OK } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';

export interface KeyValue {
  readonly key: string;
  readonly value: Buffer;
}

/** `key value key value ...` as pairs, or the wrong-arity error naming `command`. */
export function parsePairs(command: string, args: readonly Buffer[]): KeyValue[] | ReplyError {
  if (args.length % 2 !== 0) return new ReplyError(`ERR wrong number of arguments for '${command}' command`);
  const pairs: KeyValue[] = [];
  for (let i = 0; i < args.length; i += 2) pairs.push({ key: keyOf(args[i]), value: args[i + 1] });
  return pairs;
}

export const mset: CommandSpec<readonly KeyValue[]> = {
  name: 'mset',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@string', '@slow'],
  keys: { first: 1, last: -1, step: 2 },
  summary: 'Set multiple keys to multiple values',
  since: '1.0.1',
  group: 'string',
  syntax: 'key value [key value ...]',
  parse: (args) => parsePairs('mset', args),
  apply(pairs, { db }) {
    for (const { key, value } of pairs) db.set(key, value);
    return OK;
  },
};
