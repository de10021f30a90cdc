// PTTL key: TTL in milliseconds (-2 missing key, -1 no expiry). See ttl.ts.

import { CommandSpec, keyOf } from '../command';
import { READ_KEY_CATEGORIES, READ_KEY_FLAGS, timeToLive } from './ttl';

export const pttl: CommandSpec<string> = {
  name: 'pttl',
  arity: 2,
  flags: READ_KEY_FLAGS,
  categories: READ_KEY_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the time to live for a key in milliseconds',
  since: '2.6.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => timeToLive(db, key, true, false),
};
