// OBJECT IDLETIME key: seconds since the key was last read or written.
//
// This server keeps no access clock per key. Redis spends 24 bits of every object on
// one, for its LRU eviction; here there is no eviction (maxmemory is fixed at 0), and a
// clock would cost a field and a write on every access of every key for one
// introspection answer. So every key answers 0, "just used", which is what Redis
// answers for a key touched within the last second. Under an LFU policy the answer is
// Redis's error, as there the object holds a counter, not a clock.

import { NULL, integer } from '../../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../../command';
import { lfuPolicy } from './eviction-policy';

const LFU_SELECTED = new ReplyError(
  'ERR An LFU maxmemory policy is selected, idle time not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
);

export const objectIdletime: CommandSpec<string> = {
  name: 'object|idletime',
  arity: 3,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1 },
  summary: 'Get the time since a Redis object was last accessed',
  since: '2.2.3',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db, server }) {
    // Redis looks the key up first: a missing key is a null reply whatever the policy.
    if (!db.has(key)) return NULL;
    return lfuPolicy(server) ? LFU_SELECTED.frame : integer(0);
  },
};
