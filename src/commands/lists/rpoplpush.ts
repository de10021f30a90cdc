// RPOPLPUSH source destination: LMOVE source destination RIGHT LEFT, its older name
// (deprecated since 6.2 in favour of LMOVE, and still everywhere in job queues). The
// work is `move` in pop.ts.

import { NULL } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { move } from './pop';

interface Rpoplpush {
  readonly source: string;
  readonly destination: string;
}

export const rpoplpush: CommandSpec<Rpoplpush> = {
  name: 'rpoplpush',
  arity: 3,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Remove the last element in a list, prepend it to another list and return it',
  since: '1.2.0',
  group: 'list',
  syntax: 'source destination',
  keySpecs: [
    { flags: ['RW', 'access', 'delete'], begin: { index: 1 }, find: { lastKey: 0 } },
    { flags: ['RW', 'insert'], begin: { index: 2 }, find: { lastKey: 0 } },
  ],
  parse: (args) => ({ source: keyOf(args[0]), destination: keyOf(args[1]) }),
  apply({ source, destination }, { db }) {
    const list = writeAs(db, source, RedisList, false);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return NULL;
    return move(db, source, list, destination, 'right', 'left');
  },
};
