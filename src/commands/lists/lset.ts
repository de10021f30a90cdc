// LSET key index element: replaces the element at an index (negative: from the end).
// A missing key is "no such key", an index past either end "index out of range". As in
// LINDEX, the key is checked before the index is parsed, so the index stays raw until
// then. O(1) here (Redis walks its quicklist: O(N)).

import { OK } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { writeAs } from '../typed-value';
import { parseLong } from './list-arguments';

interface Lset {
  readonly key: string;
  readonly index: Buffer;
  readonly element: string;
}

const NO_SUCH_KEY = new ReplyError('ERR no such key');
const OUT_OF_RANGE = new ReplyError('ERR index out of range');

export const lset: CommandSpec<Lset> = {
  name: 'lset',
  arity: 4,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set the value of an element in a list by its index',
  since: '1.0.0',
  group: 'list',
  syntax: 'key index element',
  parse: (args) => ({ key: keyOf(args[0]), index: args[1], element: keyOf(args[2]) }),
  apply({ key, index, element }, { db }) {
    const list = writeAs(db, key, RedisList, false);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return NO_SUCH_KEY.frame;
    const at = parseLong(index);
    if (at instanceof ReplyError) return at.frame;
    if (!list.setAt(at < 0 ? list.size + at : at, element)) return OUT_OF_RANGE.frame;
    db.changed(key);
    return OK;
  },
};
