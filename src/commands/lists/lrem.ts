// LREM key count element: removes elements equal to `element`: the first `count` of
// them from the head when count > 0, the last -count from the tail when count < 0, all
// of them when count is 0. Answers how many went; a list left empty is deleted.
//
// The count is parsed before the key is looked up. In C, -count of the smallest long
// overflows back to itself, so Redis removes every match then: a limit no list can
// reach, which is what "no limit" (0) means here too.

import { integer } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { parseLong } from './list-arguments';

interface Lrem {
  readonly key: string;
  readonly count: number;
  readonly element: string;
}

export const lrem: CommandSpec<Lrem> = {
  name: 'lrem',
  arity: 4,
  flags: ['write'],
  categories: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Remove elements from a list',
  since: '1.0.0',
  group: 'list',
  syntax: 'key count element',
  keySpecs: [{ flags: ['RW', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const count = parseLong(args[1]);
    if (count instanceof ReplyError) return count;
    return { key: keyOf(args[0]), count, element: keyOf(args[2]) };
  },
  apply({ key, count, element }, { db }) {
    const list = writeAs(db, key, RedisList, false);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return integer(0);
    const removed = list.removeEqual(element, Math.abs(count), count < 0);
    if (removed > 0) db.changed(key);
    return integer(removed);
  },
};
