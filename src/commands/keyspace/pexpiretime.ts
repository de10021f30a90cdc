// PEXPIRETIME key: the absolute Unix time (milliseconds) at which the key expires, as
// stored; -2 if it does not exist, -1 if it has no expiry. See ttl.ts.

import { CommandSpec, keyOf } from '../command';
import { READ_KEY_CATEGORIES, READ_KEY_FLAGS, timeToLive } from './ttl';

export const pexpiretime: CommandSpec<string> = {
  name: 'pexpiretime',
  arity: 2,
  flags: READ_KEY_FLAGS,
  categories: READ_KEY_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the expiration Unix timestamp for a key in milliseconds',
  since: '7.0.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => timeToLive(db, key, true, true),
};
