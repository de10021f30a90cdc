// LINSERT key BEFORE|AFTER pivot element: inserts `element` next to the first element
// equal to `pivot`, searching from the head. Answers the new length, -1 when the pivot
// is not there, 0 when the key is missing. BEFORE/AFTER is checked first (a syntax
// error even on a missing key), then the key. O(N): the search, then the shift of the
// shorter side of the ring (src/db/types/list.ts).

import { integer } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, SYNTAX_ERROR, keyOf } from '../command';
import { writeAs } from '../typed-value';

interface Linsert {
  readonly key: string;
  readonly after: boolean;
  readonly pivot: string;
  readonly element: string;
}

export const linsert: CommandSpec<Linsert> = {
  name: 'linsert',
  arity: 5,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Insert an element before or after another element in a list',
  since: '2.2.0',
  group: 'list',
  syntax: 'key <BEFORE | AFTER> pivot element',
  keySpecs: [{ flags: ['RW', 'insert'], begin: { index: 1 }, find: { lastKey: 0 } }],
  parse(args) {
    const where = args[1].toString('latin1').toLowerCase();
    if (where !== 'before' && where !== 'after') return SYNTAX_ERROR;
    return { key: keyOf(args[0]), after: where === 'after', pivot: keyOf(args[2]), element: keyOf(args[3]) };
  },
  apply({ key, after, pivot, element }, { db }) {
    const list = writeAs(db, key, RedisList, false);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return integer(0);
    for (let i = 0; i < list.size; i++) {
      if (list.at(i) === pivot) {
        list.insertAt(after ? i + 1 : i, element);
        db.changed(key);
        return integer(list.size);
      }
    }
    return integer(-1);
  },
};
