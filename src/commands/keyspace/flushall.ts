// FLUSHALL [ASYNC | SYNC]: removes the keys of every database. This server has one
// database (no SELECT), so it is FLUSHDB under another name; see flushdb.ts.

import { OK } from '../../protocol/frame';
import { CommandSpec } from '../command';
import { FLUSH_CATEGORIES, parseFlush } from './flushdb';

export const flushall: CommandSpec<null> = {
  name: 'flushall',
  arity: -1,
  flags: ['write'],
  categories: FLUSH_CATEGORIES,
  summary: 'Remove all keys from all databases',
  since: '1.0.0',
  group: 'server',
  syntax: '[ASYNC | SYNC]',
  parse: parseFlush,
  apply(_none, { db }) {
    db.flush();
    return OK;
  },
};
