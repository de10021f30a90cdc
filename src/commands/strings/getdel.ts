// GETDEL key: the value of a key, which is then deleted: a GET and a DEL that no other
// client can come between (every command here runs to completion on its own). Nil if
// the key does not exist; WRONGTYPE, and no delete, if it is not a string.

import { NULL, bulk } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { stringEntry } from './string-value';

export const getdel: CommandSpec<string> = {
  name: 'getdel',
  arity: 2,
  flags: ['write', 'fast'],
  categories: ['@write', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the value of a key and delete the key',
  since: '6.2.0',
  group: 'string',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    if (entry === undefined) return NULL;
    // The Entry view holds the value as it was when looked up, so reading it after the
    // delete still gives the old bytes: delete first, answer with what was there.
    db.delete(key);
    return bulk(entry.value);
  },
};
