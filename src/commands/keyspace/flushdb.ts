// FLUSHDB [ASYNC | SYNC]: removes every key. Redis can free the old keyspace in a
// background thread (ASYNC); here dropping the old Map is already O(1) and the garbage
// collector does the freeing, so both modes are accepted and behave the same.
// FLUSHALL (one database here, so the same thing) shares the argument rules.

import { OK } from '../../protocol/frame';
import { CommandSpec, ReplyError, SYNTAX_ERROR } from '../command';

/** Redis's getFlushCommandFlags: nothing, or exactly one of ASYNC / SYNC, any case. */
export function parseFlush(args: readonly Buffer[]): null | ReplyError {
  if (args.length === 0) return null;
  const mode = args[0].toString('latin1').toUpperCase();
  if (args.length > 1 || (mode !== 'ASYNC' && mode !== 'SYNC')) return SYNTAX_ERROR;
  return null;
}

export const FLUSH_CATEGORIES = ['@keyspace', '@write', '@slow', '@dangerous'];

export const flushdb: CommandSpec<null> = {
  name: 'flushdb',
  arity: -1,
  flags: ['write'],
  categories: FLUSH_CATEGORIES,
  summary: 'Remove all keys from the current database',
  since: '1.0.0',
  group: 'server',
  syntax: '[ASYNC | SYNC]',
  parse: parseFlush,
  apply(_none, { db }) {
    db.flush();
    return OK;
  },
};
