// MGET key [key ...]: the values of several keys in one round trip, as an array. A
// missing key, or one holding another type, is nil in its place: MGET never answers
// WRONGTYPE, so one odd key cannot fail the whole batch.

import { Frame, NULL, array, bulk } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

export const mget: CommandSpec<readonly string[]> = {
  name: 'mget',
  arity: -2,
  flags: ['readonly', 'fast'],
  categories: ['@read', '@string', '@fast'],
  keys: { first: 1, last: -1, step: 1 },
  summary: 'Get the values of all the given keys',
  since: '1.0.0',
  group: 'string',
  syntax: 'key [key ...]',
  parse: (args) => args.map(keyOf),
  apply(keys, { db }) {
    const values: Frame[] = [];
    // One reply slot per key asked for, in order, duplicates included: a client zips
    // the answer with its request.
    for (const key of keys) {
      const entry = db.entry(key);
      values.push(entry !== undefined && entry.type === 'string' ? bulk(entry.value) : NULL);
    }
    return array(values);
  },
};
