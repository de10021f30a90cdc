// What LPOP and RPOP share (Redis's popGenericCommand): pop one element, or up to
// `count` of them, from one end.
//
// The reply's shape depends on whether a count was given, not on its value, and Redis
// keeps that distinction everywhere: without a count, one bulk string or a null bulk;
// with one, an array (empty for COUNT 0 on an existing list) or a null array for a
// missing key. In RESP3 both nulls are `_`. The count is parsed before the key is looked
// up, so `LPOP missing -1` is an error, not a null.

import { NULL, NULL_ARRAY, array } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { elementFrame, elementsFrame } from './element';
import { type End, parseNonNegative } from './list-arguments';
import { popCount, popEnd } from './pop';

export interface Pop {
  readonly key: string;
  /** Undefined: no count argument (reply with one bulk string). */
  readonly count?: number;
}

interface PopMetadata {
  readonly name: string;
  readonly end: End;
  readonly summary: string;
}

export function popCommand(metadata: PopMetadata): CommandSpec<Pop> {
  const { name, end } = metadata;
  // The arity is -2 (COMMAND INFO says so), and the upper bound is the command's own
  // check, worded as the dispatcher words it.
  const arityError = new ReplyError(`ERR wrong number of arguments for '${name}' command`);
  return {
    name,
    arity: -2,
    flags: ['write', 'fast'],
    categories: ['@write', '@list', '@fast'],
    keys: { first: 1, last: 1, step: 1 },
    summary: metadata.summary,
    since: '1.0.0',
    group: 'list',
    syntax: 'key [count]',
    keySpecs: [{ flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
    parse(args) {
      if (args.length > 2) return arityError;
      if (args.length === 1) return { key: keyOf(args[0]) };
      const count = parseNonNegative(args[1]);
      if (count instanceof ReplyError) return count;
      return { key: keyOf(args[0]), count };
    },
    apply({ key, count }, { db }) {
      const list = writeAs(db, key, RedisList, false);
      if (list instanceof ReplyError) return list.frame;
      if (list === undefined) return count === undefined ? NULL : NULL_ARRAY;
      if (count === undefined) {
        const element = popEnd(list, end);
        db.changed(key);
        return elementFrame(element);
      }
      if (count === 0) return array([]);
      const popped = popCount(list, end, count);
      db.changed(key);
      return elementsFrame(popped);
    },
  };
}
