// EXPIRETIME key: the absolute Unix time (seconds) at which the key expires; -2 if it
// does not exist, -1 if it has no expiry. Redis rounds the stored milliseconds to the
// nearest second, as TTL does, so the rounding is shared (ttl.ts).

import { CommandSpec, keyOf } from '../command';
import { READ_KEY_CATEGORIES, READ_KEY_FLAGS, timeToLive } from './ttl';

export const expiretime: CommandSpec<string> = {
  name: 'expiretime',
  arity: 2,
  flags: READ_KEY_FLAGS,
  categories: READ_KEY_CATEGORIES,
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Get the expiration Unix timestamp for a key',
  since: '7.0.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply: (key, { db }) => timeToLive(db, key, false, true),
};
