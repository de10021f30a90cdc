// DEL key [key ...]: removes keys and answers how many existed. A key named twice is
// deleted once and counted once, because the second time it is already gone.
//
// UNLINK shares this code: Redis frees a big value in a background thread for UNLINK,
// but here memory is the garbage collector's job, so both are the same plain delete.

import { integer } from '../../protocol/frame';
import { CommandSpec, keyOf } from '../command';

/** Deletes each key in turn; the count of those that were there. */
export function deleteKeys(keys: readonly string[], db: { delete(key: string): boolean }): number {
  let deleted = 0;
  for (const key of keys) if (db.delete(key)) deleted++;
  return deleted;
}

export const parseKeys = (args: readonly Buffer[]): readonly string[] => args.map(keyOf);

export const del: CommandSpec<readonly string[]> = {
  name: 'del',
  arity: -2,
  flags: ['write'],
  categories: ['@keyspace', '@write', '@slow'],
  keys: { first: 1, last: -1, step: 1 },
  summary: 'Delete a key',
  since: '1.0.0',
  group: 'generic',
  syntax: 'key [key ...]',
  parse: parseKeys,
  apply: (keys, { db }) => integer(deleteKeys(keys, db)),
};
