// OBJECT FREQ key: the logarithmic access counter of the key, kept only under an LFU
// maxmemory-policy. Without one, Redis's error, word for word (the common case: this
// server's policy is noeviction unless CONFIG SET changes it).
//
// With an LFU policy set, this server still counts nothing (there is no eviction to
// feed), and answers 0: what Redis answers for a key that was not accessed since the
// policy changed (a key created after the change starts at 5 in Redis and grows with
// its accesses; here it stays 0).

import { NULL, integer } from '../../../protocol/frame';
import { CommandSpec, ReplyError, keyOf } from '../../command';
import { lfuPolicy } from './eviction-policy';

const LFU_NOT_SELECTED = new ReplyError(
  'ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please note that when switching between policies at runtime LRU and LFU data will take some time to adjust.',
);

export const objectFreq: CommandSpec<string> = {
  name: 'object|freq',
  arity: 3,
  flags: ['readonly'],
  categories: ['@keyspace', '@read', '@slow'],
  keys: { first: 2, last: 2, step: 1 },
  summary: 'Get the logarithmic access frequency counter of a Redis object',
  since: '4.0.0',
  group: 'generic',
  syntax: 'key',
  parse: (args) => keyOf(args[0]),
  apply(key, { db, server }) {
    if (!db.has(key)) return NULL;
    return lfuPolicy(server) ? integer(0) : LFU_NOT_SELECTED.frame;
  },
};
