// LINDEX key index: the element at an index (negative: from the end), or null past
// either end. The order of the checks is Redis's: the key first (a missing key is null
// whatever the index, a key of another type WRONGTYPE), then the index. So the index is
// kept unparsed until the key has been looked at.

import { NULL } from '../../protocol/frame';
import { RedisList } from '../../db/types/list';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { readAs } from '../typed-value';
import { elementFrame } from './element';
import { parseLong } from './list-arguments';

interface Lindex {
  readonly key: string;
  readonly index: Buffer;
}

export const lindex: CommandSpec<Lindex> = {
  name: 'lindex',
  arity: 3,
  flags: ['readonly'],
  categories: ['@read', '@list', '@slow'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get an element from a list by its index',
  since: '1.0.0',
  group: 'list',
  syntax: 'key index',
  parse: (args) => ({ key: keyOf(args[0]), index: args[1] }),
  apply({ key, index }, { db }) {
    const list = readAs(db, key, RedisList);
    if (list instanceof ReplyError) return list.frame;
    if (list === undefined) return NULL;
    const at = parseLong(index);
    if (at instanceof ReplyError) return at.frame;
    const element = list.at(at < 0 ? list.size + at : at);
    return element === undefined ? NULL : elementFrame(element);
  },
};
