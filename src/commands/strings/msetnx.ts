// MSETNX key value [key value ...]: MSET, but only if none of the keys exists; then it
// sets them all and answers 1, else sets nothing and answers 0. All or nothing, so it
// can claim several names at once. Existence is all that counts, whatever the type.

import { integer } from '../../protocol/frame';
import { CommandSpec } from '../command';
import { KeyValue, parsePairs } from './mset';

export const msetnx: CommandSpec<readonly KeyValue[]> = {
  name: 'msetnx',
  arity: -3,
  flags: ['write', 'denyoom'],
  categories: ['@write', '@string', '@slow'],
  keys: { first: 1, last: -1, step: 2 },
  summary: 'Set multiple keys to multiple values, only if none of the keys exist',
  since: '1.0.1',
  group: 'string',
  syntax: 'key value [key value ...]',
  parse: (args) => parsePairs('msetnx', args),
  apply(pairs, { db }) {
    if (pairs.some(({ key }) => db.has(key))) return integer(0);
    for (const { key, value } of pairs) db.set(key, value);
    return integer(1);
  },
};
