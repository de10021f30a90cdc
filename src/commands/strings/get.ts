// GET key: the value of a key, or the null bulk string if there is none; WRONGTYPE if
// the key holds another type. The hot path of every benchmark: one map lookup, one
// type tag compared, no allocation beyond the reply.

import { isAggregate } from '../../db/db';
import { bulk, latin1Bulk, NULL } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';
import { WRONGTYPE } from './string-value';

export const get: CommandSpec<string> = {
  name: 'get',
  arity: 2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@string', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the value of a key',
  since: '1.0.0',
  group: 'string',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db }) {
    // The allocation-free lookup: no Entry view, the stored form read directly.
    const stored = db.getStored(key);
    if (stored === undefined) return NULL;
    if (typeof stored === 'string') return latin1Bulk(stored);
    return isAggregate(stored) ? WRONGTYPE.frame : bulk(stored);
  },
};
