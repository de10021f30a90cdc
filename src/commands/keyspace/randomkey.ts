// RANDOMKEY: a random live key, or null when the keyspace is empty (`$-1` in RESP2,
// `_` in RESP3: the NULL frame, which the writer encodes per protocol).

import { NULL, bulk } from '../../protocol/frame';
import { CommandSpec, rawArguments } from '../command';

export const randomkey: CommandSpec = {
  name: 'randomkey',
  arity: 1,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow'],
  summary: 'Return a random key from the keyspace',
  since: '1.0.0',
  group: 'generic',
  parse: rawArguments,
  apply(_args, { db }) {
    const key = db.randomKey();
    return key === undefined ? NULL : bulk(Buffer.from(key, 'latin1'));
  },
};
