// STRLEN key: the length of a string in bytes (0 for a missing key). Bytes, not
// characters: "é" in UTF-8 is 2.

import { integer } from '../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../command';
import { stringEntry } from './string-value';

export const strlen: CommandSpec<string> = {
  name: 'strlen',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the length of the value stored in a key',
  since: '2.2.0',
  group: 'string',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    const entry = stringEntry(db, key);
    if (entry instanceof ReplyError) return entry.frame;
    return integer(entry === undefined ? 0 : entry.value.length);
  },
};
