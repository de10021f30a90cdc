// RENAME key newkey: moves a value (and its time to live) to a new name, replacing
// whatever was there. RENAMENX shares the logic and refuses to replace.
//
// The checks run in Redis's order (renameGenericCommand): a missing source is an
// error even when both names are the same, and renaming a key to itself is a no-op
// that still says OK (or 0 for RENAMENX, since nothing was renamed).

import { OK } from '../../protocol/frame';
import type { Db } from '../../db/db';
import { CommandSpec, ReplyError, keyOf } from '../command';

export const NO_SUCH_KEY = new ReplyError('ERR no such key');

export interface Rename {
  readonly from: string;
  readonly to: string;
}

export const parseRename = (args: readonly Buffer[]): Rename => ({ from: keyOf(args[0]), to: keyOf(args[1]) });

/** 'missing' (the source does not exist), 'same', 'blocked' (NX and the target exists) or 'renamed'. */
export function renameKey(db: Db, { from, to }: Rename, nx: boolean): 'missing' | 'same' | 'blocked' | 'renamed' {
  if (!db.has(from)) return 'missing';
  if (from === to) return 'same';
  if (nx && db.has(to)) return 'blocked';
  // One Db call moves value and expiry together: done as a GET, a SET and a DEL by the
  // command, a key with a time to live would lose it, or another command could run
  // in between if this were ever made asynchronous. Atomic because synchronous.
  db.rename(from, to);
  return 'renamed';
}

export const rename: CommandSpec<Rename> = {
  name: 'rename',
  arity: 3,
  flags: ['write'],
  categories: ['@keyspace', '@write', '@slow'],
  keys: { first: 1, last: 2, step: 1 },
  summary: 'Rename a key',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key newkey',
  parse: parseRename,
  apply: (command, { db }) => (renameKey(db, command, false) === 'missing' ? NO_SUCH_KEY.frame : OK),
};
