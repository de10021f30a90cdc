// HMSET key field value [field value ...]: HSET's older name (deprecated since Redis
// 4.0.0, still in use), which answers OK instead of the count of new fields. The work
// is in set-pairs.ts.

import { OK } from '../../protocol/frame';
import { CommandSpec, ReplyError } from '../command';
import { type SetPairs, parseSetPairs, setPairs } from './set-pairs';

export const hmset: CommandSpec<SetPairs> = {
  name: 'hmset',
  arity: -4,
  flags: ['write', 'denyoom', 'fast'],
  categories: ['@write', '@hash', '@fast'],
  keys: { first: 1, last: 1, step: 1 },
  summary: 'Set multiple hash fields to multiple values',
  since: '2.0.0',
  group: 'hash',
  syntax: 'key field value [field value ...]',
  parse: parseSetPairs('hmset'),
  apply(command, context) {
    const created = setPairs(command, context);
    return created instanceof ReplyError ? created.frame : OK;
  },
};
