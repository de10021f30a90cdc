// What LPUSH, RPUSH, LPUSHX and RPUSHX share (Redis's pushGenericCommand): push every
// element in turn on one end, and answer the list's new length. The four commands differ
// only in the end and in whether a missing key is created (LPUSH) or left alone
// (LPUSHX answers 0 and creates nothing), so each command file is this factory called
// with its own metadata.
//
// Pushing one element at a time is what gives LPUSH k a b c its Redis order: c ends up
// first, because each element goes on the head in turn.

import { integer } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import type { End } from './list-arguments';
import { pushEnd } from './pop';

export interface Push {
  readonly key: string;
  readonly elements: readonly string[];
}

interface PushMetadata {
  readonly name: string;
  readonly end: End;
  /** The X variants: push only onto an existing list. */
  readonly onlyIfExists: boolean;
  readonly summary: string;
  readonly since: string;
}

export function pushCommand(metadata: PushMetadata): CommandSpec<Push> {
  const { end, onlyIfExists } = metadata;
  return {
    name: metadata.name,
    arity: -3,
    flags: ['write', 'denyoom', 'fast'],
    categories: ['@write', '@list', '@fast'],
    keys: { first: 1, last: 1, step: 1 },
    summary: metadata.summary,
    since: metadata.since,
    group: 'list',
    syntax: 'key element [element ...]',
    keySpecs: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { lastKey: 0 } }],
    parse: (args) => ({ key: keyOf(args[0]), elements: args.slice(1).map(keyOf) }),
    apply({ key, elements }, { db }) {
      const list = writeAs(db, key, RedisList, !onlyIfExists);
      if (list instanceof ReplyError) return list.frame;
      if (list === undefined) return integer(0);
      for (const element of elements) pushEnd(list, end, element);
      db.changed(key);
      return integer(list.size);
    },
  };
}
